import test from 'ava';
import { createTokenProvider, decodeTokenClaims } from '../../source/auth/index.js';
import { echoAsRequested } from '../../source/auth/network.js';
import { assertNoSecrets, capture } from '../helpers/auth-capture.js';
import { identityFor, send } from '../helpers/auth-emulator.js';

test('device code: pending, then a token once approved (auto)', async (t) => {
	const { identity, config } = await identityFor(t, {
		autoApprove: true,
		pendingPolls: 1,
		pollIntervalSeconds: 1,
	});
	const seen = capture();
	const auth = createTokenProvider(config(), seen.hooks);
	t.is(auth.mode, 'device-code');
	const token = await auth.getToken();
	t.is(seen.deviceCodes.length, 1);
	const [code] = seen.deviceCodes;
	t.regex(code!.userCode, /^[A-Z\d]{9}$/);
	t.is(code!.verificationUri, `${identity.authorityHost}/devicelogin`);
	t.true(code!.message.includes(code!.userCode));
	t.true(code!.expiresAt.getTime() > Date.now() + 800_000);
	t.deepEqual(
		identity.tokenRequests().map((r) => `${r.endpoint}:${r.outcome}`),
		['devicecode:ok', 'token:authorization_pending', 'token:ok'],
	);
	const claims = decodeTokenClaims(token);
	t.is(claims?.tenantId, identity.tenantId);
	t.is(claims?.username, identity.user.username);
	t.deepEqual([...(claims?.scopes ?? [])].sort(), [
		'Application.Read.All',
		'AuditLog.Read.All',
		'CustomAuthenticationExtension.ReadWrite.All',
		'EventListener.ReadWrite.All',
		'IdentityProvider.ReadWrite.All',
		'IdentityUserFlow.ReadWrite.All',
		'Policy.ReadWrite.AuthenticationMethod',
	]);
	const account = await auth.account();
	t.like(account, { kind: 'user', username: identity.user.username, tenantId: identity.tenantId });
	// Second call: from the cache, no request.
	t.is(await auth.getToken(), token);
	t.is(identity.tokenRequests().length, 3);
	assertNoSecrets(t, seen.text, identity.issuedSecrets());
});

