import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import test from 'ava';
import { builtCli, runBuilt, spawnEmulator } from '../helpers/built-cli.js';
import { freshDirs } from '../helpers/cli.js';

const ptyKey = fileURLToPath(new URL('../helpers/pty-key.py', import.meta.url));
const run = promisify(execFile);

// The built program at a real terminal's delete prompt: ctrl+c and ctrl+d are a person saying no.
for (const [key, name] of [
	['\\x03', 'ctrl+c'],
	['\\x04', 'ctrl+d'],
] as const) {
	test(`${name} at the delete confirmation cancels: exit 130, nothing deleted, not reported as a bug`, async (t) => {
		const { info } = await spawnEmulator(t);
		const env = {
			...process.env,
			...freshDirs(),
			ENTRA_FLOWS_ACCESS_TOKEN: String(info.accessToken),
			NODE_EXTRA_CA_CERTS: String(info.caFile),
		};
		const list = await runBuilt(['flows', 'list', '--query', '[0].id', '--graph-url', info.graphUrl], env);
		const id = JSON.parse(list.stdout) as string;
		const { stdout } = await run(
			'python3',
			[
				ptyKey,
				'to confirm',
				key,
				process.execPath,
				builtCli,
				'flows',
				'delete',
				id,
				'--graph-url',
				info.graphUrl,
			],
			{ env },
		);
		const result = JSON.parse(stdout) as { code: number; sent: boolean; output: string };
		t.true(result.sent, result.output);
		t.is(result.code, 130, result.output);
		t.regex(result.output, /Cancelled at the prompt; nothing was deleted\./);
		t.notRegex(result.output, /unexpected error|bug/);
		const still = await runBuilt(['flows', 'get', id, '-o', 'none', '--graph-url', info.graphUrl], env);
		t.is(still.code, 0, still.stderr);
	});
}
