import test from 'ava';
import { identityFor, send } from '../../helpers/auth-emulator.js';

type ErrorBody = { error: string; error_description: string; error_codes: number[]; suberror?: string };

test('tenant discovery answers for the tenant id and its domain, with the keys msal-node needs', async (t) => {
	const { identity, origin, caPem } = await identityFor(t);
	for (const tenant of [identity.tenantId, identity.tenantDomain.toUpperCase()]) {
		const reply = await send(`${origin}/${tenant}/v2.0/.well-known/openid-configuration`, { ca: caPem });
		t.is(reply.status, 200);
		const body = reply.json<Record<string, string>>();
		t.is(body.token_endpoint, `${origin}/${tenant}/oauth2/v2.0/token`);
		t.is(body.issuer, `${origin}/${identity.tenantId}/v2.0`);
		t.truthy(body.authorization_endpoint);
		t.truthy(body.jwks_uri);
		t.is(body.device_authorization_endpoint, `${origin}/${tenant}/oauth2/v2.0/devicecode`);
	}
	const keys = await send(`${origin}/${identity.tenantId}/discovery/v2.0/keys`, { ca: caPem });
	t.like(keys.json<{ keys: { kty: string; crv: string }[] }>().keys[0], { kty: 'EC', crv: 'P-256' });
});

test('an unknown tenant gets AADSTS90002 as the real service sends it', async (t) => {
	const { origin, caPem } = await identityFor(t);
	const discovery = await send(`${origin}/nosuch.onmicrosoft.com/v2.0/.well-known/openid-configuration`, {
		ca: caPem,
	});
	t.is(discovery.status, 400);
	t.like(discovery.json<ErrorBody>(), { error: 'invalid_tenant', error_codes: [90002] });
	const token = await send(`${origin}/nosuch.onmicrosoft.com/oauth2/v2.0/token`, {
		ca: caPem,
		form: { client_id: 'x', grant_type: 'client_credentials' },
	});
	const body = token.json<ErrorBody & { trace_id: string; correlation_id: string; timestamp: string }>();
	t.is(token.status, 400);
	t.regex(body.error_description, /^AADSTS90002: Tenant 'nosuch\.onmicrosoft\.com' not found\./);
	t.truthy(body.trace_id && body.correlation_id && body.timestamp);
});

test('an unknown client id gets AADSTS700016', async (t) => {
	const { identity, origin, caPem } = await identityFor(t);
	const reply = await send(`${origin}/${identity.tenantId}/oauth2/v2.0/devicecode`, {
		ca: caPem,
		form: { client_id: '00000000-0000-0000-0000-000000000001', scope: 'openid' },
	});
	t.is(reply.status, 400);
	t.like(reply.json<ErrorBody>(), { error: 'unauthorized_client', error_codes: [700016] });
});

test('instance discovery names the emulator host as its own alias', async (t) => {
	const { origin, caPem } = await identityFor(t);
	const host = new URL(origin).host;
	const query = new URLSearchParams({
		'api-version': '1.1',
		authorization_endpoint: `${origin}/contoso.onmicrosoft.com/oauth2/v2.0/authorize`,
	});
	const reply = await send(`${origin}/common/discovery/instance?${query}`, { ca: caPem });
	t.deepEqual(reply.json(), {
		tenant_discovery_endpoint: `${origin}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration`,
		'api-version': '1.1',
		metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
	});
});

