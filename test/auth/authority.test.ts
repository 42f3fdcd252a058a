import test from 'ava';
import {
	appOnlyScopes,
	checkTenant,
	createTokenProvider,
	decodeTokenClaims,
	delegatedScopes,
	resolveAuthority,
} from '../../source/auth/index.js';
import { Redactor } from '../../source/auth/redact.js';
import { createIdentityEmulator } from '../../source/emulator/identity/index.js';

test('Microsoft clouds use compiled-in metadata: no knownAuthorities, no discovery', (t) => {
	t.deepEqual(resolveAuthority('global', 'Contoso.onmicrosoft.com'), {
		host: 'https://login.microsoftonline.com',
		hostName: 'login.microsoftonline.com',
		tenant: 'contoso.onmicrosoft.com',
		url: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
	});
	t.is(
		resolveAuthority('china', 'contoso.partner.onmschina.cn').host,
		'https://login.partner.microsoftonline.cn',
	);
	t.is(
		resolveAuthority('usgov', '0f0f0f0f-0000-4000-8000-000000000000').host,
		'https://login.microsoftonline.us',
	);
	t.is(
		resolveAuthority('global', 'contoso.com', 'https://login.microsoftonline.us/').knownAuthorities,
		undefined,
	);
});

test('an authority host override gets knownAuthorities and static metadata', (t) => {
	const authority = resolveAuthority('global', 'contoso.onmicrosoft.com', 'https://127.0.0.1:8443/');
	t.is(authority.url, 'https://127.0.0.1:8443/contoso.onmicrosoft.com');
	t.deepEqual(authority.knownAuthorities, ['127.0.0.1:8443']);
	t.like(JSON.parse(authority.authorityMetadata!), {
		token_endpoint: 'https://127.0.0.1:8443/contoso.onmicrosoft.com/oauth2/v2.0/token',
		issuer: 'https://127.0.0.1:8443/contoso.onmicrosoft.com/v2.0',
	});
	t.like(
		t.throws(() => resolveAuthority('global', 'contoso.com', 'http://127.0.0.1:8443')),
		{ code: 'config' },
	);
	t.like(
		t.throws(() => resolveAuthority('global', 'contoso.com', 'not a url')),
		{ code: 'config' },
	);
});

test('tenants are a GUID or a domain; the multi-tenant aliases are refused', (t) => {
	t.is(checkTenant(' 0F0F0F0F-0000-4000-8000-000000000000 '), '0f0f0f0f-0000-4000-8000-000000000000');
	for (const bad of ['', 'organizations', 'common', 'not a tenant', 'contoso']) {
		t.like(
			t.throws(() => checkTenant(bad)),
			{ code: 'config' },
			bad,
		);
	}
	t.regex(t.throws(() => checkTenant('organizations'))?.['hint' as 'message'] ?? '', /manages one tenant/);
});

test('least-privileged delegated scopes on the cloud Graph host; app-only uses .default', (t) => {
	t.deepEqual(delegatedScopes('global', true), [
		'https://graph.microsoft.com/EventListener.Read.All',
		'https://graph.microsoft.com/IdentityProvider.Read.All',
		'https://graph.microsoft.com/IdentityUserFlow.Read.All',
		'https://graph.microsoft.com/Application.Read.All',
		'https://graph.microsoft.com/CustomAuthenticationExtension.Read.All',
		'https://graph.microsoft.com/Policy.Read.AuthenticationMethod',
		'https://graph.microsoft.com/AuditLog.Read.All',
	]);
	t.deepEqual(delegatedScopes('china', false), [
		'https://microsoftgraph.chinacloudapi.cn/EventListener.ReadWrite.All',
		'https://microsoftgraph.chinacloudapi.cn/IdentityProvider.ReadWrite.All',
		'https://microsoftgraph.chinacloudapi.cn/IdentityUserFlow.ReadWrite.All',
		'https://microsoftgraph.chinacloudapi.cn/Application.Read.All',
		'https://microsoftgraph.chinacloudapi.cn/CustomAuthenticationExtension.ReadWrite.All',
		'https://microsoftgraph.chinacloudapi.cn/Policy.ReadWrite.AuthenticationMethod',
		'https://microsoftgraph.chinacloudapi.cn/AuditLog.Read.All',
	]);
	t.deepEqual(appOnlyScopes('usgov'), ['https://graph.microsoft.us/.default']);
	const auth = createTokenProvider({ cloud: 'global', tenant: 'contoso.com', readOnly: true, noCache: true });
	t.is(auth.mode, 'device-code');
	t.deepEqual(auth.scopes, delegatedScopes('global', true));
});

test('decodeTokenClaims reads delegated and app-only tokens and refuses opaque ones', (t) => {
	const identity = createIdentityEmulator();
	const user = decodeTokenClaims(
		identity.mintAccessToken({ scopes: ['EventListener.Read.All', 'User.Read'] }),
	);
	t.like(user, {
		kind: 'user',
		tenantId: identity.tenantId,
		objectId: identity.user.objectId,
		username: identity.user.username,
		appId: identity.publicClientId,
		audience: 'https://graph.microsoft.com',
		roles: [],
	});
	t.deepEqual(user?.scopes, ['EventListener.Read.All', 'User.Read']);
	t.true((user?.expiresAt?.getTime() ?? 0) > Date.now());
	t.true((user?.issuedAt?.getTime() ?? Infinity) <= Date.now());
	const app = decodeTokenClaims(identity.mintAccessToken({ roles: ['Application.Read.All'] }));
	t.like(app, {
		kind: 'app',
		appId: identity.confidentialClientId,
		scopes: [],
		roles: ['Application.Read.All'],
	});
	for (const opaque of ['EwBwA8l6BAAU', 'a.b.c', 'x.eyJub3QganNvbg.y', ''])
		t.is(decodeTokenClaims(opaque), undefined, opaque);
});

test('a supplied access token is used as is and describes its identity', async (t) => {
	const token = createIdentityEmulator().mintAccessToken();
	const auth = createTokenProvider({
		cloud: 'global',
		tenant: '',
		accessToken: ` ${token} `,
		readOnly: false,
		noCache: true,
	});
	t.is(auth.mode, 'access-token');
	t.is(await auth.getToken({ forceRefresh: true }), token);
	t.like(await auth.account(), { kind: 'user', username: 'admin@contosocustomers.onmicrosoft.com' });
	await auth.signOut();
	t.is(
		await createTokenProvider({
			cloud: 'global',
			tenant: '',
			accessToken: 'opaque',
			readOnly: false,
			noCache: true,
		}).account(),
		undefined,
	);
});

test('the redactor blanks known secrets, JWTs, bearer headers and secret form fields', (t) => {
	const redactor = new Redactor();
	redactor.add('s3cr3t-value', 'abc');
	const text = redactor.scrub(
		'secret s3cr3t-value, jwt eyJhbGciOiJ.eyJzdWIiOiIx.c2lnbmF0dXJl, Authorization: Bearer abcdefghijkl, body device_code=DAQAB123&client_secret=zzz, "refresh_token": "1.Aabc" abc',
	);
	t.is(
		text,
		'secret [redacted], jwt [redacted], Authorization: Bearer [redacted], body device_code=[redacted]&client_secret=[redacted], "refresh_token": "[redacted]" abc',
	);
});
