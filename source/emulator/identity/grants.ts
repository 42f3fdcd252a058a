import { createHash, type KeyObject, timingSafeEqual, X509Certificate } from 'node:crypto';
import { type OAuthErrorReply, replies } from './errors.js';
import { checkWorkloadToken, type FederatedCredential } from './federation.js';
import { certificateThumbprints, parseJwt, verifyJwtSignature } from './jwt.js';
import { type EmulatedUser, graphAudience, openIdScopes, type SignInBehaviour } from './model.js';
import { clientInfo, foreignResource, newRefreshToken, permissionOf, type TokenMint } from './tokens.js';

/*
The token endpoint's three grants (device_code, refresh_token, client_credentials) and the device code
endpoint, over the emulator's in-memory state. Each function returns a reply; the router writes it.
*/

/** A registered application. */
export type App = {
	readonly clientId: string;
	readonly displayName: string;
	readonly confidential: boolean;
	/** Consented delegated permissions, by lower-case name. */
	readonly consented: ReadonlyMap<string, string>;
	readonly roles: readonly string[];
	secret?: string;
	/** Registered certificates by base64url SHA-256 and SHA-1 thumbprint. */
	readonly certificates: Map<string, X509Certificate>;
	/** Workload tokens this app accepts as its client assertion. */
	readonly federatedCredentials: readonly FederatedCredential[];
};

/** One device code and where it stands. */
export type DeviceCodeEntry = {
	readonly deviceCode: string;
	readonly userCode: string;
	readonly clientId: string;
	readonly expiresAt: number;
	status: 'pending' | 'approved' | 'declined' | 'redeemed';
	pendingLeft: number;
};

/** State the grants read and change. */
export type GrantState = {
	readonly tenantId: string;
	readonly tenantName: string;
	readonly user: EmulatedUser;
	readonly apps: ReadonlyMap<string, App>;
	readonly mint: TokenMint;
	readonly deviceCodes: Map<string, DeviceCodeEntry>;
	readonly refreshTokens: Map<string, { clientId: string; revoked: boolean }>;
	/** Everything secret the emulator issued or received, for leak-scanning tests. */
	readonly secrets: Set<string>;
	behaviour: SignInBehaviour;
	autoApprove: boolean;
	accessTokenLifetimeSeconds: number;
	/** Echo granted Graph scopes by short name (`User.Read`) instead of as requested. */
	shortScopeEcho: boolean;
};

/** A reply: JSON body and status. */
export type Reply = OAuthErrorReply | { readonly status: 200; readonly body: Record<string, unknown> };

/** The request as the grants see it. */
export type TokenRequest = {
	readonly params: URLSearchParams;
	/** Issuer URL for this tenant on this origin. */
	readonly issuer: string;
	/** The token endpoint URL as called (client assertion audience). */
	readonly endpoint: string;
	/** Tenant segments accepted in an assertion audience. */
	readonly tenantSegments: readonly string[];
	/** The emulator's workload token issuer on this origin, and its key. */
	readonly workload: { readonly issuer: string; readonly publicKey: KeyObject };
};

type Granted = { scopes: string[]; echo: string[] } | OAuthErrorReply;

function grantScopes(state: GrantState, app: App, requested: string): Granted {
	const scopes: string[] = [];
	const echo: string[] = [];
	for (const scope of requested.split(/\s+/).filter(Boolean)) {
		if (openIdScopes.has(scope.toLowerCase())) {
			echo.push(scope);
			continue;
		}
		const resource = foreignResource(scope);
		if (resource) return replies.unknownResource(resource, state.tenantName);
		const permission = permissionOf(scope);
		if (permission === '.default') {
			for (const name of app.consented.values()) {
				scopes.push(name);
				echo.push(`${graphAudience}/${name}`);
			}
			continue;
		}
		const name = app.consented.get(permission.toLowerCase());
		if (name) {
			scopes.push(name);
			echo.push(state.shortScopeEcho ? name : scope);
		}
	}
	return { scopes, echo };
}

