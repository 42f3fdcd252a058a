// The demo as two tenants, offered as two profiles: the default seed (contoso) and a second tenant with no user
// flows (fabrikam), each an in-process emulator with its own sign-in, so export in one and apply in the other can
// be tried offline. The keyboard app's tenant switcher builds on this.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { resolveConfig } from '../config/config.js';
import type { AppDeps } from '../store/deps.js';
import type { RequestRecorder } from '../store/requests.js';
import { buildAppDeps, demoEnvironment, type WiringIo } from './app-deps.js';

/** One demo tenant as a profile: its name, what it is, and the app's dependencies for it. */
export type DemoTenant = {
	readonly profile: 'contoso' | 'fabrikam';
	readonly label: string;
	readonly config: Config;
	readonly deps: AppDeps;
};

/** The two demo tenants, running; `close` stops both emulators. */
export type DemoTenants = { readonly tenants: readonly DemoTenant[]; close(): Promise<void> };

/** Starts both demo emulators and builds each tenant's dependencies (sign-in through the real device-code path). */
export async function startDemoTenants(
	io: WiringIo,
	options: {
		requests?: RequestRecorder;
		pollIntervalSeconds?: number;
		/** A folder where each tenant keeps its state between runs (`<profile>.json`); none: fresh every run. */
		stateDir?: string;
	} = {},
): Promise<DemoTenants> {
	const { serveEmulator } = await import('../emulator/serve.js');
	const identity = {
		autoApprove: true,
		// msal-node polls once at once and sleeps `interval` only after a pending answer: with none pending the
		// first poll signs in, so the demo's list follows its start without a poll delay.
		pendingPolls: 0,
		pollIntervalSeconds: options.pollIntervalSeconds ?? 0,
	};
	const seeds = [
		{ profile: 'contoso', label: 'Contoso Customers (demo)', seed: 'default' },
		{ profile: 'fabrikam', label: 'Fabrikam Customers (demo, no user flows yet)', seed: 'fabrikam' },
	] as const;
	if (options.stateDir) mkdirSync(options.stateDir, { recursive: true });
	const served = await Promise.all(
		seeds.map((entry) =>
			serveEmulator({
				port: 0,
				seed: entry.seed,
				identity,
				...(options.stateDir ? { statePath: join(options.stateDir, `${entry.profile}.json`) } : {}),
			}),
		),
	);
	const base = resolveConfig({}, {}, {});
	const tenants = seeds.map((entry, index): DemoTenant => {
		const info = served[index]!.info;
		const config: Config = {
			...base,
			graphUrl: info.graphUrl,
			tenant: info.tenantId,
			authorityHost: info.authorityHost,
			caFile: info.caFile,
			accessToken: undefined,
			clientSecret: undefined,
			certificatePath: undefined,
			// The demo emulators live only as long as this process: nothing is worth caching on disk.
			noCache: true,
			readOnly: false,
			profileName: entry.profile,
		};
		const deps = buildAppDeps(
			config,
			{ ...io, env: demoEnvironment(io.env) },
			options.requests ? { requests: options.requests } : {},
		);
		return {
			profile: entry.profile,
			label: entry.label,
			config,
			deps: { ...deps, configured: true, startDemo: undefined, useTenant: undefined },
		};
	});
	return { tenants, close: async () => void (await Promise.all(served.map((server) => server.close()))) };
}
