import test from 'ava';
import { fakeJwt } from '../graph/fake-jwt.js';
import { call, start } from './helpers.js';

// The tenant around the flows: identity providers written, the email OTP method policy, and the audit log
// that every accepted write leaves.

const customers = '289f0177-1297-43be-b406-ff86fb19c671';
const oidcBody = {
	'@odata.type': '#microsoft.graph.oidcIdentityProvider',
	displayName: 'Contoso partners',
	clientId: '00001111-aaaa-2222-bbbb-3333cccc4444',
	issuer: 'https://login.contoso-partners.example/v2.0/',
	wellKnownEndpoint: 'https://login.contoso-partners.example/v2.0/.well-known/openid-configuration',
	responseType: 'code',
	scope: 'openid profile email',
	clientAuthentication: {
		'@odata.type': '#microsoft.graph.oidcClientSecretAuthentication',
		clientSecret: 'oidc-secret-value-4294967296',
	},
	inboundClaimMapping: { sub: 'sub', name: 'name', email: 'email' },
};

test('an OIDC provider is created with a GUID id, and its secret never reads back', async (t) => {
	const emulator = await start(t);
	const created = await call<Record<string, unknown>>(emulator, 'POST', '/identity/identityProviders', {
		body: oidcBody,
	});
	t.is(created.status, 201, created.text);
	t.regex(String(created.json.id), /^[0-9a-f-]{36}$/);
	t.like(created.json, {
		'@odata.type': '#microsoft.graph.oidcIdentityProvider',
		clientAuthentication: { clientSecret: '*****' },
	});
	const list = await call(emulator, 'GET', '/identity/identityProviders');
	t.false(list.text.includes('oidc-secret-value'));
	t.false(list.text.includes('GOCSPX-emulator'));
	const again = await call(emulator, 'POST', '/identity/identityProviders', { body: oidcBody });
	t.is(again.status, 400);
	t.regex(again.text, /already exists/);
});