/** Delegated tokens: access, refresh (new each time, old ones stay valid as in Entra), id and client_info. */
function userTokens(state: GrantState, app: App, request: TokenRequest): Reply {
	const granted = grantScopes(state, app, request.params.get('scope') ?? '');
	if ('status' in granted) return granted;
	const accessToken = state.mint.accessToken(
		{ kind: 'user', clientId: app.clientId, user: state.user, scopes: granted.scopes },
		request.issuer,
		state.accessTokenLifetimeSeconds,
	);
	const refreshToken = newRefreshToken();
	const idToken = state.mint.idToken(app.clientId, state.user, request.issuer);
	state.refreshTokens.set(refreshToken, { clientId: app.clientId, revoked: false });
	for (const secret of [accessToken, refreshToken, idToken]) state.secrets.add(secret);
	return {
		status: 200,
		body: {
			token_type: 'Bearer',
			scope: granted.echo.join(' '),
			expires_in: state.accessTokenLifetimeSeconds,
			ext_expires_in: state.accessTokenLifetimeSeconds,
			access_token: accessToken,
			refresh_token: refreshToken,
			id_token: idToken,
			client_info: clientInfo(state.user, state.tenantId),
		},
	};
}

/** Failures a behaviour imposes once a user grant would succeed. */
function userGrantBlock(state: GrantState, app: App): OAuthErrorReply | undefined {
	switch (state.behaviour) {
		case 'consent-required':
			return replies.consentRequired(app.clientId, app.displayName);
		case 'conditional-access':
			return replies.conditionalAccess();
		case 'mfa-required':
			return replies.mfaRequired();
		default:
			return undefined;
	}
}

/** POST /{tenant}/oauth2/v2.0/devicecode, for a known client. */
export function startDeviceCode(
	state: GrantState,
	app: App,
	params: URLSearchParams,
	entry: () => DeviceCodeEntry,
	verificationUri: string,
	intervalSeconds: number,
): Reply {
	if (app.confidential || state.behaviour === 'invalid-client') return replies.publicClientDisabled();
	const scope = params.get('scope');
	if (!scope) return replies.missingParameter('scope');
	const granted = grantScopes(state, app, scope);
	if ('status' in granted) return granted;
	const code = entry();
	state.deviceCodes.set(code.deviceCode, code);
	state.secrets.add(code.deviceCode);
	state.secrets.add(code.userCode);
	const expiresIn = Math.round((code.expiresAt - Date.now()) / 1000);
	return {
		status: 200,
		body: {
			user_code: code.userCode,
			device_code: code.deviceCode,
			verification_uri: verificationUri,
			expires_in: expiresIn,
			interval: intervalSeconds,
			message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${code.userCode} to authenticate.`,
		},
	};
}

/** grant_type=device_code (msal-node's short name) or the RFC 8628 URN. */
export function redeemDeviceCode(state: GrantState, app: App, request: TokenRequest): Reply {
	const code = state.deviceCodes.get(request.params.get('device_code') ?? '');
	if (!code || code.clientId !== app.clientId || code.status === 'redeemed') return replies.badDeviceCode();
	if (Date.now() > code.expiresAt) return replies.expired();
	if (state.behaviour === 'slow-down') return replies.slowDown();
	if (state.behaviour === 'invalid-client') return replies.publicClientDisabled();
	if (code.status === 'pending' && state.autoApprove) {
		if (code.pendingLeft > 0) code.pendingLeft -= 1;
		else code.status = 'approved';
	}
	if (code.status === 'pending') return replies.pending();
	if (code.status === 'declined' || state.behaviour === 'declined') return replies.declined();
	if (state.behaviour === 'expired') return replies.expired();
	const blocked = userGrantBlock(state, app);
	if (blocked) return blocked;
	code.status = 'redeemed';
	return userTokens(state, app, request);
}

/** grant_type=refresh_token. */
export function redeemRefreshToken(state: GrantState, app: App, request: TokenRequest): Reply {
	const token = request.params.get('refresh_token') ?? '';
	state.secrets.add(token);
	const known = state.refreshTokens.get(token);
	if (!known || known.revoked) return replies.badRefreshToken();
	if (known.clientId !== app.clientId) return replies.clientMismatch();
	if (state.behaviour === 'invalid-client') return replies.publicClientDisabled();
	return userGrantBlock(state, app) ?? userTokens(state, app, request);
}

const sameText = (a: string, b: string) => {
	const left = createHash('sha256').update(a).digest();
	return timingSafeEqual(left, createHash('sha256').update(b).digest());
};

function checkAssertion(app: App, request: TokenRequest, assertion: string): OAuthErrorReply | undefined {
	const jwt = parseJwt(assertion);
	if (!jwt) return replies.assertionRejected('The client assertion is not a well-formed JWT.');
	// An app signs its own assertion (iss = its client id); anything else is a workload token from an issuer.
	if (
		jwt.claims.iss !== app.clientId &&
		jwt.claims.iss !== undefined &&
		!jwt.header.x5t &&
		!jwt.header['x5t#S256']
	) {
		return checkWorkloadToken(
			jwt,
			app.federatedCredentials,
			request.workload.issuer,
			request.workload.publicKey,
		);
	}
	const s256 = typeof jwt.header['x5t#S256'] === 'string' ? jwt.header['x5t#S256'] : undefined;
	const s1 = typeof jwt.header.x5t === 'string' ? jwt.header.x5t : undefined;
	const certificate = app.certificates.get(s256 ?? s1 ?? '');
	if (!certificate) {
		return replies.assertionRejected(
			`The key was not found. Thumbprint of key used by client: '${s256 ?? s1 ?? 'none'}'. Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.clientId}'.`,
		);
	}
	const allowed = s256 ? ['PS256'] : ['RS256', 'PS256'];
	if (!allowed.includes(String(jwt.header.alg)) || !verifyJwtSignature(jwt, certificate.publicKey)) {
		return replies.assertionRejected(
			'The provided signature value did not match the expected signature value.',
		);
	}
	const { iss, sub, aud, exp, nbf } = jwt.claims;
	if (iss !== app.clientId || sub !== app.clientId) return replies.assertionIssuer();
	if (!audienceMatches(String(aud), request)) {
		return replies.assertionRejected(`The audience '${String(aud)}' is not this token endpoint.`);
	}
	const now = Date.now() / 1000;
	if (typeof exp !== 'number' || exp <= now || (typeof nbf === 'number' && nbf > now + 300)) {
		return replies.assertionTime();
	}
	return undefined;
}

