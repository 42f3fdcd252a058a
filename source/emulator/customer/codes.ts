import { createHash, generateKeyPairSync, type KeyObject, randomBytes, randomUUID } from 'node:crypto';
import { type OAuthErrorReply, oauthError } from '../identity/errors.js';
import { base64url, signJwt } from '../identity/jwt.js';
import type { CustomerRecord } from '../types.js';
import type { RedirectKind } from './authorize-request.js';

/** An authorization code waiting to be redeemed once. */
type PendingCode = {
	readonly clientId: string;
	readonly redirectUri: string;
	readonly redirectKind: RedirectKind;
	readonly scope: string;
	readonly nonce: string | null;
	readonly codeChallenge: string | null;
	readonly codeChallengeMethod: 'S256' | 'plain' | null;
	readonly customer: CustomerRecord;
	readonly expiresAt: number;
	redeemed: boolean;
};

/** What a code is issued for. */
export type CodeGrant = Omit<PendingCode, 'expiresAt' | 'redeemed'>;

/** A token endpoint reply. */
export type TokenReply = OAuthErrorReply | { readonly status: 200; readonly body: Record<string, unknown> };

/** Codes, tokens and the key that signs the customer tokens of one emulated tenant. */
export type CustomerTokens = {
	readonly publicKey: KeyObject;
	jwks(): { keys: Record<string, unknown>[] };
	/** A code for the redirect; valid for 10 minutes, redeemable once. */
	issueCode(grant: CodeGrant): string;
	/** An id_token for the implicit response, or inside a token reply. */
	idToken(clientId: string, customer: CustomerRecord, nonce: string | null): string;
	/** grant_type=authorization_code at the customer token endpoint. */
	redeem(params: URLSearchParams): TokenReply;
	/** A bearer token the service sends to an extension's API (audience: its resource app). */
	extensionToken(audience: string): string;
};

const codeLifetimeMs = 10 * 60 * 1000;

function s256(verifier: string): string {
	return createHash('sha256').update(verifier).digest('base64url');
}

/** Creates the signer; `issuer` is the tenant's customer-facing issuer URL. */
export function createCustomerTokens(tenantId: string, issuer: () => string): CustomerTokens {
	const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const keyId = randomBytes(12).toString('base64url');
	const codes = new Map<string, PendingCode>();
	const now = () => Math.floor(Date.now() / 1000);
	const sign = (claims: Record<string, unknown>) => signJwt(claims, privateKey, { kid: keyId });

	function idToken(clientId: string, customer: CustomerRecord, nonce: string | null): string {
		const iat = now();
		return sign({
			aud: clientId,
			iss: issuer(),
			iat,
			nbf: iat,
			exp: iat + 3600,
			...(nonce ? { nonce } : {}),
			sub: customer.id,
			oid: customer.id,
			tid: tenantId,
			email: customer.email,
			name: customer.displayName ?? undefined,
			preferred_username: customer.email,
			ver: '2.0',
		});
	}

	function redeem(params: URLSearchParams): TokenReply {
		const grantType = params.get('grant_type');
		if (grantType !== 'authorization_code') {
			return oauthError(
				400,
				'unsupported_grant_type',
				70003,
				`The app requested an unsupported grant type '${grantType ?? ''}'.`,
			);
		}
		for (const name of ['client_id', 'code', 'redirect_uri']) {
			if (!params.get(name))
				return oauthError(
					400,
					'invalid_request',
					900144,
					`The request body must contain the following parameter: '${name}'.`,
				);
		}
		const pending = codes.get(params.get('code')!);
		if (!pending || pending.clientId.toLowerCase() !== params.get('client_id')!.toLowerCase()) {
			return oauthError(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
		}
		if (pending.redeemed) {
			return oauthError(
				400,
				'invalid_grant',
				54005,
				'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
			);
		}
		if (Date.now() > pending.expiresAt)
			return oauthError(
				400,
				'invalid_grant',
				70008,
				'The provided authorization code or refresh token has expired due to inactivity.',
			);
		if (params.get('redirect_uri') !== pending.redirectUri) {
			return oauthError(
				400,
				'invalid_grant',
				500112,
				`The reply address '${params.get('redirect_uri')}' does not match the reply address '${pending.redirectUri}' provided when requesting Authorization code.`,
			);
		}
		const verifier = params.get('code_verifier');
		if (pending.codeChallenge) {
			const computed = pending.codeChallengeMethod === 'S256' ? s256(verifier ?? '') : verifier;
			if (!verifier || computed !== pending.codeChallenge) {
				return oauthError(
					400,
					'invalid_grant',
					501481,
					'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
				);
			}
		} else if (pending.redirectKind === 'spa') {
			return oauthError(
				400,
				'invalid_request',
				9002325,
				'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
			);
		}
		// A web redirect belongs to a confidential client, which must prove itself; the emulator holds no app secrets.
		if (pending.redirectKind === 'web' && !params.get('client_secret') && !params.get('client_assertion')) {
			return oauthError(
				401,
				'invalid_client',
				7000218,
				"The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
			);
		}
		pending.redeemed = true;
		const iat = now();
		const accessToken = sign({
			aud: pending.clientId,
			iss: issuer(),
			iat,
			nbf: iat,
			exp: iat + 3600,
			sub: pending.customer.id,
			oid: pending.customer.id,
			tid: tenantId,
			scp: pending.scope,
			ver: '2.0',
		});
		return {
			status: 200,
			body: {
				token_type: 'Bearer',
				scope: pending.scope,
				expires_in: 3600,
				ext_expires_in: 3600,
				access_token: accessToken,
				id_token: idToken(pending.clientId, pending.customer, pending.nonce),
				client_info: base64url(JSON.stringify({ uid: pending.customer.id, utid: tenantId })),
				...(pending.scope.split(/\s+/).includes('offline_access')
					? { refresh_token: `1.A${randomBytes(96).toString('base64url')}` }
					: {}),
			},
		};
	}

	return {
		publicKey,
		jwks: () => ({
			keys: [{ ...publicKey.export({ format: 'jwk' }), kid: keyId, use: 'sig', alg: 'ES256' }],
		}),
		issueCode(grant) {
			const code = `1.A${randomBytes(48).toString('base64url')}`;
			codes.set(code, { ...grant, expiresAt: Date.now() + codeLifetimeMs, redeemed: false });
			return code;
		},
		idToken,
		redeem,
		extensionToken(audience) {
			const iat = now();
			return sign({
				aud: audience,
				iss: issuer(),
				iat,
				nbf: iat,
				exp: iat + 300,
				tid: tenantId,
				sub: randomUUID(),
				ver: '2.0',
			});
		},
	};
}
