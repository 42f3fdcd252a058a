import test from 'ava';
import { addProvider, removeProvider } from '../../source/operations/providers.js';
import { seed } from '../helpers/emulator.js';
import { clientFor, racingClient } from '../helpers/graph-client.js';

const { events, customers } = seed.flows;

test('add: done, and the flow offers it', async (t) => {
	const { client, emulator, writes } = await clientFor(t);
	const outcome = await addProvider(client, { flowId: events.id, providerId: 'Google-OAUTH' });
	t.is(outcome.kind, 'done');
	t.true(emulator.tenant.requireFlow(events.id).providerIds.includes('Google-OAUTH'));
	t.is(writes().length, 1);
});

test('add: offered already (ids compared ignoring case) is unchanged, and nothing is sent', async (t) => {
	const { client, writes } = await clientFor(t);
	const offered = [{ id: 'Google-OAUTH' }];
	const outcome = await addProvider(client, { flowId: customers.id, providerId: 'google-oauth', offered });
	t.deepEqual(outcome, { kind: 'unchanged', why: 'already' });
	t.deepEqual(writes(), []);
});

test('add: added by another admin meanwhile is unchanged (meanwhile), not a failure', async (t) => {
	const { client } = await racingClient(t, (tenant) => {
		tenant.requireFlow(events.id).providerIds.push('Google-OAUTH');
	});
	t.deepEqual(await addProvider(client, { flowId: events.id, providerId: 'Google-OAUTH', offered: [] }), {
		kind: 'unchanged',
		why: 'meanwhile',
	});
});

test('add: a provider the tenant lacks is refused with the ones it has, keeping the service error', async (t) => {
	const { client } = await clientFor(t);
	const outcome = await addProvider(client, { flowId: events.id, providerId: 'Nope-OAUTH' });
	if (outcome.kind !== 'refused') return t.fail(outcome.kind);
	t.is(outcome.refusal.rule, 'providerNotInTenant');
	t.true(outcome.refusal.tenantProviderIds.includes('EmailPassword-OAUTH'));
	t.is(outcome.error?.status, 400);
});

test('add in a dry run: the rule is checked before anything would be sent', async (t) => {
	const { client, planned } = await clientFor(t, { dryRun: true });
	const outcome = await addProvider(client, { flowId: events.id, providerId: 'Nope-OAUTH' });
	t.like(outcome, { kind: 'refused', refusal: { rule: 'providerNotInTenant' } });
	t.deepEqual(planned, []);
});

test('remove: done; not offered is unchanged (already), nothing sent', async (t) => {
	const { client, emulator, writes } = await clientFor(t);
	t.is((await removeProvider(client, { flowId: customers.id, providerId: 'Facebook-OAUTH' })).kind, 'done');
	t.false(emulator.tenant.requireFlow(customers.id).providerIds.includes('Facebook-OAUTH'));
	const before = writes().length;
	t.deepEqual(await removeProvider(client, { flowId: customers.id, providerId: 'Facebook-OAUTH' }), {
		kind: 'unchanged',
		why: 'already',
	});
	t.is(writes().length, before);
});

test('remove: the last provider is refused before any request', async (t) => {
	const { client, writes } = await clientFor(t);
	const outcome = await removeProvider(client, {
		flowId: events.id,
		providerId: 'EmailPassword-OAUTH',
		offered: [{ id: 'EmailPassword-OAUTH' }],
	});
	t.deepEqual(outcome, {
		kind: 'refused',
		refusal: { rule: 'lastProvider', providerId: 'EmailPassword-OAUTH', meanwhile: false },
	});
	t.deepEqual(writes(), []);
});

test('remove: the other provider removed meanwhile makes this one the last (meanwhile)', async (t) => {
	const { client } = await racingClient(t, (tenant) => {
		const flow = tenant.requireFlow(events.id);
		flow.providerIds = flow.providerIds.filter((id) => id !== 'EmailPassword-OAUTH');
	});
	const outcome = await removeProvider(client, { flowId: events.id, providerId: 'EmailOtpSignup-OAUTH' });
	t.like(outcome, { kind: 'refused', refusal: { rule: 'lastProvider', meanwhile: true } });
	if (outcome.kind === 'refused') t.truthy(outcome.error?.requestId, "the service's refusal keeps its ids");
});

test('remove: removed by another admin meanwhile is unchanged (meanwhile)', async (t) => {
	const { client } = await racingClient(t, (tenant) => {
		const flow = tenant.requireFlow(customers.id);
		flow.providerIds = flow.providerIds.filter((id) => id !== 'Facebook-OAUTH');
	});
	t.deepEqual(await removeProvider(client, { flowId: customers.id, providerId: 'Facebook-OAUTH' }), {
		kind: 'unchanged',
		why: 'meanwhile',
	});
});
