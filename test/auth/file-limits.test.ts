import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { readClientCertificate } from '../../source/auth/certificate.js';
import { readFederatedToken } from '../../source/auth/federated-token.js';
import { loadCaFile } from '../../source/auth/index.js';

const dir = mkdtempSync(join(tmpdir(), 'entra-flows-pem-'));
const big = join(dir, 'big.pem');
writeFileSync(big, `-----BEGIN CERTIFICATE-----\n${'A'.repeat(1024 * 1024)}\n-----END CERTIFICATE-----\n`);

test('--ca-file refuses a device and a PEM over 1 MiB, naming the file and the limit', (t) => {
	const device = t.throws(() => loadCaFile('/dev/zero'));
	t.like(device, { code: 'ca-file' });
	t.is(
		device?.message,
		'The CA file /dev/zero is a character device, not a regular file; give the path of a file.',
	);
	const huge = t.throws(() => loadCaFile(big));
	t.like(huge, { code: 'ca-file' });
	t.is(huge?.message, `The CA file ${big} is larger than 1 MiB, the limit for this file.`);
});

test('the client certificate PEM has the same limits', (t) => {
	const device = t.throws(() => readClientCertificate('/dev/zero'));
	t.like(device, { code: 'certificate-file' });
	t.regex(device?.message ?? '', /\/dev\/zero is a character device, not a regular file/);
	const huge = t.throws(() => readClientCertificate(big));
	t.regex(huge?.message ?? '', /larger than 1 MiB/);
});

test('the federated token file has the same checks: a device or a huge file is refused, naming it', (t) => {
	const device = t.throws(() => readFederatedToken('/dev/zero'));
	t.like(device, { code: 'federated-token' });
	t.is(
		device?.message,
		'The federated token file /dev/zero is a character device, not a regular file; give the path of a file.',
	);
	const huge = join(dir, 'huge-token');
	writeFileSync(huge, 'x'.repeat(64 * 1024 + 1));
	t.regex(t.throws(() => readFederatedToken(huge))?.message ?? '', /larger than 64 KiB/);
});
