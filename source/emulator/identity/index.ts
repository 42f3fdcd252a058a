/*
The identity emulator: Microsoft Entra's sign-in endpoints as msal-node uses them (discovery, device code,
token), served from the Graph emulator's HTTPS server. Server side only: it imports nothing from source/auth.

	const tls = createLoopbackTls();
	const identity = createIdentityEmulator({autoApprove: true});
	const emulator = await startEmulator({tls, extraRoutes: identity.handle, authorize: identity.authorize});
	identity.setOrigin(emulator.origin);
	// clients: authorityHost = emulator.origin, tenant = identity.tenantId, caFile = tls.caFile
*/
export {
	type AuthorizeResult,
	createGraphAuthorizer,
	type GraphAuthorize,
	type PermissionNeed,
} from './authorizer.js';
export { createIdentityEmulator } from './emulator.js';
export type {
	EmulatorClientCertificate,
	IdentityEmulator,
	MintOptions,
	TokenRequestRecord,
} from './emulator-api.js';
export { defaultWorkloadSubject, exchangeAudience, type FederatedCredential } from './federation.js';
export {
	type EmulatedManagedIdentity,
	type ManagedIdentities,
	managedIdentityPaths,
} from './managed-identity.js';
export {
	type ConfidentialClientOptions,
	defaults as identityDefaults,
	type EmulatedUser,
	type IdentityEmulatorOptions,
	type PublicClientOptions,
	type SignInBehaviour,
} from './model.js';
export { createLoopbackTls, type LoopbackTls, type LoopbackTlsOptions } from './tls.js';
