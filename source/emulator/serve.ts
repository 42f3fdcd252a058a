import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { demoBehaviour, type ExtensionServer, startExtensionServer } from './extension-server.js';
import {
	createIdentityEmulator,
	createLoopbackTls,
	type IdentityEmulator,
	type IdentityEmulatorOptions,
	managedIdentityPaths,
	type SignInBehaviour,
} from './identity/index.js';
import { seedIds } from './seed-catalog.js';
import { fabrikamIds } from './seed-fabrikam.js';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from './server.js';
import type { TenantStore } from './tenant.js';

/** Options for the emulator as a product: Graph and sign-in together. */
export type ServeOptions = Omit<EmulatorOptions, 'tls' | 'authorize' | 'extraRoutes'> & {
	/** Plain HTTP, Graph only, any bearer token accepted (no sign-in endpoints: msal needs https). */
	readonly http?: boolean;
	/** Folder for the generated CA file (default: a new temporary folder). */
	readonly tlsDir?: string;
	readonly identity?: IdentityEmulatorOptions;
	/** Start the demo's extension server and point the seeded extensions at it (default true; HTTPS only). */
	readonly demoExtensions?: boolean;
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
	/** The confidential client (app-only sign-in: secret, certificate, federated token). */
	readonly confidentialClientId?: string;
	/** A workload token file for that client, rewritten every 5 minutes as pipelines do (AZURE_FEDERATED_TOKEN_FILE). */
	readonly federatedTokenFile?: string;
	/** Managed identity, App Service shape: IDENTITY_ENDPOINT and IDENTITY_HEADER. */
	readonly identityEndpoint?: string;
	readonly identityHeader?: string;
	/** Managed identity, IMDS shape: what AZURE_POD_IDENTITY_AUTHORITY_HOST points msal-node at. */
	readonly imdsHost?: string;
	/** The user-assigned managed identity's client id (read-only roles); without it: system-assigned. */
	readonly userAssignedClientId?: string;
	/** Where the tenant's customer-facing host is served: `{origin}/{subdomain}.ciamlogin.com`. */
	readonly customerUrl?: string;
	/** The demo's extension server, which the seeded extensions call. */
	readonly extensionServer?: string;
};

/** A running emulator with its sign-in half (absent over plain HTTP). */
export type ServedEmulator = {
	readonly graph: RunningEmulator;
	readonly identity?: IdentityEmulator;
	readonly extensions?: ExtensionServer;
	readonly info: ServedInfo;
	close(): Promise<void>;
};

const allPermissions = [
	'EventListener.ReadWrite.All',
	'IdentityProvider.ReadWrite.All',
	'IdentityUserFlow.ReadWrite.All',
	'Application.Read.All',
	'CustomAuthenticationExtension.ReadWrite.All',
	'Policy.ReadWrite.AuthenticationMethod',
	'AuditLog.Read.All',
	'User.Read',
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
		// The demo's extension server answers with this same certificate, so the emulator trusts its CA.
		trustedCa: [tls.caPem, ...(options.trustedCa ?? [])],
		extraRoutes: identity.handle,
		authorize: identity.authorize,
	});
	identity.setOrigin(graph.origin);
	// The workload token rotates like a pipeline's: each lives 10 minutes and is replaced after 5.
	const federatedTokenFile = join(dirname(tls.caFile), 'workload-token.jwt');
	const writeWorkloadToken = () =>
		writeFileSync(federatedTokenFile, identity.issueWorkloadToken({ lifetimeSeconds: 600 }), { mode: 0o600 });
	writeWorkloadToken();
	const rotation = setInterval(writeWorkloadToken, 300_000);
	rotation.unref();
	const extensions =
		options.demoExtensions === false
			? undefined
			: await startExtensionServer({ tls, verifyKey: graph.customerSigningKey, behaviour: demoBehaviour });
	if (extensions) pointDemoExtensions(graph.tenant, extensions.origin);
	const label = graph.tenant.state.verifiedDomains.find((domain) => domain.isInitial)?.name.split('.')[0];
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
		confidentialClientId: identity.confidentialClientId,
		federatedTokenFile,
		identityEndpoint: `${graph.origin}${managedIdentityPaths.appService}`,
		identityHeader: identity.managedIdentities.identityHeader,
		imdsHost: graph.origin,
		userAssignedClientId: identity.managedIdentities.userAssigned[0]?.clientId,
		...(label ? { customerUrl: `${graph.origin}/${label}.ciamlogin.com` } : {}),
		...(extensions ? { extensionServer: extensions.origin } : {}),
	};
	const close = async () => {
		clearInterval(rotation);
		await Promise.all([graph.close(), extensions?.close()]);
	};
	return { graph, identity, ...(extensions ? { extensions } : {}), info, close };
}

/**
 * Points the two seeded extensions at the demo's extension server, whose port is only known now; others are
 * left alone. The seed names 127.0.0.1:7071 (the Azure Functions local port), a state file the last run's port.
 */
export function pointDemoExtensions(tenant: TenantStore, origin: string): void {
	const demo = new Set<string>([seedIds.extensions.prefill, seedIds.extensions.check]);
	for (const extension of tenant.extensions) {
		const url = new URL(extension.targetUrl);
		if (!demo.has(extension.id) || url.hostname !== '127.0.0.1') continue;
		extension.targetUrl = `${origin}${url.pathname}`;
		tenant.touch();
	}
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
