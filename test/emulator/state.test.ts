import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { startEmulator } from '../../source/emulator/server.js';
import { call, createFlow, paths, start } from './helpers.js';

function tempDir(t: { teardown: (fn: () => void) => void }): string {
	const dir = mkdtempSync(join(tmpdir(), 'emulator-state-'));
	t.teardown(() => rmSync(dir, { recursive: true, force: true }));
	return dir;
}

test('statePath keeps the tenant across a restart and writes atomically', async (t) => {
	const dir = tempDir(t);
	const statePath = join(dir, 'tenant.json');
	const first = await startEmulator({ statePath });
	const id = await createFlow(first, 'Survives restarts');
	await first.close();
	t.deepEqual(readdirSync(dir), ['tenant.json'], 'no temp files are left behind');
	const second = await start(t, { statePath });
	t.is(second.tenant.findFlow(id)?.displayName, 'Survives restarts');
	t.is((await call(second, 'GET', paths.flow(id))).status, 200);
});

test('reads do not write the state file; reset does', async (t) => {
	const dir = tempDir(t);
	const statePath = join(dir, 'tenant.json');
	const emulator = await start(t, { statePath });
	await call(emulator, 'GET', paths.flows);
	t.deepEqual(readdirSync(dir), []);
	emulator.reset();
	t.deepEqual(readdirSync(dir), ['tenant.json']);
});

test('a corrupt or foreign state file is a clear error naming the file', async (t) => {
	const dir = tempDir(t);
	const corrupt = join(dir, 'corrupt.json');
	writeFileSync(corrupt, '{"format": "entra-flows-emulator-state", "tenant": ');
	await t.throwsAsync(startEmulator({ statePath: corrupt }), {
		message: new RegExp(`state file ${corrupt} is corrupt`),
	});
	const foreign = join(dir, 'foreign.json');
	writeFileSync(foreign, '{"hello": "world"}');
	await t.throwsAsync(startEmulator({ statePath: foreign }), {
		message: /foreign\.json is corrupt: it is not an entra-flows-emulator-state file/,
	});
});

test('a state file from before extensions and customers loads with none of them', async (t) => {
	const dir = tempDir(t);
	const statePath = join(dir, 'tenant.json');
	const seeded = await startEmulator({});
	const { customAuthenticationExtensions, customers, signInLogs, verifiedDomains, ...older } =
		seeded.tenant.state;
	const applications = older.applications.map(
		({ web, spa, publicClient, grantedGraphAppRoles, ...rest }) => rest,
	);
	await seeded.close();
	writeFileSync(
		statePath,
		JSON.stringify({ format: 'entra-flows-emulator-state', version: 1, tenant: { ...older, applications } }),
	);
	const emulator = await start(t, { statePath });
	t.deepEqual(emulator.tenant.extensions, []);
	t.deepEqual(emulator.tenant.customers, []);
	t.deepEqual(emulator.tenant.applications[0]!.spa, { redirectUris: [] });
	t.is((await call(emulator, 'GET', '/identity/customAuthenticationExtensions')).status, 200);
});
