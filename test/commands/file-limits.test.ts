import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { builtCli } from '../helpers/built-cli.js';
import { freshDirs, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

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

test('layout set --file /dev/zero and apply of a device or an oversized flow file are refused before a byte is sent', async (t) => {
	const emulator = await emulatorFor(t);
	const layout = await runCommand(emulator.graphUrl, [
		'layout',
		'set',
		seed.flows.events.id,
		'--file',
		'/dev/zero',
	]);
	t.is(layout.code, 2, layout.stderr);
	t.regex(layout.stderr, /Cannot read the layout file: \/dev\/zero is a character device/);
	const device = await runCommand(emulator.graphUrl, ['apply', '/dev/zero', '--yes']);
	t.is(device.code, 2, device.stderr);
	t.regex(device.stderr, /Cannot read the flow file: \/dev\/zero is a character device/);
	const big = join(mkdtempSync(join(tmpdir(), 'entra-flows-big-')), 'big.yaml');
	writeFileSync(big, `displayName: Big\ndescription: ${'x'.repeat(5 * 1024 * 1024)}\n`);
	const oversized = await runCommand(emulator.graphUrl, ['plan', big]);
	t.is(oversized.code, 2, oversized.stderr);
	t.regex(oversized.stderr, /big\.yaml is larger than 4 MiB, the limit for this file/);
	t.false(emulator.log.some((entry) => entry.method !== 'GET'));
});
