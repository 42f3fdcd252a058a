import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import test from 'ava';
import { freshDirs } from '../helpers/cli.js';
import { type Packed, packWorkingTree, removeFolder, run } from '../helpers/package.js';

// What a user gets from `npm pack` + `npm install -g`, and from a git URL: one pack per run, shared.
let packed: Packed;

test.before(async () => {
	packed = await packWorkingTree();
});

test.after.always(async () => {
	if (packed) await removeFolder(packed.dir);
});

/** A global install into its own prefix; returns the prefix and what npm printed. */
async function installGlobally(spec: string, extra: readonly string[] = [], timeoutMs = 120_000) {
	const prefix = await mkdtemp(join(tmpdir(), 'entra-flows-prefix-'));
	const started = Date.now();
	const npm = await run(
		'npm',
		['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', ...extra, spec],
		{ timeoutMs },
	);
	return { prefix, npm, seconds: (Date.now() - started) / 1000, bin: join(prefix, 'bin', 'entra-flows') };
}

/** Runs the installed program with a fresh config home. */
const runInstalled = (bin: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
	run(bin, args, { env: { ...process.env, ...freshDirs(), ...env } });

/** Starts the installed `entra-flows emulator` and resolves with its first line. */
async function installedEmulator(t: { teardown(fn: () => void): void }, bin: string, args: string[]) {
	const child: ChildProcess = spawn(bin, ['emulator', '--port', '0', ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	t.teardown(() => child.kill('SIGTERM'));
	const first = await new Promise<string>((resolve, reject) => {
		createInterface({ input: child.stdout! }).once('line', resolve);
		child.once('exit', (code) => reject(new Error(`the installed emulator exited ${code}`)));
	});
	return JSON.parse(first) as Record<string, string>;
}

test('npm pack ships the bundle, README, licence and notices, and nothing else', (t) => {
	const outside = packed.entries.filter(
		(entry) =>
			!/^dist\/[\w-]+\.js$/.test(entry) &&
			!['package.json', 'README.md', 'LICENSE', 'THIRD-PARTY-NOTICES'].includes(entry),
	);
	t.deepEqual(outside, []);
	for (const wanted of ['dist/cli.js', 'README.md', 'LICENSE', 'THIRD-PARTY-NOTICES'])
		t.true(packed.entries.includes(wanted), wanted);
	t.false(packed.entries.some((entry) => /^(test|source|scripts|\.ci)\//.test(entry)));
});

test('the packed package.json can be published and depends on nothing', async (t) => {
	const text = execFileSync('tar', ['-xOzf', packed.tarball, 'package/package.json'], { encoding: 'utf8' });
	const manifest = JSON.parse(text) as Record<string, unknown> & { scripts: Record<string, string> };
	t.is(manifest.private, undefined);
	t.is(manifest.dependencies, undefined);
	t.is(manifest.license, 'MIT');
	t.truthy(manifest.repository);
	t.truthy(manifest.bugs);
	t.truthy(manifest.homepage);
	t.deepEqual(manifest.bin, { 'entra-flows': 'dist/cli.js' });
	// A tarball never runs prepare; npm would still list it as an install script on every install.
	t.is(manifest.scripts.prepare, undefined);
	// The repository's own manifest keeps it (git URL installs build with it), and pack put it back.
	const own = JSON.parse(readFileSync(join(packed.tree, 'package.json'), 'utf8'));
	t.is(own.scripts.prepare, 'node scripts/prepare.mjs');
	t.false(existsSync(join(packed.tree, '.package.json.before-pack')));
});

test('npm install -g of the tarball adds one package and nothing else, offline and without a warning', async (t) => {
	const installed = await installGlobally(packed.tarball, ['--offline']);
	t.teardown(() => removeFolder(installed.prefix));
	t.is(installed.npm.code, 0, installed.npm.stderr);
	t.regex(installed.npm.stdout, /added 1 package in/);
	t.false(/warn/i.test(installed.npm.stderr), installed.npm.stderr);
	t.log(`installed in ${installed.seconds.toFixed(1)} s`);
	const modules = join(installed.prefix, 'lib', 'node_modules');
	t.deepEqual(readdirSync(modules), ['entra-flows']);
	t.false(existsSync(join(modules, 'entra-flows', 'node_modules')));
	const version = await runInstalled(installed.bin, ['--version']);
	t.is(version.stdout.trim(), JSON.parse(readFileSync(join(packed.tree, 'package.json'), 'utf8')).version);
});

test('the installed program runs its emulator, a command against it, and a device-code login', async (t) => {
	const installed = await installGlobally(packed.tarball, ['--offline']);
	t.teardown(() => removeFolder(installed.prefix));
	t.is(installed.npm.code, 0, installed.npm.stderr);
	const info = await installedEmulator(t, installed.bin, ['--auto-approve']);
	const list = await runInstalled(installed.bin, ['flows', 'list', '--json', '--graph-url', info.graphUrl!], {
		ENTRA_FLOWS_ACCESS_TOKEN: info.accessToken,
		NODE_EXTRA_CA_CERTS: info.caFile,
	});
	t.is(list.code, 0, list.stderr);
	t.true((JSON.parse(list.stdout) as unknown[]).length >= 4);
	// msal-node (and what it loads) comes from the bundle too: a real sign-in, then who is signed in.
	const dirs = freshDirs();
	const target = [
		'--tenant',
		info.tenantId!,
		'--authority-host',
		info.authorityHost!,
		'--graph-url',
		info.graphUrl!,
		'--ca-file',
		info.caFile!,
	];
	const login = await run(installed.bin, ['login', ...target], { env: { ...process.env, ...dirs } });
	t.is(login.code, 0, login.stderr);
	const whoami = await run(installed.bin, ['whoami', '--json'], { env: { ...process.env, ...dirs } });
	t.is(whoami.code, 0, whoami.stderr);
	t.is(JSON.parse(whoami.stdout).account, 'admin@contosocustomers.onmicrosoft.com');
});

test('the installed entra-flows --demo opens the demo tenant in a terminal and quits on q', async (t) => {
	const installed = await installGlobally(packed.tarball, ['--offline']);
	t.teardown(() => removeFolder(installed.prefix));
	t.is(installed.npm.code, 0, installed.npm.stderr);
	// Its own tmux server: never the user's, never their config.
	const socket = `entra-flows-package-${randomUUID().slice(0, 8)}`;
	const tmux = (args: string[]) =>
		execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		});
	const script = join(installed.prefix, 'demo.sh');
	const env = Object.entries({ ...freshDirs(), CI: 'true' }).map(([key, value]) => `${key}=${value}`);
	await writeFile(
		script,
		`#!/bin/sh\nenv ${env.join(' ')} ${installed.bin} --demo\necho "exit $?" > ${script}.exit\n`,
		{
			mode: 0o755,
		},
	);
	tmux(['new-session', '-d', '-s', 'demo', '-x', '80', '-y', '24', script]);
	t.teardown(() => {
		try {
			tmux(['kill-server']);
		} catch {}
	});
	const screen = () => {
		try {
			return tmux(['capture-pane', '-p', '-t', 'demo']);
		} catch {
			return '';
		}
	};
	const until = async (check: () => boolean, what: string) => {
		const deadline = Date.now() + 20_000;
		while (!check()) {
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
			await delay(50);
		}
	};
	await until(() => screen().includes('Events registration'), 'the demo flows');
	t.regex(screen(), /Contoso customers sign-up and sign-in/);
	tmux(['send-keys', '-t', 'demo', '-l', 'q']);
	await until(() => existsSync(`${script}.exit`), 'the program to quit');
	t.is(readFileSync(`${script}.exit`, 'utf8').trim(), 'exit 0');
});

test('npm install -g from a git URL builds dist/ and gives a working binary', async (t) => {
	t.timeout(300_000);
	// A repository of the working tree as committed: no dist/, no node_modules.
	const git = (args: string[], cwd: string) =>
		run('git', ['-c', 'user.name=entra-flows tests', '-c', 'user.email=tests@invalid', ...args], { cwd });
	await git(['init', '--quiet', packed.tree], packed.tree);
	await git(['add', '--', ...packed.files], packed.tree);
	const committed = await git(['commit', '--quiet', '-m', 'working tree'], packed.tree);
	t.is(committed.code, 0, committed.stderr);
	const installed = await installGlobally(`git+file://${packed.tree}`, ['--prefer-offline'], 280_000);
	t.teardown(() => removeFolder(installed.prefix));
	t.is(installed.npm.code, 0, installed.npm.stderr);
	t.log(`installed from git in ${installed.seconds.toFixed(1)} s`);
	const folder = join(installed.prefix, 'lib', 'node_modules', 'entra-flows');
	t.true(existsSync(join(folder, 'dist', 'cli.js')));
	t.false(existsSync(join(folder, 'node_modules')));
	const help = await runInstalled(installed.bin, ['--help']);
	t.is(help.code, 0, help.stderr);
	t.regex(help.stdout, /^entra-flows \d+\.\d+\.\d+/);
});

test("the README's first lines name this tarball, and its npx line runs it from an empty npm cache", async (t) => {
	const readme = readFileSync(join(packed.tree, 'README.md'), 'utf8').split('\n').slice(0, 12).join('\n');
	const name = packed.tarball.split('/').pop() ?? '';
	t.true(readme.includes(`npx ./${name} --demo`), `README does not show npx ./${name}`);
	t.true(readme.includes('npx entra-flows --demo'));
	const cache = await mkdtemp(join(tmpdir(), 'entra-flows-npx-cache-'));
	t.teardown(() => removeFolder(cache));
	const npx = await run('npx', ['--yes', '--cache', cache, `./${name}`, '--version'], {
		cwd: packed.dir,
		env: { ...process.env, ...freshDirs() },
	});
	t.is(npx.code, 0, npx.stderr);
	t.regex(npx.stdout.trim(), /^\d+\.\d+\.\d+$/);
});
