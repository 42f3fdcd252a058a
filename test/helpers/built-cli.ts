import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ExecutionContext } from 'ava';
import { freshDirs } from './cli.js';

/** Path of the bundled program that `npm test` builds before ava runs. */
export const builtCli = new URL('../../dist/cli.js', import.meta.url).pathname;

/** Runs the built program to completion. */
export function runBuilt(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
		const child = spawn(process.execPath, [builtCli, ...args], {
			env: { ...process.env, ...freshDirs(), ...env },
			stdio: 'pipe',
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
		});
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
		});
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
		child.stdin.end(input ?? '');
	});
}

/** Starts `entra-flows emulator` as its own process and resolves with its first JSON line. */
export async function spawnEmulator(t: ExecutionContext, args: readonly string[] = []) {
	const child: ChildProcess = spawn(process.execPath, [builtCli, 'emulator', '--port', '0', ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	t.teardown(() => {
		child.kill('SIGTERM');
	});
	const lines = createInterface({ input: child.stdout! });
	const first = await new Promise<string>((resolve, reject) => {
		lines.once('line', resolve);
		child.once('exit', (code) => reject(new Error(`emulator exited ${code} before printing its URL`)));
	});
	return { child, info: JSON.parse(first) as { graphUrl: string; origin: string } & Record<string, unknown> };
}
