import { generateKeyPair, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { createGraphAuthorizer, type GraphAuthorize } from './authorizer.js';
import { codeForm, resultPage } from './device-page.js';
import { replies } from './errors.js';
import {
	type App,
	clientCredentials,
	type GrantState,
	type Reply,
	redeemDeviceCode,
	redeemRefreshToken,
	registerCertificate,
	startDeviceCode,
	type TokenRequest,
} from './grants.js';
import { defaults, type EmulatedUser, type IdentityEmulatorOptions, type SignInBehaviour } from './model.js';
import { createTokenMint, newClientSecret, newDeviceCode, newUserCode, type TokenSubject } from './tokens.js';
import { createCertificate } from './x509.js';

/** A client certificate registered on the confidential client, with its key, as a sign-in would use it. */
export type EmulatorClientCertificate = {
	/** Private key (PKCS#8) followed by the certificate: the one-file PEM `AZURE_CLIENT_CERTIFICATE_PATH` takes. */
	readonly pem: string;
	readonly certificatePem: string;
	/** SHA-256 of the certificate's DER, hex. */
	readonly thumbprintSha256: string;
};

/** What `mintAccessToken` makes. */
export type MintOptions = {
	/** Delegated permissions (default: every permission the public client is consented for). */
	readonly scopes?: readonly string[];
	/** Application permissions: makes an app-only token for the confidential client. */
	readonly roles?: readonly string[];
	/** Default: the emulator's access token lifetime; 0 or less gives an expired token. */
	readonly lifetimeSeconds?: number;
	/** Default https://graph.microsoft.com (another value makes a token Graph must refuse). */
	readonly audience?: string;
};

/** One request to the device code or token endpoint, as the emulator saw it (no secrets). */
export type TokenRequestRecord = {
	readonly endpoint: 'devicecode' | 'token';
	readonly grantType?: string;
	readonly clientId?: string;
	/** `ok`, or the OAuth `error` word returned. */
	readonly outcome: string;
};

/** The identity emulator: Entra's sign-in endpoints as msal-node uses them, mountable into any HTTPS server. */
export type IdentityEmulator = {
	readonly tenantId: string;
	readonly tenantDomain: string;
	/** Origin clients use as authority host, once known (option, `setOrigin`, or the last request's Host). */
	readonly authorityHost: string | undefined;
	readonly publicClientId: string;
	readonly confidentialClientId: string;
	/** The confidential client's secret. */
	readonly clientSecret: string;
	readonly user: EmulatedUser;
	/** Public key that signs access tokens (for the Graph side). */
	readonly signingPublicKey: KeyObject;
	/** Serves the sign-in routes; false for any other request (left to the host server). */
	handle(req: IncomingMessage, res: ServerResponse, body: string): boolean;
	/** The Graph emulator's `authorize` option. */
	readonly authorize: GraphAuthorize;
	/** A ready token: delegated (all tool scopes unless `scopes`) or app-only when `roles` is given. */
	mintAccessToken(options?: MintOptions): string;
	setOrigin(origin: string): void;
	setBehaviour(behaviour: SignInBehaviour): void;
	setAutoApprove(on: boolean): void;
	setAccessTokenLifetime(seconds: number): void;
	/** Approves or declines a pending device code by its user code, as the verification page does. */
	decide(userCode: string, approve: boolean): boolean;
	/** Makes every refresh token issued so far unusable (AADSTS70008). */
	revokeRefreshTokens(): void;
	/** Generates (once) an RSA certificate, registers it on the confidential client and returns it with its key. */
	clientCertificate(): Promise<EmulatorClientCertificate>;
	/** Every token, refresh token, device code, user code, client secret and assertion issued or held. */
	issuedSecrets(): string[];
	/** Device code and token endpoint requests so far. */
	tokenRequests(): readonly TokenRequestRecord[];
};

const json = (res: ServerResponse, reply: Reply | { status: number; body: unknown }) => {
	res.writeHead(reply.status, {
		'content-type': 'application/json; charset=utf-8',
		'cache-control': 'no-store, no-cache',
		pragma: 'no-cache',
	});
	res.end(JSON.stringify(reply.body));
};

const html = (res: ServerResponse, status: number, text: string) => {
	res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
	res.end(text);
};

function makeApp(
	clientId: string,
	displayName: string,
	confidential: boolean,
	scopes: readonly string[],
	roles: readonly string[],
): App {
	const consented = new Map(scopes.map((scope) => [scope.toLowerCase(), scope]));
	return { clientId, displayName, confidential, consented, roles, certificates: new Map() };
}

/** Creates the emulator; fast (one EC key). Mount `handle` as the Graph emulator's `extraRoutes`. */
export function createIdentityEmulator(options: IdentityEmulatorOptions = {}): IdentityEmulator {
	const tenantId = (options.tenantId ?? defaults.tenantId).toLowerCase();
	const tenantDomain = (options.tenantDomain ?? defaults.tenantDomain).toLowerCase();
	const tenantName = options.tenantDisplayName ?? defaults.tenantDisplayName;
	const user: EmulatedUser = { ...defaults.user, ...options.user };
	const publicApp = makeApp(
		options.publicClient?.clientId ?? defaults.publicClientId,
		options.publicClient?.displayName ?? defaults.publicClientName,
		false,
		options.publicClient?.consentedScopes ?? defaults.consentedScopes,
		[],
	);
	const confidentialOptions = options.confidentialClient ?? {};
	const confidentialApp = makeApp(
		confidentialOptions.clientId ?? defaults.confidentialClientId,
		confidentialOptions.displayName ?? defaults.confidentialClientName,
		true,
		[],
		confidentialOptions.roles ?? defaults.roles,
	);
	confidentialApp.secret = confidentialOptions.secret ?? newClientSecret();
	for (const pem of confidentialOptions.certificates ?? []) registerCertificate(confidentialApp, pem);

	const state: GrantState = {
		tenantId,
		tenantName,
		user,
		apps: new Map([publicApp, confidentialApp].map((app) => [app.clientId.toLowerCase(), app])),
		mint: createTokenMint(tenantId),
		deviceCodes: new Map(),
		refreshTokens: new Map(),
		secrets: new Set([confidentialApp.secret]),
		behaviour: options.behaviour ?? 'pending-then-success',
		autoApprove: options.autoApprove ?? false,
		accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
		shortScopeEcho: options.shortScopeEcho ?? false,
	};
	const records: TokenRequestRecord[] = [];
	const pendingPolls = options.pendingPolls ?? 1;
	const interval = options.pollIntervalSeconds ?? 5;
	const codeLifetime = options.deviceCodeLifetimeSeconds ?? 900;
	let origin = options.origin?.replace(/\/+$/, '');
	let seenOrigin: string | undefined;
	let certificate: Promise<EmulatorClientCertificate> | undefined;

	const knownTenant = (segment: string) => [tenantId, tenantDomain].includes(segment.toLowerCase());
	const anyTenant = (segment: string) =>
		knownTenant(segment) || ['organizations', 'common'].includes(segment);
	const issuerOf = (base: string) => `${base}/${tenantId}/v2.0`;

	function decide(userCode: string, approve: boolean): boolean {
		const wanted = userCode.replace(/[\s-]/g, '').toUpperCase();
		for (const code of state.deviceCodes.values()) {
			if (code.userCode === wanted && code.status === 'pending' && Date.now() <= code.expiresAt) {
				code.status = approve ? 'approved' : 'declined';
				return true;
			}
		}
		return false;
	}

	function openIdConfiguration(base: string, segment: string) {
		const tenant = knownTenant(segment) ? tenantId : '{tenantid}';
		return {
			token_endpoint: `${base}/${segment}/oauth2/v2.0/token`,
			token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
			jwks_uri: `${base}/${segment}/discovery/v2.0/keys`,
			response_modes_supported: ['query', 'fragment', 'form_post'],
			subject_types_supported: ['pairwise'],
			id_token_signing_alg_values_supported: ['ES256'],
			response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
			scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
			issuer: `${base}/${tenant}/v2.0`,
			request_uri_parameter_supported: false,
			userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
			authorization_endpoint: `${base}/${segment}/oauth2/v2.0/authorize`,
			device_authorization_endpoint: `${base}/${segment}/oauth2/v2.0/devicecode`,
			http_logout_supported: true,
			frontchannel_logout_supported: true,
			end_session_endpoint: `${base}/${segment}/oauth2/v2.0/logout`,
			claims_supported: [
				'sub',
				'iss',
				'aud',
				'exp',
				'iat',
				'nbf',
				'name',
				'oid',
				'tid',
				'preferred_username',
			],
			tenant_region_scope: null,
			cloud_instance_name: 'emulator',
			cloud_graph_host_name: 'graph.microsoft.com',
			msgraph_host: 'graph.microsoft.com',
		};
	}

	function instanceDiscovery(base: string, query: URLSearchParams) {
		const host = new URL(base).host;
		let segment = 'common';
		try {
			segment =
				new URL(query.get('authorization_endpoint') ?? '').pathname.split('/').filter(Boolean)[0] ?? segment;
		} catch {}
		return {
			tenant_discovery_endpoint: `${base}/${segment}/v2.0/.well-known/openid-configuration`,
			'api-version': '1.1',
			metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
		};
	}

	function tokenEndpoint(base: string, segment: string, path: string, params: URLSearchParams): Reply {
		const grantType = params.get('grant_type') ?? '';
		const clientId = params.get('client_id') ?? '';
		const app = state.apps.get(clientId.toLowerCase());
		const reply = ((): Reply => {
			if (!anyTenant(segment)) return replies.unknownTenant(segment);
			if (!clientId) return replies.missingParameter('client_id');
			if (!app) return replies.unknownClient(clientId, tenantName);
			const request: TokenRequest = {
				params,
				issuer: issuerOf(base),
				endpoint: `${base}${path}`,
				tenantSegments: [tenantId, tenantDomain, 'organizations', 'common'],
			};
			switch (grantType) {
				case 'device_code':
				case 'urn:ietf:params:oauth:grant-type:device_code':
					return redeemDeviceCode(state, app, request);
				case 'refresh_token':
					return redeemRefreshToken(state, app, request);
				case 'client_credentials':
					if (!knownTenant(segment)) return replies.unknownTenant(segment);
					return clientCredentials(state, app, request);
				default:
					return grantType ? replies.unsupportedGrant(grantType) : replies.missingParameter('grant_type');
			}
		})();
		records.push({
			endpoint: 'token',
			grantType,
			clientId,
			outcome: reply.status === 200 ? 'ok' : String(reply.body.error),
		});
		return reply;
	}

	function deviceCodeEndpoint(base: string, segment: string, params: URLSearchParams): Reply {
		const clientId = params.get('client_id') ?? '';
		const app = state.apps.get(clientId.toLowerCase());
		const reply = ((): Reply => {
			if (!anyTenant(segment)) return replies.unknownTenant(segment);
			if (!clientId) return replies.missingParameter('client_id');
			if (!app) return replies.unknownClient(clientId, tenantName);
			const entry = () => ({
				deviceCode: newDeviceCode(),
				userCode: newUserCode(),
				clientId: app.clientId,
				expiresAt: Date.now() + codeLifetime * 1000,
				status: 'pending' as const,
				pendingLeft: pendingPolls,
			});
			return startDeviceCode(state, app, params, entry, `${base}/devicelogin`, interval);
		})();
		records.push({
			endpoint: 'devicecode',
			clientId,
			outcome: reply.status === 200 ? 'ok' : String(reply.body.error),
		});
		return reply;
	}

	function handle(req: IncomingMessage, res: ServerResponse, body: string): boolean {
		const url = new URL(req.url ?? '/', 'https://emulator.invalid');
		const parts = url.pathname.split('/').filter(Boolean);
		const [segment = '', ...rest] = parts;
		const route = `${req.method} ${rest.join('/')}`;
		if (req.headers.host) seenOrigin = `https://${req.headers.host}`;
		const base = origin ?? seenOrigin ?? 'https://127.0.0.1';
		if (url.pathname === '/devicelogin') {
			if (req.method === 'GET') html(res, 200, codeForm(tenantName));
			else if (req.method === 'POST') {
				const form = new URLSearchParams(body);
				const approve = form.get('action') !== 'decline';
				if (decide(form.get('otc') ?? '', approve))
					html(res, 200, resultPage(tenantName, publicApp.displayName, approve));
				else html(res, 400, codeForm(tenantName, "That code didn't work. Check the code and try again."));
			} else return false;
			return true;
		}
		switch (route) {
			case 'GET v2.0/.well-known/openid-configuration':
				json(
					res,
					anyTenant(segment)
						? { status: 200, body: openIdConfiguration(base, segment) }
						: replies.unknownTenant(segment, 'invalid_tenant'),
				);
				return true;
			case 'GET discovery/instance':
				json(res, { status: 200, body: instanceDiscovery(base, url.searchParams) });
				return true;
			case 'GET discovery/v2.0/keys':
				json(res, { status: 200, body: state.mint.jwks() });
				return true;
			case 'POST oauth2/v2.0/devicecode':
				json(res, deviceCodeEndpoint(base, segment, new URLSearchParams(body)));
				return true;
			case 'POST oauth2/v2.0/token':
				json(res, tokenEndpoint(base, segment, url.pathname, new URLSearchParams(body)));
				return true;
			default:
				return false;
		}
	}

	const identity: IdentityEmulator = {
		tenantId,
		tenantDomain,
		get authorityHost() {
			return origin ?? seenOrigin;
		},
		publicClientId: publicApp.clientId,
		confidentialClientId: confidentialApp.clientId,
		clientSecret: confidentialApp.secret,
		user,
		signingPublicKey: state.mint.publicKey,
		handle,
		authorize: createGraphAuthorizer({ signingPublicKey: state.mint.publicKey }),
		mintAccessToken(mint = {}) {
			const lifetime = mint.lifetimeSeconds ?? state.accessTokenLifetimeSeconds;
			const issuer = issuerOf(origin ?? seenOrigin ?? 'https://127.0.0.1');
			const subject: TokenSubject = mint.roles
				? { kind: 'app', clientId: confidentialApp.clientId, roles: mint.roles }
				: {
						kind: 'user',
						clientId: publicApp.clientId,
						user,
						scopes: mint.scopes ?? [...publicApp.consented.values()],
					};
			const token = state.mint.accessToken(subject, issuer, lifetime, mint.audience);
			state.secrets.add(token);
			return token;
		},
		setOrigin(value) {
			origin = value.replace(/\/+$/, '');
		},
		setBehaviour(behaviour) {
			state.behaviour = behaviour;
		},
		setAutoApprove(on) {
			state.autoApprove = on;
		},
		setAccessTokenLifetime(seconds) {
			state.accessTokenLifetimeSeconds = seconds;
		},
		decide,
		revokeRefreshTokens() {
			for (const token of state.refreshTokens.values()) token.revoked = true;
		},
		clientCertificate() {
			certificate ??= promisify(generateKeyPair)('rsa', { modulusLength: 2048 }).then(
				({ privateKey, publicKey }) => {
					const certificatePem = createCertificate({
						commonName: confidentialApp.displayName,
						publicKey,
						signingKey: privateKey,
						usage: ['client'],
					});
					const thumbprintSha256 = registerCertificate(confidentialApp, certificatePem);
					const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
					return { pem: `${key}${certificatePem}`, certificatePem, thumbprintSha256 };
				},
			);
			return certificate;
		},
		issuedSecrets: () => [...state.secrets],
		tokenRequests: () => [...records],
	};
	return identity;
}
