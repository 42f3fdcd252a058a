import test from 'ava';
import { listApplications } from '../../source/graph/applications.js';
import { listCustomExtensions } from '../../source/graph/extensions.js';
import { listFlowApplications } from '../../source/graph/flow-apps.js';
import { listFlowIdentityProviders } from '../../source/graph/flow-providers.js';
import { findUserFlowsByName, listUserFlows } from '../../source/graph/flows.js';
import { listTenantAttributes } from '../../source/graph/tenant-attributes.js';
import { listTenantIdentityProviders } from '../../source/graph/tenant-providers.js';
import { seed } from '../helpers/emulator.js';
import { clientFor } from '../helpers/graph-client.js';

const { customers } = seed.flows;

test('every collection asks for the largest page, so a big list takes few round trips', async (t) => {
	const { client, emulator } = await clientFor(t);
	await listUserFlows(client);
	await findUserFlowsByName(client, customers.name);
	await listTenantIdentityProviders(client);
	await listTenantAttributes(client);
	await listApplications(client);
	await listCustomExtensions(client);
	await listFlowIdentityProviders(client, customers.id);
	await listFlowApplications(client, customers.id);
	t.is(emulator.log.length, 8);
	for (const entry of emulator.log) {
		const top = new URL(entry.path, emulator.origin).searchParams.get('$top');
		t.is(top, '999', entry.path);
	}
});

test('at 2,500 flows the list takes 3 requests, where the default page of 100 would take 26', async (t) => {
	const { client, emulator } = await clientFor(t, { emulator: { extraFlows: 2_496 } });
	const flows = await listUserFlows(client);
	t.is(flows.length, 2_500);
	t.is(emulator.log.length, 3);
});

test('a service that gives less than asked is still followed to the end', async (t) => {
	const { client, emulator } = await clientFor(t, { emulator: { maxPageSize: 2 } });
	const providers = await listTenantIdentityProviders(client);
	t.true(providers.length > 2);
	t.is(emulator.log.length, Math.ceil(providers.length / 2));
	t.true(emulator.log.every((entry) => entry.path.includes('%24top=999') || entry.path.includes('$top=999')));
});
