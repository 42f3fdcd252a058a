import { generateKeyPair, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { createGraphAuthorizer } from './authorizer.js';
import { codeForm, resultPage } from './device-page.js';
import { instanceDiscovery, openIdConfiguration } from './discovery.js';
import type { EmulatorClientCertificate, IdentityEmulator, TokenRequestRecord } from './emulator-api.js';
import { replies } from './errors.js';
import { createWorkloadIssuer, defaultWorkloadSubject, type FederatedCredential } from './federation.js';
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
import {
	answerManagedIdentity,
	type ManagedIdentities,
	type ManagedIdentitySource,
	managedIdentityBody,
	managedIdentityPaths,
} from './managed-identity.js';
import { defaults, type EmulatedUser, type IdentityEmulatorOptions } from './model.js';
import { createTokenMint, newClientSecret, newDeviceCode, newUserCode, type TokenSubject } from './tokens.js';
import { createCertificate } from './x509.js';

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
	federatedCredentials: readonly FederatedCredential[] = [],
): App {
	const consented = new Map(scopes.map((scope) => [scope.toLowerCase(), scope]));
	return {
		clientId,
		displayName,
		confidential,
		consented,
		roles,
		certificates: new Map(),
		federatedCredentials,
	};
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
		confidentialOptions.federatedCredentials ?? [{ subject: defaultWorkloadSubject }],
	);
	const workload = createWorkloadIssuer();
	const managedIdentities: ManagedIdentities = {
		systemAssigned: options.managedIdentities?.systemAssigned ?? {
			...defaults.systemAssignedIdentity,
			roles: defaults.roles,
		},
		userAssigned: options.managedIdentities?.userAssigned ?? [defaults.userAssignedIdentity],
		identityHeader: options.managedIdentities?.identityHeader ?? randomBytes(16).toString('hex'),
	};
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
				workload: { issuer: workload.issuer(base), publicKey: workload.publicKey },
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

	function managedIdentityEndpoint(
		source: ManagedIdentitySource,
		query: URLSearchParams,
		headers: IncomingMessage['headers'],
	): { status: number; body: unknown } {
		const answer = answerManagedIdentity(source, managedIdentities, query, headers);
		const clientId = answer.ok ? answer.identity.clientId : (query.get('client_id') ?? undefined);
		records.push({
			endpoint: 'managed-identity',
			source,
			...(clientId ? { clientId } : {}),
			outcome: answer.ok ? 'ok' : String(answer.body.error ?? answer.status),
		});
		if (!answer.ok) return answer;
		const lifetime = state.accessTokenLifetimeSeconds;
		const token = state.mint.accessToken(
			{ kind: 'app', clientId: answer.identity.clientId, roles: answer.identity.roles },
			issuerOf(origin ?? seenOrigin ?? 'https://127.0.0.1'),
			lifetime,
		);
		state.secrets.add(token);
		return {
			status: 200,
			body: managedIdentityBody(source, token, answer.identity, answer.resource, lifetime),
		};
	}

	function handle(req: IncomingMessage, res: ServerResponse, body: string): boolean {
		const url = new URL(req.url ?? '/', 'https://emulator.invalid');
		const parts = url.pathname.split('/').filter(Boolean);
		const [segment = '', ...rest] = parts;
		const route = `${req.method} ${rest.join('/')}`;
		if (req.headers.host) seenOrigin = `https://${req.headers.host}`;
		const base = origin ?? seenOrigin ?? 'https://127.0.0.1';
		// msal-node lower-cases these URLs and ends them with a slash; Azure takes them either way.
		const bare = url.pathname.replace(/\/$/, '');
		const source: ManagedIdentitySource | undefined =
			bare === managedIdentityPaths.appService
				? 'app-service'
				: bare === managedIdentityPaths.imds
					? 'imds'
					: undefined;
		if (source && req.method === 'GET') {
			json(res, managedIdentityEndpoint(source, url.searchParams, req.headers));
			return true;
		}
		if (segment === 'workload-issuer' && req.method === 'GET') {
			const answer = workload.route(base, rest.join('/'));
			if (!answer) return false;
			json(res, answer);
			return true;
		}
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
						? { status: 200, body: openIdConfiguration(base, segment, tenantId, knownTenant(segment)) }
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
		managedIdentities,
		workloadIssuer: () => workload.issuer(origin ?? seenOrigin ?? 'https://127.0.0.1'),
		issueWorkloadToken(workloadOptions) {
			const token = workload.issue(origin ?? seenOrigin ?? 'https://127.0.0.1', workloadOptions);
			state.secrets.add(token);
			return token;
		},
		issuedSecrets: () => [...state.secrets],
		tokenRequests: () => [...records],
	};
	return identity;
}
