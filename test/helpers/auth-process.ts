import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AuthConfig } from '../../source/auth/index.js';

const child = fileURLToPath(new URL('auth-child.ts', import.meta.url));

/** What the second process reported. */
export type ChildResult = {
	readonly exitCode: number | null;
	readonly token?: string;
	readonly deviceCodeShown?: boolean;
	readonly error?: string;
	readonly warnings?: string[];
	readonly account?: { username?: string };
	readonly stderr: string;
};

/** Runs getToken in a fresh Node process (asynchronously, so the in-process emulator can answer it). */
export function tokenInAnotherProcess(config: AuthConfig): Promise<ChildResult> {
	return new Promise((resolve, reject) => {
		const proc = spawn(process.execPath, ['--import=tsx', child, JSON.stringify(config)], {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
		});
		let stdout = '';
		let stderr = '';
		proc.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		proc.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		proc.on('error', reject);
		proc.on('close', (exitCode) => {
			const line = stdout.trim().split('\n').pop() ?? '{}';
			try {
				resolve({ exitCode, stderr, ...(JSON.parse(line) as object) });
			} catch {
				resolve({ exitCode, stderr, error: `unreadable output: ${stdout}` });
			}
		});
	});
}
