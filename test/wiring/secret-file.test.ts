import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { readSecretFile } from '../../source/wiring/secret-file.js';

// The keyboard app's secret files are read with the commands' limit and refusals; an error names the file and
// says what is wrong, and never holds what the file holds.

const folder = mkdtempSync(join(tmpdir(), 'secret-file-'));
const file = (name: string, content: string | Buffer) => {
	const path = join(folder, name);
	writeFileSync(path, content, { mode: 0o600 });
	return path;
};

test('the secret is read trimmed, a relative path from the folder given', async (t) => {
	file('ok.txt', '  s3cret-value \n');
	t.is(await readSecretFile('ok.txt', folder), 's3cret-value');
});

test('a missing, empty, masked, too large or non-file path is refused, saying why', async (t) => {
	await t.throwsAsync(readSecretFile(join(folder, 'none.txt')), {
		message: /Cannot read .*none\.txt: ENOENT\./,
	});
	await t.throwsAsync(readSecretFile(file('empty.txt', ' \n')), { message: /empty\.txt is empty/ });
	await t.throwsAsync(readSecretFile(file('masked.txt', '******')), {
		message: /holds only asterisks: that is the masked value/,
	});
	const large = file('large.txt', Buffer.alloc(64 * 1024 + 1, 'a'));
	const error = await t.throwsAsync(readSecretFile(large), { message: /large\.txt is larger than 64 KiB/ });
	t.false(error?.message.includes('aaaa'));
	mkdirSync(join(folder, 'dir'));
	await t.throwsAsync(readSecretFile(join(folder, 'dir')), { message: /dir is a directory/ });
});
