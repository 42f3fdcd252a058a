/** What `whoami` and the permission preflight read from an access token. */
export type TokenClaims = {
	/** Tenant id. */
	readonly tenantId?: string;
	/** Object id of the user or of the app's service principal. */
	readonly objectId?: string;
	/** `upn`, else `preferred_username` (delegated tokens only). */
	readonly username?: string;
	readonly name?: string;
	/** Client id of the app the token was issued to (`appid`, else `azp`). */
	readonly appId?: string;
	/** Delegated permissions (`scp`, split). */
	readonly scopes: readonly string[];
	/** Application permissions (`roles`). */
	readonly roles: readonly string[];
	/** Audience. */
	readonly audience?: string;
	readonly expiresAt?: Date;
	readonly issuedAt?: Date;
	/** `app` for app-only tokens (no scp, or idtyp app), else `user`. */
	readonly kind: 'user' | 'app';
};

const str = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const date = (value: unknown) => (typeof value === 'number' ? new Date(value * 1000) : undefined);

/**
 * Reads (does not verify) a JWT access token's claims. Undefined for an opaque token or anything that is not
 * a JWT with a JSON payload. Use for display and preflight only, never for a security decision.
 */
export function decodeTokenClaims(token: string): TokenClaims | undefined {
	const parts = token.trim().split('.');
	if (parts.length !== 3 || !/^[\w-]+$/.test(parts[1] ?? '')) return undefined;
	let claims: Record<string, unknown>;
	try {
		const value: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
		if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
		claims = value as Record<string, unknown>;
	} catch {
		return undefined;
	}
	const scopes = str(claims.scp)?.split(' ').filter(Boolean) ?? [];
	const roles = Array.isArray(claims.roles)
		? claims.roles.filter((role): role is string => typeof role === 'string')
		: [];
	const audience = Array.isArray(claims.aud) ? str(claims.aud[0]) : str(claims.aud);
	return {
		tenantId: str(claims.tid),
		objectId: str(claims.oid),
		username: str(claims.upn) ?? str(claims.preferred_username) ?? str(claims.unique_name),
		name: str(claims.name),
		appId: str(claims.appid) ?? str(claims.azp),
		scopes,
		roles,
		audience,
		expiresAt: date(claims.exp),
		issuedAt: date(claims.iat),
		kind: claims.idtyp === 'app' || (!claims.scp && roles.length > 0) ? 'app' : 'user',
	};
}
