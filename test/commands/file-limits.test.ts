import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import test from 'ava';
import { builtCli } from '../helpers/built-cli.js';
import { freshDirs } from '../helpers/cli.js';

test('--client-secret-file - with /dev/zero as stdin stops at 64 KiB with a usage error', async (t) => {
	const child = spawn(
		process.execPath,
		[
			builtCli,
			'flows',
			'list',
			'--tenant',
			'contoso.onmicrosoft.com',
			'--client-id',
			'00000000-0000-0000-0000-000000000001',
			'--client-secret-file',
			'-',
		],
		{ env: { ...process.env, ...freshDirs() }, stdio: [openSync('/dev/zero', 'r'), 'pipe', 'pipe'] },
	);
	let stderr = '';
	child.stderr?.on('data', (chunk) => {
		stderr += chunk;
	});
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	t.is(code, 2, stderr);
	t.regex(stderr, /--client-secret-file -: standard input is larger than 64 KiB/);
});
