import { createHash } from 'node:crypto';
import test from 'ava';
import { getApplicationRegistration } from '../../source/graph/applications.js';
import { getOrganization, initialDomain } from '../../source/graph/organization.js';
import type { ApplicationRegistration } from '../../source/graph/types.js';
import {
	buildRunLink,
	chooseRunApp,
	customerHost,
	customerOrigin,
	type RunLinkRequest,
} from '../../source/operations/run-link.js';
import { seed } from '../helpers/emulator.js';
import { clientFor } from '../helpers/graph-client.js';

const tenantId = '9188040d-6c67-4c5b-b112-36a304b66dad';
const flow = { id: 'f1', displayName: 'Sign up' };
const storefront: ApplicationRegistration = {
	appId: 'a442e488-8827-43b0-af92-3894fc6abef4',
	displayName: 'Contoso Storefront',
	web: {
		redirectUris: ['https://shop.contoso.com/signin-oidc'],
		implicitGrantSettings: { enableIdTokenIssuance: true },
	},
	spa: { redirectUris: ['https://shop.contoso.com/'] },
	publicClient: { redirectUris: ['msauth.com.contoso.mobile://auth'] },
};
// Counting bytes, so every random value is known.
const counting = () => {
	let next = 0;
	return (size: number) => Uint8Array.from({ length: size }, () => next++ % 256);
};

function build(overrides: Partial<RunLinkRequest> = {}) {
	return buildRunLink({
		tenantId,
		initialDomain: 'contosocustomers.onmicrosoft.com',
		graphUrl: 'https://graph.microsoft.com/v1.0',
		application: storefront,
		random: counting(),
		...overrides,
	});
}

function built(overrides: Partial<RunLinkRequest> = {}) {
	const result = build(overrides);
	if (result.kind !== 'built') throw new Error(JSON.stringify(result));
	return result.link;
}

test('the host comes from the initial domain; Microsoft Graph gives https://{host}, any other Graph URL {origin}/{host}', (t) => {
	t.is(customerHost('Contoso.onmicrosoft.com'), 'contoso.ciamlogin.com');
	t.is(customerHost('contoso.com'), undefined);
	t.is(customerHost(undefined), undefined);
	t.is(
		customerOrigin('contoso.ciamlogin.com', 'https://graph.microsoft.com/beta'),
		'https://contoso.ciamlogin.com',
	);
	t.is(
		customerOrigin('contoso.ciamlogin.com', 'https://127.0.0.1:8443/v1.0'),
		'https://127.0.0.1:8443/contoso.ciamlogin.com',
	);
	t.is(built().authorizeEndpoint, `https://contosocustomers.ciamlogin.com/${tenantId}/oauth2/v2.0/authorize`);
	t.is(
		built({ graphUrl: 'http://127.0.0.1:4000/v1.0' }).authorizeEndpoint,
		`http://127.0.0.1:4000/contosocustomers.ciamlogin.com/${tenantId}/oauth2/v2.0/authorize`,
	);
	t.deepEqual(build({ initialDomain: undefined, domains: ['contoso.com'] }), {
		kind: 'refused',
		refusal: { rule: 'noInitialDomain', domains: ['contoso.com'] },
	});
});

test('only apps linked to the flow: none, one, the one asked for, or a choice to make', (t) => {
	const linked = [{ appId: 'A1', displayName: 'One' }, { appId: 'a2' }];
	t.deepEqual(chooseRunApp(flow, []), { kind: 'refused', refusal: { rule: 'noLinkedApp', flow } });
	t.deepEqual(chooseRunApp(flow, [linked[0]!]), { kind: 'chosen', appId: 'A1' });
	t.deepEqual(chooseRunApp(flow, linked, 'a1'), { kind: 'chosen', appId: 'A1' });
	t.deepEqual(chooseRunApp(flow, linked, 'zz'), {
		kind: 'refused',
		refusal: { rule: 'appNotLinked', appId: 'zz', flow, linkedApps: linked },
	});
	t.deepEqual(chooseRunApp(flow, linked), {
		kind: 'refused',
		refusal: { rule: 'chooseApp', flow, linkedApps: linked },
	});
});

