// What an admin waits on when Graph is far away: every request held `latency` ms at the emulator, then the
// requests, round trips and wall time of each row of the waiting table (docs/measured.md). Counts come from the
// emulator's log, so they are exact; times are one run each and move with the machine.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticTokenProvider } from '../source/auth/token-provider.js';
import { seedIds } from '../source/emulator/seed-catalog.js';
import { type RunningEmulator, startEmulator } from '../source/emulator/server.js';
import { createGraphClient } from '../source/graph/graph-client.js';
import {
	commitLayout,
	createStore,
	createUserFlow,
	deleteUserFlow,
	linkApplication,
	loadApplications,
	loadAttributes,
	loadIdentityProviders,
	loadUserFlow,
	loadUserFlows,
	openLayoutDraft,
	type Store,
	saveEdit,
	saveLayout,
} from '../source/store/index.js';
import { probe } from './bench-probe.js';

type Row = { what: string; requests: number; rounds: number; ms: number; firstMs?: number };

/** Requests sent side by side arrive within moments; one sent after an answer arrives `latency` later. */
function roundTrips(emulator: RunningEmulator, since: number, latency: number): number {
	let rounds = 0;
	let roundStart = Number.NEGATIVE_INFINITY;
	for (const entry of emulator.log.slice(since)) {
		const arrival = Date.parse(entry.time);
		if (arrival - roundStart >= latency / 2) {
			rounds++;
			roundStart = arrival;
		}
	}
	return rounds;
}

/** Runs a command to the end; the first byte on stdout is when the first rows reach the reader. */
function runCommand(args: readonly string[]): Promise<{ ms: number; firstMs: number }> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		let firstMs = Number.NaN;
		const child = spawn(process.execPath, ['dist/cli.js', ...args], {
			env: { ...process.env, ENTRA_FLOWS_ACCESS_TOKEN: 'bench-token' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stderr = '';
		child.stdout.on('data', () => {
			if (Number.isNaN(firstMs)) firstMs = performance.now() - started;
		});
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
		});
		child.on('close', (code) =>
			code === 0
				? resolve({ ms: performance.now() - started, firstMs })
				: reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`)),
		);
	});
}

/** A signed-in store over the emulator, as the keyboard app builds it. */
function storeOver(emulator: RunningEmulator): Store {
	const graph = createGraphClient({
		baseUrl: emulator.graphUrl,
		tokenProvider: staticTokenProvider('bench'),
		userAgent: 'bench',
	});
	const session = {
		current: async () => ({ mode: 'access-token' as const }),
		signIn: async () => ({ mode: 'access-token' as const }),
		signOut: async () => {},
	};
	const deps = { graph, session, configured: true };
	const state = createStore(deps).getState();
	return createStore(deps, { ...state, session: { status: 'signedIn', info: { mode: 'access-token' } } });
}

/** Measures `work` against `emulator`: its requests, round trips and wall time. */
async function measured(
	what: string,
	emulator: RunningEmulator,
	latency: number,
	work: () => Promise<unknown>,
): Promise<Row> {
	const since = emulator.log.length;
	const started = performance.now();
	const result = await work();
	const firstMs = typeof result === 'number' ? result : undefined;
	const ms = performance.now() - started;
	return {
		what,
		requests: emulator.log.length - since,
		rounds: roundTrips(emulator, since, latency),
		ms,
		...(firstMs === undefined ? {} : { firstMs }),
	};
}

async function listRows(flowCount: number, latency: number): Promise<Row[]> {
	const faults = `F-L1:min=${latency}:max=${latency}`;
	const emulator = await startEmulator({ port: 0, extraFlows: flowCount - 4, faults });
	const count = flowCount.toLocaleString('en-US');
	try {
		const command = await measured(`flows list --json, ${count} flows`, emulator, latency, async () => {
			const { firstMs } = await runCommand(['flows', 'list', '--json', '--graph-url', emulator.graphUrl]);
			return firstMs;
		});
		let appMs = 0;
		const app = await measured(`app: flow list, ${count} flows`, emulator, latency, async () => {
			const seen = await probe({
				markers: `Contoso customers|1/${count}`,
				argv: ['dist/cli.js', '--graph-url', emulator.graphUrl],
			});
			appMs = seen.markersMs[`1/${count}`] ?? Number.NaN;
			return seen.markersMs['Contoso customers'];
		});
		const rows = [command, { ...app, ms: appMs }];
		if (flowCount === 10_000) rows.push(await refusedRename(emulator, latency, count));
		return rows;
	} finally {
		await emulator.close();
	}
}

/** The app renames a flow to a name another admin took meanwhile: the refusal is explained by a lookup. */
async function refusedRename(emulator: RunningEmulator, latency: number, count: string): Promise<Row> {
	const store = storeOver(emulator);
	try {
		await store.run(loadUserFlows());
		const partners = seedIds.flows.partners;
		store.dispatch({ type: 'edit/opened', flowId: partners, field: 'displayName', text: 'Taken later' });
		emulator.tenant.requireFlow(seedIds.flows.customers).displayName = 'Taken later';
		return await measured(`app: refused rename, ${count} flows`, emulator, latency, () =>
			store.run(saveEdit()),
		);
	} finally {
		store.dispose();
	}
}

async function commandRows(latency: number): Promise<Row> {
	const emulator = await startEmulator({ port: 0, faults: `F-L1:min=${latency}:max=${latency}` });
	const flow = 'Contoso customers sign-up and sign-in';
	const nine = [
		['flows', 'list'],
		['flows', 'get', flow],
		['flows', 'get', seedIds.flows.customers],
		['providers', 'list', flow],
		['attributes', 'list', flow],
		['apps', 'list', flow],
		['layout', 'show', flow],
		['tenant', 'providers'],
		['extensions', 'list'],
	];
	try {
		let rounds = 0;
		const row = await measured('nine common commands, one after another', emulator, latency, async () => {
			for (const args of nine) {
				const since = emulator.log.length;
				await runCommand([...args, '--graph-url', emulator.graphUrl]);
				rounds += roundTrips(emulator, since, latency);
			}
		});
		// Counted per command: the time between two commands is not a round trip.
		return { ...row, rounds };
	} finally {
		await emulator.close();
	}
}

/** Open the list and a flow, its three sections, save a layout change, create, link twice, delete. */
async function appWalk(latency: number): Promise<Row> {
	const emulator = await startEmulator({ port: 0, faults: `F-L1:min=${latency}:max=${latency}` });
	const store = storeOver(emulator);
	const flowId = seedIds.flows.customers;
	try {
		return await measured(
			'app walk (list, sections, layout, create, link ×2, delete)',
			emulator,
			latency,
			async () => {
				await store.run(loadUserFlows());
				await store.run(loadUserFlow(flowId));
				await Promise.all([
					store.run(loadIdentityProviders(flowId)),
					store.run(loadAttributes(flowId)),
					store.run(loadApplications()),
				]);
				await store.run(openLayoutDraft(flowId));
				store.dispatch({ type: 'layout/edited', flowId, edit: { kind: 'moveUp', attribute: 'country' } });
				await store.run(saveLayout(flowId));
				await store.run(commitLayout(flowId));
				store.dispatch({ type: 'createDraft/opened', providerIds: ['EmailPassword-OAUTH'] });
				store.dispatch({ type: 'createDraft/changed', patch: { name: 'Bench walk' } });
				await store.run(createUserFlow());
				const created = emulator.tenant.flowNamed('Bench walk');
				if (!created) throw new Error(`the walk's create failed: ${store.getState().flash?.text}`);
				await store.run(linkApplication(created.id, seedIds.apps.events.appId));
				await store.run(linkApplication(created.id, seedIds.apps.loyaltyApi.appId));
				await store.run(deleteUserFlow(created.id));
				if (emulator.tenant.findFlow(created.id)) throw new Error('the walk’s delete did not happen');
			},
		);
	} finally {
		store.dispose();
		await emulator.close();
	}
}

