import { resolve as resolvePath } from 'node:path';
import { type Config, resolveConfig } from '../config/config.js';
import { readProfile, writeProfile } from '../config/profile.js';
import type { ServedInfo } from '../emulator/serve.js';
import { type AppDeps, createRetryRelay } from '../store/deps.js';
import { createRequestRecorder, type RequestRecorder } from '../store/requests.js';
import { wantsAscii } from '../ui/ascii-output.js';
import { graphClientFor } from './build-session.js';
import { colourEnvironment, wantsNoColor } from './colour-choice.js';
import { readSecretFile } from './secret-file.js';
import { createAppSignIn } from './session-service.js';

/** The outside world the keyboard app's dependencies are built from. */
export type WiringIo = {
	readonly env: NodeJS.ProcessEnv;
	readonly version: string;
	readonly warn: (text: string) => void;
};

/** Calls the request inspector keeps for a session; the oldest are dropped first. */
const keptRequests = 2000;

/** Builds the app's dependencies for a configuration: Graph client, sign-in, and how to switch tenants. */
export function buildAppDeps(
	config: Config,
	io: WiringIo,
	extra: {
		/** Save the tenant as the one a plain start uses, once sign-in worked (Start screen, `--tenant`). */
		rememberTenant?: boolean;
		/** Save it when a cached sign-in is found too (a `--tenant` given on the command line). */
		rememberCached?: boolean;
		requests?: RequestRecorder;
	} = {},
): AppDeps {
	const retries = createRetryRelay();
	// One record for the whole session: switching to the demo or another tenant keeps what was recorded.
	const requests = extra.requests ?? createRequestRecorder({ limit: keptRequests });
	const signIn = createAppSignIn(config, {
		env: io.env,
		warn: io.warn,
		// A tenant typed on the Start screen or given as --tenant is remembered once sign-in worked, as `login` does.
		onSignedIn:
			extra.rememberTenant && config.tenant
				? () => {
						const saved = readProfile(config.paths.configDir, io.warn);
						const profile = {
							tenant: config.tenant,
							cloud: config.cloud,
							clientId: config.clientId,
							authorityHost: config.authorityHost,
							graphUrl: config.graphUrl,
							caFile: config.caFile,
						};
						// Said once: starting again with the same tenant changes nothing worth a word.
						if (saved.tenant === profile.tenant && saved.graphUrl === profile.graphUrl) return undefined;
						writeProfile(config.paths.configDir, profile);
						return config.tenant;
					}
				: undefined,
		rememberCached: extra.rememberCached,
	});
	const graph = graphClientFor(config, signIn.tokenProvider, {
		env: io.env,
		version: io.version,
		onRetry: (notice) => retries.notify(notice),
		// The inspector's curl and az rest trust the CA file this client trusts.
		onExchange: (exchange) =>
			requests.record(exchange, { caFile: config.caFile ? resolvePath(config.caFile) : undefined }),
	});
	return {
		graph,
		session: signIn.session,
		configured: Boolean(config.tenant || config.accessToken),
		retries,
		requests,
		tmux: Boolean(io.env.TMUX),
		noColor: wantsNoColor(io.env),
		ascii: wantsAscii(io.env),
		readSecretFile: (path) => readSecretFile(path),
		startDemo: () => startDemoDeps(io, requests),
		useTenant: async (tenant) =>
			buildAppDeps({ ...config, tenant: tenant.trim() }, io, { rememberTenant: true, requests }),
	};
}

/**
 * The environment a demo session sees: none of the real one (no proxy, no supplied token, no sign-in
 * variables may steer an offline demo), except the person's display preferences.
 */
export function demoEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return colourEnvironment(env);
}

/**
 * What a demo session signs in and reads with: its in-process emulator, trusted by that emulator's CA alone (the
 * only server it talks to), nothing cached on disk (the emulator lives only as long as this process).
 */
export function demoConfig(info: ServedInfo): Config {
	return {
		...resolveConfig({}, {}, {}),
		graphUrl: info.graphUrl,
		tenant: info.tenantId,
		authorityHost: info.authorityHost,
		caFile: info.caFile,
		caFileOnly: true,
		accessToken: undefined,
		clientSecret: undefined,
		certificatePath: undefined,
		noCache: true,
		readOnly: false,
	};
}

/** Starts the built-in demo tenant in this process and signs in to it with the real device-code path. */
export async function startDemoDeps(io: WiringIo, requests?: RequestRecorder): Promise<AppDeps> {
	const { serveInWorker } = await import('../emulator/serve-in-worker.js');
	// Approved automatically once the code has been shown (one pending poll), so the newcomer sees the real flow.
	const served = await serveInWorker({
		port: 0,
		identity: { autoApprove: true, pendingPolls: 1, pollIntervalSeconds: 1 },
	});
	return {
		...buildAppDeps(demoConfig(served.info), { ...io, env: demoEnvironment(io.env) }, { requests }),
		tmux: Boolean(io.env.TMUX),
		configured: true,
		startDemo: undefined,
		useTenant: undefined,
	};
}
