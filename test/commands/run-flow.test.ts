import { createHash } from 'node:crypto';
import test from 'ava';
import { fakeJwt } from '../graph/fake-jwt.js';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';
import { decodeDrawnQr } from '../helpers/qr.js';

// `flows run`: the authorize link the portal's Run pane builds, against the emulator, whose customer-facing
// origin is found from the tenant's initial domain as the real ciamlogin.com host is.

const { customers, partners, events } = seed.flows;
type Run = {
	url: string;
	customerHost: string;
	redirect: { uri: string; platform: string };
	parameters: Record<string, string>;
	codeVerifier?: string;
	app: { appId: string };
};
const flowsRun = (
	emulator: { graphUrl: string },
	argv: readonly string[],
	options?: Parameters<typeof runCommand>[2],
) => runCommand(emulator.graphUrl, ['flows', 'run', ...argv], options);

test('the link: the tenant ciamlogin host on the emulator origin, the app, its SPA redirect, state, nonce and PKCE S256', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await flowsRun(emulator, [
		customers.name,
		'--app',
		'Contoso Storefront',
		'--locale',
		'de-DE',
		'--json',
	]);
	t.is(run.code, 0, run.stderr);
	const link = json<Run>(run);
	const url = new URL(link.url);
	t.is(link.customerHost, 'contosocustomers.ciamlogin.com');
	t.is(url.origin, new URL(emulator.graphUrl).origin);
	t.is(
		url.pathname,
		`/contosocustomers.ciamlogin.com/${emulator.tenant.state.tenantId}/oauth2/v2.0/authorize`,
	);
	t.deepEqual(link.redirect, { uri: 'https://shop.contoso.com/', platform: 'spa' });
	const query = Object.fromEntries(url.searchParams);
	t.like(query, {
		client_id: seed.apps.storefront,
		redirect_uri: 'https://shop.contoso.com/',
		response_type: 'code',
		scope: 'openid offline_access',
		code_challenge_method: 'S256',
		ui_locales: 'de-DE',
		mkt: 'de-DE',
	});
	t.regex(query.state ?? '', /^[\w-]{22}$/);
	t.regex(query.nonce ?? '', /^[\w-]{22}$/);
	t.is(
		query.code_challenge,
		createHash('sha256')
			.update(link.codeVerifier ?? '')
			.digest('base64url'),
	);
	// A web redirect has no PKCE (the app redeems with its secret).
	const web = json<Run>(
		await flowsRun(emulator, [
			customers.id,
			'--app',
			seed.apps.storefront,
			'--redirect-uri',
			'https://shop.contoso.com/signin-oidc',
			'--json',
		]),
	);
	t.is(web.redirect.platform, 'web');
	t.is(web.codeVerifier, undefined);
	t.false(new URL(web.url).searchParams.has('code_challenge'));
	const idToken = json<Run>(
		await flowsRun(emulator, [
			customers.id,
			'--app',
			seed.apps.storefront,
			'--response-type',
			'id_token',
			'--json',
		]),
	);
	t.like(idToken.parameters, { response_type: 'id_token', response_mode: 'fragment', scope: 'openid' });
});

test('it prints the link and a QR code that decodes to it; --qr none leaves the code out', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await flowsRun(emulator, [partners.id]);
	t.is(run.code, 0, run.stderr);
	const lines = run.stdout.split('\n');
	const link = lines.find((line) => line.includes('/oauth2/v2.0/authorize?')) ?? '';
	t.regex(
		run.stdout,
		/^Run "Partner portal sign-in only" with "Contoso Partner Portal" .* returning to https:\/\/partners\.contoso\.com\/signin-oidc \(web\):/,
	);
	t.is(decodeDrawnQr(run.stdout), link);
	const bare = await flowsRun(emulator, [partners.id, '--qr', 'none']);
	t.false(bare.stdout.includes('█'));
	const badQr = await flowsRun(emulator, [partners.id, '--qr', 'blue']);
	t.is(badQr.code, 2);
});

test('refusals name what is linked or registered and how to fix it', async (t) => {
	const emulator = await emulatorFor(t);
	const several = await flowsRun(emulator, [customers.id]);
	t.is(several.code, 1);
	t.regex(several.stderr, /used by 2 apps; say which/);
	t.regex(several.stderr, /"Contoso Storefront" \(a442e488.*"Contoso Mobile" \(0f2e3b41/);
	const notLinked = await flowsRun(emulator, [customers.id, '--app', seed.apps.partnerPortal]);
	t.regex(notLinked.stderr, new RegExp(`${seed.apps.partnerPortal} is not linked to "${customers.name}"`));
	t.regex(notLinked.stderr, /apps link/);
	const unregistered = await flowsRun(emulator, [partners.id, '--redirect-uri', 'https://evil.example/']);
	t.regex(unregistered.stderr, /https:\/\/evil\.example\/ is not a redirect URI of "Contoso Partner Portal"/);
	t.regex(unregistered.stderr, /https:\/\/partners\.contoso\.com\/signin-oidc \(web\)/);
	const locale = await flowsRun(emulator, [partners.id, '--locale', 'de_DE!']);
	t.regex(locale.stderr, /"de_DE!" is not a language tag/);
	const app = emulator.tenant.findApplicationByAppId(seed.apps.partnerPortal)!;
	app.web.enableIdTokenIssuance = false;
	const idToken = await flowsRun(emulator, [partners.id, '--response-type', 'id_token']);
	t.regex(idToken.stderr, /does not issue ID tokens/);
	app.web.redirectUris = [];
	const noRedirect = await flowsRun(emulator, [partners.id]);
	t.is(noRedirect.code, 1);
	t.regex(noRedirect.stderr, /has no redirect URI/);
	t.regex(noRedirect.stderr, /Add a platform/);
	emulator.tenant.findFlow(events.id)!.appIds = [];
	const none = await flowsRun(emulator, [events.id]);
	t.regex(none.stderr, /No application uses "Events registration"/);
	t.regex(none.stderr, new RegExp(`apps link ${events.id} <appId>`));
});

test('reading the app registration needs Application.Read.All, named before anything is sent', async (t) => {
	const emulator = await emulatorFor(t);
	const token = fakeJwt({ scp: 'EventListener.Read.All IdentityUserFlow.Read.All' });
	const run = await flowsRun(emulator, [partners.id], { token });
	t.is(run.code, 1);
	t.regex(run.stderr, /Application\.Read\.All/);
});
