import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { base64url, signJwt } from './jwt.js';
import { type EmulatedUser, graphAppId, graphAudience } from './model.js';

/** Who a token is for and what it allows. */
export type TokenSubject =
	| {
			readonly kind: 'user';
			readonly clientId: string;
			readonly user: EmulatedUser;
			readonly scopes: readonly string[];
	  }
	| { readonly kind: 'app'; readonly clientId: string; readonly roles: readonly string[] };

/** Signs the emulator's JWTs with one EC P-256 key made at start. */
export type TokenMint = {
	readonly publicKey: KeyObject;
	readonly keyId: string;
	/** A Graph access token; a lifetime of 0 or less gives an already expired token. */
	accessToken(subject: TokenSubject, issuer: string, lifetimeSeconds: number, audience?: string): string;
	/** An id_token for a public client sign-in, with the Entra v2 claim set msal-node reads its account from. */
	idToken(clientId: string, user: EmulatedUser, issuer: string): string;
	/** The JWK set for `jwks_uri`. */
	jwks(): { keys: Record<string, unknown>[] };
};

/** Service principal object id of an app in the emulated tenant, stable per client id. */
export function servicePrincipalId(clientId: string): string {
	const hex = clientId.replace(/-/g, '').split('').reverse().join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function createTokenMint(tenantId: string): TokenMint {
	const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const keyId = randomBytes(12).toString('base64url');
	const now = () => Math.floor(Date.now() / 1000);
	return {
		publicKey,
		keyId,
		accessToken(subject, issuer, lifetimeSeconds, audience = graphAudience) {
			const exp = now() + lifetimeSeconds;
			const iat = lifetimeSeconds > 0 ? now() : exp - 3600;
			const common = {
				aud: audience,
				iss: issuer,
				iat,
				nbf: iat,
				exp,
				tid: tenantId,
				appid: subject.clientId,
				azp: subject.clientId,
				uti: randomBytes(16).toString('base64url'),
				ver: '1.0',
			};
			const claims =
				subject.kind === 'user'
					? {
							...common,
							idtyp: 'user',
							oid: subject.user.objectId,
							sub: subject.user.objectId,
							upn: subject.user.username,
							preferred_username: subject.user.username,
							unique_name: subject.user.username,
							name: subject.user.displayName,
							scp: subject.scopes.join(' '),
						}
					: {
							...common,
							idtyp: 'app',
							oid: servicePrincipalId(subject.clientId),
							sub: servicePrincipalId(subject.clientId),
							roles: [...subject.roles],
						};
			return signJwt(claims, privateKey, { kid: keyId });
		},
		idToken(clientId, user, issuer) {
			const iat = now();
			return signJwt(
				{
					aud: clientId,
					iss: issuer,
					iat,
					nbf: iat,
					exp: iat + 3600,
					name: user.displayName,
					oid: user.objectId,
					preferred_username: user.username,
					rh: `0.${base64url(randomBytes(24))}.`,
					sub: base64url(randomBytes(32)),
					tid: tenantId,
					uti: base64url(randomBytes(16)),
					ver: '2.0',
				},
				privateKey,
				{ kid: keyId },
			);
		},
		jwks: () => ({
			keys: [{ ...publicKey.export({ format: 'jwk' }), kid: keyId, use: 'sig', alg: 'ES256' }],
		}),
	};
}

/** `client_info`: base64url of `{uid, utid}`, which msal-node builds the account id from. */
export const clientInfo = (user: EmulatedUser, tenantId: string) =>
	base64url(JSON.stringify({ uid: user.objectId, utid: tenantId }));

/** An opaque refresh token in Entra's look (`1.A…`). */
export const newRefreshToken = () => `1.A${randomBytes(96).toString('base64url')}`;

/** A device code in Entra's look. */
export const newDeviceCode = () => `DAQABIQEAAAD${randomBytes(72).toString('base64url')}`;

/** A nine-character user code without look-alike characters. */
export function newUserCode(): string {
	const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	return [...randomBytes(9)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** A client secret in Entra's look (`xxx8Q~…`, 40 characters). */
export const newClientSecret = () => `emu8Q~${randomBytes(26).toString('base64url').slice(0, 34)}`;

/** Resource part of a scope: undefined for Graph (full URI, app id or short name), the resource otherwise. */
export function foreignResource(scope: string): string | undefined {
	const slash = scope.lastIndexOf('/');
	if (slash < 0) return undefined;
	const resource = scope.slice(0, slash).replace(/\/$/, '').toLowerCase();
	return resource === graphAudience || resource === graphAppId ? undefined : scope.slice(0, slash);
}

/** Permission part of a scope: `https://graph.microsoft.com/User.Read` → `User.Read`. */
export const permissionOf = (scope: string) => scope.slice(scope.lastIndexOf('/') + 1);