/** `--demo` from spawn to the flow list on screen (its tenant is in-process, so no latency applies). */
async function demoRow(): Promise<Row> {
	const home = await mkdtemp(join(tmpdir(), 'entra-flows-bench-home-'));
	try {
		const env = {
			...process.env,
			HOME: home,
			XDG_CONFIG_HOME: home,
			XDG_STATE_HOME: home,
			XDG_CACHE_HOME: home,
		};
		// Warm the file cache, then measure.
		await probe({ markers: 'Contoso customers', argv: ['dist/cli.js', '--demo'], env });
		const seen = await probe({
			markers: 'entra-flows|Contoso customers',
			argv: ['dist/cli.js', '--demo'],
			env,
		});
		return {
			what: '--demo, start to the flow list',
			requests: Number.NaN,
			rounds: Number.NaN,
			ms: seen.markersMs['Contoso customers'] ?? Number.NaN,
			firstMs: seen.markersMs['entra-flows'],
		};
	} finally {
		await rm(home, { recursive: true, force: true });
	}
}

function print(rows: readonly Row[], latency: number): void {
	const seconds = (ms: number | undefined) =>
		ms === undefined || Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`;
	const count = (value: number) => (Number.isNaN(value) ? '–' : String(value));
	console.log(`Waiting on Graph, every request held ${latency} ms at the emulator (one run each):`);
	console.log('');
	console.log('| what | requests | round trips | wall time | first rows / first frame |');
	console.log('| --- | --- | --- | --- | --- |');
	for (const row of rows)
		console.log(
			`| ${row.what} | ${count(row.requests)} | ${count(row.rounds)} | ${seconds(row.ms)} | ${seconds(row.firstMs)} |`,
		);
}

/** Prints the waiting table at `latency` ms a request. */
export async function benchLatency(latency: number): Promise<void> {
	const rows: Row[] = [];
	rows.push(...(await listRows(50_000, latency)));
	rows.push(...(await listRows(10_000, latency)));
	rows.push(await commandRows(latency));
	rows.push(await appWalk(latency));
	rows.push(await demoRow());
	print(rows, latency);
}
