import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import test from 'ava';
import { createTokenProvider, readClientCertificate } from '../../source/auth/index.js';
import { resolveConfig } from '../../source/config/config.js';
import { capture } from '../helpers/auth-capture.js';
import { identityFor } from '../helpers/auth-emulator.js';

// Like ssh, a secret file other users can read is named with the fix; unlike ssh, it is still used.
test('a client secret file readable by group or others is used, with a warning naming it and chmod 600', async (t) => {
	const { dir } = await identityFor(t);
	const open = join(dir, 'secret-open.txt');
	const closed = join(dir, 'secret-closed.txt');
	await writeFile(open, 'the-secret\n', { mode: 0o644 });
	await writeFile(closed, 'the-secret\n', { mode: 0o600 });
	const warnings: string[] = [];
	const config = resolveConfig(
		{ 'client-secret-file': open },
		{},
		{ home: dir, warn: (text) => warnings.push(text) },
	);
	t.is(config.clientSecret, 'the-secret');
	t.deepEqual(warnings, [
		`The client secret file ${open} is accessible by other users (mode 0644); keep it private with \`chmod 600 ${open}\`.`,
	]);
	warnings.length = 0;
	resolveConfig({ 'client-secret-file': closed }, {}, { home: dir, warn: (text) => warnings.push(text) });
	t.deepEqual(warnings, []);
});

test('a private-key PEM readable by others is used, with a warning through the sign-in hooks', async (t) => {
	const { identity, config, dir } = await identityFor(t);
	const certificate = await identity.clientCertificate();
	const path = join(dir, 'client-open.pem');
	await writeFile(path, certificate.pem, { mode: 0o640 });
	t.regex(
		readClientCertificate(path).openWarning ?? '',
		/client-open\.pem is accessible by other users \(mode 0640\)/,
	);
	const seen = capture();
	const auth = createTokenProvider(
		config({ clientId: identity.confidentialClientId, certificatePath: path }),
		seen.hooks,
	);
	t.truthy(await auth.getToken(), 'still used');
	t.deepEqual(seen.warnings, [
		`The private key file ${path} is accessible by other users (mode 0640); keep it private with \`chmod 600 ${path}\`.`,
	]);
});
