import type { TenantStore } from '../tenant.js';
import type { ApplicationRecord, FlowRecord } from '../types.js';

/** Which platform of the app registration the redirect URI belongs to. */
export type RedirectKind = 'web' | 'spa' | 'publicClient';

/** A checked authorize request, ready for the sign-in page. */
export type AuthorizeRequest = {
	readonly application: ApplicationRecord;
	readonly flow: FlowRecord;
	readonly redirectUri: string;
	readonly redirectKind: RedirectKind;
	readonly responseType: 'code' | 'id_token' | 'code id_token';
	readonly responseMode: 'query' | 'fragment' | 'form_post';
	readonly scope: string;
	readonly state: string | null;
	readonly nonce: string | null;
	readonly codeChallenge: string | null;
	readonly codeChallengeMethod: 'S256' | 'plain' | null;
	readonly locale: string;
	readonly prompt: string | null;
};

/** An error the page shows itself: before the redirect URI is known good, Entra never redirects. */
export type PageError = {
	readonly kind: 'page';
	readonly status: number;
	readonly aadsts?: number;
	readonly message: string;
};

/** An error sent back to the (registered) redirect URI. */
export type RedirectError = {
	readonly kind: 'redirect';
	readonly redirectUri: string;
	readonly responseMode: 'query' | 'fragment';
	readonly state: string | null;
	readonly error: string;
	readonly aadsts: number;
	readonly description: string;
};

export type AuthorizeVerdict =
	| { readonly kind: 'ok'; readonly request: AuthorizeRequest }
	| PageError
	| RedirectError;

/** The platform a redirect URI is registered on, compared exactly (case and port included). */
export function redirectKindOf(application: ApplicationRecord, uri: string): RedirectKind | undefined {
	if (application.web.redirectUris.includes(uri)) return 'web';
	if (application.spa.redirectUris.includes(uri)) return 'spa';
	if (application.publicClient.redirectUris.includes(uri)) return 'publicClient';
	return undefined;
}

const page = (status: number, aadsts: number | undefined, message: string): PageError => ({
	kind: 'page',
	status,
	...(aadsts === undefined ? {} : { aadsts }),
	message,
});

const missing = (name: string) =>
	page(400, 900144, `The request body must contain the following parameter: '${name}'.`);

/** True when the tenant segment of the path names this tenant (its id or one of its verified domains). */
export function isTenantSegment(tenant: TenantStore, segment: string): boolean {
	const wanted = segment.toLowerCase();
	return (
		wanted === tenant.state.tenantId.toLowerCase() ||
		tenant.state.verifiedDomains.some((domain) => domain.name.toLowerCase() === wanted)
	);
}

function parseResponseType(raw: string): AuthorizeRequest['responseType'] | undefined {
	const parts = raw.split(/\s+/).filter(Boolean).sort();
	const joined = parts.join(' ');
	if (joined === 'code') return 'code';
	if (joined === 'id_token') return 'id_token';
	if (joined === 'code id_token') return 'code id_token';
	return undefined;
}

/** Checks an authorize request the way Entra does, in its order: tenant, client, redirect URI, then the rest. */
export function checkAuthorize(
	tenant: TenantStore,
	segment: string,
	query: URLSearchParams,
): AuthorizeVerdict {
	if (!isTenantSegment(tenant, segment)) {
		return page(
			400,
			90002,
			`Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
		);
	}
	const clientId = query.get('client_id');
	if (!clientId) return missing('client_id');
	const application = tenant.findApplicationByAppId(clientId);
	if (!application) {
		return page(
			400,
			700016,
			`Application with identifier '${clientId}' was not found in the directory '${tenant.state.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
		);
	}
	const redirectUri = query.get('redirect_uri');
	if (!redirectUri) return missing('redirect_uri');
	const redirectKind = redirectKindOf(application, redirectUri);
	if (!redirectKind) {
		return page(
			400,
			50011,
			`The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${application.appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`,
		);
	}
	const flow = tenant.flowForApp(application.appId);
	// No error code for this case is documented; the page says what is wrong in the service's words.
	if (!flow) {
		return page(
			400,
			undefined,
			`The application '${application.displayName}' (${application.appId}) is not linked to a user flow of this tenant, so it has no sign-up or sign-in page. Link it to a user flow first.`,
		);
	}
	const state = query.get('state');
	const rawType = query.get('response_type') ?? '';
	const responseType = parseResponseType(rawType);
	const wantsIdToken = responseType !== undefined && responseType !== 'code';
	const rawMode = query.get('response_mode');
	const responseMode = (rawMode ?? (wantsIdToken ? 'fragment' : 'query')) as AuthorizeRequest['responseMode'];
	const back = (error: string, aadsts: number, description: string): RedirectError => ({
		kind: 'redirect',
		redirectUri,
		responseMode: wantsIdToken || responseMode === 'fragment' ? 'fragment' : 'query',
		state,
		error,
		aadsts,
		description: `AADSTS${aadsts}: ${description}`,
	});
	if (!rawType)
		return back(
			'invalid_request',
			900144,
			"The request body must contain the following parameter: 'response_type'.",
		);
	if (!responseType)
		return back('unsupported_response_type', 700054, `The response_type '${rawType}' is not supported.`);
	if (wantsIdToken && !application.web.enableIdTokenIssuance) {
		return back(
			'unsupported_response_type',
			700054,
			"response_type 'id_token' is not enabled for the application.",
		);
	}
	if (
		!['query', 'fragment', 'form_post'].includes(responseMode) ||
		(wantsIdToken && responseMode === 'query')
	) {
		return back(
			'invalid_request',
			900144,
			`The response_mode '${rawMode}' cannot be used with response_type '${rawType}'.`,
		);
	}
	const scope = query.get('scope') ?? '';
	if (!scope.split(/\s+/).includes('openid'))
		return back('invalid_request', 900144, "The 'scope' parameter must include 'openid'.");
	const nonce = query.get('nonce');
	if (wantsIdToken && !nonce)
		return back('invalid_request', 900144, "The request body must contain the following parameter: 'nonce'.");
	const codeChallenge = query.get('code_challenge');
	const method = query.get('code_challenge_method') ?? (codeChallenge ? 'plain' : null);
	if (method !== null && method !== 'S256' && method !== 'plain') {
		return back(
			'invalid_request',
			900144,
			`The code_challenge_method '${method}' is not supported; use S256.`,
		);
	}
	const prompt = query.get('prompt');
	// The emulator keeps no browser session, so a silent request never finds a signed-in customer.
	if (prompt === 'none')
		return back('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.');
	const locale = (query.get('ui_locales') ?? query.get('mkt') ?? 'en-us').split(/\s+/)[0] ?? 'en-us';
	return {
		kind: 'ok',
		request: {
			application,
			flow,
			redirectUri,
			redirectKind,
			responseType,
			responseMode,
			scope,
			state,
			nonce,
			codeChallenge,
			codeChallengeMethod: method as AuthorizeRequest['codeChallengeMethod'],
			locale,
			prompt,
		},
	};
}
