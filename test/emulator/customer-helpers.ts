import type { ExecutionContext } from 'ava';
import {
	type ExtensionBehaviour,
	type ExtensionServer,
	startExtensionServer,
} from '../../source/emulator/extension-server.js';
import { createLoopbackTls } from '../../source/emulator/identity/index.js';
import { type RunningEmulator, seedIds } from '../../source/emulator/server.js';
import { start } from './helpers.js';

/** A loopback redirect URI registered on the storefront's SPA platform for these tests. */
export const spaRedirect = 'http://127.0.0.1:9/callback';
/** The storefront's web redirect (ID tokens enabled). */
export const webRedirect = 'https://shop.contoso.com/signin-oidc';
/** A verifier and its S256 challenge (RFC 7636 appendix B). */
export const pkce = {
	verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
	challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
};

/** An emulator (plain HTTP) whose seeded extensions point at a loopback HTTPS extension server. */
export type CustomerWorld = {
	readonly emulator: RunningEmulator;
	readonly extensions: ExtensionServer;
	/** `{origin}/contosocustomers.ciamlogin.com/{tenantId}` */
	readonly base: string;
};

/** Starts the world for one test: emulator, extension server (demo behaviour unless given), SPA redirect. */
export async function customerWorld(
	t: ExecutionContext,
	options: { quirks?: string; behaviour?: ExtensionBehaviour } = {},
): Promise<CustomerWorld> {
	const tls = createLoopbackTls();
	const emulator = await start(t, {
		trustedCa: [tls.caPem],
		...(options.quirks ? { quirks: options.quirks } : {}),
	});
	const extensions = await startExtensionServer({
		tls,
		verifyKey: emulator.customerSigningKey,
		...(options.behaviour ? { behaviour: options.behaviour } : {}),
	});
	t.teardown(() => extensions.close());
	for (const extension of emulator.tenant.extensions) {
		extension.targetUrl = extension.targetUrl.replace('https://127.0.0.1:7071', extensions.origin);
		// Beyond the documented 2 s (set in-process, not through Graph): a loaded test machine must not time out
		// calls that are not about timing; the tests about timeouts set their own limits.
		extension.clientConfiguration = { timeoutInMilliseconds: 10_000, maximumRetries: 0 };
	}
	emulator.tenant.findApplicationByAppId(seedIds.apps.storefront.appId)!.spa.redirectUris.push(spaRedirect);
	return {
		emulator,
		extensions,
		base: `${emulator.origin}/contosocustomers.ciamlogin.com/${seedIds.tenantId}`,
	};
}

/** A page answer. */
export type PageAnswer = { status: number; html: string; location: string | null };

async function answer(response: Response): Promise<PageAnswer> {
	return { status: response.status, html: await response.text(), location: response.headers.get('location') };
}

/** GET the authorize endpoint with the storefront's SPA redirect, PKCE and state unless overridden. */
export async function authorize(
	world: CustomerWorld,
	overrides: Record<string, string | null> = {},
): Promise<PageAnswer> {
	const query = new URLSearchParams();
	const parameters: Record<string, string | null> = {
		client_id: seedIds.apps.storefront.appId,
		redirect_uri: spaRedirect,
		response_type: 'code',
		scope: 'openid offline_access',
		state: 'state-1',
		code_challenge: pkce.challenge,
		code_challenge_method: 'S256',
		...overrides,
	};
	for (const [key, value] of Object.entries(parameters)) if (value !== null) query.set(key, value);
	return answer(await fetch(`${world.base}/oauth2/v2.0/authorize?${query}`, { redirect: 'manual' }));
}

/** The journey id a page carries. */
export function transactionOf(page: PageAnswer): string {
	const found = /name="txn" value="([^"]+)"/.exec(page.html);
	if (!found) throw new Error(`no transaction on the page (${page.status}):\n${page.html}`);
	return found[1]!;
}

/** POSTs a form of the customer pages. */
export async function post(
	world: CustomerWorld,
	path: string,
	form: Record<string, string | string[]>,
): Promise<PageAnswer> {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(form)) for (const one of [value].flat()) body.append(key, one);
	return answer(await fetch(`${world.base}/${path}`, { method: 'POST', body, redirect: 'manual' }));
}

/** Authorize, then the first sign-up step: the page after it (attributes, block, error). */
export async function startSignUp(
	world: CustomerWorld,
	email = 'new@example.com',
	overrides: Record<string, string | null> = {},
) {
	const txn = transactionOf(await authorize(world, overrides));
	const page = await post(world, 'signup', { txn, email, password: 'Str0ng-pass' });
	return { txn, page };
}

/** Values for the customers flow's required fields, which the demo extension accepts. */
export const goodCustomer = {
	'a:displayName': 'Nova Customer',
	'a:givenName': 'Nova',
	'a:surname': 'Customer',
	'a:country': 'Netherlands',
};

/** The messages under the fields of a page, by field attribute. */
export function fieldErrors(html: string): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const match of html.matchAll(/data-field="([^"]+)"[\s\S]*?<p class="error"[^>]*>([^<]*)<\/p>/g)) {
		if (match[2]) errors[match[1]!] = match[2];
	}
	return errors;
}
