import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { fakeJwt, readOnlyScopes } from '../graph/fake-jwt.js';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

const writes = <T extends { method: string }>(log: readonly T[]) =>
	log.filter((entry) => entry.method !== 'GET');
const readOnly = fakeJwt({ scp: readOnlyScopes, tid: 't', upn: 'reader@contoso.example' });
const appOnly = fakeJwt({
	roles: ['EventListener.Read.All', 'Application.Read.All'],
	appid: 'app-1',
	idtyp: 'app',
});

test('read-only scopes: every write is refused before it is sent, naming EventListener.ReadWrite.All and the fix', async (t) => {
	const emulator = await emulatorFor(t);
	const dir = mkdtempSync(join(tmpdir(), 'entra-flows-preflight-'));
	t.teardown(() => rmSync(dir, { recursive: true, force: true }));
	const layout = json<{ inputs: unknown[] }>(
		await runCommand(emulator.graphUrl, ['layout', 'show', seed.flows.support.id, '--json'], {
			token: readOnly,
		}),
	);
	const file = join(dir, 'layout.json');
	writeFileSync(file, JSON.stringify({ ...layout, inputs: [...layout.inputs].reverse() }));
	const attempts = [
		['flows', 'update', seed.flows.events.id, '--name', 'Renamed'],
		['flows', 'delete', seed.flows.events.id, '--yes'],
		['providers', 'add', seed.flows.partners.id, 'Google-OAUTH'],
		['attributes', 'add', seed.flows.support.id, 'country'],
		['apps', 'unlink', seed.flows.customers.id, seed.apps.mobile],
		['layout', 'set', seed.flows.support.id, '--file', file],
	];
	for (const argv of attempts) {
		emulator.clearLog();
		const result = await runCommand(emulator.graphUrl, argv, { token: readOnly });
		const label = argv.slice(0, 2).join(' ');
		t.is(result.code, 1, label);
		t.regex(result.stderr, /not sent: MissingPermission/, label);
		t.regex(
			result.stderr,
			/needs EventListener\.ReadWrite\.All; you are signed in with read-only scopes \(EventListener\.Read\.All/,
			label,
		);
		t.regex(result.stderr, /run `entra-flows login` without --read-only/, label);
		t.deepEqual(writes(emulator.log), [], `${label} reached the service`);
	}
	const tenant = await runCommand(
		emulator.graphUrl,
		['tenant', 'attributes', 'create', '--name', 'Hobby', '--type', 'string'],
		{
			token: readOnly,
		},
	);
	t.regex(tenant.stderr, /needs IdentityUserFlow\.ReadWrite\.All/);
});

test('app-only roles without the write permission: refused with "grant the application permission … and admin-consent it"', async (t) => {
	const emulator = await emulatorFor(t);
	emulator.clearLog();
	const result = await runCommand(emulator.graphUrl, ['flows', 'create', '--name', 'Nope'], {
		token: appOnly,
	});
	t.is(result.code, 1);
	t.regex(
		result.stderr,
		/needs EventListener\.ReadWrite\.All; the application's token carries only the roles/,
	);
	t.regex(
		result.stderr,
		/grant the application permission EventListener\.ReadWrite\.All to the app app-1 and admin-consent it/,
	);
	t.deepEqual(emulator.log, []);
	const json = await runCommand(emulator.graphUrl, ['flows', 'create', '--name', 'Nope', '--json'], {
		token: appOnly,
	});
	t.like(JSON.parse(json.stderr), {
		error: { code: 'MissingPermission', notSent: true, requiredPermission: 'EventListener.ReadWrite.All' },
	});
});

test('reads work with read scopes; an opaque token is sent and the service decides', async (t) => {
	const emulator = await emulatorFor(t);
	t.is((await runCommand(emulator.graphUrl, ['flows', 'list'], { token: readOnly })).code, 0);
	const opaque = await runCommand(
		emulator.graphUrl,
		['flows', 'update', seed.flows.events.id, '--name', 'Renamed'],
		{
			token: 'opaque-token',
		},
	);
	t.is(opaque.code, 0, opaque.stderr);
});

test('a dry run with a read-only token still prints the plan, and says the write would be refused', async (t) => {
	const emulator = await emulatorFor(t);
	const result = await runCommand(
		emulator.graphUrl,
		['apps', 'unlink', seed.flows.customers.id, seed.apps.mobile, '--dry-run'],
		{
			token: readOnly,
		},
	);
	t.is(result.code, 0, result.stderr);
	t.regex(result.stdout, /would be refused: needs EventListener\.ReadWrite\.All/);
	t.regex(result.stdout, /curl -X DELETE/);
	t.deepEqual(writes(emulator.log), []);
});
