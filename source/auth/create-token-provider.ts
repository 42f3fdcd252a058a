import { type AppCredential, appOnlyProvider } from './app-only.js';
import { AuthError } from './auth-error.js';
import {
	type AuthCloud,
	appOnlyScopes,
	checkTenant,
	defaultPublicClientId,
	delegatedScopes,
	resolveAuthority,
} from './authority.js';
import { azureCliProvider } from './azure-cli.js';
import { readClientCertificate } from './certificate.js';
import { decodeTokenClaims } from './claims.js';
import { deviceCodeProvider } from './device-code.js';
import { readFederatedToken } from './federated-token.js';
import type { SignedInIdentity } from './identity.js';
import { managedIdentityProvider } from './managed-identity.js';
import { loadCaFile, type ProxyEnvironment, SignInNetworkClient } from './network.js';
import { Redactor } from './redact.js';
import type { AuthHooks, Session } from './session.js';
import { type AuthMode, signInMethod } from './sign-in-method.js';
import { defaultStateDirectory, FileTokenCache, tokenCacheFile } from './token-cache.js';
import { staticTokenProvider, type TokenProvider } from './token-provider.js';

export type { AuthMode } from './sign-in-method.js';

/** Everything sign-in needs, resolved by cli.tsx from flags and environment. */
export type AuthConfig = {
	readonly cloud: AuthCloud;
	/** Tenant id (GUID) or domain (contoso.onmicrosoft.com). */
	readonly tenant: string;
	/** Replaces the cloud's sign-in origin (AZURE_AUTHORITY_HOST, the emulator's origin). */
	readonly authorityHost?: string;
	/** App (client) id; default for device code: Microsoft Graph Command Line Tools. Required app-only. */
	readonly clientId?: string;
	readonly clientSecret?: string;
	/** PEM file with the private key and the certificate. */
	readonly certificatePath?: string;
	/** A ready bearer token: no sign-in at all. */
	readonly accessToken?: string;
	/** Ask for read-only delegated permissions. */
	readonly readOnly: boolean;
	/** Directory for the token cache file (default {@link defaultStateDirectory}). */
	readonly cachePath?: string;
	/** Keep tokens in memory only. */
	readonly noCache: boolean;
	/** Extra CA certificates (PEM) to trust for sign-in, besides Node's bundled roots. */
	readonly caFile?: string;
	/** Trust the CA file alone, not Node's roots too. */
	readonly caFileOnly?: boolean;
	/** Stop waiting for the device code to be entered after this many seconds (default: the code's lifetime). */
	readonly deviceCodeTimeoutSeconds?: number;
	/** Where HTTPS_PROXY / NO_PROXY are read from, and the `az` process's environment (default process.env). */
	readonly env?: ProxyEnvironment;
	/** Workload identity federation: the token file a pipeline or cluster writes (AZURE_FEDERATED_TOKEN_FILE). */
	readonly federatedTokenFile?: string;
	/** Sign in as the machine's managed identity (asked for, or detected by config). */
	readonly managedIdentity?: boolean;
	/** A user-assigned managed identity's client id (only from --client-id or AZURE_CLIENT_ID). */
	readonly managedIdentityClientId?: string;
	/** Take tokens from an existing Azure CLI sign-in (--use-az). */
	readonly useAzureCli?: boolean;
};

/** A TokenProvider plus what `login`, `logout` and `whoami` need. */
export type SignInProvider = TokenProvider & {
	readonly mode: AuthMode;
	/** Scopes requested (empty for a supplied access token). */
	readonly scopes: readonly string[];
	/** The token cache file, or undefined when tokens stay in memory. */
	readonly cacheFile: string | undefined;
	/** Signs in now: always a new device code in device-code mode; a fresh token app-only. */
	signIn(options?: { readonly signal?: AbortSignal }): Promise<SignedInIdentity | undefined>;
	/** Forgets the saved sign-in: accounts and tokens in memory, and the cache file. */
	signOut(): Promise<void>;
	/** Who is signed in, from the cache or the token; no network. */
	account(): Promise<SignedInIdentity | undefined>;
};

const given = (value: string | undefined) => (value?.trim() ? value : undefined);

function accessTokenProvider(token: string): SignInProvider {
	const identity = async (): Promise<SignedInIdentity | undefined> => {
		const claims = decodeTokenClaims(token);
		if (!claims?.tenantId) return undefined;
		if (claims.kind === 'app')
			return { kind: 'app', clientId: claims.appId ?? '', tenantId: claims.tenantId };
		return {
			kind: 'user',
			username: claims.username ?? '',
			...(claims.name ? { name: claims.name } : {}),
			tenantId: claims.tenantId,
			objectId: claims.objectId ?? '',
		};
	};
	return {
		...staticTokenProvider(token),
		mode: 'access-token',
		scopes: [],
		cacheFile: undefined,
		signIn: identity,
		signOut: async () => undefined,
		account: identity,
	};
}

