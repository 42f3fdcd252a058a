import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import test from 'ava';
import { identityFor } from '../helpers/auth-emulator.js';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

const run = promisify(execFile);
const writes = <T extends { method: string }>(log: readonly T[]) =>
	log.filter((entry) => entry.method !== 'GET');

type Planned = { method: string; url: string; body: unknown };

/** The command lines of a --dry-run plan, by tool. */
function lines(stdout: string) {
	const all = stdout.split('\n').map((line) => line.trim());
	return {
		curl: all.filter((line) => line.startsWith('curl ')),
		az: all.filter((line) => line.startsWith('az rest ')),
		powerShell: all.filter((line) => line.startsWith('Invoke-MgGraphRequest ')),
	};
}

test('every write command takes --dry-run: reads happen, no write is sent, each write is printed with curl, az rest and PowerShell', async (t) => {
	const emulator = await emulatorFor(t);
	const dir = mkdtempSync(join(tmpdir(), 'entra-flows-dry-'));
	t.teardown(() => rmSync(dir, { recursive: true, force: true }));
	const layout = json<{ inputs: { attribute: string; required: boolean }[] }>(
		await runCommand(emulator.graphUrl, ['layout', 'show', seed.flows.support.id, '--json']),
	);
	const layoutFile = join(dir, 'layout.json');
	writeFileSync(layoutFile, JSON.stringify({ ...layout, inputs: [...layout.inputs].reverse() }));
	const cases: [string[], number][] = [
		[['flows', 'create', '--name', 'Dry', '--attribute', 'city'], 1],
		[['flows', 'update', seed.flows.events.id, '--name', 'Renamed'], 1],
		[['flows', 'delete', seed.flows.customers.id], 3],
		[['providers', 'add', seed.flows.partners.id, 'Google-OAUTH'], 1],
		[['providers', 'remove', seed.flows.customers.id, 'Google-OAUTH'], 1],
		[['attributes', 'add', seed.flows.support.id, 'country'], 1],
		[['attributes', 'remove', seed.flows.support.id, 'city'], 2],
		[['apps', 'link', seed.flows.events.id, seed.apps.storefront, '--move'], 2],
		[['apps', 'unlink', seed.flows.customers.id, seed.apps.mobile], 1],
		[['tenant', 'attributes', 'create', '--name', 'Hobby', '--type', 'string'], 1],
		[['layout', 'set', seed.flows.support.id, '--file', layoutFile], 1],
	];
	for (const [argv, count] of cases) {
		emulator.clearLog();
		const result = await runCommand(emulator.graphUrl, [...argv, '--dry-run']);
		const label = argv.slice(0, 2).join(' ');
		t.is(result.code, 0, `${label}: ${result.stderr}`);
		t.deepEqual(writes(emulator.log), [], `${label} sent a write`);
		t.regex(result.stdout, /Dry run: nothing was changed/, label);
		const found = lines(result.stdout);
		t.is(found.curl.length, count, `${label}: ${result.stdout}`);
		t.is(found.az.length, count, label);
		t.is(found.powerShell.length, count, label);
		t.notRegex(result.stdout, /^(Created|Updated|Deleted|Added|Removed|Linked|Unlinked|Saved) /m, label);
	}
});

