import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCertificate } from './x509.js';

/** TLS material for the loopback emulator: a server key and certificate, and the CA that signed it. */
export type LoopbackTls = {
	/** Server private key, PKCS#8 PEM. */
	readonly key: string;
	/** Server certificate, PEM (SANs 127.0.0.1, localhost, ::1 plus any extra hostnames). */
	readonly cert: string;
	/** The CA certificate, PEM: what clients must trust. */
	readonly caPem: string;
	/** File holding `caPem`, for NODE_EXTRA_CA_CERTS or a `caFile` option. */
	readonly caFile: string;
};

/** Options for {@link createLoopbackTls}. */
export type LoopbackTlsOptions = {
	/** More names for the server certificate (e.g. a made-up host reached through a test proxy). */
	readonly extraHostnames?: readonly string[];
};

/**
 * Generates a fresh CA and a server certificate for the loopback addresses (EC P-256, a few ms), and writes
 * the CA PEM to `dir/emulator-ca.pem` (dir defaults to a new temporary directory).
 */
export function createLoopbackTls(dir?: string, options: LoopbackTlsOptions = {}): LoopbackTls {
	const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const caName = 'entra-flows emulator CA';
	const caPem = createCertificate({
		commonName: caName,
		publicKey: ca.publicKey,
		signingKey: ca.privateKey,
		ca: true,
		days: 30,
	});
	const server = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const cert = createCertificate({
		commonName: '127.0.0.1',
		publicKey: server.publicKey,
		signingKey: ca.privateKey,
		issuer: caName,
		issuerPublicKey: ca.publicKey,
		hostnames: ['127.0.0.1', 'localhost', '::1', ...(options.extraHostnames ?? [])],
		usage: ['server'],
		days: 30,
	});
	const folder = dir ?? mkdtempSync(join(tmpdir(), 'entra-flows-emulator-'));
	mkdirSync(folder, { recursive: true });
	const caFile = join(folder, 'emulator-ca.pem');
	writeFileSync(caFile, caPem, { mode: 0o644 });
	const key = server.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
	return { key, cert, caPem, caFile };
}
