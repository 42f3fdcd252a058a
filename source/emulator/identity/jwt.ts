import { constants, createHash, type KeyObject, sign, verify, type X509Certificate } from 'node:crypto';

/** JSON claims or header of a JWT. */
export type JsonObject = Record<string, unknown>;

/** A JWT split into its parts; nothing verified yet. */
export type ParsedJwt = {
	readonly header: JsonObject;
	readonly claims: JsonObject;
	readonly signingInput: string;
	readonly signature: Buffer;
};

export const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Signs claims as a compact JWT: ES256 for an EC P-256 key, RS256 for RSA. */
export function signJwt(claims: JsonObject, key: KeyObject, header: JsonObject = {}): string {
	const ec = key.asymmetricKeyType === 'ec';
	const head = { typ: 'JWT', alg: ec ? 'ES256' : 'RS256', ...header };
	const input = `${base64url(JSON.stringify(head))}.${base64url(JSON.stringify(claims))}`;
	const signature = sign('sha256', Buffer.from(input), ec ? { key, dsaEncoding: 'ieee-p1363' } : key);
	return `${input}.${base64url(signature)}`;
}

function parseJson(part: string): JsonObject | undefined {
	try {
		const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
	} catch {
		return undefined;
	}
}

/** Splits a compact JWT; undefined when it is not one. */
export function parseJwt(token: string): ParsedJwt | undefined {
	const parts = token.split('.');
	if (parts.length !== 3 || parts.some((part) => !/^[\w-]*$/.test(part))) return undefined;
	const header = parseJson(parts[0]!);
	const claims = parseJson(parts[1]!);
	if (!header || !claims) return undefined;
	return {
		header,
		claims,
		signingInput: `${parts[0]}.${parts[1]}`,
		signature: Buffer.from(parts[2]!, 'base64url'),
	};
}

/** Checks the signature of a parsed JWT for ES256, RS256 and PS256. */
export function verifyJwtSignature(jwt: ParsedJwt, key: KeyObject): boolean {
	const data = Buffer.from(jwt.signingInput);
	try {
		switch (jwt.header.alg) {
			case 'ES256':
				return (
					key.asymmetricKeyType === 'ec' &&
					verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, jwt.signature)
				);
			case 'RS256':
				return key.asymmetricKeyType === 'rsa' && verify('sha256', data, key, jwt.signature);
			case 'PS256':
				return (
					key.asymmetricKeyType === 'rsa' &&
					verify(
						'sha256',
						data,
						{ key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
						jwt.signature,
					)
				);
			default:
				return false;
		}
	} catch {
		return false;
	}
}

/** The base64url thumbprints a JWT header names a certificate by: `x5t` (SHA-1) and `x5t#S256`. */
export function certificateThumbprints(certificate: X509Certificate): { x5t: string; x5tS256: string } {
	return {
		x5t: createHash('sha1').update(certificate.raw).digest('base64url'),
		x5tS256: createHash('sha256').update(certificate.raw).digest('base64url'),
	};
}
