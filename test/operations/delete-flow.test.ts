import test from 'ava';
import { deleteFlow } from '../../source/operations/delete-flow.js';
import { seed } from '../helpers/emulator.js';
import { clientFor, racingClient } from '../helpers/graph-client.js';

const { events, customers } = seed.flows;
const { storefront, mobile, loyaltyApi } = seed.apps;

test('done: the apps are unlinked first, one step each, then the flow is deleted', async (t) => {
	const { client, emulator } = await clientFor(t);
	const outcome = await deleteFlow(client, { flowId: customers.id, confirmedApps: [storefront, mobile] });
	t.like(outcome, {
		kind: 'done',
		value: { unlinkedApps: [storefront, mobile] },
		steps: [
			{ call: 'unlinkApp', appId: storefront },
			{ call: 'unlinkApp', appId: mobile },
			{ call: 'deleteFlow' },
		],
	});
	t.falsy(emulator.tenant.findFlow(customers.id));
});

test('refused: an app linked after the person was asked stops it before anything is sent', async (t) => {
	const { client, emulator, writes } = await clientFor(t);
	emulator.tenant.requireFlow(events.id).appIds.push(loyaltyApi);
	t.deepEqual(await deleteFlow(client, { flowId: events.id, confirmedApps: [] }), {
		kind: 'refused',
		refusal: { rule: 'appsLinkedSinceConfirmed', appIds: [loyaltyApi] },
	});
	t.deepEqual(writes(), []);
});

test('refused: an app linked while deleting (the service refuses) is named, nothing changed', async (t) => {
	const { client, emulator } = await racingClient(t, (tenant) => {
		tenant.requireFlow(events.id).appIds.push(loyaltyApi);
	});
	const outcome = await deleteFlow(client, { flowId: events.id });
	t.like(outcome, { kind: 'refused', refusal: { rule: 'appsLinkedMeanwhile', appIds: [loyaltyApi] } });
	t.truthy(emulator.tenant.findFlow(events.id));
});

test('partly done: a failure after one unlink lists the unlink made and the steps not made', async (t) => {
	const { client, emulator } = await clientFor(t, { emulator: { faults: 'F-S4:method=DELETE:nth=2' } });
	const outcome = await deleteFlow(client, { flowId: customers.id });
	t.like(outcome, {
		kind: 'partial',
		done: [{ call: 'unlinkApp', appId: storefront }],
		failed: { call: 'unlinkApp', appId: mobile },
		notDone: [{ call: 'deleteFlow', flowId: customers.id }],
	});
	t.deepEqual(emulator.tenant.requireFlow(customers.id).appIds, [mobile]);
});

test('unchanged: deleted by another admin meanwhile', async (t) => {
	const { client } = await racingClient(t, (tenant) => {
		tenant.state.flows = tenant.state.flows.filter((flow) => flow.id !== events.id);
	});
	t.deepEqual(await deleteFlow(client, { flowId: events.id }), { kind: 'unchanged', why: 'meanwhile' });
});
