import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import test from 'ava';
import { AuthError, createTokenProvider, decodeTokenClaims } from '../../source/auth/index.js';
import { identityFor } from '../helpers/auth-emulator.js';

test('workload identity federation: the token file is the client assertion, read afresh for every request', async (t) => {
	const harness = await identityFor(t);
	const { identity } = harness;
	const file = join(harness.dir, 'azure-identity-token');
	await writeFile(file, identity.issueWorkloadToken());
	const auth = createTokenProvider(
		harness.config({ clientId: identity.confidentialClientId, federatedTokenFile: file }),
	);
	t.is(auth.mode, 'federated-token');
	const token = await auth.getToken();
	t.is(decodeTokenClaims(token)?.appId, identity.confidentialClientId);
	// The pipeline rotates the file; a token it cannot use now must be what the next request sends.
	await writeFile(file, identity.issueWorkloadToken({ subject: 'repo:contoso/other:ref:refs/heads/main' }));
	const refused = await t.throwsAsync(auth.getToken({ forceRefresh: true }), { instanceOf: AuthError });
	t.is(refused?.code, 'federated-credential');
	t.is(refused?.aadsts, 'AADSTS700213');
	t.regex(refused?.message ?? '', /no federated credential matching the workload token's subject/);
	await writeFile(file, identity.issueWorkloadToken({ lifetimeSeconds: -120 }));
	const expired = await t.throwsAsync(auth.getToken({ forceRefresh: true }), { instanceOf: AuthError });
	t.is(expired?.code, 'federated-token');
	t.regex(expired?.message ?? '', /has expired/);
	await writeFile(file, identity.issueWorkloadToken());
	t.truthy(await auth.getToken({ forceRefresh: true }));
	const sent = identity.tokenRequests().filter((record) => record.grantType === 'client_credentials');
	t.deepEqual(
		sent.map((record) => record.outcome),
		['ok', 'invalid_client', 'invalid_client', 'ok'],
	);
});

test('a missing or empty federated token file is a clear error before any request', async (t) => {
	const harness = await identityFor(t);
	const config = harness.config({
		clientId: harness.identity.confidentialClientId,
		federatedTokenFile: join(harness.dir, 'nope'),
	});
	const missing = t.throws(() => createTokenProvider(config), { instanceOf: AuthError });
	t.is(missing?.code, 'federated-token');
	t.regex(missing?.message ?? '', /Cannot read the federated token file .*nope \(ENOENT\)/);
	const empty = join(harness.dir, 'empty');
	await writeFile(empty, '\n');
	const blank = t.throws(() => createTokenProvider({ ...config, federatedTokenFile: empty }), {
		instanceOf: AuthError,
	});
	t.regex(blank?.message ?? '', /does not hold a token/);
	const valid = join(harness.dir, 'valid');
	await writeFile(valid, harness.identity.issueWorkloadToken());
	const noClient = t.throws(
		() => createTokenProvider({ ...config, clientId: undefined, federatedTokenFile: valid }),
		{
			instanceOf: AuthError,
		},
	);
	t.regex(noClient?.message ?? '', /App-only sign-in \(federated-token\) needs the app \(client\) id/);
	t.deepEqual(harness.identity.tokenRequests(), []);
});
