import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { resolveConfig } from '../../source/config/config.js';
import { runCli } from '../../source/wiring/run-cli.js';
import { freshDirs, json, runCommand } from '../helpers/cli.js';
import { addSeedExtensions, emulatorFor } from '../helpers/emulator.js';

test('profiles add, list, use and remove; each keeps its own token cache folder', async (t) => {
	const env = freshDirs();
	const graph = 'http://127.0.0.1:1/v1.0';
	const add = await runCommand(
		graph,
		[
			'profiles',
			'add',
			'dev',
			'--tenant',
			'dev.onmicrosoft.com',
			'--client-id',
			'c0ffee00-0000-4000-8000-000000000001',
		],
		{ env },
	);
	t.is(add.code, 0, add.stderr);
	t.regex(add.stdout, /Added profile "dev"/);
	await runCommand(graph, ['profiles', 'add', 'prod', '--tenant', 'prod.onmicrosoft.com'], { env });
	const file = join(env.XDG_CONFIG_HOME, 'entra-flows', 'profiles.json');
	t.is(statSync(file).mode & 0o777, 0o600);
	t.is(statSync(join(env.XDG_CONFIG_HOME, 'entra-flows')).mode & 0o777, 0o700);
	t.is((await runCommand(graph, ['profiles', 'use', 'prod'], { env })).code, 0);
	const listed = json<{ name: string; current: boolean }[]>(
		await runCommand(graph, ['profiles', 'list', '--json'], { env }),
	);
	t.deepEqual(
		listed.map((row) => [row.name, row.current]),
		[
			['dev', false],
			['prod', true],
		],
	);
	const config = resolveConfig({}, env);
	t.is(config.tenant, 'prod.onmicrosoft.com');
	t.is(config.paths.stateDir, join(env.XDG_STATE_HOME, 'entra-flows', 'profiles', 'prod'));
	const dev = resolveConfig({ profile: 'dev' }, env);
	t.is(dev.tenant, 'dev.onmicrosoft.com');
	t.is(dev.clientId, 'c0ffee00-0000-4000-8000-000000000001');
	mkdirSync(dev.paths.stateDir, { recursive: true });
	t.is((await runCommand(graph, ['profiles', 'remove', 'dev'], { env })).code, 0);
	t.false(existsSync(dev.paths.stateDir), 'its sign-in is forgotten');
	t.throws(() => resolveConfig({ profile: 'dev' }, env), {
		message: /No profile named "dev"\. Known: prod\./,
	});
	const bad = await runCommand(graph, ['profiles', 'add', 'default', '--tenant', 'x'], { env });
	t.is(bad.code, 2);
});

test('a profile saved by login before profiles existed keeps working as the default', async (t) => {
	const env = freshDirs();
	const dir = join(env.XDG_CONFIG_HOME, 'entra-flows');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'profile.json'), JSON.stringify({ tenant: 'old.onmicrosoft.com' }));
	const config = resolveConfig({}, env);
	t.is(config.tenant, 'old.onmicrosoft.com');
	t.is(config.paths.stateDir, join(env.XDG_STATE_HOME, 'entra-flows'));
	t.is(config.profileName, undefined);
	await runCommand('http://127.0.0.1:1/v1.0', ['profiles', 'add', 'dev', '--tenant', 'dev.example'], { env });
	t.is(resolveConfig({}, env).tenant, 'old.onmicrosoft.com', 'adding a profile does not change the default');
	t.is(JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8')).tenant, 'old.onmicrosoft.com');
});

test('diff between two tenants named by profiles, and between a tenant and files, in the words of a plan', async (t) => {
	const env = freshDirs();
	const dev = await emulatorFor(t);
	const prod = await emulatorFor(t, { seed: 'fabrikam' });
	addSeedExtensions(prod);
	const unused = 'http://127.0.0.1:1/v1.0';
	await runCommand(
		unused,
		['profiles', 'add', 'dev', '--tenant', 'dev.example', '--graph-url', dev.graphUrl],
		{ env },
	);
	await runCommand(
		unused,
		['profiles', 'add', 'prod', '--tenant', 'prod.example', '--graph-url', prod.graphUrl],
		{ env },
	);
	const diff = await runCommand(unused, ['diff', '@prod', '@dev'], { env });
	t.is(diff.code, 0, diff.stderr);
	t.regex(diff.stdout, /^From @prod to @dev:\nCustom attributes\n {2}\+ custom attribute Favoritecolor/);
	t.regex(diff.stdout, /Flow "Events registration" \(new\)/);
	const dir = mkdtempSync(join(tmpdir(), 'entra-flows-diff-'));
	// No --graph-url: the profile says where the tenant is.
	const bare = (argv: string[]) =>
		runCli({
			argv,
			env: { ...env, ENTRA_FLOWS_ACCESS_TOKEN: 'test-token' },
			version: '0',
			stdout: () => {},
			stderr: (text) => t.log(text),
		});
	t.is(await bare(['--profile', 'dev', 'export', '--all', '--out', dir]), 0);
	t.is(await bare(['--profile', 'prod', 'apply', dir, '--yes']), 0);
	t.is(prod.tenant.flows.length, 4);
	const same = await runCommand(unused, ['diff', '@prod', '@dev', '--json'], { env });
	t.true(json<{ same: boolean }>(same).same);
	dev.tenant.findFlow('5730a1a1-35ee-44b7-bcb7-9edad350c494')!.description = 'Changed in dev';
	const changed = await runCommand(unused, ['diff', dir, '@dev'], { env });
	t.regex(
		changed.stdout,
		/Flow "Events registration"\n {2}~ description: "Attendees register with a postal address for badges" → "Changed in dev"/,
	);
});