function appCredential(
	config: AuthConfig,
	mode: AuthMode,
	warn: (message: string) => void,
): AppCredential | undefined {
	if (mode === 'federated-token') {
		const tokenFile = config.federatedTokenFile!.trim();
		readFederatedToken(tokenFile); // a missing or empty file is a configuration error, said now
		return { kind: 'federated-token', tokenFile };
	}
	const secret = given(config.clientSecret);
	const certificatePath = given(config.certificatePath);
	if (secret && certificatePath) {
		throw new AuthError(
			'config',
			'Both a client secret and a client certificate were given.',
			'Use one: unset AZURE_CLIENT_SECRET (or --client-secret-file) or AZURE_CLIENT_CERTIFICATE_PATH.',
		);
	}
	if (secret) return { kind: 'client-secret', secret };
	if (!certificatePath) return undefined;
	const certificate = readClientCertificate(certificatePath);
	const days = (certificate.notAfter.getTime() - Date.now()) / 86_400_000;
	if (days < 0)
		warn(
			`The certificate in ${certificatePath} expired on ${certificate.notAfter.toISOString()}; Entra will refuse it.`,
		);
	else if (days < 14)
		warn(`The certificate in ${certificatePath} expires on ${certificate.notAfter.toISOString()}.`);
	if (certificate.openWarning) warn(certificate.openWarning);
	return { kind: 'client-certificate', certificate };
}

/**
 * Builds the provider for a configuration. Checks the configuration now (tenant, credentials, certificate
 * and CA files) and throws AuthError `config`, `certificate-file` or `ca-file`; signs in only when asked.
 */
export function createTokenProvider(config: AuthConfig, hooks: AuthHooks = {}): SignInProvider {
	const mode = signInMethod(config);
	const accessToken = given(config.accessToken);
	if (mode === 'access-token' && accessToken) return accessTokenProvider(accessToken.trim());
	const redactor = new Redactor();
	redactor.add(config.clientSecret);
	const warn = (message: string) => {
		const clean = redactor.scrub(message);
		if (hooks.onWarning) hooks.onWarning(clean);
		else process.emitWarning(clean, { code: 'ENTRA_FLOWS_AUTH' });
	};
	if (mode === 'azure-cli') {
		const tenant = given(config.tenant)?.trim();
		return azureCliProvider({
			...(tenant ? { tenant: checkTenant(tenant) } : {}),
			env: config.env,
			redactor,
		});
	}
	if (mode === 'managed-identity') {
		const clientId = given(config.managedIdentityClientId)?.trim();
		return managedIdentityProvider({
			cloud: config.cloud,
			...(clientId ? { clientId } : {}),
			...(config.caFile ? { ca: loadCaFile(config.caFile, { alone: config.caFileOnly }) } : {}),
			redactor,
		});
	}
	const authority = resolveAuthority(config.cloud, config.tenant, given(config.authorityHost));
	const credential = appCredential(config, mode, warn);
	const clientId = given(config.clientId)?.trim() ?? (credential ? undefined : defaultPublicClientId);
	if (!clientId) {
		throw new AuthError(
			'config',
			`App-only sign-in (${credential?.kind ?? mode}) needs the app (client) id.`,
			'Pass it with --client-id or AZURE_CLIENT_ID.',
		);
	}
	const scopes = credential ? appOnlyScopes(config.cloud) : delegatedScopes(config.cloud, config.readOnly);
	const network = new SignInNetworkClient({
		...(config.caFile ? { ca: loadCaFile(config.caFile, { alone: config.caFileOnly }) } : {}),
		env: config.env ?? process.env,
		redactor,
	});
	const session: Session = {
		authority,
		clientId,
		scopes,
		network,
		redactor,
		hooks,
		errorContext: {
			mode: credential?.kind ?? 'device-code',
			tenant: authority.tenant,
			clientId,
			scopes,
			authorityHost: authority.host,
			...(credential?.kind === 'client-certificate'
				? { certificateThumbprint: credential.certificate.thumbprintSha1 }
				: {}),
			record: (correlationId) => network.record(correlationId),
			redactor,
		},
	};
	if (credential) return { ...appOnlyProvider(session, credential), scopes, cacheFile: undefined };
	const cache = config.noCache
		? undefined
		: new FileTokenCache(
				tokenCacheFile(config.cachePath ?? defaultStateDirectory(), authority.hostName, clientId),
				warn,
			);
	return {
		...deviceCodeProvider(session, cache, config.deviceCodeTimeoutSeconds),
		scopes,
		cacheFile: cache?.file,
	};
}
