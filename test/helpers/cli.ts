import { runCli } from '../../source/commands/run-cli.js';

/** What one in-process run of the CLI printed and returned. */
export type CliRun = { readonly code: number; readonly stdout: string; readonly stderr: string };

/** Runs the CLI in-process against a Graph URL with a token, capturing everything it prints. */
export async function runCommand(
	graphUrl: string,
	argv: readonly string[],
	options: { token?: string; answers?: readonly string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
	let stdout = '';
	let stderr = '';
	const answers = [...(options.answers ?? [])];
	const code = await runCli({
		argv: ['--graph-url', graphUrl, ...argv],
		env: { ENTRA_FLOWS_ACCESS_TOKEN: options.token ?? 'test-token', ...options.env },
		version: '0.0.0-test',
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
