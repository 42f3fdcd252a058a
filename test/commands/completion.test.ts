import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { globalFlags } from '../../source/commands/global-flags.js';
import { commands } from '../../source/commands/registry.js';
import { freshDirs, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

/** The verbs after `flows`, as the command table lists them (a new flows command is offered without a test edit). */
const flowVerbs = [
	...new Set(
		commands.filter((command) => command.path[0] === 'flows').map((command) => command.path[1] ?? ''),
	),
];

const has = (shell: string) => spawnSync(shell, ['-c', 'true']).status === 0;
const nowhere = 'http://127.0.0.1:9/v1.0';

async function script(shell: string, env: NodeJS.ProcessEnv = freshDirs()): Promise<string> {
	const run = await runCommand(nowhere, ['completion', shell], { env });
	if (run.code !== 0) throw new Error(run.stderr);
	const file = join(mkdtempSync(join(tmpdir(), 'entra-flows-completion-')), `entra-flows.${shell}`);
	writeFileSync(file, run.stdout);
	return file;
}

/** What bash offers for the words typed (the last one is the word being completed). */
function bashOffers(file: string, words: readonly string[]): string[] {
	const program = `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _entra_flows; printf '%s\\n' "\${COMPREPLY[@]}"`;
	return execFileSync('bash', ['-c', program, 'bash', file, 'entra-flows', ...words], { encoding: 'utf8' })
		.split('\n')
		.filter(Boolean);
}

test('bash completes commands, verbs, flags and their values from the command table', async (t) => {
	const file = await script('bash');
	t.deepEqual(bashOffers(file, ['fl']), ['flows']);
	t.deepEqual(bashOffers(file, ['flows', '']), flowVerbs);
	t.true(flowVerbs.includes('clone') && flowVerbs.includes('list'));
	t.deepEqual(bashOffers(file, ['tenant', 'attributes', '']), ['create', 'update', 'delete']);
	t.deepEqual(bashOffers(file, ['flows', 'list', '-o', '']), [
		'json',
		'jsonc',
		'yaml',
		'table',
		'tsv',
		'none',
	]);
	t.deepEqual(bashOffers(file, ['flows', 'delete', 'X', '--y']), ['--yes']);
	t.deepEqual(bashOffers(file, ['flows', 'list', '--y']), [], '--yes is not a flag of flows list');
	t.deepEqual(
		bashOffers(file, ['--profile', 'dev', 'flows', 'cr']),
		['create'],
		'a flag value is not a command word',
	);
	t.deepEqual(bashOffers(file, ['tenant', 'attributes', 'create', '--type', '']), [
		'string',
		'boolean',
		'int64',
	]);
});

test('after a `flows list`, bash and fish complete <flow> with the names it read, quoted for the shell', async (t) => {
	const emulator = await emulatorFor(t);
	const env = freshDirs();
	t.is((await runCommand(emulator.graphUrl, ['flows', 'list', '-o', 'none'], { env })).code, 0);
	const bash = await script('bash', env);
	t.deepEqual(bashOffers(bash, ['flows', 'get', 'Contoso']), [
		'Contoso\\ customers\\ sign-up\\ and\\ sign-in',
	]);
	t.deepEqual(bashOffers(bash, ['providers', 'add', '"Partner']), ['Partner\\ portal\\ sign-in\\ only']);
	t.deepEqual(bashOffers(bash, ['flows', 'get', seed.flows.events.name, '']), [], 'one flow argument only');
	if (!has('fish')) return;
	const fish = await script('fish', env);
	const offered = execFileSync('fish', ['-c', `source ${fish}; complete -C 'entra-flows flows get '`], {
		encoding: 'utf8',
	});
	t.true(offered.includes(`${seed.flows.customers.name}\tuser flow`), offered);
});

const fishTest = has('fish') ? test : test.skip;
fishTest('fish completes verbs, flags with their descriptions, and -o values', async (t) => {
	const file = await script('fish');
	const offers = (line: string) =>
		execFileSync('fish', ['-c', `source ${file}; complete -C '${line}'`], { encoding: 'utf8' })
			.split('\n')
			.filter(Boolean);
	t.deepEqual(offers('entra-flows flows ').sort(), [...flowVerbs].sort());
	t.true(offers('entra-flows flows list -o ').some((line) => line.startsWith('yaml\t')));
	t.deepEqual(offers('entra-flows flows delete x --y'), ['--yes\tdo not ask (required without a terminal)']);
});

const zshTest = has('zsh') ? test : test.skip;
zshTest('zsh loads the script through bashcompinit and completes with it', async (t) => {
	const file = await script('zsh');
	const program = `source "$1"; setopt ksharrays; COMP_WORDS=(entra-flows flows ''); COMP_CWORD=2; _entra_flows; print -l -- "\${COMPREPLY[@]}"`;
	const home = mkdtempSync(join(tmpdir(), 'entra-flows-zsh-'));
	const out = execFileSync('zsh', ['-f', '-c', program, 'zsh', file], {
		encoding: 'utf8',
		env: { ...process.env, HOME: home },
	});
	t.deepEqual(out.split('\n').filter(Boolean), flowVerbs);
});

test('every command word and every flag is in each script; an unknown shell gets a guess', async (t) => {
	for (const shell of ['bash', 'zsh', 'fish', 'powershell']) {
		const text = (await runCommand(nowhere, ['completion', shell])).stdout;
		for (const command of commands)
			for (const word of command.path) t.true(text.includes(`'${word}'`), `${shell}: ${word}`);
		for (const flag of [...globalFlags, ...commands.flatMap((command) => command.flags ?? [])])
			t.true(
				text.includes(shell === 'fish' ? `-l ${flag.name}` : `'--${flag.name}'`),
				`${shell}: --${flag.name}`,
			);
	}
	const wrong = await runCommand(nowhere, ['completion', 'fihs']);
	t.is(wrong.code, 2);
	t.regex(wrong.stderr, /completion takes bash, zsh, fish or powershell; not "fihs"\. Did you mean "fish"\?/);
});