test('a code link for an SPA redirect carries PKCE S256, state and nonce, and returns the verifier', (t) => {
	const link = built();
	t.deepEqual(link.redirect, { uri: 'https://shop.contoso.com/', platform: 'spa' });
	t.deepEqual(Object.keys(link.parameters), [
		'client_id',
		'redirect_uri',
		'response_type',
		'scope',
		'response_mode',
		'state',
		'nonce',
		'code_challenge',
		'code_challenge_method',
	]);
	t.is(link.parameters.response_type, 'code');
	t.is(link.parameters.scope, 'openid offline_access');
	t.is(link.state, Buffer.from(Array.from({ length: 16 }, (_, n) => n)).toString('base64url'));
	t.not(link.state, link.nonce);
	t.is(link.pkce!.challenge, createHash('sha256').update(link.pkce!.verifier).digest('base64url'));
	t.is(link.parameters.code_challenge, link.pkce!.challenge);
	t.is(link.parameters.code_challenge_method, 'S256');
	const url = new URL(link.url);
	t.is(url.searchParams.get('redirect_uri'), 'https://shop.contoso.com/');
	t.true(link.url.includes('scope=openid%20offline_access'), 'spaces as %20');
	// Without an SPA redirect, a mobile/desktop one, still with PKCE.
	const mobile = built({ application: { ...storefront, spa: { redirectUris: [] } } });
	t.is(mobile.redirect.platform, 'publicClient');
	t.truthy(mobile.pkce);
});

test('a web redirect gets no PKCE; id_token only when the app issues ID tokens, from the web platform', (t) => {
	const web = built({ redirectUri: 'https://shop.contoso.com/signin-oidc' });
	t.is(web.redirect.platform, 'web');
	t.is(web.pkce, undefined);
	t.is(web.parameters.code_challenge, undefined);
	const idToken = built({ responseType: 'id_token' });
	t.is(idToken.redirect.platform, 'web');
	t.deepEqual(
		[idToken.parameters.response_type, idToken.parameters.scope, idToken.parameters.response_mode],
		['id_token', 'openid', 'fragment'],
	);
	const noIdTokens = {
		...storefront,
		web: { ...storefront.web, implicitGrantSettings: { enableIdTokenIssuance: false } },
	};
	t.deepEqual(build({ application: noIdTokens, responseType: 'id_token' }), {
		kind: 'refused',
		refusal: {
			rule: 'idTokenNotEnabled',
			app: { appId: storefront.appId!, displayName: 'Contoso Storefront' },
		},
	});
});

test('a redirect URI of the app: none registered, or one asked for that is not (compared exactly)', (t) => {
	const bare = { appId: 'b1', displayName: 'Bare' };
	t.deepEqual(build({ application: bare }), {
		kind: 'refused',
		refusal: { rule: 'noRedirectUri', app: bare },
	});
	const refused = build({ redirectUri: 'https://shop.contoso.com' });
	t.is(refused.kind, 'refused');
	if (refused.kind === 'refused' && refused.refusal.rule === 'redirectUriNotRegistered') {
		t.deepEqual(
			refused.refusal.registered.map((redirect) => redirect.uri),
			[
				'https://shop.contoso.com/signin-oidc',
				'https://shop.contoso.com/',
				'msauth.com.contoso.mobile://auth',
			],
		);
	} else t.fail(JSON.stringify(refused));
});

test('locale goes out as ui_locales and mkt, prompt as given; bad ones are refused', (t) => {
	const link = built({ locale: 'de-DE', prompt: 'login' });
	t.deepEqual(
		[link.parameters.ui_locales, link.parameters.mkt, link.parameters.prompt],
		['de-DE', 'de-DE', 'login'],
	);
	t.deepEqual(build({ locale: 'de DE' }), {
		kind: 'refused',
		refusal: { rule: 'badLocale', locale: 'de DE' },
	});
	t.deepEqual(build({ prompt: 'always' }), {
		kind: 'refused',
		refusal: { rule: 'badPrompt', prompt: 'always' },
	});
});

test('without a random source the values differ between links', (t) => {
	const first = buildRunLink({
		tenantId,
		initialDomain: 'contosocustomers.onmicrosoft.com',
		graphUrl: 'https://graph.microsoft.com/v1.0',
		application: storefront,
	});
	const second = buildRunLink({
		tenantId,
		initialDomain: 'contosocustomers.onmicrosoft.com',
		graphUrl: 'https://graph.microsoft.com/v1.0',
		application: storefront,
	});
	t.true(first.kind === 'built' && second.kind === 'built' && first.link.state !== second.link.state);
	t.true(first.kind === 'built' && first.link.pkce!.verifier.length >= 43);
});

test('against the emulator the same builder, fed from Graph, opens the emulated sign-in page', async (t) => {
	const { client, emulator } = await clientFor(t);
	const [organization, application] = await Promise.all([
		getOrganization(client),
		getApplicationRegistration(client, seed.apps.storefront),
	]);
	const link = buildRunLink({
		tenantId: organization.id!,
		initialDomain: initialDomain(organization),
		graphUrl: client.baseUrl,
		application,
		responseType: 'id_token',
	});
	if (link.kind !== 'built') throw new Error(JSON.stringify(link));
	t.true(
		link.link.url.startsWith(
			`${emulator.origin}/contosocustomers.ciamlogin.com/${organization.id}/oauth2/v2.0/authorize?`,
		),
	);
	const page = await fetch(link.link.url);
	t.is(page.status, 200);
	t.regex(await page.text(), /<h1>Sign in<\/h1>/);
});
