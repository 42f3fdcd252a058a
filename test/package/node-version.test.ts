import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { minimumVersion, nodeVersionProblem } from '../../source/startup/node-version.js';
import { builtCli } from '../helpers/built-cli.js';
import { freshDirs } from '../helpers/cli.js';
import { repositoryRoot, run } from '../helpers/package.js';

const engines = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')).engines.node as string;

test('the check reads the engines range package.json declares', (t) => {
	t.deepEqual(minimumVersion(engines), [20, 19, 0]);
	t.deepEqual(minimumVersion('>=22'), [22, 0, 0]);
	t.is(minimumVersion('^20.19 || >=22'), undefined);
});

test('a Node older than engines allows gets one sentence naming both versions; a newer one none', (t) => {
	t.is(
		nodeVersionProblem('18.20.4', '>=20.19'),
		'entra-flows needs Node.js 20.19 or later; this is Node.js 18.20.4. Install a current LTS release (https://nodejs.org) and run it again.',
	);
	t.truthy(nodeVersionProblem('20.18.3', '>=20.19'));
	t.truthy(nodeVersionProblem('v16.0.0', '>=20.19'));
	for (const fine of ['20.19.0', '20.20.2', '22.0.0', '24.11.1', '26.1.0'])
		t.is(nodeVersionProblem(fine, '>=20.19'), undefined);
});

/** Runs the built program with process.version(s) made to say `version`, before any of it loads. */
async function builtUnder(version: string, args: readonly string[]) {
	const preload = join(tmpdir(), `entra-flows-node-${version}.cjs`);
	await writeFile(
		preload,
		`Object.defineProperty(process, 'version', { value: 'v${version}' });\nObject.defineProperty(process, 'versions', { value: { ...process.versions, node: '${version}' } });\n`,
	);
	return run(process.execPath, ['--require', preload, builtCli, ...args], {
		env: { ...process.env, ...freshDirs() },
	});
}

test('the built program on an older Node prints that one line and exits 1, for the app and for commands', async (t) => {
	for (const args of [['--demo'], ['flows', 'list'], ['--version']]) {
		const ran = await builtUnder('18.20.4', args);
		t.is(ran.code, 1, args.join(' '));
		t.is(ran.stdout, '');
		t.is(ran.stderr, `${nodeVersionProblem('18.20.4', engines)}\n`);
	}
	const fine = await builtUnder('20.19.0', ['--version']);
	t.is(fine.code, 0, fine.stderr);
});

// A real old Node proves the entry itself parses there. CI installs one (.ci/run); elsewhere set the variable.
const oldNode = process.env.ENTRA_FLOWS_OLD_NODE;
if (process.env.CI === 'true' && !(oldNode && existsSync(oldNode))) {
	throw new Error('on CI, ENTRA_FLOWS_OLD_NODE must name a Node 18 binary (.ci/run installs one)');
}
(oldNode ? test : test.skip)(
	'a real Node 18 gets the sentence, not the crash the keyboard app had',
	async (t) => {
		const version = await run(oldNode!, ['--version']);
		t.regex(version.stdout, /^v18\./);
		const ran = await run(oldNode!, [builtCli, '--demo'], { env: { ...process.env, ...freshDirs() } });
		t.is(ran.code, 1);
		t.is(ran.stderr, `${nodeVersionProblem(version.stdout.trim(), engines)}\n`);
	},
);
