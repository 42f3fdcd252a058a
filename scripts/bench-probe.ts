// Runs a program in a pseudo-terminal through pty-probe.py and returns what it saw: shared by the benches.
import { spawn } from 'node:child_process';

/** What pty-probe.py reports: milliseconds from spawn to each marker, and resident memory after the keys. */
export type Probe = {
	readonly firstFrameMs: number | null;
	readonly rssMiB: number | null;
	readonly idleRssMiB: number | null;
	readonly markersMs: Readonly<Record<string, number>>;
};

/** What to run and what to watch for; `markers` separated by '|' are each timed. */
export type ProbeRun = {
	readonly markers: string;
	readonly argv: readonly string[];
	readonly keys?: string;
	readonly settle?: string;
	readonly idleSeconds?: number;
	readonly env?: NodeJS.ProcessEnv;
};

// Asynchronous: the emulator the program talks to may live in this process and must keep answering.
export function probe(run: ProbeRun): Promise<Probe> {
	return new Promise((resolve, reject) => {
		const args = [
			'scripts/pty-probe.py',
			run.markers,
			run.keys ?? '',
			run.settle ?? '',
			String(run.idleSeconds ?? 0),
			process.execPath,
			...run.argv,
		];
		const child = spawn('python3', args, {
			env: run.env ?? { ...process.env, ENTRA_FLOWS_ACCESS_TOKEN: 'bench' },
		});
		let output = '';
		child.stdout.on('data', (chunk) => {
			output += chunk;
		});
		child.on('close', (code) =>
			code === 0 ? resolve(JSON.parse(output) as Probe) : reject(new Error(`probe exited ${code}`)),
		);
	});
}

/** The middle value (the upper one of an even count). */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
