import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../source/wiring/run-cli.js';

/** A fresh home for config and token cache, so tests never read a developer's sign-in. */
export function freshDirs(): { XDG_CONFIG_HOME: string; XDG_STATE_HOME: string } {
	const root = mkdtempSync(join(tmpdir(), 'entra-flows-test-'));
	return { XDG_CONFIG_HOME: join(root, 'config'), XDG_STATE_HOME: join(root, 'state') };
}

/** What one in-process run of the CLI printed and returned. */
export type CliRun = { readonly code: number; readonly stdout: string; readonly stderr: string };

/** Runs the CLI in-process against a Graph URL with a token, capturing everything it prints. */
export async function runCommand(
	graphUrl: string,
	argv: readonly string[],
	options: { token?: string; answers?: readonly string[]; env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<CliRun> {
	let stdout = '';
	let stderr = '';
	const answers = [...(options.answers ?? [])];
	const code = await runCli({
		argv: ['--graph-url', graphUrl, ...argv],
		env: { ...freshDirs(), ENTRA_FLOWS_ACCESS_TOKEN: options.token ?? 'test-token', ...options.env },
		version: '0.0.0-test',
		...(options.stdin === undefined ? {} : { readStdin: () => options.stdin ?? '' }),
		stdout: (text) => {
			stdout += text;
		},
		stderr: (text) => {
			stderr += text;
		},
		ask: options.answers
			? async (question) => {
					stderr += question;
					return answers.shift() ?? '';
				}
			: undefined,
	});
	return { code, stdout, stderr };
}

/** Parses stdout as JSON, failing with what was printed when it is not. */
export function json<T = unknown>(run: CliRun): T {
	try {
		return JSON.parse(run.stdout) as T;
	} catch {
		throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
	}
}
