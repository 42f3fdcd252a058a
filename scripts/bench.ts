// Benchmarks against a baseline measured in the same run; prints ratios, never asserts on time.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { startEmulator } from '../source/emulator/server.js';
import { benchFlowsAsCode } from './bench-flows.js';
import { measureKeyLatency } from './bench-keys.js';
import { bundleOptions } from './bundle-options.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 15);
// The in-process key benchmark must run React as the bundle does; development React is several times slower.
if (process.env.NODE_ENV !== 'production')
	throw new Error('run through `npm run bench` (it sets NODE_ENV=production)');

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
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
type Probe = { firstFrameMs: number | null; rssMiB: number | null; idleRssMiB: number | null };

// V8 returns the garbage of a large load some seconds after input stops; the second reading shows where it settles.
const idleSeconds = 15;

// Asynchronous, like timeCommand: the emulator the app talks to lives in this process.
function probe(
	graphUrl: string,
	keys: string,
	settle: string,
	idle = 0,
	script = 'dist/cli.js',
): Promise<Probe> {
	return new Promise((resolve, reject) => {
		const args = [
			'scripts/pty-probe.py',
			'entra-flows',
			keys,
			settle,
			String(idle),
			process.execPath,
			script,
			'--graph-url',
			graphUrl,
		];
		const child = spawn('python3', args, { env: { ...process.env, ENTRA_FLOWS_ACCESS_TOKEN: 'bench' } });
		let output = '';
		child.stdout.on('data', (chunk) => {
			output += chunk;
		});
		child.on('close', (code) =>
			code === 0 ? resolve(JSON.parse(output) as Probe) : reject(new Error(`probe exited ${code}`)),
		);
	});
}

/** First frame of an Ink app that only draws one line, bundled as dist/ is: the floor under ours. */
async function inkFloor(graphUrl: string): Promise<number> {
	const dir = await mkdtemp(join(tmpdir(), 'entra-flows-floor-'));
	try {
		await build({ ...bundleOptions, entryPoints: { floor: 'scripts/bench-floor.tsx' }, outdir: dir });
		const script = join(dir, 'floor.js');
		await probe(graphUrl, '', '', 0, script);
		const frames: number[] = [];
		for (let run = 0; run < runs; run++)
			frames.push((await probe(graphUrl, '', '', 0, script)).firstFrameMs ?? Number.NaN);
		const value = median(frames);
		console.log(
			`${'bare Ink app (one Text), same bundling'.padEnd(44)} median ${value.toFixed(1)} ms (${runs} runs)`,
		);
		return value;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

// The 10,000-flow tenant runs in its own process, so its data does not weigh on the measured app's heap.
async function startBigEmulator(): Promise<{ graphUrl: string; close(): Promise<void> }> {
	const child = spawn(
		process.execPath,
		['dist/cli.js', 'emulator', '--http', '--port', '0', '--extra-flows', '9996', '--page-size', '1000'],
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
try {
	const baseline = await measure('node -e 0 (baseline, again)', ['-e', '0']);
	await probe(big.graphUrl, '', '');
	const frames: number[] = [];
	for (let run = 0; run < runs; run++)
		frames.push((await probe(big.graphUrl, '', '')).firstFrameMs ?? Number.NaN);
	const firstFrame = median(frames);
	console.log(
		`${'keyboard app: spawn to first frame (pty 80x24)'.padEnd(44)} median ${firstFrame.toFixed(1)} ms (${runs} runs)`,
	);
	const floor = await inkFloor(big.graphUrl);
	// Browse: scroll, open a flow and its providers, go back, jump to the end and back to the top.
	const browse = `${'j'.repeat(40)}\r1\u001b\u001bG${'k'.repeat(20)}g`;
	const browsed = await probe(big.graphUrl, browse, '1/10,000', idleSeconds);
	const latency = await measureKeyLatency(big.graphUrl, 10_000, 200);
	const sorted = [...latency].sort((a, b) => a - b);
	const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
	console.log(
		`${'key-to-frame, scrolling 10,000 flows'.padEnd(44)} median ${median(latency).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${latency.length} keys)`,
	);
	console.log(
		`${'resident memory after browsing 10,000 flows'.padEnd(44)} ${browsed.rssMiB?.toFixed(1) ?? '?'} MiB at once, ${browsed.idleRssMiB?.toFixed(1) ?? '?'} MiB after ${idleSeconds} s idle`,
	);
	console.log('');
	console.log(`first frame / node -e 0 = ${(firstFrame / baseline).toFixed(2)}x (aim ≤ 3x)`);
	console.log(
		`first frame / bare Ink  = ${(firstFrame / floor).toFixed(2)}x (what is ours, above Ink's own start)`,
	);
	console.log(
		`key-to-frame median = ${median(latency).toFixed(1)} ms (aim ≤ 16 ms); memory ${mb(browsed.rssMiB)} MB at once, ${mb(browsed.idleRssMiB)} MB idle (aim ≤ 100 MB)`,
	);
} finally {
	await big.close();
}
