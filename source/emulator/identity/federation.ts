import { generateKeyPairSync, type KeyObject, randomBytes, randomUUID } from 'node:crypto';
import { type OAuthErrorReply, oauthError } from './errors.js';
import { type ParsedJwt, signJwt, verifyJwtSignature } from './jwt.js';

/*
Workload identity federation, both halves: an OpenID issuer of workload tokens (what GitHub Actions, Azure
Pipelines or an AKS cluster run), and the token endpoint's check of such a token sent as `client_assertion`
against an app's federated credentials (issuer, subject and audience must all match one of them).
*/

/** The audience Entra expects in a workload token unless the credential names another. */
export const exchangeAudience = 'api://AzureADTokenExchange';

/** One federated credential of an app registration. */
export type FederatedCredential = {
	/** The issuer URL; undefined means this emulator's own issuer. */
	readonly issuer?: string;
	readonly subject: string;
	readonly audiences?: readonly string[];
};

/** What `issue` puts in a workload token. */
export type WorkloadTokenOptions = {
	readonly subject?: string;
	readonly audience?: string;
	/** Default 600 (GitHub's tokens live about as long); 0 or less gives an expired token. */
	readonly lifetimeSeconds?: number;
};

/** The emulator's workload token issuer. */
export type WorkloadIssuer = {
	/** Issuer URL (`{origin}/workload-issuer`), once the origin is known. */
	issuer(origin: string): string;
	issue(origin: string, options?: WorkloadTokenOptions): string;
	/** `GET /workload-issuer/…`: discovery and keys, so the issuer is a real OpenID issuer. */
	route(origin: string, path: string): { status: number; body: unknown } | undefined;
	readonly publicKey: KeyObject;
};

/** Default subject: what GitHub Actions sends for a job in an environment. */
export const defaultWorkloadSubject = 'repo:contoso/user-flows:environment:production';

export function createWorkloadIssuer(): WorkloadIssuer {
	const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const keyId = randomBytes(8).toString('hex');
	const issuer = (origin: string) => `${origin}/workload-issuer`;
	return {
		publicKey,
		issuer,
		issue(origin, options = {}) {
			const now = Math.floor(Date.now() / 1000);
			const lifetime = options.lifetimeSeconds ?? 600;
			const exp = now + lifetime;
			const iat = lifetime > 0 ? now : exp - 600;
			return signJwt(
				{
					iss: issuer(origin),
					sub: options.subject ?? defaultWorkloadSubject,
					aud: options.audience ?? exchangeAudience,
					iat,
					nbf: iat,
					exp,
					jti: randomUUID(),
				},
				privateKey,
				{ kid: keyId },
			);
		},
		route(origin, path) {
			if (path === '.well-known/openid-configuration') {
				return {
					status: 200,
					body: {
						issuer: issuer(origin),
						jwks_uri: `${issuer(origin)}/keys`,
						subject_types_supported: ['public'],
						response_types_supported: ['id_token'],
						id_token_signing_alg_values_supported: ['ES256'],
						claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf'],
					},
				};
			}
			if (path === 'keys') {
				return {
					status: 200,
					body: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: keyId, use: 'sig', alg: 'ES256' }] },
				};
			}
			return undefined;
		},
	};
}

const noMatch = (code: number, what: string, detail: string) =>
	oauthError(
		400,
		'invalid_client',
		code,
		`No matching federated identity record found for presented assertion ${what}${detail}. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation`,
	);

/**
 * Checks a workload token sent as `client_assertion`: the issuer's signature, then a credential whose
 * issuer, subject and audience all match (Entra names the first part that matched none), then its lifetime.
 */
export function checkWorkloadToken(
	jwt: ParsedJwt,
	credentials: readonly FederatedCredential[],
	ownIssuer: string,
	issuerKey: KeyObject,
): OAuthErrorReply | undefined {
	const { iss, sub, aud, exp, nbf } = jwt.claims;
	const audiences = Array.isArray(aud) ? aud.map(String) : [String(aud)];
	const issuerOf = (credential: FederatedCredential) => credential.issuer ?? ownIssuer;
	const sameIssuer = credentials.filter((credential) => issuerOf(credential) === iss);
	if (sameIssuer.length === 0) return noMatch(700211, 'issuer', ` '${String(iss)}'`);
	if (iss !== ownIssuer || !verifyJwtSignature(jwt, issuerKey)) {
		return oauthError(
			400,
			'invalid_client',
			50013,
			'Assertion failed signature validation. [Reason - The key was not found.]',
		);
	}
	const sameSubject = sameIssuer.filter((credential) => credential.subject === sub);
	if (sameSubject.length === 0) return noMatch(700213, 'subject', ` '${String(sub)}'`);
	const matching = sameSubject.filter((credential) =>
		(credential.audiences ?? [exchangeAudience]).some((wanted) => audiences.includes(wanted)),
	);
	if (matching.length === 0) return noMatch(700212, 'audience', ` '${audiences.join(', ')}'`);
	const now = Date.now() / 1000;
	if (typeof exp !== 'number' || exp <= now || (typeof nbf === 'number' && nbf > now + 300)) {
		const when = (seconds: unknown) =>
			typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : 'unknown';
		return oauthError(
			400,
			'invalid_client',
			700024,
			`Client assertion is not within its valid time range. Current time: ${new Date().toISOString()}, assertion valid from ${when(nbf)}, expiry time of assertion ${when(exp)}.`,
		);
	}
	return undefined;
}
