// Benchmarks against a baseline measured in the same run; prints ratios, never asserts on time.
import { spawn } from 'node:child_process';
import { startEmulator } from '../source/emulator/server.js';

const runs = Number(process.env.BENCH_RUNS ?? 15);

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

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
