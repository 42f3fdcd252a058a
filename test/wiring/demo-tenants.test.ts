import test from 'ava';
import { emulatorWorkers } from '../../source/emulator/serve-in-worker.js';
import { listUserFlows } from '../../source/graph/flows.js';
import type { GraphClient } from '../../source/graph/graph-client.js';
import { listTenantAttributes } from '../../source/graph/tenant-attributes.js';
import { startDemoTenants } from '../../source/wiring/demo-tenants.js';

test('the demo offers two tenants as profiles, each signing in on its own: contoso with flows, fabrikam without', async (t) => {
	const demo = await startDemoTenants({ env: {}, version: '0', warn: () => {} }, { pollIntervalSeconds: 0 });
	t.teardown(() => demo.close());
	t.deepEqual(
		demo.choices.map((choice) => choice.profile),
		['contoso', 'fabrikam'],
	);
	const contoso = await demo.tenant('contoso');
	const fabrikam = await demo.tenant('fabrikam');
	t.is(await demo.tenant('fabrikam'), fabrikam, 'started once, however often asked for');
	t.not(contoso.config.tenant, fabrikam.config.tenant);
	t.not(contoso.config.graphUrl, fabrikam.config.graphUrl);
	for (const tenant of [contoso, fabrikam]) {
		const signedIn = await tenant.deps.session.signIn(
			{ onDeviceCode: () => {} },
			new AbortController().signal,
		);
		t.is(signedIn.tenant, tenant.config.tenant);
	}
	t.is((await listUserFlows(contoso.deps.graph)).length, 4);
	t.is((await listUserFlows(fabrikam.deps.graph)).length, 0);
	const customIds = async (graph: GraphClient) =>
		(await listTenantAttributes(graph))
			.filter((attribute) => attribute.userFlowAttributeType === 'custom')
			.map((a) => a.id);
	t.true(
		(await customIds(fabrikam.deps.graph)).every((id) =>
			id?.startsWith('extension_c7a1e5d32f494b8ea6d095f3b7c1e2a4_'),
		),
	);
	t.true(
		(await customIds(contoso.deps.graph)).every((id) =>
			id?.startsWith('extension_6ea3bc85aec24b1c92ff4a117afb6621_'),
		),
	);
});

test('NO_COLOR reaches the demo, while the rest of the environment (a proxy, a token) does not', async (t) => {
	const env = {
		NO_COLOR: '1',
		HTTPS_PROXY: 'http://127.0.0.1:9',
		ENTRA_FLOWS_ACCESS_TOKEN: 'not-for-the-demo',
	};
	const demo = await startDemoTenants({ env, version: '0', warn: () => {} }, { pollIntervalSeconds: 0 });
	t.teardown(() => demo.close());
	const contoso = await demo.tenant('contoso');
	for (const tenant of [contoso, await demo.tenant('fabrikam')]) {
		t.true(tenant.deps.noColor, tenant.profile);
		t.is(tenant.config.accessToken, undefined);
	}
	await contoso.deps.session.signIn({ onDeviceCode: () => {} }, new AbortController().signal);
	t.is((await listUserFlows(contoso.deps.graph)).length, 4, 'the proxy of the real environment is not used');
});

// Serial, so no other test's emulator starts or stops while the emulator threads are counted.
test.serial(
	'the second tenant’s emulator starts only when it is first chosen, and the demo’s close stops it',
	async (t) => {
		const demo = await startDemoTenants(
			{ env: {}, version: '0', warn: () => {} },
			{ pollIntervalSeconds: 0 },
		);
		t.teardown(() => demo.close());
		t.is(emulatorWorkers(), 1, 'contoso only');
		const fabrikam = await demo.tenant('fabrikam');
		t.is(emulatorWorkers(), 2, 'choosing fabrikam starts its emulator');
		await fabrikam.deps.session.signIn({ onDeviceCode: () => {} }, new AbortController().signal);
		t.is((await listUserFlows(fabrikam.deps.graph)).length, 0);
		await demo.close();
		t.is(emulatorWorkers(), 0, 'both threads ended');
		await t.throwsAsync(() => listUserFlows(fabrikam.deps.graph), { message: /Nothing is listening/ });
		await t.throwsAsync(() => demo.tenant('contoso'), { message: /The demo has ended/ });
	},
);
