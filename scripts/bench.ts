// Benchmarks against a baseline measured in the same run; prints ratios, never asserts on time.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { startEmulator } from '../source/emulator/server.js';
import { benchFlowsAsCode } from './bench-flows.js';
import { measureFilterLatency, measureKeyLatency } from './bench-keys.js';
import { benchLatency } from './bench-latency.js';
import { median, probe } from './bench-probe.js';
import { bundleOptions } from './bundle-options.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 15);
// `npm run bench -- --latency 150`: every request of the waiting table is held that long at the emulator.
const latencyFlag = process.argv.indexOf('--latency');
const latencyMs = latencyFlag === -1 ? 150 : Number(process.argv[latencyFlag + 1]);
if (!Number.isFinite(latencyMs) || latencyMs < 0)
	throw new Error('--latency takes milliseconds, e.g. --latency 150');
// `--only latency` prints just the waiting table.
if (process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'latency') {
	await benchLatency(latencyMs);
	process.exit(0);
}
// The in-process key benchmark must run React as the bundle does; development React is several times slower.
if (process.env.NODE_ENV !== 'production')
	throw new Error('run through `npm run bench` (it sets NODE_ENV=production)');

/** p-th percentile (0–1) of samples. */
const percentile = (samples: readonly number[], p: number) =>
	[...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(samples.length * p))] ??
	Number.NaN;

/** Typing in the filter of 50,000 flows: each character (and each erase) to the next frame, in this process. */
async function benchFilter(): Promise<void> {
	const huge = await startBigEmulator(50_000);
	try {
		// Names are "Generated flow 00001"…: queries that keep every row, narrow to one, and find none. No spaces:
		// a trailing space draws the same frame, so no frame would follow that key to time.
		const queries = ['generated', '31415', 'signup', 'contoso'];
		const samples = await measureFilterLatency(huge.graphUrl, 50_000, queries);
		console.log(
			`${'filter keys at 50,000 flows'.padEnd(44)} median ${median(samples).toFixed(1)} ms, p90 ${percentile(samples, 0.9).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms (${samples.length} keys; aim p90 ≤ 16 ms)`,
		);
	} finally {
		await huge.close();
	}
}
if (process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'filter') {
	await benchFilter();
	process.exit(0);
}

// The aim is in MB (10^6 bytes); /proc reports KiB.
const mb = (mib: number | null) => (mib === null ? '?' : ((mib * 1024 * 1024) / 1e6).toFixed(0));

// Spawned asynchronously: the emulator lives in this process and must keep answering meanwhile.
function timeCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
		});
		child.on('close', (code) => {
			const ms = performance.now() - started;
			if (code === 0) resolve(ms);
			else reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
		});
	});
}

async function measure(label: string, args: string[], env?: NodeJS.ProcessEnv): Promise<number> {
	await timeCommand(args, env); // warm the file cache
	const samples: number[] = [];
	for (let run = 0; run < runs; run++) samples.push(await timeCommand(args, env));
	const value = median(samples);
	console.log(`${label.padEnd(44)} median ${value.toFixed(1)} ms (${runs} runs)`);
	return value;
}

const emulator = await startEmulator({ port: 0 });
try {
	const env = { ...process.env, ENTRA_FLOWS_ACCESS_TOKEN: 'bench-token' };
	const baseline = await measure('node -e 0 (baseline)', ['-e', '0']);
	const list = await measure(
		'entra-flows flows list --json (emulator)',
		['dist/cli.js', 'flows', 'list', '--json', '--graph-url', emulator.graphUrl],
		env,
	);
	const help = await measure('entra-flows --help', ['dist/cli.js', '--help']);
	console.log('');
	console.log(`flows list --json / node -e 0 = ${(list / baseline).toFixed(2)}x (aim ≤ 3x)`);
	console.log(`--help / node -e 0            = ${(help / baseline).toFixed(2)}x`);
} finally {
	await emulator.close();
}

console.log('');
await benchFlowsAsCode(runs);

// The keyboard app: first frame, resident memory after browsing 10,000 flows, key-to-frame latency.
// V8 returns the garbage of a large load some seconds after input stops; the second reading shows where it settles.
const idleSeconds = 15;

function appProbe(
	graphUrl: string,
	markers: string,
	keys = '',
	settle = '',
	idle = 0,
	script = 'dist/cli.js',
) {
	return probe({ markers, keys, settle, idleSeconds: idle, argv: [script, '--graph-url', graphUrl] });
}

/** An Ink app that only draws one line, bundled as dist/ is: the floor under our first frame. */
async function buildInkFloor(dir: string): Promise<string> {
	await build({ ...bundleOptions, entryPoints: { floor: 'scripts/bench-floor.tsx' }, outdir: dir });
	return join(dir, 'floor.js');
}

