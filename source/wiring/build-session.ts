// The one place the token provider and the Graph client are built from a configuration, for both faces.
import {
	type AuthHooks,
	createTokenProvider,
	loadCaFile,
	proxyForUrl,
	type SignInProvider,
} from '../auth/index.js';
import type { Config } from '../config/config.js';
import { createGraphClient, type GraphClient, type GraphClientOptions } from '../graph/graph-client.js';

/** How sign-in talks to the person and the terminal. */
export type SignInHooks = {
	readonly env: NodeJS.ProcessEnv;
	/** Shows a device code; without it, sign-in never starts one (a silent token request must not). */
	readonly onDeviceCode?: AuthHooks['onDeviceCode'];
	readonly onWarning?: (text: string) => void;
};

/** The sign-in provider for a configuration: the method source/auth/sign-in-method.ts picks, in its order. */
export function tokenProviderFor(config: Config, hooks: SignInHooks): SignInProvider {
	return createTokenProvider(
		{
			cloud: config.cloud,
			tenant: config.tenant ?? '',
			authorityHost: config.authorityHost,
			clientId: config.clientId,
			clientSecret: config.clientSecret,
			certificatePath: config.certificatePath,
			accessToken: config.accessToken,
			readOnly: config.readOnly,
			cachePath: config.paths.stateDir,
			noCache: config.noCache,
			caFile: config.caFile,
			caFileOnly: config.caFileOnly,
			env: hooks.env,
			federatedTokenFile: config.federatedTokenFile,
			managedIdentity: config.managedIdentity,
			managedIdentityClientId: config.managedIdentityClientId,
			useAzureCli: config.useAzureCli,
		},
		{ onDeviceCode: hooks.onDeviceCode, onWarning: hooks.onWarning },
	);
}

/** What a face adds to the client: where its calls, retries and dry-run writes are reported. */
export type ClientHooks = Pick<GraphClientOptions, 'onExchange' | 'onRetry' | 'onReconcile' | 'dryRun'> & {
	readonly env: NodeJS.ProcessEnv;
	readonly version: string;
};

/** The Graph client for a configuration, with its CA file, proxy and user agent. */
export function graphClientFor(
	config: Config,
	tokenProvider: GraphClientOptions['tokenProvider'],
	hooks: ClientHooks,
): GraphClient {
	return createGraphClient({
		baseUrl: config.graphUrl,
		tokenProvider,
		userAgent: `entra-flows/${hooks.version}`,
		ca: config.caFile ? loadCaFile(config.caFile, { alone: config.caFileOnly }) : undefined,
		proxyFor: (url) => proxyForUrl(url, hooks.env),
		onExchange: hooks.onExchange,
		onRetry: hooks.onRetry,
		onReconcile: hooks.onReconcile,
		dryRun: hooks.dryRun,
	});
}
