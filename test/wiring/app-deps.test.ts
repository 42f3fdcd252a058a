import test from 'ava';
import { resolveConfig } from '../../source/config/config.js';
import { listUserFlows } from '../../source/graph/flows.js';
import { buildAppDeps } from '../../source/wiring/app-deps.js';
import { freshDirs } from '../helpers/cli.js';
import { emulatorFor } from '../helpers/emulator.js';

const token = 'SECRET-wired-token';

test('the app records every Graph call for the session, one record across a tenant switch, with no token', async (t) => {
	const emulator = await emulatorFor(t);
	const env = { ...freshDirs(), TMUX: '/tmp/tmux-1/default,1,0' };
	const config = resolveConfig({ 'graph-url': emulator.graphUrl, 'access-token': token }, env);
	const deps = buildAppDeps(config, { env, version: '0.0.0-test', warn: () => {} });
	t.true(deps.tmux, 'inside tmux the clipboard sequence gets the passthrough wrapper');
	await listUserFlows(deps.graph);
	const other = await deps.useTenant?.('contoso.example');
	await listUserFlows(other!.graph);
	const entries = deps.requests?.entries() ?? [];
	t.is(other?.requests, deps.requests, 'the same record after switching');
	t.deepEqual(
		entries.map((entry) => `${entry.method} ${entry.path} ${entry.status} ${entry.requestId}`),
		emulator.log.map(
			(entry) => `${entry.method} ${entry.path.replace('/v1.0', '')} ${entry.status} ${entry.requestId}`,
		),
	);
	t.is(entries.length, 2);
	t.false(JSON.stringify(entries).includes(token));
});
