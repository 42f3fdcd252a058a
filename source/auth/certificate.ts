import { createHash, createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { BoundedReadError, openFileWarning, readBoundedFile } from '../text/bounded-file.js';
import { AuthError } from './auth-error.js';
import { pemFileLimitBytes } from './network.js';

/** A client certificate ready for msal-node (`clientCertificate`). */
export type ClientCertificate = {
	/** PKCS#8 PEM of the private key. */
	readonly privateKey: string;
	/** SHA-256 of the certificate's DER, hex: what msal-node 7 signs with (PS256, `x5t#S256`). */
	readonly thumbprintSha256: string;
	/** SHA-1 hex, upper case: the thumbprint the Entra admin center shows. */
	readonly thumbprintSha1: string;
	/** The certificate PEM (plus any chain in the file), sent as `x5c` for subject-name/issuer setups. */
	readonly x5c: string;
	readonly notAfter: Date;
	/** Set when other users can read the file holding the private key: what to tell the user (chmod 600). */
	readonly openWarning?: string;
};

const fail = (path: string, message: string, hint: string) =>
	new AuthError('certificate-file', `${message} (${path})`, hint);

const samePublicKey = (a: KeyObject, b: KeyObject) =>
	a.export({ type: 'spki', format: 'der' }).equals(b.export({ type: 'spki', format: 'der' }));

/**
 * Reads a PEM file holding the private key and its certificate (the AZURE_CLIENT_CERTIFICATE_PATH format),
 * checks the pair and computes the thumbprints. Throws AuthError `certificate-file`; never echoes the key.
 * A file open to other users is used anyway, with `openWarning` saying so.
 */
export function readClientCertificate(path: string): ClientCertificate {
	let text: string;
	let openWarning: string | undefined;
	try {
		const file = readBoundedFile(path, pemFileLimitBytes);
		openWarning = openFileWarning('The private key file', path, file.mode);
		text = file.text;
	} catch (error) {
		if (!(error instanceof BoundedReadError)) throw error;
		const hint =
			'Check AZURE_CLIENT_CERTIFICATE_PATH; it must be a PEM file with the private key and the certificate.';
		if (error.problem === 'unreadable')
			throw fail(path, `Cannot read the certificate file (${error.errno ?? 'error'})`, hint);
		throw new AuthError('certificate-file', `The certificate file ${error.message}.`, hint);
	}
	if (text.includes('ENCRYPTED PRIVATE KEY') || text.includes('Proc-Type: 4,ENCRYPTED')) {
		throw fail(
			path,
			'The private key is protected by a password',
			'Export it without one, e.g. `openssl pkcs12 -in cert.pfx -nodes -out cert.pem`, and keep the file mode 0600.',
		);
	}
	const keyPem = /-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END \1?PRIVATE KEY-----/.exec(text)?.[0];
	const certificates = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
	if (!keyPem || certificates.length === 0) {
		throw fail(
			path,
			`The file lacks ${keyPem ? 'a certificate' : 'a private key'}`,
			'Put the private key and the certificate in one PEM file, e.g. `cat key.pem cert.pem > client.pem`.',
		);
	}
	let key: KeyObject;
	let parsed: X509Certificate[];
	try {
		key = createPrivateKey(keyPem);
		parsed = certificates.map((pem) => new X509Certificate(pem));
	} catch {
		throw fail(
			path,
			'The key or certificate in the file cannot be parsed',
			'Check that the file is an unmodified PEM export.',
		);
	}
	if (key.asymmetricKeyType !== 'rsa') {
		throw fail(
			path,
			`The key is ${key.asymmetricKeyType?.toUpperCase() ?? 'of an unknown type'}, not RSA`,
			'Entra app certificates sign with RSA (PS256); create an RSA certificate and upload it to the app.',
		);
	}
	const publicKey = createPublicKey(key);
	const leaf = parsed.find((certificate) => samePublicKey(certificate.publicKey, publicKey));
	if (!leaf) {
		throw fail(
			path,
			'No certificate in the file belongs to its private key',
			'Put the matching certificate next to the key; a mismatched pair is rejected by Entra (AADSTS700027).',
		);
	}
	const others = parsed
		.filter((certificate) => certificate !== leaf)
		.map((certificate) => certificate.toString());
	return {
		privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
		thumbprintSha256: createHash('sha256').update(leaf.raw).digest('hex'),
		thumbprintSha1: createHash('sha1').update(leaf.raw).digest('hex').toUpperCase(),
		x5c: [leaf.toString(), ...others].join(''),
		notAfter: new Date(leaf.validTo),
		...(openWarning ? { openWarning } : {}),
	};
}
