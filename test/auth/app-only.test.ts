import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import test from 'ava';
import { createTokenProvider, decodeTokenClaims, readClientCertificate } from '../../source/auth/index.js';
import { createCertificate } from '../../source/emulator/identity/x509.js';
import { assertNoSecrets, capture } from '../helpers/auth-capture.js';
import { identityFor } from '../helpers/auth-emulator.js';

test('client secret: an app-only token with the app roles', async (t) => {
	const { identity, config } = await identityFor(t);
	const seen = capture();
	const auth = createTokenProvider(
		config({ clientId: identity.confidentialClientId, clientSecret: identity.clientSecret }),
		seen.hooks,
	);
	t.is(auth.mode, 'client-secret');
	t.deepEqual(auth.scopes, ['https://graph.microsoft.com/.default']);
	t.is(auth.cacheFile, undefined);
	const token = await auth.getToken();
	const claims = decodeTokenClaims(token);
	t.is(claims?.kind, 'app');
	t.is(claims?.appId, identity.confidentialClientId);
	t.true(claims?.roles.includes('EventListener.ReadWrite.All'));
	t.is(await auth.getToken(), token, 'kept in memory');
	t.not(await auth.getToken({ forceRefresh: true }), token);
	t.deepEqual(await auth.account(), {
		kind: 'app',
		clientId: identity.confidentialClientId,
		tenantId: identity.tenantId,
	});
	t.like(identity.authorize(`Bearer ${token}`, { permission: 'EventListener.ReadWrite.All', write: true }), {
		ok: true,
	});
	assertNoSecrets(t, seen.text, identity.issuedSecrets());
});

test('a wrong client secret is refused in plain words without the secret', async (t) => {
	const { identity, config } = await identityFor(t);
	const seen = capture();
	const wrong = 'Wrong8Q~secret-value-that-must-not-leak-0123456789';
	const auth = createTokenProvider(
		config({ clientId: identity.confidentialClientId, clientSecret: wrong }),
		seen.hooks,
	);
	const error = seen.error(t, await t.throwsAsync(auth.getToken()));
	t.is(error.code, 'invalid-client-secret');
	t.is(error.aadsts, 'AADSTS7000215');
	t.regex(error.hint, /Value \(not its Secret ID\)/);
	assertNoSecrets(t, seen.text, [...identity.issuedSecrets(), wrong]);
});

test('client secret against an unknown tenant', async (t) => {
	const { identity, config } = await identityFor(t);
	const seen = capture();
	const auth = createTokenProvider(
		config({
			tenant: '0f0f0f0f-0000-4000-8000-000000000000',
			clientId: identity.confidentialClientId,
			clientSecret: identity.clientSecret,
		}),
		seen.hooks,
	);
	const error = seen.error(t, await t.throwsAsync(auth.getToken()));
	t.is(error.code, 'unknown-tenant');
	t.is(error.aadsts, 'AADSTS90002');
	t.regex(error.message, /Tenant "0f0f0f0f-0000-4000-8000-000000000000" was not found/);
	assertNoSecrets(t, seen.text, identity.issuedSecrets());
});

test('client certificate from one PEM file (key + certificate), SHA-256 thumbprint', async (t) => {
	const { identity, config, dir } = await identityFor(t);
	const certificate = await identity.clientCertificate();
	const path = join(dir, 'client.pem');
	await writeFile(path, certificate.pem, { mode: 0o600 });
	t.is(readClientCertificate(path).thumbprintSha256, certificate.thumbprintSha256);
	const seen = capture();
	const auth = createTokenProvider(
		config({ clientId: identity.confidentialClientId, certificatePath: path }),
		seen.hooks,
	);
	t.is(auth.mode, 'client-certificate');
	const claims = decodeTokenClaims(await auth.getToken());
	t.is(claims?.appId, identity.confidentialClientId);
	t.true((claims?.roles.length ?? 0) > 0);
	t.deepEqual(seen.warnings, []);
	assertNoSecrets(t, seen.text, identity.issuedSecrets());
});

test('a certificate the app does not know is refused with its thumbprint in the hint', async (t) => {
	const { identity, config, dir } = await identityFor(t);
	const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const pem =
		keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() +
		createCertificate({
			commonName: 'stranger',
			publicKey: keys.publicKey,
			signingKey: keys.privateKey,
			days: 1,
		});
	const path = join(dir, 'stranger.pem');
	await writeFile(path, pem);
	const seen = capture();
	const auth = createTokenProvider(
		config({ clientId: identity.confidentialClientId, certificatePath: path }),
		seen.hooks,
	);
	const error = seen.error(t, await t.throwsAsync(auth.getToken()));
	t.is(error.code, 'certificate-rejected');
	t.is(error.aadsts, 'AADSTS700027');
	t.true(error.hint.includes(readClientCertificate(path).thumbprintSha1));
	t.regex(seen.warnings[0] ?? '', /expires on/, 'a certificate expiring within 14 days is flagged');
	assertNoSecrets(t, seen.text, identity.issuedSecrets());
});

test('certificate files that cannot work are refused before any request', async (t) => {
	const { identity, config, dir } = await identityFor(t);
	const certificate = await identity.clientCertificate();
	const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const other = generateKeyPairSync('rsa', { modulusLength: 1024 });
	const files = {
		missing: join(dir, 'missing.pem'),
		'no key': certificate.certificatePem,
		'no certificate': certificate.pem.replace(certificate.certificatePem, ''),
		'EC key': ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() + certificate.certificatePem,
		'key of another certificate':
			other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() + certificate.certificatePem,
		encrypted: other.privateKey
			.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' })
			.toString(),
	};
	for (const [name, content] of Object.entries(files)) {
		const path = name === 'missing' ? content : join(dir, `${name.replace(/ /g, '-')}.pem`);
		if (name !== 'missing') await writeFile(path, content);
		const error = t.throws(() =>
			createTokenProvider(config({ clientId: identity.confidentialClientId, certificatePath: path })),
		);
		t.is((error as { code?: string }).code, 'certificate-file', name);
		t.true(error?.message.includes(path), name);
		t.false(error?.message.includes('PRIVATE KEY'), name);
	}
	t.is(identity.tokenRequests().length, 0);
});

test('credential settings that conflict or lack a client id are refused', (t) => {
	const base = {
		cloud: 'global',
		tenant: 'contoso.onmicrosoft.com',
		readOnly: false,
		noCache: true,
	} as const;
	const both = t.throws(() =>
		createTokenProvider({ ...base, clientId: 'x', clientSecret: 's3cret-value', certificatePath: '/nope' }),
	);
	t.like(both, { code: 'config' });
	t.false(both?.message.includes('s3cret-value'));
	t.like(
		t.throws(() => createTokenProvider({ ...base, clientSecret: 's3cret-value' })),
		{ code: 'config', hint: 'Pass it with --client-id or AZURE_CLIENT_ID.' },
	);
});