function audienceMatches(audience: string, request: TokenRequest): boolean {
	try {
		const aud = new URL(audience);
		const own = new URL(request.endpoint);
		const [tenant, ...rest] = aud.pathname.split('/').filter(Boolean);
		return (
			aud.origin === own.origin &&
			rest.join('/') === 'oauth2/v2.0/token' &&
			request.tenantSegments.includes((tenant ?? '').toLowerCase())
		);
	} catch {
		return false;
	}
}

/** grant_type=client_credentials with a secret or a certificate assertion. */
export function clientCredentials(state: GrantState, app: App, request: TokenRequest): Reply {
	const { params } = request;
	const secret = params.get('client_secret');
	const assertion = params.get('client_assertion');
	if (secret) state.secrets.add(secret);
	if (assertion) state.secrets.add(assertion);
	if (!app.confidential) return replies.publicClientDisabled();
	if (state.behaviour === 'invalid-client') return replies.invalidSecret(app.clientId, app.displayName);
	if (secret !== null) {
		if (!app.secret || !sameText(secret, app.secret))
			return replies.invalidSecret(app.clientId, app.displayName);
	} else if (assertion !== null) {
		if (params.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
			return replies.missingParameter('client_assertion_type');
		}
		const failure = checkAssertion(app, request, assertion);
		if (failure) return failure;
	} else {
		return replies.missingCredential();
	}
	const scopes = (params.get('scope') ?? '')
		.split(/\s+/)
		.filter((scope) => scope && !openIdScopes.has(scope));
	const [scope] = scopes;
	if (scopes.length !== 1 || !scope || permissionOf(scope) !== '.default') {
		return replies.needsDefaultScope(scopes.join(' '));
	}
	const resource = foreignResource(scope);
	if (resource) return replies.unknownResource(resource, state.tenantName);
	const accessToken = state.mint.accessToken(
		{ kind: 'app', clientId: app.clientId, roles: app.roles },
		request.issuer,
		state.accessTokenLifetimeSeconds,
	);
	state.secrets.add(accessToken);
	return {
		status: 200,
		body: {
			token_type: 'Bearer',
			expires_in: state.accessTokenLifetimeSeconds,
			ext_expires_in: state.accessTokenLifetimeSeconds,
			access_token: accessToken,
		},
	};
}

/** Registers a certificate (PEM) on an app under both thumbprints; returns the SHA-256 hex thumbprint. */
export function registerCertificate(app: App, pem: string): string {
	const certificate = new X509Certificate(pem);
	const { x5t, x5tS256 } = certificateThumbprints(certificate);
	app.certificates.set(x5t, certificate);
	app.certificates.set(x5tS256, certificate);
	return createHash('sha256').update(certificate.raw).digest('hex');
}