// The 10,000-flow tenant runs in its own process, so its data does not weigh on the measured app's heap.
async function startBigEmulator(flows = 10_000): Promise<{ graphUrl: string; close(): Promise<void> }> {
	// The seed has four flows of its own.
	const extra = String(flows - 4);
	const child = spawn(
		process.execPath,
		['dist/cli.js', 'emulator', '--http', '--port', '0', '--extra-flows', extra, '--page-size', '1000'],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const firstLine = await new Promise<string>((resolve, reject) => {
		let text = '';
		child.stdout.on('data', (chunk) => {
			text += chunk;
			if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
		});
		child.on('exit', (code) => reject(new Error(`the emulator exited ${code}`)));
	});
	const { graphUrl } = JSON.parse(firstLine) as { graphUrl: string };
	return {
		graphUrl,
		close: () =>
			new Promise((resolve) => {
				child.once('exit', () => resolve());
				child.kill();
			}),
	};
}

const big = await startBigEmulator();
const floorDir = await mkdtemp(join(tmpdir(), 'entra-flows-floor-'));
try {
	const baseline = await measure('node -e 0 (baseline, again)', ['-e', '0']);
	const floorScript = await buildInkFloor(floorDir);
	// The app and the bare Ink app take turns in one loop, so a slower minute of the machine weighs on both alike.
	// Three moments of one start: the header, the first page's rows (the first frame with the list in it), and
	// the whole list read (ten pages of 1,000) and counted.
	const firstRows = 'Contoso customers';
	const listed = '1/10,000';
	const markers = `entra-flows|${firstRows}|${listed}`;
	await appProbe(big.graphUrl, markers);
	await appProbe(big.graphUrl, 'entra-flows', '', '', 0, floorScript);
	const headers: number[] = [];
	const rows: number[] = [];
	const lists: number[] = [];
	const floors: number[] = [];
	for (let run = 0; run < runs; run++) {
		const seen = await appProbe(big.graphUrl, markers);
		headers.push(seen.markersMs['entra-flows'] ?? Number.NaN);
		rows.push(seen.markersMs[firstRows] ?? Number.NaN);
		lists.push(seen.markersMs[listed] ?? Number.NaN);
		floors.push(
			(await appProbe(big.graphUrl, 'entra-flows', '', '', 0, floorScript)).firstFrameMs ?? Number.NaN,
		);
	}
	const header = median(headers);
	const firstFrame = median(rows);
	const whole = median(lists);
	const floor = median(floors);
	const line = (label: string, value: number) =>
		console.log(`${label.padEnd(44)} median ${value.toFixed(1)} ms (${runs} runs, interleaved)`);
	line('keyboard app: spawn to header (pty 80x24)', header);
	line('keyboard app: spawn to first rows of the list', firstFrame);
	line('keyboard app: spawn to all 10,000 read', whole);
	line('bare Ink app (one Text), same bundling', floor);
	// Browse: scroll, open a flow and its providers, go back, jump to the end and back to the top.
	const browse = `${'j'.repeat(40)}\r1\u001b\u001bG${'k'.repeat(20)}g`;
	const browsed = await appProbe(big.graphUrl, 'entra-flows', browse, listed, idleSeconds);
	const latency = await measureKeyLatency(big.graphUrl, 10_000, 200);
	const p99 = percentile(latency, 0.99);
	console.log(
		`${'key-to-frame, scrolling 10,000 flows'.padEnd(44)} median ${median(latency).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${latency.length} keys)`,
	);
	console.log(
		`${'resident memory after browsing 10,000 flows'.padEnd(44)} ${browsed.rssMiB?.toFixed(1) ?? '?'} MiB at once, ${browsed.idleRssMiB?.toFixed(1) ?? '?'} MiB after ${idleSeconds} s idle`,
	);
	console.log('');
	// The aim of 3× was set for the app's own start, before any request: the first rows wait on an answer too.
	console.log(
		`header / node -e 0       = ${(header / baseline).toFixed(2)}x (aim ≤ 3x: the app's start, before any request)`,
	);
	console.log(
		`first rows / node -e 0   = ${(firstFrame / baseline).toFixed(2)}x (the first page's answer too)`,
	);
	console.log(
		`header / bare Ink        = ${(header / floor).toFixed(2)}x (what is ours, above Ink's own start)`,
	);
	console.log(
		`first rows / bare Ink    = ${(firstFrame / floor).toFixed(2)}x (the first page read and drawn too)`,
	);
	console.log(
		`all 10,000 / bare Ink    = ${(whole / floor).toFixed(2)}x (ten pages read, drawn as they come)`,
	);
	console.log(
		`key-to-frame median = ${median(latency).toFixed(1)} ms (aim ≤ 16 ms); memory ${mb(browsed.rssMiB)} MB at once, ${mb(browsed.idleRssMiB)} MB idle (aim ≤ 100 MB)`,
	);
} finally {
	await rm(floorDir, { recursive: true, force: true });
	await big.close();
}
await benchFilter();

console.log('');
await benchLatency(latencyMs);
