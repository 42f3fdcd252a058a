import { type KeyObject, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SecureContext } from 'node:tls';
import type { Quirks } from '../quirks.js';
import type { TenantStore } from '../tenant.js';
import { type Answer, type PageSite, pageAnswer, protocolErrorPage, redirectError } from './answers.js';
import { pageCss, pageJs } from './assets.js';
import { checkAuthorize, isTenantSegment } from './authorize-request.js';
import { createCustomerTokens } from './codes.js';
import { trustContext } from './extension-call.js';
import { pageHeaders } from './html.js';
import { Journeys } from './journey.js';
import { protocolErrorBody } from './pages.js';
import { signUp, submitAttributes } from './sign-up.js';
import { federation, type StepDeps, showSignIn, showSignUp, signIn } from './steps.js';

/*
The customer side of the emulated tenant: what https://{subdomain}.ciamlogin.com/{tenant}/… serves for real.
The emulator serves every such host under its own origin as the first path segment:

	https://contosocustomers.ciamlogin.com/{tenantId}/oauth2/v2.0/authorize
	→ {emulator origin}/contosocustomers.ciamlogin.com/{tenantId}/oauth2/v2.0/authorize

{subdomain} is the label of the tenant's initial domain (GET /organization, verifiedDomains[isInitial]) or the
tenant id; anything else is a host that does not exist.
*/

/** Options of the customer side. */
export type CustomerSideOptions = {
	readonly tenant: TenantStore;
	readonly quirks: Quirks;
	/** Extra CA certificates (PEM) trusted when calling extensions. */
	readonly ca?: readonly string[];
	/** The emulator's origin, for the issuer of customer tokens. */
	readonly origin: () => string;
};

/** The customer side, mounted by the server for paths whose first segment is a ciamlogin.com host. */
export type CustomerSide = {
	/** True when the path belongs to a ciamlogin.com host (served here, even if only with a 404). */
	owns(path: string): boolean;
	handle(request: IncomingMessage, response: ServerResponse, body: string): Promise<void>;
	/** Verifies the bearer tokens sent to extensions and the customer id_tokens. */
	readonly signingPublicKey: KeyObject;
};

const suffix = '.ciamlogin.com';

function send(response: ServerResponse, answer: Answer): void {
	if (response.headersSent || response.destroyed) return;
	switch (answer.kind) {
		case 'html':
			response.writeHead(answer.status, pageHeaders);
			response.end(answer.html);
			return;
		case 'redirect':
			response.writeHead(302, { Location: answer.location, 'Cache-Control': 'no-store' });
			response.end();
			return;
		case 'json':
			response.writeHead(answer.status, {
				'Content-Type': 'application/json; charset=utf-8',
				'Cache-Control': 'no-store',
			});
			response.end(JSON.stringify(answer.body));
			return;
		case 'asset':
			response.writeHead(200, {
				'Content-Type': answer.contentType,
				'Cache-Control': 'no-cache',
				'X-Content-Type-Options': 'nosniff',
			});
			response.end(answer.text);
	}
}

