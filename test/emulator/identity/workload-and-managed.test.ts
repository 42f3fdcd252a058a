import test from 'ava';
import { decodeTokenClaims } from '../../../source/auth/claims.js';
import { defaultWorkloadSubject, identityDefaults } from '../../../source/emulator/identity/index.js';
import { identityFor, send } from '../../helpers/auth-emulator.js';

type ErrorBody = { error: string; error_description: string; error_codes: number[] };

const assertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

async function exchange(harness: Awaited<ReturnType<typeof identityFor>>, assertion: string) {
	const { identity, origin, caPem } = harness;
	return send(`${origin}/${identity.tenantId}/oauth2/v2.0/token`, {
		ca: caPem,
		form: {
			client_id: identity.confidentialClientId,
			grant_type: 'client_credentials',
			scope: 'https://graph.microsoft.com/.default',
			client_assertion_type: assertionType,
			client_assertion: assertion,
		},
	});
}

test('the workload issuer is a real OpenID issuer: discovery names it and its keys', async (t) => {
	const { identity, origin, caPem } = await identityFor(t);
	const discovery = await send(`${origin}/workload-issuer/.well-known/openid-configuration`, { ca: caPem });
	t.is(discovery.status, 200);
	const body = discovery.json<{ issuer: string; jwks_uri: string }>();
	t.is(body.issuer, identity.workloadIssuer());
	const keys = await send(body.jwks_uri, { ca: caPem });
	t.like(keys.json<{ keys: { kty: string }[] }>().keys[0], { kty: 'EC' });
});

test("a workload token matching the app's federated credential is taken as its client assertion", async (t) => {
	const harness = await identityFor(t);
	const reply = await exchange(harness, harness.identity.issueWorkloadToken());
	t.is(reply.status, 200, reply.text);
	const claims = decodeTokenClaims(reply.json<{ access_token: string }>().access_token);
	t.is(claims?.kind, 'app');
	t.is(claims?.appId, harness.identity.confidentialClientId);
	t.deepEqual(claims?.roles, [...identityDefaults.roles]);
});

test('a workload token of another subject, audience or issuer, or an expired one, is refused as Entra does', async (t) => {
	const harness = await identityFor(t);
	const { identity } = harness;
	const subject = await exchange(
		harness,
		identity.issueWorkloadToken({ subject: 'repo:someone/else:ref:refs/heads/main' }),
	);
	t.is(subject.status, 400);
	t.like(subject.json<ErrorBody>(), { error: 'invalid_client', error_codes: [700213] });
	t.regex(
		subject.json<ErrorBody>().error_description,
		/assertion subject 'repo:someone\/else:ref:refs\/heads\/main'/,
	);
	const audience = await exchange(harness, identity.issueWorkloadToken({ audience: 'api://something-else' }));
	t.like(audience.json<ErrorBody>(), { error_codes: [700212] });
	const expired = await exchange(harness, identity.issueWorkloadToken({ lifetimeSeconds: -60 }));
	t.like(expired.json<ErrorBody>(), { error_codes: [700024] });
	// A token from an issuer no credential names (another emulator's issuer: same path, other origin and key).
	const other = await identityFor(t);
	const foreign = await exchange(harness, other.identity.issueWorkloadToken());
	t.like(foreign.json<ErrorBody>(), { error_codes: [700211] });
	t.is(defaultWorkloadSubject, 'repo:contoso/user-flows:environment:production');
});

test('IMDS: Metadata header and api-version required; system-assigned by default, user-assigned by client_id', async (t) => {
	const { identity, origin, caPem } = await identityFor(t);
	const url = (query: string) => `${origin}/metadata/identity/oauth2/token?${query}`;
	const resource = 'resource=https%3A%2F%2Fgraph.microsoft.com';
	const noHeader = await send(url(`api-version=2018-02-01&${resource}`), { ca: caPem });
	t.is(noHeader.status, 400);
	t.like(noHeader.json(), {
		error: 'invalid_request',
		error_description: 'Required metadata header not specified',
	});
	const headers = { Metadata: 'true' };
	const system = await send(url(`api-version=2018-02-01&${resource}`), { ca: caPem, headers });
	t.is(system.status, 200, system.text);
	const body = system.json<Record<string, unknown>>();
	for (const field of ['expires_on', 'expires_in', 'not_before']) t.is(typeof body[field], 'string', field);
	t.is(
		decodeTokenClaims(String(body.access_token))?.appId,
		identity.managedIdentities.systemAssigned.clientId,
	);
	const user = identity.managedIdentities.userAssigned[0]!;
	const assigned = await send(url(`api-version=2018-02-01&${resource}&client_id=${user.clientId}`), {
		ca: caPem,
		headers,
	});
	const claims = decodeTokenClaims(assigned.json<{ access_token: string }>().access_token);
	t.is(claims?.appId, user.clientId);
	t.deepEqual(claims?.roles, [...user.roles]);
	const unknown = await send(
		url(`api-version=2018-02-01&${resource}&client_id=00000000-0000-0000-0000-000000000001`),
		{
			ca: caPem,
			headers,
		},
	);
	t.like(unknown.json(), { error: 'invalid_request', error_description: 'Identity not found' });
	t.deepEqual(
		identity.tokenRequests().map((record) => [record.endpoint, record.source, record.outcome]),
		[
			['managed-identity', 'imds', 'invalid_request'],
			['managed-identity', 'imds', 'ok'],
			['managed-identity', 'imds', 'ok'],
			['managed-identity', 'imds', 'invalid_request'],
		],
	);
});

test('App Service: the X-IDENTITY-HEADER secret must match; the answer has expires_on as a string', async (t) => {
	const { identity, origin, caPem } = await identityFor(t);
	const url = `${origin}/msi/token?api-version=2019-08-01&resource=https://graph.microsoft.com`;
	const wrong = await send(url, { ca: caPem, headers: { 'X-IDENTITY-HEADER': 'not-the-secret' } });
	t.is(wrong.status, 401);
	t.regex(String(wrong.json().message), /X-IDENTITY-HEADER/);
	const right = await send(url, {
		ca: caPem,
		headers: { 'X-IDENTITY-HEADER': identity.managedIdentities.identityHeader },
	});
	t.is(right.status, 200, right.text);
	t.like(right.json(), { token_type: 'Bearer', resource: 'https://graph.microsoft.com' });
	t.is(typeof right.json().expires_on, 'string');
	const foreign = await send(`${origin}/msi/token?api-version=2019-08-01&resource=https://vault.azure.net`, {
		ca: caPem,
		headers: { 'X-IDENTITY-HEADER': identity.managedIdentities.identityHeader },
	});
	t.is(foreign.status, 400);
});
