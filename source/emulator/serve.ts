import {
	createIdentityEmulator,
	createLoopbackTls,
	type IdentityEmulator,
	type IdentityEmulatorOptions,
	type SignInBehaviour,
} from './identity/index.js';
import { fabrikamIds } from './seed-fabrikam.js';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from './server.js';

/** Options for the emulator as a product: Graph and sign-in together. */
export type ServeOptions = Omit<EmulatorOptions, 'tls' | 'authorize' | 'extraRoutes'> & {
	/** Plain HTTP, Graph only, any bearer token accepted (no sign-in endpoints: msal needs https). */
	readonly http?: boolean;
	/** Folder for the generated CA file (default: a new temporary folder). */
	readonly tlsDir?: string;
	readonly identity?: IdentityEmulatorOptions;
};

/** What `entra-flows emulator` prints as its first line, and what demo mode signs in with. */
export type ServedInfo = {
	readonly graphUrl: string;
	readonly betaUrl: string;
	readonly origin: string;
	readonly port: number;
	readonly authorityHost?: string;
	readonly tenantId?: string;
	readonly tenantDomain?: string;
	readonly caFile?: string;
	readonly verificationUri?: string;
	/** A token with every permission, valid while this emulator runs (its signing key dies with it). */
	readonly accessToken?: string;
};

/** A running emulator with its sign-in half (absent over plain HTTP). */
export type ServedEmulator = {
	readonly graph: RunningEmulator;
	readonly identity?: IdentityEmulator;
	readonly info: ServedInfo;
	close(): Promise<void>;
};

const allPermissions = [
	'EventListener.ReadWrite.All',
	'IdentityProvider.ReadWrite.All',
	'IdentityUserFlow.ReadWrite.All',
	'Application.Read.All',
];

/** Starts Graph and sign-in on one loopback HTTPS server with a CA generated for it. */
export async function serveEmulator(options: ServeOptions = {}): Promise<ServedEmulator> {
	if (options.http) {
		const graph = await startEmulator(options);
		const info = {
			graphUrl: graph.graphUrl,
			betaUrl: `${graph.origin}/beta`,
			origin: graph.origin,
			port: graph.port,
		};
		return { graph, info, close: () => graph.close() };
	}
	const tls = createLoopbackTls(options.tlsDir);
	// The second tenant signs in as itself: its own tenant id, domain and admin.
	const tenant =
		options.seed === 'fabrikam'
			? {
					tenantId: fabrikamIds.tenantId,
					tenantDomain: fabrikamIds.tenantDomain,
					tenantDisplayName: fabrikamIds.tenantDisplayName,
					user: { username: `admin@${fabrikamIds.tenantDomain}` },
				}
			: {};
	const identity = createIdentityEmulator({ ...tenant, ...options.identity });
	const graph = await startEmulator({
		...options,
		tls,
		extraRoutes: identity.handle,
		authorize: identity.authorize,
	});
	identity.setOrigin(graph.origin);
	const info: ServedInfo = {
		graphUrl: graph.graphUrl,
		betaUrl: `${graph.origin}/beta`,
		origin: graph.origin,
		port: graph.port,
		authorityHost: graph.origin,
		tenantId: identity.tenantId,
		tenantDomain: identity.tenantDomain,
		caFile: tls.caFile,
		verificationUri: `${graph.origin}/devicelogin`,
		accessToken: identity.mintAccessToken({ scopes: allPermissions, lifetimeSeconds: 24 * 3600 }),
	};
	return { graph, identity, info, close: () => graph.close() };
}

/** The sign-in behaviours `--sign-in` accepts. */
export const signInBehaviours: readonly SignInBehaviour[] = [
	'pending-then-success',
	'declined',
	'expired',
	'slow-down',
	'invalid-client',
	'consent-required',
	'conditional-access',
	'mfa-required',
];
