import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { ConfigError, resolveConfig, secretFileLimitBytes } from '../../source/config/config.js';
import { profilePath, readProfile } from '../../source/config/profile.js';

const dir = mkdtempSync(join(tmpdir(), 'entra-flows-config-'));
const home = dir;

test('--client-secret-file refuses /dev/zero (not a regular file), naming the file', (t) => {
	const error = t.throws(() => resolveConfig({ 'client-secret-file': '/dev/zero' }, {}, { home }));
	t.true(error instanceof ConfigError);
	t.is(
		error?.message,
		'--client-secret-file /dev/zero is a character device, not a regular file; give the path of a file; it should hold only the secret.',
	);
});

test('--client-secret-file refuses a file over 64 KiB, naming the limit', (t) => {
	const path = join(dir, 'huge-secret');
	writeFileSync(path, 'x'.repeat(secretFileLimitBytes + 1), { mode: 0o600 });
	const error = t.throws(() => resolveConfig({ 'client-secret-file': path }, {}, { home }));
	t.true(error instanceof ConfigError);
	t.regex(error?.message ?? '', /larger than 64 KiB/);
	t.true(error?.message.includes(path));
});

test('--client-secret-file - reads stdin with the same limit', (t) => {
	const asked: number[] = [];
	const config = resolveConfig(
		{ 'client-secret-file': '-' },
		{},
		{
			home,
			readStdin: (maxBytes) => {
				asked.push(maxBytes);
				return ' s3cret-value \n';
			},
		},
	);
	t.is(config.clientSecret, 's3cret-value');
	t.deepEqual(asked, [secretFileLimitBytes]);
});

test('a saved profile that is not a small regular file is ignored with a warning, a missing one silently', (t) => {
	const configDir = mkdtempSync(join(tmpdir(), 'entra-flows-profile-'));
	const warnings: string[] = [];
	t.deepEqual(
		readProfile(configDir, (text) => warnings.push(text)),
		{},
	);
	t.deepEqual(warnings, []);
	mkdirSync(profilePath(configDir), { recursive: true });
	t.deepEqual(
		readProfile(configDir, (text) => warnings.push(text)),
		{},
	);
	t.is(warnings.length, 1);
	t.regex(warnings[0] ?? '', /ignored: .*profile\.json is a directory/);
});
