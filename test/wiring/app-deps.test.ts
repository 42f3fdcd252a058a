import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import test from 'ava';
import { resolveConfig } from '../../source/config/config.js';
import { readProfile } from '../../source/config/profile.js';
import { createLoopbackTls } from '../../source/emulator/identity/tls.js';
import { listUserFlows } from '../../source/graph/flows.js';
import { requestDetail } from '../../source/store/requests.js';
import { buildAppDeps } from '../../source/wiring/app-deps.js';
import { rememberFromFlags } from '../../source/wiring/run-keyboard-app.js';
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
			// The recorder's path has no query; the log's has one ($top).
			(entry) =>
				`${entry.method} ${entry.path.replace('/v1.0', '').split('?')[0]} ${entry.status} ${entry.requestId}`,
		),
	);
	t.is(entries.length, 2);
	t.false(JSON.stringify(entries).includes(token));
});

test('with --ca-file, the inspector copies a curl that trusts it (and says what az and PowerShell need)', async (t) => {
	const tls = createLoopbackTls();
	const emulator = await emulatorFor(t, { tls: { key: tls.key, cert: tls.cert } });
	const env = freshDirs();
	const config = resolveConfig(
		{ 'graph-url': emulator.graphUrl, 'access-token': token, 'ca-file': tls.caFile },
		env,
	);
	const deps = buildAppDeps(config, { env, version: '0.0.0-test', warn: () => {} });
	await listUserFlows(deps.graph);
	const [entry] = deps.requests?.entries() ?? [];
	t.is(entry?.caFile, tls.caFile);
	const { commands } = requestDetail(entry!);
	t.true(commands.curl.startsWith(`curl --cacert '${tls.caFile}' '${emulator.graphUrl}/`), commands.curl);
	t.true(commands.azRest.startsWith(`REQUESTS_CA_BUNDLE='${tls.caFile}' az rest `), commands.azRest);
	t.true(commands.powerShell.startsWith(`<# first add ${tls.caFile} to the system's trusted roots #> `));
	// The copied curl runs as it is: the emulator's certificate is only trusted through --cacert.
	// Not a sync exec: the emulator answering it runs in this process.
	const { stdout } = await promisify(execFile)(
		'bash',
		['-c', `${commands.curl} --silent --show-error --fail`],
		{
			env: { ...process.env, TOKEN: 'x' },
		},
	);
	t.true((JSON.parse(stdout) as { value: unknown[] }).value.length >= 4);
});

test('--tenant on the keyboard app is remembered as the Start screen remembers it, and said once', async (t) => {
	const emulator = await emulatorFor(t);
	const env = freshDirs();
	const flags = { 'graph-url': emulator.graphUrl, 'access-token': token, tenant: 'contoso.example' };
	t.deepEqual(rememberFromFlags({ 'graph-url': emulator.graphUrl }), {
		rememberTenant: false,
		rememberCached: false,
	});
	const config = resolveConfig(flags, env);
	const deps = buildAppDeps(config, { env, version: '0.0.0-test', warn: () => {} }, rememberFromFlags(flags));
	const info = await deps.session.current();
	t.is(info?.remembered, 'contoso.example');
	t.is(readProfile(config.paths.configDir, () => {}).tenant, 'contoso.example');
	// The next plain start finds it.
	t.is(resolveConfig({ 'graph-url': emulator.graphUrl }, env).tenant, 'contoso.example');
	const again = buildAppDeps(
		config,
		{ env, version: '0.0.0-test', warn: () => {} },
		rememberFromFlags(flags),
	);
	t.is((await again.session.current())?.remembered, undefined, 'nothing new to say the second time');
});
