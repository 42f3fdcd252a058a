import { createHash, type KeyObject, randomBytes, sign } from 'node:crypto';
import { isIP } from 'node:net';

/*
A minimal X.509 v3 writer (DER), enough for the emulator's loopback CA, its TLS leaf and a client
certificate for app-only sign-in. Keys come from node:crypto; signing is ECDSA P-256 or RSA with SHA-256.
No dependency: the whole job is a handful of ASN.1 shapes.
*/

function length(n: number): Buffer {
	if (n < 0x80) return Buffer.from([n]);
	const bytes: number[] = [];
	for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
	return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, value: Buffer): Buffer {
	return Buffer.concat([Buffer.from([tag]), length(value.length), value]);
}

const sequence = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const explicit = (n: number, value: Buffer) => tlv(0xa0 + n, value);
const octets = (value: Buffer) => tlv(0x04, value);
const bits = (value: Buffer, unused = 0) => tlv(0x03, Buffer.concat([Buffer.from([unused]), value]));
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
const boolean = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0]));
const nul = () => Buffer.from([0x05, 0x00]);

function integer(value: Buffer): Buffer {
	// DER integers are signed: a leading 0 keeps a high first bit positive.
	const body = value[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), value]) : value;
	return tlv(0x02, body);
}

function oid(dotted: string): Buffer {
	const arcs = dotted.split('.').map(Number);
	const out = [40 * arcs[0]! + arcs[1]!];
	for (const arc of arcs.slice(2)) {
		const chunk = [arc & 0x7f];
		for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128))
			chunk.unshift((rest & 0x7f) | 0x80);
		out.push(...chunk);
	}
	return tlv(0x06, Buffer.from(out));
}

function time(date: Date): Buffer {
	const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
	// UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5).
	return date.getUTCFullYear() < 2050
		? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`))
		: tlv(0x18, Buffer.from(`${iso}Z`));
}

const name = (commonName: string) => sequence(set(sequence(oid('2.5.4.3'), utf8(commonName))));

function extension(id: string, critical: boolean, value: Buffer): Buffer {
	return sequence(oid(id), ...(critical ? [boolean(true)] : []), octets(value));
}

function generalName(host: string): Buffer {
	const family = isIP(host);
	if (family === 4) return tlv(0x87, Buffer.from(host.split('.').map(Number)));
	if (family === 6) return tlv(0x87, ipv6Bytes(host));
	return tlv(0x82, Buffer.from(host, 'ascii'));
}

function ipv6Bytes(address: string): Buffer {
	const [head = '', tail = ''] = address.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = address.includes('::')
		? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
		: left;
	return Buffer.from(
		groups.flatMap((group) => [Number.parseInt(group, 16) >> 8, Number.parseInt(group, 16) & 0xff]),
	);
}

/** What to put in one certificate. */
export type CertificateRequest = {
	/** Subject common name. */
	readonly commonName: string;
	/** Public key the certificate certifies. */
	readonly publicKey: KeyObject;
	/** Key that signs it: the issuer's (or the subject's own for a self-signed certificate). */
	readonly signingKey: KeyObject;
	/** Issuer common name; defaults to the subject (self-signed). */
	readonly issuer?: string;
	/** Issuer public key, for the authority key identifier; defaults to `publicKey`. */
	readonly issuerPublicKey?: KeyObject;
	/** A certificate authority (may sign others) rather than an end entity. */
	readonly ca?: boolean;
	/** DNS names and IP addresses for subjectAltName. */
	readonly hostnames?: readonly string[];
	/** Extended key usages: server and/or client authentication. */
	readonly usage?: readonly ('server' | 'client')[];
	/** Validity in days from an hour ago (default 365). */
	readonly days?: number;
};

const keyId = (key: KeyObject) =>
	createHash('sha1')
		.update(key.export({ type: 'spki', format: 'der' }))
		.digest();

/** Builds and signs a certificate; returns it as PEM. */
export function createCertificate(request: CertificateRequest): string {
	const rsa = request.signingKey.asymmetricKeyType === 'rsa';
	const algorithm = rsa
		? sequence(oid('1.2.840.113549.1.1.11'), nul())
		: sequence(oid('1.2.840.10045.4.3.2'));
	const notBefore = new Date(Date.now() - 3_600_000);
	const notAfter = new Date(notBefore.getTime() + (request.days ?? 365) * 86_400_000);
	const serial = randomBytes(16);
	serial[0]! &= 0x7f;
	serial[0]! |= 0x01;
	const extensions = [
		extension('2.5.29.19', true, request.ca ? sequence(boolean(true)) : sequence()),
		extension('2.5.29.15', true, request.ca ? bits(Buffer.from([0x06]), 1) : bits(Buffer.from([0xa0]), 5)),
		extension('2.5.29.14', false, octets(keyId(request.publicKey))),
		extension('2.5.29.35', false, sequence(tlv(0x80, keyId(request.issuerPublicKey ?? request.publicKey)))),
	];
	if (request.usage?.length) {
		const ids = request.usage.map((usage) =>
			oid(usage === 'server' ? '1.3.6.1.5.5.7.3.1' : '1.3.6.1.5.5.7.3.2'),
		);
		extensions.push(extension('2.5.29.37', false, sequence(...ids)));
	}
	if (request.hostnames?.length) {
		extensions.push(extension('2.5.29.17', false, sequence(...request.hostnames.map(generalName))));
	}
	const tbs = sequence(
		explicit(0, integer(Buffer.from([2]))),
		integer(serial),
		algorithm,
		name(request.issuer ?? request.commonName),
		sequence(time(notBefore), time(notAfter)),
		name(request.commonName),
		request.publicKey.export({ type: 'spki', format: 'der' }),
		explicit(3, sequence(...extensions)),
	);
	const signature = sign('sha256', tbs, request.signingKey);
	return toPem('CERTIFICATE', sequence(tbs, algorithm, bits(signature)));
}

/** Wraps DER bytes as PEM with the given label. */
export function toPem(label: string, der: Buffer): string {
	const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
	return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
