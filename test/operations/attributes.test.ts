import test from 'ava';
import { addAttribute, removeAttribute } from '../../source/operations/attributes.js';
import { seed } from '../helpers/emulator.js';
import { clientFor, racingClient } from '../helpers/graph-client.js';

const { events, customers, support } = seed.flows;
const dropCity = (tenant: Parameters<Parameters<typeof racingClient>[1]>[0]) => {
	const collection = tenant.requireFlow(events.id).attributeCollection;
	if (collection) collection.attributeIds = collection.attributeIds.filter((id) => id !== 'city');
};

test('add: done; collected already is unchanged with nothing sent', async (t) => {
	const { client, emulator, writes } = await clientFor(t);
	t.is((await addAttribute(client, { flowId: events.id, attributeId: 'jobTitle' })).kind, 'done');
	t.true(emulator.tenant.requireFlow(events.id).attributeCollection?.attributeIds.includes('jobTitle'));
	const before = writes().length;
	const outcome = await addAttribute(client, {
		flowId: events.id,
		attributeId: 'JobTitle',
		collected: [{ id: 'jobTitle' }],
	});
	t.deepEqual(outcome, { kind: 'unchanged', why: 'already' });
	t.is(writes().length, before);
});

test('add: an attribute the tenant lacks is refused; added meanwhile is unchanged', async (t) => {
	const { client } = await clientFor(t);
	t.like(await addAttribute(client, { flowId: events.id, attributeId: 'shoeSize' }), {
		kind: 'refused',
		refusal: { rule: 'attributeNotInTenant', attributeIds: ['shoeSize'] },
	});
	const raced = await racingClient(t, (tenant) => {
		tenant.requireFlow(events.id).attributeCollection?.attributeIds.push('jobTitle');
	});
	t.deepEqual(
		await addAttribute(raced.client, { flowId: events.id, attributeId: 'jobTitle', collected: [] }),
		{
			kind: 'unchanged',
			why: 'meanwhile',
		},
	);
});

test('remove: done, one $ref call when the service takes the input with it', async (t) => {
	const { client, emulator, writes } = await clientFor(t);
	const outcome = await removeAttribute(client, { flowId: events.id, attributeId: 'city' });
	t.like(outcome, {
		kind: 'done',
		value: { inputRemovedByPatch: false },
		steps: [{ call: 'removeAttribute', attributeId: 'city' }],
	});
	t.deepEqual(writes(), [
		`DELETE /identity/authenticationEventsFlows/${events.id}/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAttributeCollection/microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp/attributes/city/$ref`,
	]);
	t.false(emulator.tenant.requireFlow(events.id).attributeCollection?.attributeIds.includes('city'));
});

test('remove: an input the service leaves behind is taken off with a PATCH (two steps)', async (t) => {
	const { client } = await clientFor(t, { emulator: { quirks: 'remove-attribute-keeps-input=true' } });
	const outcome = await removeAttribute(client, { flowId: support.id, attributeId: 'city' });
	t.like(outcome, {
		kind: 'done',
		value: { inputRemovedByPatch: true },
		steps: [{ call: 'removeAttribute' }, { call: 'removePageInput' }],
	});
});

test('remove: the PATCH failing after the removal is partly done, naming both steps', async (t) => {
	const { client } = await clientFor(t, {
		emulator: { quirks: 'remove-attribute-keeps-input=true', faults: 'F-S4:method=PATCH' },
	});
	const outcome = await removeAttribute(client, { flowId: support.id, attributeId: 'city' });
	t.like(outcome, {
		kind: 'partial',
		done: [{ call: 'removeAttribute', attributeId: 'city' }],
		failed: { call: 'removePageInput', attributeId: 'city' },
		notDone: [],
	});
});

test('remove: not collected is unchanged (already); removed meanwhile is unchanged (meanwhile)', async (t) => {
	const { client } = await clientFor(t);
	t.deepEqual(await removeAttribute(client, { flowId: customers.id, attributeId: 'shoeSize' }), {
		kind: 'unchanged',
		why: 'already',
	});
	const raced = await racingClient(t, dropCity);
	t.deepEqual(await removeAttribute(raced.client, { flowId: events.id, attributeId: 'city' }), {
		kind: 'unchanged',
		why: 'meanwhile',
	});
});
