import type { KeyObject } from 'node:crypto';
import { parseJwt, verifyJwtSignature } from './jwt.js';
import { graphAppId, graphAudience } from './model.js';

/** What a Graph route needs: a permission family (`EventListener`, or a full name) and whether it writes. */
export type PermissionNeed = { readonly permission: string; readonly write: boolean };

/** The Graph emulator's verdict on a request's Authorization header. */
export type AuthorizeResult =
	| { readonly ok: true }
	| { readonly ok: false; readonly status: 401 | 403; readonly code: string; readonly message: string };

/** Matches the Graph emulator's `authorize` option. */
export type GraphAuthorize = (authorization: string | undefined, need: PermissionNeed) => AuthorizeResult;

const unauthenticated = (message: string): AuthorizeResult => ({
	ok: false,
	status: 401,
	code: 'InvalidAuthenticationToken',
	message,
});

/**
 * `EventListener.ReadWrite.All` / `EventListener.Read.All` / `EventListener` → `eventlistener`; permissions
 * scoped other than `.All` keep their scope: `Policy.ReadWrite.AuthenticationMethod` → `policy.authenticationmethod`.
 */
function parsePermission(permission: string): { family: string; level?: 'read' | 'readwrite' } {
	const match = /^(.+?)\.(Read|ReadWrite)(?:\.(.+))?$/i.exec(permission.trim());
	if (!match) return { family: permission.trim().toLowerCase() };
	const scope = match[3] && match[3].toLowerCase() !== 'all' ? `.${match[3]}` : '';
	return {
		family: `${match[1]}${scope}`.toLowerCase(),
		level: match[2]!.toLowerCase() as 'read' | 'readwrite',
	};
}

// Reads that higher permissions also allow: the organization for any signed-in user (User.Read) and directory
// readers; the audit log for directory readers; the authentication method policy for Policy.Read.All.
const readAlternatives: Readonly<Record<string, readonly string[]>> = {
	organization: ['user.read', 'directory.read.all', 'directory.readwrite.all'],
	auditlog: ['directory.read.all', 'directory.readwrite.all'],
	'policy.authenticationmethod': ['policy.read.all'],
};

function allows(granted: readonly string[], need: PermissionNeed): boolean {
	const wanted = parsePermission(need.permission).family;
	const alternatives = need.write ? [] : (readAlternatives[wanted] ?? []);
	if (granted.some((name) => alternatives.includes(name.toLowerCase()))) return true;
	return granted.some((name) => {
		const have = parsePermission(name);
		if (!have.level || have.family !== wanted) return false;
		return !need.write || have.level === 'readwrite';
	});
}

/**
 * Checks bearer tokens the way Graph does: signature (the identity emulator's key), audience, lifetime,
 * then the permission: any of X.Read.All / X.ReadWrite.All for a read, X.ReadWrite.All for a write,
 * from `scp` (delegated) or `roles` (app-only).
 */
export function createGraphAuthorizer(identity: { readonly signingPublicKey: KeyObject }): GraphAuthorize {
	return (authorization, need) => {
		const value = authorization?.trim() ?? '';
		if (!value || /^Bearer$/i.test(value)) return unauthenticated('Access token is empty.');
		const match = /^Bearer\s+(\S+)$/i.exec(value);
		const jwt = match ? parseJwt(match[1]!) : undefined;
		if (!jwt) return unauthenticated('CompactToken parsing failed with error code: 80049217');
		if (!verifyJwtSignature(jwt, identity.signingPublicKey)) {
			return unauthenticated('Access token validation failure. Invalid signature.');
		}
		const { aud, exp, nbf, scp, roles } = jwt.claims;
		if (aud !== graphAudience && aud !== `${graphAudience}/` && aud !== graphAppId) {
			return unauthenticated('Access token validation failure. Invalid audience.');
		}
		const now = Date.now() / 1000;
		if (typeof exp !== 'number' || exp <= now) {
			return unauthenticated('Lifetime validation failed, the token is expired.');
		}
		if (typeof nbf === 'number' && nbf > now + 300) {
			return unauthenticated('Lifetime validation failed, the token is not yet valid.');
		}
		const granted = [
			...(typeof scp === 'string' ? scp.split(' ') : []),
			...(Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : []),
		];
		if (!allows(granted, need)) {
			return {
				ok: false,
				status: 403,
				code: 'Authorization_RequestDenied',
				message: 'Insufficient privileges to complete the operation.',
			};
		}
		return { ok: true };
	};
}
