// "Run user flow": the authorize link the portal's Run pane builds, from what Graph says about the tenant, the
// flow and the app. Pure apart from the random state, nonce and verifier, which a caller may supply.
import { createHash, randomBytes } from 'node:crypto';
import type { ApplicationRegistration } from '../graph/types.js';
import type { FlowRef } from './refusals.js';

/** An app as a refusal names it. */
export type RunLinkApp = { readonly appId: string; readonly displayName?: string };

/** The platform of an app registration a redirect URI is registered on. */
export type RedirectPlatform = 'web' | 'spa' | 'publicClient';

/** One registered redirect URI. */
export type RegisteredRedirect = { readonly uri: string; readonly platform: RedirectPlatform };

/** Why no link can be built, with what was seen (the faces word it and say how to fix it). */
export type RunLinkRefusal =
	/** The flow has no application: the Run pane offers only apps linked to the flow. */
	| { readonly rule: 'noLinkedApp'; readonly flow: FlowRef }
	/** The requested app is not linked to the flow; these are. */
	| {
			readonly rule: 'appNotLinked';
			readonly appId: string;
			readonly flow: FlowRef;
			readonly linkedApps: readonly RunLinkApp[];
	  }
	/** Several apps are linked and none was chosen. */
	| { readonly rule: 'chooseApp'; readonly flow: FlowRef; readonly linkedApps: readonly RunLinkApp[] }
	/** The app registration has no redirect URI on any platform. */
	| { readonly rule: 'noRedirectUri'; readonly app: RunLinkApp }
	/** The requested redirect URI is not registered on the app (compared exactly). */
	| {
			readonly rule: 'redirectUriNotRegistered';
			readonly app: RunLinkApp;
			readonly redirectUri: string;
			readonly registered: readonly RegisteredRedirect[];
	  }
	/** response_type=id_token needs the app's ID token issuance (web.implicitGrantSettings.enableIdTokenIssuance). */
	| { readonly rule: 'idTokenNotEnabled'; readonly app: RunLinkApp }
	/** The organization names no initial onmicrosoft.com domain, so the sign-in host is unknown. */
	| { readonly rule: 'noInitialDomain'; readonly domains: readonly string[] }
	/** Not a language tag such as de-DE. */
	| { readonly rule: 'badLocale'; readonly locale: string }
	/** Not a prompt value the authorize endpoint takes. */
	| { readonly rule: 'badPrompt'; readonly prompt: string };

/** A refusal as an outcome. */
export type RunLinkRefused = { readonly kind: 'refused'; readonly refusal: RunLinkRefusal };

/** Which linked app to run the flow with: the requested one if linked, the only one, or a refusal. */
export function chooseRunApp(
	flow: FlowRef,
	linkedApps: readonly RunLinkApp[],
	requested?: string,
): { readonly kind: 'chosen'; readonly appId: string } | RunLinkRefused {
	if (linkedApps.length === 0) return { kind: 'refused', refusal: { rule: 'noLinkedApp', flow } };
	if (requested !== undefined) {
		const found = linkedApps.find((app) => app.appId.toLowerCase() === requested.toLowerCase());
		return found
			? { kind: 'chosen', appId: found.appId }
			: { kind: 'refused', refusal: { rule: 'appNotLinked', appId: requested, flow, linkedApps } };
	}
	if (linkedApps.length > 1) return { kind: 'refused', refusal: { rule: 'chooseApp', flow, linkedApps } };
	return { kind: 'chosen', appId: linkedApps[0]!.appId };
}

/** The app's redirect URIs, web first, then SPA, then mobile and desktop (public client). */
export function registeredRedirects(app: ApplicationRegistration): RegisteredRedirect[] {
	const of = (platform: RedirectPlatform, uris: readonly string[] | undefined) =>
		(uris ?? []).map((uri) => ({ uri, platform }));
	return [
		...of('web', app.web?.redirectUris),
		...of('spa', app.spa?.redirectUris),
		...of('publicClient', app.publicClient?.redirectUris),
	];
}

/** `contoso.onmicrosoft.com` → `contoso.ciamlogin.com`; undefined for a domain that is not an onmicrosoft.com one. */
export function customerHost(initialDomain: string | undefined): string | undefined {
	const match = /^([a-z0-9][a-z0-9-]*)\.onmicrosoft\.com$/i.exec(initialDomain ?? '');
	return match ? `${match[1]!.toLowerCase()}.ciamlogin.com` : undefined;
}

// The Graph hosts of Microsoft's clouds; any other service root is a stand-in such as the emulator.
const microsoftGraphHosts = new Set([
	'graph.microsoft.com',
	'graph.microsoft.us',
	'dod-graph.microsoft.us',
	'microsoftgraph.chinacloudapi.cn',
]);

/**
 * Where the customer host is reached: `https://{host}` when talking to Microsoft Graph; against any other Graph
 * URL, `{that origin}/{host}`, the mapping the emulator documents (README, The emulator: Customer side).
 */
export function customerOrigin(host: string, graphUrl: string): string {
	const graph = new URL(graphUrl);
	return microsoftGraphHosts.has(graph.hostname.toLowerCase())
		? `https://${host}`
		: `${graph.origin}/${host}`;
}

