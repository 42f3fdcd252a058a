import type { TokenClaims } from '../auth/claims.js';
import { GraphError } from './graph-error.js';

/** Whether a token's claims allow a call: granted, missing (with words), or unknown (opaque token). */
export type PermissionVerdict =
	| { readonly kind: 'granted' }
	| { readonly kind: 'unknown' }
	| {
			readonly kind: 'missing';
			/** What is needed and what the token has, e.g. "needs X; you are signed in with read-only scopes (…)". */
			readonly message: string;
			/** How to get it. */
			readonly hint: string;
	  };

// Higher-privileged permissions that also satisfy a need, beyond the ReadWrite form of each Read permission.
const alsoSatisfiedBy: Readonly<Record<string, readonly string[]>> = {
	'application.read.all': ['Directory.Read.All', 'Directory.ReadWrite.All'],
	// Any signed-in user may read the organization (User.Read is the delegated least); app-only needs Organization.
	'organization.read.all': ['User.Read', 'Directory.Read.All', 'Directory.ReadWrite.All'],
	'policy.read.authenticationmethod': ['Policy.ReadWrite.AuthenticationMethod', 'Policy.Read.All'],
	'auditlog.read.all': ['Directory.Read.All', 'Directory.ReadWrite.All'],
};

// The least-privileged directory role a signed-in admin needs for each permission family (per the API pages).
const roles: Readonly<Record<string, string>> = {
	eventlistener: 'External ID User Flow Administrator',
	identityuserflow: 'External ID User Flow Attribute Administrator',
	identityprovider: 'External Identity Provider Administrator',
	customauthenticationextension: 'Authentication Extensibility Administrator',
	auditlog: 'Reports Reader',
};

// Permissions scoped other than `.All`, and the least role the Graph pages name for them.
const scopedRoles: Readonly<Record<string, string>> = {
	'policy.read.authenticationmethod': 'Authentication Policy Administrator',
	'policy.readwrite.authenticationmethod': 'Authentication Policy Administrator',
};

const shortName = (permission: string) => permission.slice(permission.lastIndexOf('/') + 1);
const levelPattern = /^(.+)\.(Read|ReadWrite)\.All$/i;

/** The permissions a token grants: `roles` for app-only tokens, `scp` for delegated ones (short names). */
export function grantedPermissions(claims: TokenClaims): string[] {
	return (claims.kind === 'app' ? claims.roles : claims.scopes).map(shortName);
}

/** True when `granted` covers `permission`: a read by X.Read.All or X.ReadWrite.All, a write only by X.ReadWrite.All. */
export function permissionSatisfied(granted: readonly string[], permission: string): boolean {
	const have = new Set(granted.map((name) => name.toLowerCase()));
	const match = levelPattern.exec(permission);
	const candidates = match
		? match[2]!.toLowerCase() === 'readwrite'
			? [`${match[1]}.ReadWrite.All`]
			: [`${match[1]}.Read.All`, `${match[1]}.ReadWrite.All`]
		: [permission];
	candidates.push(...(alsoSatisfiedBy[permission.toLowerCase()] ?? []));
	return candidates.some((candidate) => have.has(candidate.toLowerCase()));
}

/** The directory role a delegated call with this permission also needs, when the docs name one. */
export function directoryRoleFor(permission: string): string | undefined {
	const scoped = scopedRoles[permission.toLowerCase()];
	if (scoped) return scoped;
	const family = levelPattern.exec(permission)?.[1]?.toLowerCase();
	return family ? roles[family] : undefined;
}

/**
 * Decides from a token's claims (not verified: this is advice, the service decides) whether a call needing
 * `permission` can succeed. Unknown for an opaque token or one that names no permissions at all.
 */
export function checkPermission(permission: string, claims: TokenClaims | undefined): PermissionVerdict {
	if (!claims) return { kind: 'unknown' };
	const granted = grantedPermissions(claims);
	if (granted.length === 0) return { kind: 'unknown' };
	if (permissionSatisfied(granted, permission)) return { kind: 'granted' };
	const list = granted.join(' ');
	if (claims.kind === 'app') {
		return {
			kind: 'missing',
			message: `needs ${permission}; the application's token carries only the roles (${list})`,
			hint: `grant the application permission ${permission} to the app${claims.appId ? ` ${claims.appId}` : ''} and admin-consent it, then run the command again (a new token carries it)`,
		};
	}
	const readOnly = granted.every((name) => !/readwrite/i.test(name));
	if (readOnly) {
		return {
			kind: 'missing',
			message: `needs ${permission}; you are signed in with read-only scopes (${list})`,
			hint: 'run `entra-flows login` without --read-only',
		};
	}
	return {
		kind: 'missing',
		message: `needs ${permission}; your sign-in's scopes (${list}) do not include it`,
		hint: `run \`entra-flows login\` again with an app (--client-id) for which an administrator has granted and consented ${permission}`,
	};
}

/** Advice for a 403 the service sent, as specific as the token's claims allow; undefined when they tell nothing. */
export function forbiddenAdvice(permission: string, claims: TokenClaims | undefined): string | undefined {
	const verdict = checkPermission(permission, claims);
	if (verdict.kind === 'unknown' || !claims) return undefined;
	if (verdict.kind === 'missing') return `This ${verdict.message}; ${verdict.hint}.`;
	if (claims.kind === 'app') {
		return `The application's token has ${permission}, yet the service refused: check that the admin consent was given in this tenant and that the app's service principal is enabled.`;
	}
	const role = directoryRoleFor(permission);
	return `Your token has ${permission}, so the service refused for another reason: in delegated mode the signed-in account also needs ${role ? `the ${role} directory role` : 'a directory role that allows this'} in this tenant. Ask an administrator to assign it, then sign in again.`;
}

/** The error for a call refused before sending (status 0, `notSent`), or undefined when it may be sent. */
export function preflightError(
	method: string,
	path: string,
	permission: string,
	claims: TokenClaims | undefined,
): GraphError | undefined {
	const verdict = checkPermission(permission, claims);
	if (verdict.kind !== 'missing') return undefined;
	return new GraphError({
		kind: 'forbidden',
		status: 0,
		code: 'MissingPermission',
		message: verdict.message,
		method,
		path,
		hint: verdict.hint,
		requiredPermission: permission,
		notSent: true,
	});
}