test('create refuses what the page rules out: token response type, basic auth, a missing property', async (t) => {
	const emulator = await start(t);
	for (const [body, message] of [
		[{ ...oidcBody, responseType: 'id_token' }, /only 'code' is supported/],
		[
			{ ...oidcBody, clientAuthentication: { '@odata.type': '#microsoft.graph.oidcClientSecretBasic' } },
			/client_secret_basic is not supported/,
		],
		[{ ...oidcBody, issuer: 'http://plain.example/' }, /must be an https URL/],
		[{ ...oidcBody, inboundClaimMapping: undefined }, /inboundClaimMapping' .* is required/],
		[
			{
				'@odata.type': '#microsoft.graph.socialIdentityProvider',
				displayName: 'Amazon',
				identityProviderType: 'Amazon',
				clientId: 'a',
				clientSecret: 'b',
			},
			/'Amazon' is not supported/,
		],
		[
			{
				'@odata.type': '#microsoft.graph.socialIdentityProvider',
				displayName: 'Google',
				identityProviderType: 'Google',
				clientId: 'a',
				clientSecret: 'b',
			},
			/of type 'Google' already exists in this tenant \('Google-OAUTH'\)/,
		],
	] as const) {
		const answer = await call(emulator, 'POST', '/identity/identityProviders', { body });
		t.is(answer.status, 400, answer.text);
		t.regex(answer.text, message);
	}
});

test('update needs the provider type and changes only what is sent; delete is refused while a flow offers it', async (t) => {
	const emulator = await start(t);
	const noType = await call(emulator, 'PATCH', '/identity/identityProviders/Google-OAUTH', {
		body: { displayName: 'Google accounts' },
	});
	t.is(noType.status, 400);
	t.regex(noType.text, /'@odata.type' is required/);
	const patched = await call(emulator, 'PATCH', '/identity/identityProviders/Google-OAUTH', {
		body: { '@odata.type': '#microsoft.graph.socialIdentityProvider', displayName: 'Google accounts' },
	});
	t.is(patched.status, 204, patched.text);
	const google = emulator.tenant.findProvider('Google-OAUTH');
	t.is(google?.displayName, 'Google accounts');
	t.is(google?.clientSecret, 'GOCSPX-emulator-not-a-real-secret');
	const builtIn = await call(emulator, 'DELETE', '/identity/identityProviders/EmailPassword-OAUTH');
	t.is(builtIn.status, 400);
	t.regex(builtIn.text, /built-in identity provider/);
	const inUse = await call(emulator, 'DELETE', '/identity/identityProviders/Google-OAUTH');
	t.is(inUse.status, 400);
	t.regex(inUse.text, new RegExp(`used by \\d user flow\\(s\\): .*${customers}`));
	t.truthy(emulator.tenant.findProvider('Google-OAUTH'));
});

test('the email method configuration reads as documented and a PATCH without @odata.type is refused', async (t) => {
	const emulator = await start(t);
	const path = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/email';
	const read = await call<Record<string, unknown>>(emulator, 'GET', path);
	t.is(read.status, 200);
	t.like(read.json, {
		'@odata.type': '#microsoft.graph.emailAuthenticationMethodConfiguration',
		id: 'Email',
		state: 'enabled',
		allowExternalIdToUseEmailOtp: 'default',
		includeTargets: [],
	});
	const untyped = await call(emulator, 'PATCH', path, { body: { state: 'enabled' } });
	t.is(untyped.status, 400);
	t.regex(untyped.text, /must be included/);
	const enabled = await call(emulator, 'PATCH', path, {
		body: {
			'@odata.type': '#microsoft.graph.emailAuthenticationMethodConfiguration',
			state: 'enabled',
			includeTargets: [{ targetType: 'group', id: 'all_users', isRegistrationRequired: false }],
		},
	});
	t.is(enabled.status, 204, enabled.text);
	t.deepEqual(emulator.tenant.emailMethod.includeTargets, [
		{ targetType: 'group', id: 'all_users', isRegistrationRequired: false },
	]);
	const sms = await call(emulator, 'GET', path.replace(/email$/, 'sms'));
	t.is(sms.status, 404);
});

test('each accepted write leaves an audit entry naming who, what and old → new; refused ones leave none', async (t) => {
	const emulator = await start(t);
	const token = `Bearer ${fakeJwt({ upn: 'avery@contoso.example', name: 'Avery Admin', oid: 'u-1', scp: 'EventListener.ReadWrite.All' })}`;
	const before = emulator.tenant.findFlow(customers)?.description ?? null;
	const renamed = await call(emulator, 'PATCH', `/identity/authenticationEventsFlows/${customers}`, {
		token,
		body: {
			'@odata.type': '#microsoft.graph.externalUsersSelfServiceSignUpEventsFlow',
			description: 'Storefront customers',
		},
	});
	t.is(renamed.status, 204, renamed.text);
	const refused = await call(emulator, 'DELETE', '/identity/identityProviders/Google-OAUTH', { token });
	t.is(refused.status, 400);
	const filter = encodeURIComponent(
		`startswith(activityDisplayName,'Update authenticationEventsFlow') and targetResources/any(t:t/id eq '${customers}') and activityDateTime ge 2020-01-01T00:00:00Z`,
	);
	const log = await call<{ value: Record<string, unknown>[] }>(
		emulator,
		'GET',
		`/auditLogs/directoryAudits?$filter=${filter}`,
	);
	t.is(log.status, 200, log.text);
	t.is(log.json.value.length, 1);
	t.like(log.json.value[0], {
		activityDisplayName: 'Update authenticationEventsFlow',
		category: 'PolicyManagement',
		loggedByService: 'B2C',
		result: 'success',
		initiatedBy: { user: { userPrincipalName: 'avery@contoso.example', displayName: 'Avery Admin' } },
	});
	const [target] = (log.json.value[0]?.targetResources ?? []) as { modifiedProperties: unknown[] }[];
	t.deepEqual(target?.modifiedProperties, [
		{ displayName: 'description', oldValue: JSON.stringify(before), newValue: '"Storefront customers"' },
	]);
	t.is(emulator.tenant.directoryAudits.length, 1);
	const later = await call(
		emulator,
		'GET',
		`/auditLogs/directoryAudits?$filter=${encodeURIComponent('activityDateTime ge 2999-01-01T00:00:00Z')}`,
	);
	t.deepEqual((later.json as { value: unknown[] }).value, []);
});