test('multi-step writes list every step in order; a conditional one says when it applies', async (t) => {
	const emulator = await emulatorFor(t);
	const deletion = await runCommand(emulator.graphUrl, [
		'flows',
		'delete',
		seed.flows.customers.name,
		'--dry-run',
		'--json',
	]);
	t.is(deletion.code, 0, deletion.stderr);
	const flowUrl = `${emulator.graphUrl}/identity/authenticationEventsFlows/${seed.flows.customers.id}`;
	t.deepEqual(json<Planned[]>(deletion), [
		{
			method: 'DELETE',
			url: `${flowUrl}/conditions/applications/includeApplications/${seed.apps.storefront}`,
			body: null,
		},
		{
			method: 'DELETE',
			url: `${flowUrl}/conditions/applications/includeApplications/${seed.apps.mobile}`,
			body: null,
		},
		{ method: 'DELETE', url: flowUrl, body: null },
	]);
	const move = json<Planned[]>(
		await runCommand(emulator.graphUrl, [
			'apps',
			'link',
			seed.flows.events.id,
			seed.apps.storefront,
			'--move',
			'--dry-run',
			'--json',
		]),
	);
	t.deepEqual(
		move.map((step) => [step.method, step.url.includes(seed.flows.customers.id) ? 'customers' : 'events']),
		[
			['DELETE', 'customers'],
			['POST', 'events'],
		],
	);
	t.deepEqual(move[1]?.body, {
		'@odata.type': '#microsoft.graph.authenticationConditionApplication',
		appId: seed.apps.storefront,
	});
	const remove = await runCommand(emulator.graphUrl, [
		'attributes',
		'remove',
		seed.flows.support.id,
		'city',
		'--dry-run',
	]);
	t.regex(remove.stdout, /2\. PATCH .*\n\s+\(sent only if the service leaves the input on the page/);
	t.deepEqual(writes(emulator.log), []);
});

test('--dry-run is a flag of write commands only', async (t) => {
	const emulator = await emulatorFor(t);
	const result = await runCommand(emulator.graphUrl, ['flows', 'list', '--dry-run']);
	t.is(result.code, 2);
	t.regex(result.stderr, /has no --dry-run flag/);
});

test('the printed curl line reproduces the write when run in bash with $TOKEN (quotes in names included)', async (t) => {
	const tokens: string[] = [];
	const emulator = await emulatorFor(t, {
		authorize: (authorization) => {
			tokens.push(authorization ?? '');
			return { ok: true };
		},
	});
	const name = 'O\'Brien\'s "flow" $HOME `id`';
	const dry = await runCommand(emulator.graphUrl, [
		'flows',
		'update',
		seed.flows.events.id,
		'--name',
		name,
		'--description',
		'it’s new',
		'--dry-run',
	]);
	t.is(dry.code, 0, dry.stderr);
	const curl = lines(dry.stdout).curl[0] ?? '';
	t.regex(
		curl,
		/^curl -X PATCH '.*' -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application\/json' --data '/,
	);
	t.deepEqual(writes(emulator.log), []);
	tokens.length = 0;
	await run('bash', ['-c', `${curl} --silent --show-error --fail`], {
		env: { ...process.env, TOKEN: 'token-from-env' },
	});
	t.deepEqual(tokens, ['Bearer token-from-env']);
	const sent = writes(emulator.log);
	t.is(sent.length, 1);
	t.is(sent[0]?.method, 'PATCH');
	t.is(sent[0]?.status, 204);
	const flow = json<{ displayName: string; description: string }>(
		await runCommand(emulator.graphUrl, ['flows', 'get', seed.flows.events.id, '--json']),
	);
	t.is(flow.displayName, name);
	t.is(flow.description, 'it’s new');
});

test('the curl line of a $ref write keeps $ref literal', async (t) => {
	const emulator = await emulatorFor(t);
	const dry = await runCommand(emulator.graphUrl, [
		'providers',
		'add',
		seed.flows.partners.id,
		'Google-OAUTH',
		'--dry-run',
	]);
	const curl = lines(dry.stdout).curl[0] ?? '';
	t.regex(curl, /identityProviders\/\$ref'/);
	await run('bash', ['-c', `${curl} --silent --show-error --fail`], { env: { ...process.env, TOKEN: 't' } });
	const providers = json<{ id: string }[]>(
		await runCommand(emulator.graphUrl, ['providers', 'list', seed.flows.partners.id, '--json']),
	);
	t.true(providers.some((provider) => provider.id === 'Google-OAUTH'));
});

test('over HTTPS with --ca-file, the printed curl line trusts the same CA and runs as printed', async (t) => {
	const harness = await identityFor(t, { graph: true });
	const token = harness.identity.mintAccessToken({
		scopes: ['EventListener.ReadWrite.All'],
		lifetimeSeconds: 600,
	});
	const dry = await runCommand(
		harness.graphUrl ?? '',
		[
			'flows',
			'update',
			seed.flows.events.id,
			'--description',
			'from curl',
			'--ca-file',
			harness.caFile,
			'--dry-run',
		],
		{ token },
	);
	t.is(dry.code, 0, dry.stderr);
	const curl = lines(dry.stdout).curl[0] ?? '';
	t.true(curl.startsWith(`curl --cacert '${harness.caFile}' -X PATCH 'https://`), curl);
	await run('bash', ['-c', `${curl} --silent --show-error --fail`], {
		env: { ...process.env, TOKEN: token },
	});
	const flow = json<{ description: string }>(
		await runCommand(
			harness.graphUrl ?? '',
			['flows', 'get', seed.flows.events.id, '--json', '--ca-file', harness.caFile],
			{
				token,
			},
		),
	);
	t.is(flow.description, 'from curl');
});
