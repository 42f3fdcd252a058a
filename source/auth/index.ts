/*
Sign-in for entra-flows: turns an AuthConfig into a TokenProvider for the Graph client.

Modes, picked from the config in this order (sign-in-method.ts; README "Signing in" says the same):
	accessToken                   → 'access-token'        the token as given; no sign-in, no refresh
	useAzureCli                   → 'azure-cli'           `az account get-access-token --resource-type ms-graph`
	clientSecret | certificatePath → 'client-secret' / 'client-certificate' (app-only, needs clientId)
	federatedTokenFile            → 'federated-token'     app-only, the file's workload token as client assertion
	managedIdentity               → 'managed-identity'    msal-node's ManagedIdentityApplication (user-assigned
	                                                      when managedIdentityClientId is given)
	otherwise                     → 'device-code'          delegated; silent from the cache, else a device code

Wiring in cli.tsx (flags win over environment):

	import {AuthError, createTokenProvider, decodeTokenClaims, loadCaFile} from './source/auth/index.js';

	const auth = createTokenProvider(
		{
			cloud: config.cloud,                                      // 'global' | 'china' | 'usgov'
			tenant: flags.tenant ?? env.AZURE_TENANT_ID ?? '',        // GUID or domain; required
			clientId: flags['client-id'] ?? env.AZURE_CLIENT_ID,
			clientSecret: secretFromFile(flags['client-secret-file']) ?? env.AZURE_CLIENT_SECRET,
			certificatePath: env.AZURE_CLIENT_CERTIFICATE_PATH,
			authorityHost: flags['authority-host'] ?? env.AZURE_AUTHORITY_HOST,
			accessToken: config.accessToken,
			readOnly: flags['read-only'] ?? false,
			noCache: flags['no-cache'] ?? false,
			caFile: flags['ca-file'],                                 // also: got https.certificateAuthority = loadCaFile(path)
			env,                                                      // HTTPS_PROXY / NO_PROXY
		},
		{
			onDeviceCode: ({message}) => stderr.write(`${message}\n`),   // in Ink: render userCode + verificationUri
			onWarning: (text) => stderr.write(`warning: ${text}\n`),
		},
	);
	graphClient({tokenProvider: auth, ...});                     // auth.getToken({forceRefresh, claims, signal})

	login:   const who = await auth.signIn({signal});  → print who.username / who.clientId and who.tenantId
	logout:  await auth.signOut();                    → the cache file is gone (auth.cacheFile)
	whoami:  const who = await auth.account();        → undefined: "not signed in"
	         const claims = decodeTokenClaims(await auth.getToken()); → scopes / roles for a permission preflight

Errors: every failure is an AuthError {code, aadsts?, message, hint, correlationId?}; print message and hint.
Nothing here prints; msal logging goes to hooks.onLog only. Tokens, secrets and codes never appear in
messages or warnings. Token cache: defaultStateDirectory()/tokens-<host>-<client id>.json, mode 0600.

Emulator: authorityHost = emulator origin (https://127.0.0.1:PORT), tenant = the emulator's tenant id or
domain, caFile = the emulator's CA file. Nothing else changes.
*/
export { AuthError, type AuthErrorCode, type AuthErrorDetails } from './auth-error.js';
export {
	type AuthCloud,
	appOnlyScopes,
	checkTenant,
	cloudHosts,
	defaultPublicClientId,
	delegatedPermissions,
	delegatedScopes,
	resolveAuthority,
} from './authority.js';
export { azureCliAppId } from './azure-cli.js';
export { type ClientCertificate, readClientCertificate } from './certificate.js';
export { decodeTokenClaims, type TokenClaims } from './claims.js';
export {
	type AuthConfig,
	type AuthMode,
	createTokenProvider,
	type SignInProvider,
} from './create-token-provider.js';
export type { SignedInIdentity } from './identity.js';
export { loadCaFile, openTunnel, type ProxyEnvironment, proxyForUrl } from './network.js';
export type { AuthHooks, DeviceCodeInfo } from './session.js';
export { signInMethod } from './sign-in-method.js';
export { defaultStateDirectory, tokenCacheFile } from './token-cache.js';
export { type GetTokenOptions, staticTokenProvider, type TokenProvider } from './token-provider.js';
