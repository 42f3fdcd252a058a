import test from 'ava';
import { createFlow, updateFlow } from '../../source/operations/flows.js';
import { seed } from '../helpers/emulator.js';
import { clientFor, racingClient } from '../helpers/graph-client.js';

const { events, customers, support } = seed.flows;
const newFlow = (displayName: string, extra: Partial<Parameters<typeof createFlow>[1]> = {}) => ({
	displayName,
	identityProviderIds: ['EmailPassword-OAUTH'],
	...extra,
});

test('create: done, with the flow read back whole', async (t) => {
	const { client, emulator } = await clientFor(t);
	const outcome = await createFlow(client, newFlow('Loyalty'));
	if (outcome.kind !== 'done') return t.fail(outcome.kind);
	t.true(outcome.value.readBack);
	t.is(outcome.value.flow.displayName, 'Loyalty');
	t.truthy(outcome.value.flow.onAuthenticationMethodLoadStart?.identityProviders);
	t.truthy(emulator.tenant.findFlow(outcome.value.flow.id ?? ''));
});

test('create: each rule the service checks is refused with what was read', async (t) => {
	const { client } = await clientFor(t);
	t.like(await createFlow(client, newFlow(events.name.toUpperCase())), {
		kind: 'refused',
		refusal: { rule: 'nameTaken', taken: { id: events.id } },
	});
	t.like(await createFlow(client, newFlow('A', { identityProviderIds: ['Nope-OAUTH'] })), {
		kind: 'refused',
		refusal: { rule: 'providerNotInTenant', providerId: 'Nope-OAUTH' },
	});
	t.like(await createFlow(client, newFlow('B', { appIds: [seed.apps.storefront] })), {
		kind: 'refused',
		refusal: { rule: 'appUsedElsewhere', owner: { id: customers.id } },
	});
});

test('create in a dry run: refused before anything would be sent; a valid one plans one POST', async (t) => {
	const { client, planned } = await clientFor(t, { dryRun: true });
	t.like(await createFlow(client, newFlow(support.name)), {
		kind: 'refused',
		refusal: { rule: 'nameTaken' },
	});
	t.deepEqual(planned, []);
	t.is((await createFlow(client, newFlow('Fresh'))).kind, 'done');
	t.deepEqual(
		planned.map((request) => request.method),
		['POST'],
	);
});

test('update: only what differs is sent; all equal is unchanged with nothing sent', async (t) => {
	const { client, emulator, writes } = await clientFor(t);
	const flow = {
		id: events.id,
		displayName: events.name,
		onInteractiveAuthFlowStart: { isSignUpAllowed: true },
	};
	t.deepEqual(await updateFlow(client, flow, { displayName: events.name, isSignUpAllowed: true }), {
		kind: 'unchanged',
		why: 'already',
	});
	t.deepEqual(writes(), []);
	const outcome = await updateFlow(client, flow, { displayName: events.name, isSignUpAllowed: false });
	t.deepEqual(outcome, { kind: 'done', value: { isSignUpAllowed: false }, steps: [] });
	t.false(emulator.tenant.requireFlow(events.id).isSignUpAllowed);
	const body = emulator.log.find((entry) => entry.method === 'PATCH')?.body as Record<string, unknown>;
	t.false('displayName' in body, 'the unchanged name is not sent');
});

test('update: a name another flow has is refused; the same change made meanwhile is unchanged', async (t) => {
	const { client } = await clientFor(t);
	const flow = { id: events.id, displayName: events.name };
	t.like(await updateFlow(client, flow, { displayName: support.name }), {
		kind: 'refused',
		refusal: { rule: 'nameTaken', taken: { id: support.id } },
	});
	const raced = await racingClient(t, (tenant) => {
		tenant.requireFlow(events.id).displayName = 'Renamed meanwhile';
		tenant.requireFlow(customers.id).displayName = 'Renamed';
	});
	t.like(await updateFlow(raced.client, flow, { displayName: 'Renamed' }), {
		kind: 'refused',
		refusal: { rule: 'nameTaken', taken: { id: customers.id } },
	});
});
