import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { environmentVariables } from '../../source/commands/environment.js';
import { globalFlags } from '../../source/commands/global-flags.js';
import { withCommandsReference } from '../../source/commands/reference.js';
import { commands } from '../../source/commands/registry.js';
import { exitCodes } from '../../source/commands/report-error.js';
import { repositoryRoot } from '../helpers/package.js';

const page = readFileSync(join(repositoryRoot, 'docs/commands.md'), 'utf8');

test('the reference in docs/commands.md is what the command table says (`npm run docs:commands` rewrites it)', (t) => {
	t.is(page, withCommandsReference(page));
});

test('the page names every command, every flag, every exit code and every variable', (t) => {
	for (const command of commands) {
		t.true(page.includes(`### ${command.path.join(' ')}\n`), command.path.join(' '));
		for (const flag of command.flags ?? []) t.true(page.includes(`--${flag.name}\``), `--${flag.name}`);
	}
	for (const flag of globalFlags) t.true(page.includes(`--${flag.name}\``), `--${flag.name}`);
	for (const code of Object.values(exitCodes)) t.regex(page, new RegExp(`^\\| ${code} \\| `, 'm'));
	for (const variable of environmentVariables) t.true(page.includes(`| \`${variable.name}\` |`));
});

/** Every file under a folder. */
function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

// Set by tests and by Node itself, or read only to be cleared: not for users to set.
const notForUsers = new Set(['ENTRA_FLOWS_EXIT_AFTER_FIRST_FRAME', 'CI', 'CONTINUOUS_INTEGRATION']);

test('every environment variable the program reads is listed (the emulator aside: it has its own flags)', (t) => {
	const listed = new Set(environmentVariables.map((variable) => variable.name));
	const read = new Set<string>();
	const sources = [
		...filesUnder(join(repositoryRoot, 'source')).filter((path) => !path.includes('/source/emulator/')),
		join(repositoryRoot, 'cli.tsx'),
	];
	for (const path of sources) {
		const text = readFileSync(path, 'utf8');
		for (const match of text.matchAll(/\benv\??\.([A-Z][A-Z0-9_]+)|\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/g))
			read.add(match[1] ?? match[2] ?? '');
	}
	t.true(read.size > 10, [...read].join());
	for (const name of read)
		if (!notForUsers.has(name)) t.true(listed.has(name), `${name} is read but not listed`);
});