test('device code approved on the verification page, token accepted by the Graph emulator', async (t) => {
	const harness = await identityFor(t, { graph: true, pollIntervalSeconds: 1 });
	const { identity, origin, caPem, graphUrl } = harness;
	const page = await send(`${origin}/devicelogin`, { ca: caPem });
	t.is(page.status, 200);
	t.regex(page.text, /<form method="post" action="\/devicelogin">/);
	const seen = capture((info) => {
		void send(info.verificationUri, {
			ca: caPem,
			form: { otc: info.userCode.toLowerCase(), action: 'approve' },
		}).then((reply) => t.regex(reply.text, /You're signed in/));
	});
	const auth = createTokenProvider(harness.config({ readOnly: true }), seen.hooks);
	const token = await auth.getToken();
	t.deepEqual([...(decodeTokenClaims(token)?.scopes ?? [])].sort(), [
		'Application.Read.All',
		'AuditLog.Read.All',
		'CustomAuthenticationExtension.Read.All',
		'EventListener.Read.All',
		'IdentityProvider.Read.All',
		'IdentityUserFlow.Read.All',
		'Policy.Read.AuthenticationMethod',
	]);
	const flows = await send(`${graphUrl}/identity/authenticationEventsFlows`, {
		ca: caPem,
		headers: { authorization: `Bearer ${token}` },
	});
	t.is(flows.status, 200);
	// Read-only sign-in: a write is refused with Graph's 403.
	const write = await send(
		`${graphUrl}/identity/authenticationEventsFlows/289f0177-1297-43be-b406-ff86fb19c671`,
		{
			ca: caPem,
			method: 'DELETE',
			headers: { authorization: `Bearer ${token}` },
		},
	);
	t.is(write.status, 403);
	t.is(write.json<{ error: { code: string } }>().error.code, 'Authorization_RequestDenied');
	assertNoSecrets(t, seen.text, identity.issuedSecrets());
});

test('device code declined on the page', async (t) => {
	const { identity, caPem, config } = await identityFor(t, { pollIntervalSeconds: 1 });
	const seen = capture((info) => {
		void send(info.verificationUri, { ca: caPem, form: { otc: info.userCode, action: 'decline' } });
	});
	const error = seen.error(t, await t.throwsAsync(createTokenProvider(config(), seen.hooks).getToken()));
	t.is(error.code, 'declined');
	t.regex(error.message, /declined/);
	assertNoSecrets(t, seen.text, identity.issuedSecrets());
});

const behaviours = [
	['declined', 'declined', 'AADSTS70000'],
	['expired', 'code-expired', 'AADSTS70020'],
	['slow-down', 'slow-down', undefined],
	['consent-required', 'consent-required', 'AADSTS65001'],
	['conditional-access', 'conditional-access', 'AADSTS53003'],
	['mfa-required', 'mfa-required', 'AADSTS50076'],
	['invalid-client', 'public-client-disabled', 'AADSTS7000218'],
] as const;

for (const [behaviour, code, aadsts] of behaviours) {
	test(`device code with behaviour ${behaviour} → ${code}`, async (t) => {
		const { identity, config } = await identityFor(t, {
			autoApprove: true,
			pollIntervalSeconds: 0,
			behaviour,
		});
		const seen = capture();
		const error = seen.error(t, await t.throwsAsync(createTokenProvider(config(), seen.hooks).getToken()));
		t.is(error.code, code);
		t.is(error.aadsts, aadsts);
		if (aadsts) t.true(error.message.endsWith(`(${aadsts})`));
		t.true(error.hint.length > 20);
		if (behaviour === 'invalid-client') t.is(seen.deviceCodes.length, 0, 'no empty code is shown');
		if (behaviour === 'consent-required') t.regex(error.message, /EventListener\.ReadWrite\.All/);
		if (behaviour === 'conditional-access') t.regex(error.hint, /app-only/);
		assertNoSecrets(t, seen.text, identity.issuedSecrets());
	});
}

test('device code that expires unused', async (t) => {
	const { identity, config } = await identityFor(t, { pollIntervalSeconds: 1, deviceCodeLifetimeSeconds: 1 });
	const seen = capture();
	const error = seen.error(t, await t.throwsAsync(createTokenProvider(config(), seen.hooks).getToken()));
	t.is(error.code, 'code-expired');
	assertNoSecrets(t, seen.text, identity.issuedSecrets());
});

test('device code wait ends at the configured timeout', async (t) => {
	const { config } = await identityFor(t, { pollIntervalSeconds: 1 });
	const seen = capture();
	const auth = createTokenProvider(config({ deviceCodeTimeoutSeconds: 1 }), seen.hooks);
	t.is(seen.error(t, await t.throwsAsync(auth.getToken())).code, 'timeout');
});

test('device code cancelled through an AbortSignal, at once', async (t) => {
	const { identity, config } = await identityFor(t, { pollIntervalSeconds: 2 });
	const controller = new AbortController();
	let shownAt = 0;
	const seen = capture(() => {
		shownAt = Date.now();
		setImmediate(() => controller.abort());
	});
	const auth = createTokenProvider(config(), seen.hooks);
	const error = seen.error(t, await t.throwsAsync(auth.getToken({ signal: controller.signal })));
	t.is(error.code, 'cancelled');
	t.true(Date.now() - shownAt < 1000, 'does not wait for the 2 s poll interval');
	// An already aborted signal never starts a sign-in.
	t.is(seen.error(t, await t.throwsAsync(auth.getToken({ signal: controller.signal }))).code, 'cancelled');
	t.is(seen.deviceCodes.length, 1);
	assertNoSecrets(t, seen.text, identity.issuedSecrets());
});

test('a new code right after cancelling the shown one starts a new sign-in (r on the sign-in screen)', async (t) => {
	const { config } = await identityFor(t, { autoApprove: true, pendingPolls: 1, pollIntervalSeconds: 1 });
	const first = new AbortController();
	let again: Promise<unknown> | undefined;
	const seen = capture(() => {
		if (seen.deviceCodes.length > 1) return;
		// As the screen's r does: abort the attempt shown and ask for a new one in the same breath.
		first.abort();
		again = auth.signIn({ signal: new AbortController().signal });
	});
	const auth = createTokenProvider(config(), seen.hooks);
	t.is(seen.error(t, await t.throwsAsync(auth.signIn({ signal: first.signal }))).code, 'cancelled');
	t.like(await again, { kind: 'user' });
	t.is(seen.deviceCodes.length, 2, 'a second code was shown, not the first attempt handed back');
});

test('concurrent token requests share one device code', async (t) => {
	const { config } = await identityFor(t, { autoApprove: true, pollIntervalSeconds: 0 });
	const seen = capture();
	const auth = createTokenProvider(config(), seen.hooks);
	const tokens = await Promise.all([auth.getToken(), auth.getToken(), auth.getToken()]);
	t.is(new Set(tokens).size, 1);
	t.is(seen.deviceCodes.length, 1);
});

test('without a way to show a code: not signed in', async (t) => {
	const { identity, config } = await identityFor(t);
	const seen = capture();
	const auth = createTokenProvider(config(), { onWarning: seen.hooks.onWarning });
	const error = seen.error(t, await t.throwsAsync(auth.getToken()));
	t.is(error.code, 'not-signed-in');
	t.regex(error.hint, /entra-flows login/);
	t.is(identity.tokenRequests().length, 0);
});

test('unknown tenant and unknown app are explained', async (t) => {
	const { identity, config } = await identityFor(t, { autoApprove: true, pollIntervalSeconds: 0 });
	const seen = capture();
	const tenant = seen.error(
		t,
		await t.throwsAsync(
			createTokenProvider(config({ tenant: 'nosuch.onmicrosoft.com' }), seen.hooks).getToken(),
		),
	);
	t.is(tenant.code, 'unknown-tenant');
	t.is(tenant.aadsts, 'AADSTS90002');
	t.regex(tenant.message, /nosuch\.onmicrosoft\.com/);
	const app = seen.error(
		t,
		await t.throwsAsync(
			createTokenProvider(
				config({ clientId: '00000000-1111-2222-3333-444444444444' }),
				seen.hooks,
			).getToken(),
		),
	);
	t.is(app.code, 'app-not-found');
	t.is(app.aadsts, 'AADSTS700016');
	t.regex(app.message, /00000000-1111-2222-3333-444444444444/);
	t.is(seen.deviceCodes.length, 0);
	assertNoSecrets(t, seen.text, identity.issuedSecrets());
});

test('scopes the app lacks consent for are left out of the token: Graph refuses the write', async (t) => {
	const { identity, config } = await identityFor(t, {
		autoApprove: true,
		pollIntervalSeconds: 0,
		publicClient: {
			consentedScopes: ['EventListener.Read.All', 'IdentityProvider.ReadWrite.All', 'User.Read'],
		},
	});
	const token = await createTokenProvider(config(), capture().hooks).getToken();
	t.deepEqual(decodeTokenClaims(token)?.scopes, ['IdentityProvider.ReadWrite.All']);
	const bearer = `Bearer ${token}`;
	t.like(identity.authorize(bearer, { permission: 'IdentityProvider.Read.All', write: false }), { ok: true });
	t.like(identity.authorize(bearer, { permission: 'EventListener.ReadWrite.All', write: true }), {
		ok: false,
		status: 403,
		code: 'Authorization_RequestDenied',
	});
});

test('a short scope echo from the service still gives cache hits', async (t) => {
	const { identity, config } = await identityFor(t, {
		autoApprove: true,
		pollIntervalSeconds: 0,
		shortScopeEcho: true,
	});
	const auth = createTokenProvider(config(), capture().hooks);
	const token = await auth.getToken();
	const requests = identity.tokenRequests().length;
	t.is(await auth.getToken(), token);
	t.is(identity.tokenRequests().length, requests, 'no refresh');
	t.is(
		echoAsRequested(
			'EventListener.Read.All openid https://other/X.Y',
			'https://graph.microsoft.com/EventListener.Read.All openid',
		),
		'https://graph.microsoft.com/EventListener.Read.All openid https://other/X.Y',
	);
});