/** Creates the customer side of one tenant. */
export function createCustomerSide(options: CustomerSideOptions): CustomerSide {
	const { tenant } = options;
	// CIAM issuers name the tenant id twice: https://{tenantId}.ciamlogin.com/{tenantId}/v2.0.
	const issuer = () => {
		const id = tenant.state.tenantId;
		return `${options.origin()}/${id}${suffix}/${id}/v2.0`;
	};
	const tokens = createCustomerTokens(tenant.state.tenantId, issuer);
	const journeys = new Journeys();
	// Built when an extension is first called: it parses every system root, which a start-up need not wait for.
	let trust: SecureContext | undefined;

	function knownHost(host: string): boolean {
		const label = host.slice(0, -suffix.length).toLowerCase();
		const initial = tenant.state.verifiedDomains.find((domain) => domain.isInitial)?.name.toLowerCase();
		return (
			label === tenant.state.tenantId.toLowerCase() ||
			(initial !== undefined && `${label}.onmicrosoft.com` === initial)
		);
	}

	async function route(
		request: IncomingMessage,
		host: string,
		rest: string[],
		query: URLSearchParams,
		body: string,
	): Promise<Answer> {
		const site: PageSite = { host, tenant };
		const deps: StepDeps = {
			tenant,
			quirks: options.quirks,
			tokens,
			get trust() {
				trust ??= trustContext(options.ca ?? []);
				return trust;
			},
			site,
		};
		const method = request.method ?? 'GET';
		if (!knownHost(host)) {
			return pageAnswer(
				site,
				'Not found',
				protocolErrorBody(`There is no tenant at ${host}.`, {
					correlationId: '-',
					timestamp: new Date().toISOString(),
				}),
				{ status: 404 },
			);
		}
		if (rest[0] === 'static' && method === 'GET') {
			if (rest[1] === 'page.css')
				return { kind: 'asset', contentType: 'text/css; charset=utf-8', text: pageCss };
			if (rest[1] === 'page.js')
				return { kind: 'asset', contentType: 'text/javascript; charset=utf-8', text: pageJs };
		}
		const [segment = '', ...tail] = rest;
		const path = tail.join('/');
		const base = `/${host}/${segment}`;
		if (!isTenantSegment(tenant, segment)) {
			return protocolErrorPage(site, 400, 90002, `Tenant '${segment}' not found.`, '-');
		}
		const form = new URLSearchParams(body);
		const journey = () => journeys.get(method === 'GET' ? query.get('txn') : form.get('txn'));
		switch (`${method} ${path}`) {
			case 'GET oauth2/v2.0/authorize': {
				const verdict = checkAuthorize(tenant, segment, query);
				if (verdict.kind === 'page')
					return protocolErrorPage(site, verdict.status, verdict.aadsts, verdict.message, randomUUID());
				if (verdict.kind === 'redirect') return redirectError(verdict);
				const started = journeys.start(verdict.request, base, request.socket.remoteAddress ?? '127.0.0.1');
				return showSignIn(deps, started);
			}
			case 'POST oauth2/v2.0/token': {
				const reply = tokens.redeem(form);
				return { kind: 'json', status: reply.status, body: reply.body };
			}
			case 'GET v2.0/.well-known/openid-configuration':
				return {
					kind: 'json',
					status: 200,
					body: openIdConfiguration(`${options.origin()}/${host}/${segment}`, issuer()),
				};
			case 'GET discovery/v2.0/keys':
				return { kind: 'json', status: 200, body: tokens.jwks() };
		}
		const current = journey();
		if (!current) {
			return protocolErrorPage(
				site,
				400,
				undefined,
				'Your sign-in session has expired or is not valid. Go back to the application and start again.',
				'-',
			);
		}
		switch (`${method} ${path}`) {
			case 'GET signin':
				return showSignIn(deps, current, '');
			case 'POST signin':
				return signIn(deps, current, form);
			case 'GET signup':
				return showSignUp(deps, current);
			case 'POST signup':
				return signUp(deps, current, form);
			case 'POST attributes':
				return submitAttributes(deps, current, form);
			case 'POST federation':
				return federation(deps, current, form);
		}
		return pageAnswer(
			site,
			'Not found',
			protocolErrorBody(`Nothing is served at ${path}.`, {
				correlationId: '-',
				timestamp: new Date().toISOString(),
			}),
			{ status: 404 },
		);
	}

	return {
		owns: (path) => (path.split('/')[1] ?? '').toLowerCase().endsWith(suffix),
		async handle(request, response, body) {
			const url = new URL(request.url ?? '/', 'http://emulator.invalid');
			const [host = '', ...rest] = url.pathname.split('/').slice(1);
			send(response, await route(request, host.toLowerCase(), rest, url.searchParams, body));
		},
		signingPublicKey: tokens.publicKey,
	};
}

function openIdConfiguration(base: string, issuer: string) {
	return {
		issuer,
		authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
		token_endpoint: `${base}/oauth2/v2.0/token`,
		jwks_uri: `${base}/discovery/v2.0/keys`,
		response_types_supported: ['code', 'id_token', 'code id_token'],
		response_modes_supported: ['query', 'fragment', 'form_post'],
		scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
		code_challenge_methods_supported: ['plain', 'S256'],
		id_token_signing_alg_values_supported: ['ES256'],
	};
}
