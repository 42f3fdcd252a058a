import test from 'ava';
import {
	createCustomAttribute,
	deleteCustomAttribute,
	describeCustomAttribute,
} from '../../source/operations/tenant-attributes.js';
import { seed } from '../helpers/emulator.js';
import { clientFor, racingClient } from '../helpers/graph-client.js';

test('create: done; a name the tenant has (ignoring case and spaces) is refused', async (t) => {
	const { client, emulator } = await clientFor(t);
	const created = await createCustomAttribute(client, { displayName: 'Shoe size', dataType: 'int64' });
	if (created.kind !== 'done') return t.fail(created.kind);
	t.truthy(emulator.tenant.findAttribute(created.value.id ?? ''));
	t.like(await createCustomAttribute(client, { displayName: 'shoesize', dataType: 'string' }), {
		kind: 'refused',
		refusal: { rule: 'attributeNameTaken', taken: { id: created.value.id } },
	});
});

test('describe: done; the same description is unchanged with nothing sent', async (t) => {
	const { client, writes } = await clientFor(t);
	const attribute = { id: seed.favoriteColor, description: 'Your favourite colour' };
	t.deepEqual(await describeCustomAttribute(client, attribute, 'Your favourite colour'), {
		kind: 'unchanged',
		why: 'already',
	});
	t.deepEqual(writes(), []);
	t.like(await describeCustomAttribute(client, attribute, 'Pick one'), {
		kind: 'done',
		value: { description: 'Pick one' },
	});
});

test('delete: refused while a flow collects it (naming the flows); done once none does', async (t) => {
	const { client, emulator, writes } = await clientFor(t);
	t.like(await deleteCustomAttribute(client, seed.favoriteColor), {
		kind: 'refused',
		refusal: { rule: 'attributeInUse', flows: [{ id: seed.flows.customers.id }] },
	});
	t.deepEqual(writes(), []);
	const collection = emulator.tenant.requireFlow(seed.flows.customers.id).attributeCollection;
	if (collection) collection.attributeIds = collection.attributeIds.filter((id) => id !== seed.favoriteColor);
	t.is((await deleteCustomAttribute(client, seed.favoriteColor)).kind, 'done');
	t.falsy(emulator.tenant.findAttribute(seed.favoriteColor));
});

test('delete: a flow that starts collecting it during the delete is named from the refusal', async (t) => {
	const { client, emulator } = await racingClient(t, (tenant) => {
		tenant.requireFlow(seed.flows.events.id).attributeCollection?.attributeIds.push(seed.favoriteColor);
	});
	const collection = emulator.tenant.requireFlow(seed.flows.customers.id).attributeCollection;
	if (collection) collection.attributeIds = collection.attributeIds.filter((id) => id !== seed.favoriteColor);
	const outcome = await deleteCustomAttribute(client, seed.favoriteColor);
	t.like(outcome, {
		kind: 'refused',
		refusal: { rule: 'attributeInUse', flows: [{ id: seed.flows.events.id }] },
	});
	if (outcome.kind === 'refused') t.is(outcome.error?.status, 400, "the service's refusal is kept");
	t.truthy(emulator.tenant.findAttribute(seed.favoriteColor));
});
