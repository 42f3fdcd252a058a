// Flows as code at 50 flows: time and Graph requests of plan and apply against a tenant with none of them.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../source/emulator/server.js';

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

// Asynchronous: both emulators live in this process and must keep answering.
function run(args: string[]): Promise<{ ms: number; stdout: string }> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, ['dist/cli.js', ...args], {
			env: { ...process.env, ENTRA_FLOWS_ACCESS_TOKEN: 'bench-token' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
		});
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
		});
		child.on('close', (code) =>
			code === 0
				? resolve({ ms: performance.now() - started, stdout })
				: reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`)),
		);
	});
}

/** Prints the plan and apply numbers for 50 flows; `runs` samples each. */
export async function benchFlowsAsCode(runs: number): Promise<void> {
	const source = await startEmulator({ port: 0, extraFlows: 46 });
	const target = await startEmulator({ port: 0, seed: 'fabrikam' });
	const dir = await mkdtemp(join(tmpdir(), 'entra-flows-bench-'));
	// Files name extensions by display name: the target has the source's, as an admin would create them first.
	const withSourceExtensions = () =>
		target.tenant.extensions.push(...structuredClone(source.tenant.extensions));
	withSourceExtensions();
	try {
		await run(['export', '--all', '--out', dir, '--graph-url', source.graphUrl]);
		const plan = ['plan', dir, '--graph-url', target.graphUrl];
		await run(plan);
		target.clearLog();
		const { stdout } = await run([...plan, '--json']);
		const steps = (JSON.parse(stdout) as { steps: unknown[] }).steps.length;
		const planReads = target.log.length;
		const planTimes: number[] = [];
		for (let n = 0; n < runs; n++) planTimes.push((await run(plan)).ms);
		const applyTimes: number[] = [];
		let writes = 0;
		let reads = 0;
		for (let n = 0; n < Math.max(3, Math.ceil(runs / 3)); n++) {
			target.reset();
			withSourceExtensions();
			target.clearLog();
			applyTimes.push((await run(['apply', dir, '--yes', '--graph-url', target.graphUrl])).ms);
			writes = target.log.filter((entry) => entry.method !== 'GET').length;
			reads = target.log.length - writes;
		}
		target.clearLog();
		await run(['apply', dir, '--yes', '--graph-url', target.graphUrl]);
		const second = target.log.filter((entry) => entry.method !== 'GET').length;
		const label = (text: string) => text.padEnd(44);
		console.log(
			`${label('plan, 50 flows to a tenant without them')} median ${median(planTimes).toFixed(1)} ms (${runs} runs), ${planReads} Graph requests (all reads), ${steps} steps`,
		);
		console.log(
			`${label('apply --yes, the same 50 flows')} median ${median(applyTimes).toFixed(1)} ms (${applyTimes.length} runs), ${writes} writes for ${steps} steps, ${reads} reads (the plan’s, and one read-back per created flow)`,
		);
		console.log(`${label('apply again (nothing to do)')} ${second} writes`);
	} finally {
		await rm(dir, { recursive: true, force: true });
		await source.close();
		await target.close();
	}
}
