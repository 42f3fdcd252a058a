import type { FederatedCredential } from './federation.js';
import type { ManagedIdentities } from './managed-identity.js';

/*
Configuration and defaults of the identity emulator: one tenant, one user, a public client (the Microsoft
Graph Command Line Tools id that entra-flows uses by default) and one confidential client.
*/

/** How the emulated sign-in ends; switch at start or at run time with `setBehaviour`. */
export type SignInBehaviour =
	/** Device code: `authorization_pending` until approved (page or autoApprove), then tokens. */
	| 'pending-then-success'
	/** Device code: `authorization_declined` once the code would be approved. */
	| 'declined'
	/** Device code: `expired_token` (AADSTS70020). */
	| 'expired'
	/** Device code: every poll answers `slow_down`. */
	| 'slow-down'
	/** Every grant: the client is refused (device code AADSTS7000218, secret AADSTS7000215). */
	| 'invalid-client'
	/** Device code and refresh: AADSTS65001, no consent for the app. */
	| 'consent-required'
	/** Device code and refresh: AADSTS53003, blocked by Conditional Access. */
	| 'conditional-access'
	/** Device code and refresh: AADSTS50076, multi-factor authentication required. */
	| 'mfa-required';

/** The one signed-in person of the emulated tenant. */
export type EmulatedUser = {
	readonly username: string;
	readonly displayName: string;
	readonly objectId: string;
};

/** Public client registration (device code). */
export type PublicClientOptions = {
	readonly clientId?: string;
	readonly displayName?: string;
	/** Delegated Graph permissions consented for this app; requests get the intersection. */
	readonly consentedScopes?: readonly string[];
};

/** Confidential client registration (client credentials). */
export type ConfidentialClientOptions = {
	/**
	 * Federated credentials: workload tokens whose issuer, subject and audience match one are accepted as its
	 * client assertion (default: this emulator's own issuer with subject `repo:contoso/user-flows:environment:production`).
	 */
	readonly federatedCredentials?: readonly FederatedCredential[];
	readonly clientId?: string;
	readonly displayName?: string;
	/** The client secret; a random one by default. */
	readonly secret?: string;
	/** Certificates (PEM) registered on the app, besides the one `clientCertificate()` generates. */
	readonly certificates?: readonly string[];
	/** Application permissions (app roles) granted to the app. */
	readonly roles?: readonly string[];
};

/** Options of `createIdentityEmulator`. */
export type IdentityEmulatorOptions = {
	readonly tenantId?: string;
	readonly tenantDomain?: string;
	readonly tenantDisplayName?: string;
	/** Public origin (`https://127.0.0.1:8443`); else taken from `setOrigin` or each request's Host header. */
	readonly origin?: string;
	/** Approve every device code without the verification page, after `pendingPolls` pending answers. */
	readonly autoApprove?: boolean;
	/** With autoApprove: how many polls answer `authorization_pending` first (default 1). */
	readonly pendingPolls?: number;
	readonly behaviour?: SignInBehaviour;
	/** Device code `interval` in seconds (default 5; 0 is allowed for fast tests). */
	readonly pollIntervalSeconds?: number;
	/** Device code lifetime in seconds (default 900, as Entra). */
	readonly deviceCodeLifetimeSeconds?: number;
	/** Access token lifetime in seconds (default 3600). msal-node refreshes tokens within 300 s of expiry. */
	readonly accessTokenLifetimeSeconds?: number;
	/** Echo granted Graph scopes in `scope` by short name, as Entra's documented sample reply does. */
	readonly shortScopeEcho?: boolean;
	readonly user?: Partial<EmulatedUser>;
	readonly publicClient?: PublicClientOptions;
	readonly confidentialClient?: ConfidentialClientOptions;
	/** The emulated machine's managed identities (default: one system-assigned, one user-assigned read-only). */
	readonly managedIdentities?: Partial<ManagedIdentities>;
};

/** Audience of every access token the emulator issues. */
export const graphAudience = 'https://graph.microsoft.com';
/** Microsoft Graph's application id, the other name of the same resource. */
export const graphAppId = '00000003-0000-0000-c000-000000000000';

export const defaults = {
	// Same tenant as the Graph emulator's seed (seed-catalog.ts), repeated rather than imported.
	tenantId: '9188040d-6c67-4c5b-b112-36a304b66dad',
	tenantDomain: 'contosocustomers.onmicrosoft.com',
	tenantDisplayName: 'Contoso Customers',
	publicClientId: '14d82eec-204b-4c2f-b7e8-296a70dab67e',
	publicClientName: 'Microsoft Graph Command Line Tools',
	confidentialClientId: '5c8e7f21-3a94-4d6b-b0e2-9f1c4a7d6e38',
	confidentialClientName: 'entra-flows automation',
	user: {
		username: 'admin@contosocustomers.onmicrosoft.com',
		displayName: 'Avery Admin',
		objectId: '2d4e6f80-1a3b-4c5d-8e7f-90a1b2c3d4e5',
	},
	consentedScopes: [
		'EventListener.Read.All',
		'EventListener.ReadWrite.All',
		'IdentityProvider.Read.All',
		'IdentityUserFlow.Read.All',
		'IdentityUserFlow.ReadWrite.All',
		'Application.Read.All',
		'CustomAuthenticationExtension.Read.All',
		'CustomAuthenticationExtension.ReadWrite.All',
		'IdentityProvider.ReadWrite.All',
		'Policy.Read.AuthenticationMethod',
		'Policy.ReadWrite.AuthenticationMethod',
		'AuditLog.Read.All',
		'User.Read',
	],
	roles: [
		'EventListener.ReadWrite.All',
		'IdentityProvider.Read.All',
		'IdentityUserFlow.ReadWrite.All',
		'Application.Read.All',
		'CustomAuthenticationExtension.ReadWrite.All',
		'Organization.Read.All',
	],
	// The machine's identities: system-assigned with the automation roles, a user-assigned one that only reads.
	systemAssignedIdentity: {
		clientId: '7d1e4c52-9b3a-4f6e-a8d0-2c5b9e1f3a74',
		objectId: 'b4a2c6e8-1d3f-4a5b-9c7e-0f2d4b6a8c13',
	},
	userAssignedIdentity: {
		clientId: '3a9c5e71-6f2b-4d8a-b1e4-7c0d2f5a9b36',
		objectId: 'e8c1a3f5-7b9d-4e2a-8f6c-1a3e5c7b9d24',
		roles: [
			'EventListener.Read.All',
			'IdentityProvider.Read.All',
			'IdentityUserFlow.Read.All',
			'Application.Read.All',
		],
	},
} as const;

/** OpenID scopes that ride along with resource scopes and name no Graph permission. */
export const openIdScopes = new Set(['openid', 'profile', 'offline_access', 'email']);