/** What the link is built from. */
export type RunLinkRequest = {
	readonly tenantId: string;
	/** The organization's initial domain (verifiedDomains[isInitial]). */
	readonly initialDomain: string | undefined;
	/** Every verified domain, for the refusal when none is an initial onmicrosoft.com one. */
	readonly domains?: readonly string[];
	/** The Graph service root the client talks to (decides how the customer host is reached). */
	readonly graphUrl: string;
	/** The chosen app (see chooseRunApp), as its registration reads. */
	readonly application: ApplicationRegistration;
	readonly redirectUri?: string;
	readonly responseType?: 'code' | 'id_token';
	/** e.g. de-DE: sent as ui_locales and mkt, as the language page asks. */
	readonly locale?: string;
	readonly prompt?: string;
	/** Random bytes for state, nonce and the PKCE verifier (default: node's CSPRNG). */
	readonly random?: (size: number) => Uint8Array;
};

/** A built link and everything a tester needs to finish the run by hand. */
export type RunLink = {
	readonly url: string;
	readonly authorizeEndpoint: string;
	/** `contoso.ciamlogin.com`, whatever origin it is reached at. */
	readonly customerHost: string;
	/** The query parameters, in the order they are sent. */
	readonly parameters: Readonly<Record<string, string>>;
	readonly redirect: RegisteredRedirect;
	readonly state: string;
	readonly nonce: string;
	/** For SPA and mobile/desktop redirects: the verifier to redeem the code with. */
	readonly pkce?: { readonly verifier: string; readonly challenge: string; readonly method: 'S256' };
};

const prompts = ['login', 'select_account', 'consent', 'none', 'create'];
const localePattern = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

// A code is redeemed without a secret only with PKCE (SPA, mobile/desktop); an ID token comes from the web platform.
const preference: Readonly<Record<'code' | 'id_token', readonly RedirectPlatform[]>> = {
	code: ['spa', 'publicClient', 'web'],
	id_token: ['web', 'spa', 'publicClient'],
};

function pickRedirect(
	app: ApplicationRegistration,
	requested: string | undefined,
	responseType: 'code' | 'id_token',
): RegisteredRedirect | RunLinkRefused {
	const registered = registeredRedirects(app);
	const named: RunLinkApp = {
		appId: app.appId ?? '',
		...(app.displayName ? { displayName: app.displayName } : {}),
	};
	if (registered.length === 0) return { kind: 'refused', refusal: { rule: 'noRedirectUri', app: named } };
	if (requested !== undefined) {
		const found = registered.find((redirect) => redirect.uri === requested);
		return (
			found ?? {
				kind: 'refused',
				refusal: { rule: 'redirectUriNotRegistered', app: named, redirectUri: requested, registered },
			}
		);
	}
	for (const platform of preference[responseType]) {
		const found = registered.find((redirect) => redirect.platform === platform);
		if (found) return found;
	}
	return registered[0]!;
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** Builds the authorize link for the chosen app, or says why it cannot. */
export function buildRunLink(
	request: RunLinkRequest,
): { readonly kind: 'built'; readonly link: RunLink } | RunLinkRefused {
	const app = request.application;
	const named: RunLinkApp = {
		appId: app.appId ?? '',
		...(app.displayName ? { displayName: app.displayName } : {}),
	};
	const host = customerHost(request.initialDomain);
	if (!host) return { kind: 'refused', refusal: { rule: 'noInitialDomain', domains: request.domains ?? [] } };
	if (request.locale !== undefined && !localePattern.test(request.locale)) {
		return { kind: 'refused', refusal: { rule: 'badLocale', locale: request.locale } };
	}
	if (request.prompt !== undefined && !prompts.includes(request.prompt)) {
		return { kind: 'refused', refusal: { rule: 'badPrompt', prompt: request.prompt } };
	}
	const responseType = request.responseType ?? 'code';
	if (responseType === 'id_token' && app.web?.implicitGrantSettings?.enableIdTokenIssuance !== true) {
		return { kind: 'refused', refusal: { rule: 'idTokenNotEnabled', app: named } };
	}
	const redirect = pickRedirect(app, request.redirectUri, responseType);
	if ('kind' in redirect) return redirect;
	const random = request.random ?? ((size: number) => randomBytes(size));
	const state = base64url(random(16));
	const nonce = base64url(random(16));
	const verifier = redirect.platform === 'web' ? undefined : base64url(random(32));
	const pkce = verifier
		? {
				verifier,
				challenge: createHash('sha256').update(verifier).digest('base64url'),
				method: 'S256' as const,
			}
		: undefined;
	const parameters: Record<string, string> = {
		client_id: named.appId,
		redirect_uri: redirect.uri,
		response_type: responseType,
		scope: responseType === 'code' ? 'openid offline_access' : 'openid',
		response_mode: responseType === 'code' ? 'query' : 'fragment',
		state,
		nonce,
	};
	if (pkce) Object.assign(parameters, { code_challenge: pkce.challenge, code_challenge_method: pkce.method });
	if (request.locale) Object.assign(parameters, { ui_locales: request.locale, mkt: request.locale });
	if (request.prompt) parameters.prompt = request.prompt;
	const authorizeEndpoint = `${customerOrigin(host, request.graphUrl)}/${request.tenantId}/oauth2/v2.0/authorize`;
	const url = `${authorizeEndpoint}?${new URLSearchParams(parameters).toString().replaceAll('+', '%20')}`;
	return {
		kind: 'built',
		link: {
			url,
			authorizeEndpoint,
			customerHost: host,
			parameters,
			redirect,
			state,
			nonce,
			...(pkce ? { pkce } : {}),
		},
	};
}
