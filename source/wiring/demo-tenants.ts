// The demo as two tenants, offered as two profiles: the default seed (contoso) and a second tenant with no user
// flows (fabrikam), each an in-process emulator with its own sign-in, so export in one and apply in the other can
// be tried offline. The keyboard app's tenant switcher builds on this.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import type { WorkerEmulator } from '../emulator/serve-in-worker.js';
import type { AppDeps } from '../store/deps.js';
import type { RequestRecorder } from '../store/requests.js';
import { buildAppDeps, demoConfig, demoEnvironment, type WiringIo } from './app-deps.js';

/** A demo tenant's profile name. */
export type DemoProfile = 'contoso' | 'fabrikam';

/** One demo tenant as a profile: its name, what it is, and the app's dependencies for it. */
export type DemoTenant = {
	readonly profile: DemoProfile;
	readonly label: string;
	readonly config: Config;
	readonly deps: AppDeps;
};

/** The demo's tenants: the first running, the others started when first asked for; `close` stops them all. */
export type DemoTenants = {
	readonly choices: readonly { readonly profile: DemoProfile; readonly label: string }[];
	/** A tenant, its emulator started on first use (and only once, however often asked). */
	tenant(profile: DemoProfile): Promise<DemoTenant>;
	close(): Promise<void>;
};

/** Options of startDemoTenants. */
export type DemoOptions = {
	readonly requests?: RequestRecorder;
	readonly pollIntervalSeconds?: number;
	/** A folder where each tenant keeps its state between runs (`<profile>.json`); none: fresh every run. */
	readonly stateDir?: string;
};

const seeds = [
	{ profile: 'contoso', label: 'Contoso Customers (demo)', seed: 'default' },
	{ profile: 'fabrikam', label: 'Fabrikam Customers (demo, no user flows yet)', seed: 'fabrikam' },
] as const;

/**
 * Starts the first demo tenant and builds its dependencies (sign-in through the real device-code path). The
 * second starts when the switcher first chooses it: an emulator and its TLS set-up cost a start-up a newcomer
 * waits on, for a tenant most demos never open.
 */
export async function startDemoTenants(io: WiringIo, options: DemoOptions = {}): Promise<DemoTenants> {
	// Each tenant answers from a thread of its own, so serving the app's requests never holds up its drawing.
	const { serveInWorker } = await import('../emulator/serve-in-worker.js');
	const identity = {
		autoApprove: true,
		// msal-node polls once at once and sleeps `interval` only after a pending answer: with none pending the
		// first poll signs in, so the demo's list follows its start without a poll delay.
		pendingPolls: 0,
		pollIntervalSeconds: options.pollIntervalSeconds ?? 0,
	};
	if (options.stateDir) mkdirSync(options.stateDir, { recursive: true });
	const started = new Map<DemoProfile, Promise<{ served: WorkerEmulator; tenant: DemoTenant }>>();
	let closed = false;
	const start = async (entry: (typeof seeds)[number]) => {
		const served = await serveInWorker({
			port: 0,
			seed: entry.seed,
			identity,
			...(options.stateDir ? { statePath: join(options.stateDir, `${entry.profile}.json`) } : {}),
		});
		return { served, tenant: demoTenant(entry, served, io, options) };
	};
	const running = (profile: DemoProfile) => {
		if (closed) throw new Error('The demo has ended.');
		let pending = started.get(profile);
		if (!pending) {
			const entry = seeds.find((candidate) => candidate.profile === profile);
			if (!entry) throw new Error(`There is no demo tenant "${profile}".`);
			pending = start(entry);
			started.set(profile, pending);
			// A failed start is tried again on the next choice, rather than remembered.
			pending.catch(() => started.delete(profile));
		}
		return pending;
	};
	await running(seeds[0].profile);
	return {
		choices: seeds.map(({ profile, label }) => ({ profile, label })),
		tenant: async (profile) => (await running(profile)).tenant,
		close: async () => {
			// One still starting is waited for, so it is stopped too instead of outliving the app.
			closed = true;
			const servers = await Promise.allSettled(started.values());
			await Promise.all(
				servers.map((result) => (result.status === 'fulfilled' ? result.value.served.close() : undefined)),
			);
		},
	};
}

function demoTenant(
	entry: (typeof seeds)[number],
	served: WorkerEmulator,
	io: WiringIo,
	options: DemoOptions,
): DemoTenant {
	const config: Config = { ...demoConfig(served.info), profileName: entry.profile };
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
}
