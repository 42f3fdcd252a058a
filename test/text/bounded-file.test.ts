import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { BoundedReadError, formatBytes, readBoundedFile } from '../../source/text/bounded-file.js';

const dir = mkdtempSync(join(tmpdir(), 'entra-flows-bounded-'));

test('a regular file within the limit is read whole, with its mode', (t) => {
	const path = join(dir, 'small.txt');
	writeFileSync(path, 'héllo', { mode: 0o640 });
	const file = readBoundedFile(path, 64);
	t.is(file.text, 'héllo');
	t.is(file.mode & 0o777, 0o640);
});

test('/dev/zero, a directory and a FIFO are refused before a byte is read, without hanging', (t) => {
	const fifo = join(dir, 'fifo');
	spawnSync('mkfifo', [fifo]);
	for (const [path, kind] of [
		['/dev/zero', 'a character device'],
		[dir, 'a directory'],
		[fifo, 'a pipe'],
	] as const) {
		const error = t.throws(() => readBoundedFile(path, 1024));
		t.true(error instanceof BoundedReadError, path);
		t.like(error, { problem: 'not-regular', path });
		t.is(error?.message, `${path} is ${kind}, not a regular file; give the path of a file`);
	}
});

test('a file over the limit is refused, naming the limit', (t) => {
	const path = join(dir, 'big.txt');
	writeFileSync(path, 'x'.repeat(64 * 1024 + 1));
	const error = t.throws(() => readBoundedFile(path, 64 * 1024));
	t.like(error, { problem: 'too-large', limitBytes: 65536 });
	t.is(error?.message, `${path} is larger than 64 KiB, the limit for this file`);
	t.is(readBoundedFile(path, 64 * 1024 + 1).text.length, 64 * 1024 + 1);
});

test('a missing file says why with its system code', (t) => {
	const error = t.throws(() => readBoundedFile(join(dir, 'nope'), 10));
	t.like(error, { problem: 'unreadable', errno: 'ENOENT' });
});

test('limits read as people write them', (t) => {
	t.is(formatBytes(64 * 1024), '64 KiB');
	t.is(formatBytes(1024 * 1024), '1 MiB');
	t.is(formatBytes(32 * 1024 * 1024), '32 MiB');
	t.is(formatBytes(1000), '1000 bytes');
});

test('standard input is read to its end but never past the limit (/dev/zero as stdin ends at once)', (t) => {
	const script = `import('${new URL('../../source/text/bounded-file.ts', import.meta.url).pathname}').then((m) => {
		try { process.stdout.write(String(m.readBoundedStdin(1024).length)); }
		catch (error) { process.stdout.write(error.problem + ':' + error.message); }
	})`;
	const run = (stdin: number | 'pipe', input?: string) =>
		spawnSync(process.execPath, ['--import=tsx', '-e', script], {
			stdio: [stdin, 'pipe', 'pipe'],
			input,
			encoding: 'utf8',
			timeout: 20_000,
		});
	const zero = run(openSync('/dev/zero', 'r'));
	t.is(zero.stdout, 'too-large:standard input is larger than 1 KiB, the limit for this file');
	t.is(run('pipe', 'secret-value\n').stdout, '13');
});
