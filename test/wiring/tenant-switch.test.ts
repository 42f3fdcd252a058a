import test from 'ava';
import { resolveConfig } from '../../source/config/config.js';
import { resolvePaths } from '../../source/config/paths.js';
import { writeProfiles } from '../../source/config/profiles.js';
import { listUserFlows } from '../../source/graph/flows.js';
import { buildAppDeps } from '../../source/wiring/app-deps.js';
import { startDemoTenants } from '../../source/wiring/demo-tenants.js';
import { demoSwitch, profileSwitch } from '../../source/wiring/tenant-switch.js';
import { freshDirs } from '../helpers/cli.js';
import { emulatorFor } from '../helpers/emulator.js';

test('saved profiles become the switcher: flags name the first tenant only, each profile keeps its own deps', async (t) => {
	const dev = await emulatorFor(t);
	const prod = await emulatorFor(t, { seed: 'fabrikam' });
	const env = { ...freshDirs(), ENTRA_FLOWS_ACCESS_TOKEN: 'test-token' };
	writeProfiles(resolvePaths(env).configDir, {
		current: 'dev',
		profiles: {
			dev: { tenant: 'dev.example', graphUrl: 'http://127.0.0.1:9/v1.0' },
			prod: { tenant: 'prod.example', graphUrl: prod.graphUrl },
		},
	});
	const io = { env, version: '0', warn: () => {} };
	const flags = { 'graph-url': dev.graphUrl };
	const first = buildAppDeps(resolveConfig(flags, env), io);
	const deps = await profileSwitch(flags, io, first);
	t.deepEqual(
		deps.tenants?.choices.map((choice) => choice.profile),
		['dev', 'prod'],
	);
	t.deepEqual(deps.tenant, { profile: 'dev', label: 'dev.example' });
	t.is((await listUserFlows(deps.graph)).length, 4, 'the first profile talks to what the flags say');
	const other = await deps.tenants!.switchTo('prod');
	t.deepEqual(other.tenant, { profile: 'prod', label: 'prod.example' });
	t.is((await listUserFlows(other.graph)).length, 0, "prod's own Graph URL, not the flag's");
	t.is(await deps.tenants!.switchTo('prod'), other, 'switching back finds the same sign-in');
	t.is(await other.tenants!.switchTo('dev'), deps);
});

test('one profile or none: no switcher, the app runs as before', async (t) => {
	const env = { ...freshDirs(), ENTRA_FLOWS_ACCESS_TOKEN: 'test-token' };
	const io = { env, version: '0', warn: () => {} };
	const first = buildAppDeps(resolveConfig({}, env), io);
	t.is(await profileSwitch({}, io, first), first);
});

test('--demo offers contoso and fabrikam, starting in contoso', async (t) => {
	const demo = await startDemoTenants({ env: {}, version: '0', warn: () => {} }, { pollIntervalSeconds: 0 });
	t.teardown(() => demo.close());
	const deps = await demoSwitch(demo);
	t.is(deps.tenant?.profile, 'contoso');
	t.deepEqual(
		deps.tenants?.choices.map((choice) => choice.profile),
		['contoso', 'fabrikam'],
	);
	const fabrikam = await deps.tenants!.switchTo('fabrikam');
	t.is(fabrikam.tenant?.profile, 'fabrikam');
	await fabrikam.session.signIn({ onDeviceCode: () => {} }, new AbortController().signal);
	t.is((await listUserFlows(fabrikam.graph)).length, 0);
});