test('device code protocol: pending until the page approves, RFC grant name accepted, one redemption', async (t) => {
	const { identity, origin, caPem } = await identityFor(t, { pollIntervalSeconds: 0 });
	const start = await send(`${origin}/${identity.tenantDomain}/oauth2/v2.0/devicecode`, {
		ca: caPem,
		form: {
			client_id: identity.publicClientId,
			scope: 'https://graph.microsoft.com/EventListener.Read.All openid profile offline_access',
		},
	});
	const code = start.json<{
		device_code: string;
		user_code: string;
		verification_uri: string;
		interval: number;
		expires_in: number;
	}>();
	t.is(code.interval, 0);
	t.is(code.expires_in, 900);
	const poll = () =>
		send(`${origin}/${identity.tenantDomain}/oauth2/v2.0/token`, {
			ca: caPem,
			form: {
				client_id: identity.publicClientId,
				grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
				device_code: code.device_code,
				scope: 'https://graph.microsoft.com/EventListener.Read.All openid profile offline_access',
			},
		});
	t.like((await poll()).json<ErrorBody>(), { error: 'authorization_pending', error_codes: [70016] });
	const wrong = await send(code.verification_uri, {
		ca: caPem,
		form: { otc: 'NOTACODE', action: 'approve' },
	});
	t.is(wrong.status, 400);
	const page = await send(code.verification_uri, {
		ca: caPem,
		form: { otc: code.user_code, action: 'approve' },
	});
	t.is(page.status, 200);
	const success = (await poll()).json<Record<string, string | number>>();
	t.is(success.token_type, 'Bearer');
	t.is(success.scope, 'https://graph.microsoft.com/EventListener.Read.All openid profile offline_access');
	t.is(success.expires_in, 3600);
	t.truthy(success.refresh_token && success.id_token && success.client_info);
	t.deepEqual(JSON.parse(Buffer.from(String(success.client_info), 'base64url').toString()), {
		uid: identity.user.objectId,
		utid: identity.tenantId,
	});
	t.like((await poll()).json<ErrorBody>(), { error: 'bad_verification_code' });
	// Refresh tokens rotate; the old one keeps working as in Entra.
	const refresh = (token: string) =>
		send(`${origin}/${identity.tenantId}/oauth2/v2.0/token`, {
			ca: caPem,
			form: {
				client_id: identity.publicClientId,
				grant_type: 'refresh_token',
				refresh_token: token,
				scope: 'https://graph.microsoft.com/EventListener.Read.All offline_access',
			},
		});
	const renewed = (await refresh(String(success.refresh_token))).json<Record<string, string>>();
	t.not(renewed.refresh_token, success.refresh_token);
	t.is((await refresh(String(success.refresh_token))).status, 200);
	t.like((await refresh('1.Anot-a-token')).json<ErrorBody>(), {
		error: 'invalid_grant',
		error_codes: [70008],
	});
	for (const secret of [
		code.device_code,
		code.user_code,
		success.access_token,
		success.refresh_token,
		renewed.access_token,
	]) {
		t.true(identity.issuedSecrets().includes(String(secret)));
	}
});

test('client credentials: secret, wrong secret, scope without /.default, public client', async (t) => {
	const { identity, origin, caPem } = await identityFor(t);
	const token = (form: Record<string, string>) =>
		send(`${origin}/${identity.tenantId}/oauth2/v2.0/token`, {
			ca: caPem,
			form: { client_id: identity.confidentialClientId, grant_type: 'client_credentials', ...form },
		});
	const good = await token({
		client_secret: identity.clientSecret,
		scope: 'https://graph.microsoft.com/.default',
	});
	t.is(good.status, 200);
	t.deepEqual(Object.keys(good.json()).sort(), [
		'access_token',
		'expires_in',
		'ext_expires_in',
		'token_type',
	]);
	const wrong = await token({ client_secret: 'nope', scope: 'https://graph.microsoft.com/.default' });
	t.is(wrong.status, 401);
	t.like(wrong.json<ErrorBody>(), { error: 'invalid_client', error_codes: [7000215] });
	const scope = await token({
		client_secret: identity.clientSecret,
		scope: 'https://graph.microsoft.com/User.Read',
	});
	t.like(scope.json<ErrorBody>(), { error: 'invalid_scope', error_codes: [1002012] });
	const foreign = await token({
		client_secret: identity.clientSecret,
		scope: 'https://vault.azure.net/.default',
	});
	t.like(foreign.json<ErrorBody>(), { error: 'invalid_resource', error_codes: [500011] });
	const none = await token({ scope: 'https://graph.microsoft.com/.default' });
	t.like(none.json<ErrorBody>(), { error: 'invalid_client', error_codes: [7000216] });
	identity.setBehaviour('invalid-client');
	const refused = await token({
		client_secret: identity.clientSecret,
		scope: 'https://graph.microsoft.com/.default',
	});
	t.like(refused.json<ErrorBody>(), { error: 'invalid_client', error_codes: [7000215] });
});

test('the verification page shows a code form and escapes what it echoes', async (t) => {
	const { origin, caPem } = await identityFor(t);
	const form = await send(`${origin}/devicelogin`, { ca: caPem });
	t.is(form.status, 200);
	t.regex(String(form.headers['content-type']), /text\/html/);
	t.regex(form.text, /name="otc"/);
	t.regex(form.text, /value="decline"/);
	const reply = await send(`${origin}/devicelogin`, {
		ca: caPem,
		form: { otc: '<script>', action: 'approve' },
	});
	t.false(reply.text.includes('<script>'));
	const other = await send(`${origin}/v1.0/me`, { ca: caPem });
	t.is(other.status, 404, 'other paths are left to the host server');
});
