import { AuthError } from './auth-error.js';

/** A national cloud (the same names as config's `AuthCloud`; auth may not import config). */
export type AuthCloud = 'global' | 'china' | 'usgov';

/** Sign-in and Graph origins per cloud. */
export const cloudHosts: Readonly<
	Record<AuthCloud, { readonly authorityHost: string; readonly graphHost: string }>
> = {
	global: { authorityHost: 'https://login.microsoftonline.com', graphHost: 'https://graph.microsoft.com' },
	china: {
		authorityHost: 'https://login.partner.microsoftonline.cn',
		graphHost: 'https://microsoftgraph.chinacloudapi.cn',
	},
	usgov: { authorityHost: 'https://login.microsoftonline.us', graphHost: 'https://graph.microsoft.us' },
};

/** Microsoft Graph Command Line Tools: the public client used for device code unless overridden. */
export const defaultPublicClientId = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

/** Least-privileged delegated Graph permissions, read-only and read-write. */
export const delegatedPermissions = {
	readOnly: [
		'EventListener.Read.All',
		'IdentityProvider.Read.All',
		'IdentityUserFlow.Read.All',
		'Application.Read.All',
		'CustomAuthenticationExtension.Read.All',
		'Policy.Read.AuthenticationMethod',
		'AuditLog.Read.All',
	],
	readWrite: [
		'EventListener.ReadWrite.All',
		'IdentityProvider.ReadWrite.All',
		'IdentityUserFlow.ReadWrite.All',
		'Application.Read.All',
		'CustomAuthenticationExtension.ReadWrite.All',
		'Policy.ReadWrite.AuthenticationMethod',
		'AuditLog.Read.All',
	],
} as const;

/** Delegated scopes as full URIs on the cloud's Graph host (msal-node adds openid, profile, offline_access). */
export function delegatedScopes(cloud: AuthCloud, readOnly: boolean): string[] {
	const permissions = readOnly ? delegatedPermissions.readOnly : delegatedPermissions.readWrite;
	return permissions.map((permission) => `${cloudHosts[cloud].graphHost}/${permission}`);
}

/** The app-only scope: every application permission granted to the app on the cloud's Graph. */
export const appOnlyScopes = (cloud: AuthCloud): string[] => [`${cloudHosts[cloud].graphHost}/.default`];

// Hosts whose endpoints msal-node has compiled in: it makes no discovery request for them.
const microsoftHosts = new Set([
	'login.microsoftonline.com',
	'login.microsoftonline.us',
	'login.partner.microsoftonline.cn',
	'login.chinacloudapi.cn',
	'login.windows.net',
	'login.microsoft.com',
	'sts.windows.net',
	'login.usgovcloudapi.net',
	'login-us.microsoftonline.com',
]);

const guid = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
const domain = /^(?=.{4,253}$)([a-z\d]([a-z\d-]{0,61}[a-z\d])?\.)+[a-z]{2,63}$/i;

/** Where and how msal-node signs in: the authority URL and, off Microsoft hosts, static metadata. */
export type Authority = {
	/** `https://host[:port]`, no trailing slash. */
	readonly host: string;
	/** `host` without the scheme: names the cache file. */
	readonly hostName: string;
	readonly tenant: string;
	/** `https://host/tenant`. */
	readonly url: string;
	readonly knownAuthorities?: string[];
	readonly authorityMetadata?: string;
};

/** Checks the tenant is a GUID or a domain name; the multi-tenant aliases are refused. */
export function checkTenant(tenant: string): string {
	const value = tenant.trim();
	if (guid.test(value) || domain.test(value)) return value.toLowerCase();
	const alias = ['common', 'organizations', 'consumers'].includes(value.toLowerCase());
	throw new AuthError(
		'config',
		value ? `"${value}" is not a tenant ID or domain.` : 'No tenant given.',
		alias
			? 'entra-flows manages one tenant: pass its ID (a GUID) or a domain such as contoso.onmicrosoft.com with --tenant or AZURE_TENANT_ID.'
			: 'Pass the tenant ID (a GUID) or a verified domain such as contoso.onmicrosoft.com with --tenant or AZURE_TENANT_ID.',
	);
}

/**
 * The authority for a cloud and tenant. An `authorityHost` override (AZURE_AUTHORITY_HOST, the emulator)
 * replaces the cloud's sign-in host; when it is not a Microsoft host, `knownAuthorities` and
 * `authorityMetadata` are filled so no discovery request leaves the machine (msal-node would otherwise ask
 * login.microsoftonline.com about any host it does not know, whatever the authority).
 */
export function resolveAuthority(cloud: AuthCloud, tenant: string, authorityHost?: string): Authority {
	const tenantId = checkTenant(tenant);
	let url: URL;
	try {
		url = new URL(authorityHost ?? cloudHosts[cloud].authorityHost);
	} catch {
		throw new AuthError(
			'config',
			`The authority host "${authorityHost}" is not a URL.`,
			'Give an https origin such as https://login.microsoftonline.com (--authority-host or AZURE_AUTHORITY_HOST).',
		);
	}
	if (url.protocol !== 'https:') {
		throw new AuthError(
			'config',
			`The authority host ${url.origin} does not use https.`,
			'Sign-in only works over https; use an https origin (the emulator serves https with its own CA).',
		);
	}
	const host = url.origin;
	const authority = { host, hostName: url.host, tenant: tenantId, url: `${host}/${tenantId}` };
	if (microsoftHosts.has(url.hostname) && !url.port) return authority;
	return {
		...authority,
		knownAuthorities: [url.host],
		authorityMetadata: JSON.stringify({
			authorization_endpoint: `${host}/${tenantId}/oauth2/v2.0/authorize`,
			token_endpoint: `${host}/${tenantId}/oauth2/v2.0/token`,
			end_session_endpoint: `${host}/${tenantId}/oauth2/v2.0/logout`,
			issuer: `${host}/${tenantId}/v2.0`,
			jwks_uri: `${host}/${tenantId}/discovery/v2.0/keys`,
		}),
	};
}
