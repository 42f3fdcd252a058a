import { AuthError, createTokenProvider, type SignInProvider } from '../auth/index.js';
import type { Config } from '../config/config.js';

/** How a command wants sign-in to behave. */
export type SignInOptions = {
	/** Show a device code when there is no saved sign-in (only `login` does; others say to run it). */
	readonly interactive: boolean;
	readonly env: NodeJS.ProcessEnv;
	readonly stderr: (text: string) => void;
};

/** Builds the sign-in provider for a config: the supplied token, app-only, or device code with the cache. */
export function createSignIn(config: Config, options: SignInOptions): SignInProvider {
	if (!config.accessToken && !config.tenant) {
		throw new AuthError(
			'config',
			'No tenant is configured.',
			'Run `entra-flows login --tenant <tenant id or domain>` (or set AZURE_TENANT_ID); to try the tool offline run `entra-flows --demo`.',
		);
	}
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
			env: options.env,
		},
		{
			onDeviceCode: options.interactive ? (info) => options.stderr(`${info.message}\n`) : undefined,
			onWarning: (text) => options.stderr(`warning: ${text}\n`),
		},
	);
}
