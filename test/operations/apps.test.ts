import test from 'ava';
import { linkApp, unlinkApp } from '../../source/operations/apps.js';
import { seed } from '../helpers/emulator.js';
import { clientFor, racingClient } from '../helpers/graph-client.js';

const { events, customers, support } = seed.flows;
const { loyaltyApi, storefront, mobile } = seed.apps;

test('link: done; linked already is unchanged with nothing sent', async (t) => {
	const { client, emulator, writes } = await clientFor(t);
	t.like(await linkApp(client, { flowId: events.id, appId: loyaltyApi, move: false }), {
		kind: 'done',
		value: {},
	});
	t.true(emulator.tenant.requireFlow(events.id).appIds.includes(loyaltyApi));
	const before = writes().length;
	t.deepEqual(await linkApp(client, { flowId: events.id, appId: loyaltyApi, move: false }), {
		kind: 'unchanged',
		why: 'already',
	});
	t.is(writes().length, before);
});

test('link: an app another flow uses is refused without move, naming that flow; nothing sent', async (t) => {
	const { client, writes } = await clientFor(t);
	t.like(await linkApp(client, { flowId: events.id, appId: storefront, move: false }), {
		kind: 'refused',
		refusal: {
			rule: 'appUsedElsewhere',
			owner: { id: customers.id, displayName: customers.name },
			meanwhile: false,
		},
	});
	t.deepEqual(writes(), []);
});

test('link: an app no app registration has is refused in a dry run, and by the service otherwise', async (t) => {
	const missing = '00000000-0000-4000-8000-000000000001';
	const dry = await clientFor(t, { dryRun: true });
	t.like(await linkApp(dry.client, { flowId: events.id, appId: missing, move: false }), {
		kind: 'refused',
		refusal: { rule: 'noSuchApp', appId: missing },
	});
	const { client } = await clientFor(t);
	t.like(await linkApp(client, { flowId: events.id, appId: missing, move: false }), {
		kind: 'refused',
		refusal: { rule: 'noSuchApp' },
	});
});

test('link: taken by another flow meanwhile is refused as used elsewhere (meanwhile)', async (t) => {
	const { client } = await racingClient(t, (tenant) => {
		tenant.requireFlow(support.id).appIds.push(loyaltyApi);
	});
	t.like(await linkApp(client, { flowId: events.id, appId: loyaltyApi, move: false, owner: null }), {
		kind: 'refused',
		refusal: { rule: 'appUsedElsewhere', owner: { id: support.id }, meanwhile: true },
	});
});

test('move: two steps done, unlink there then link here', async (t) => {
	const { client, emulator } = await clientFor(t);
	const outcome = await linkApp(client, { flowId: events.id, appId: storefront, move: true });
	t.like(outcome, {
		kind: 'done',
		value: { movedFrom: { id: customers.id } },
		steps: [
			{ call: 'unlinkApp', flowId: customers.id, appId: storefront },
			{ call: 'linkApp', flowId: events.id, appId: storefront },
		],
	});
	t.false(emulator.tenant.requireFlow(customers.id).appIds.includes(storefront));
	t.true(emulator.tenant.requireFlow(events.id).appIds.includes(storefront));
});

test('move: the link failing after the unlink is partly done (the app has no flow now)', async (t) => {
	const { client, emulator } = await clientFor(t, { emulator: { faults: 'F-S4:method=POST' } });
	const outcome = await linkApp(client, { flowId: events.id, appId: storefront, move: true });
	t.like(outcome, {
		kind: 'partial',
		done: [{ call: 'unlinkApp', flowId: customers.id }],
		failed: { call: 'linkApp', flowId: events.id },
		notDone: [],
	});
	t.false(emulator.tenant.requireFlow(customers.id).appIds.includes(storefront));
});

test('move: unlinked or moved by another admin meanwhile is refused, nothing changed', async (t) => {
	const unlinked = await racingClient(t, (tenant) => {
		const flow = tenant.requireFlow(customers.id);
		flow.appIds = flow.appIds.filter((id) => id !== mobile);
	});
	const owner = { id: customers.id, displayName: customers.name };
	t.like(await linkApp(unlinked.client, { flowId: events.id, appId: mobile, move: true, owner }), {
		kind: 'refused',
		refusal: { rule: 'appMovedMeanwhile', from: { id: customers.id } },
	});
	t.false(unlinked.emulator.tenant.requireFlow(events.id).appIds.includes(mobile));
	const moved = await racingClient(t, (tenant) => {
		const flow = tenant.requireFlow(customers.id);
		flow.appIds = flow.appIds.filter((id) => id !== mobile);
		tenant.requireFlow(support.id).appIds.push(mobile);
	});
	t.like(await linkApp(moved.client, { flowId: events.id, appId: mobile, move: true, owner }), {
		kind: 'refused',
		refusal: { rule: 'appMovedMeanwhile', now: { id: support.id } },
	});
});

test('unlink: done; not linked is unchanged; unlinked meanwhile is unchanged (meanwhile)', async (t) => {
	const { client, emulator } = await clientFor(t);
	t.is((await unlinkApp(client, { flowId: customers.id, appId: mobile })).kind, 'done');
	t.false(emulator.tenant.requireFlow(customers.id).appIds.includes(mobile));
	t.deepEqual(await unlinkApp(client, { flowId: customers.id, appId: mobile }), {
		kind: 'unchanged',
		why: 'already',
	});
	const raced = await racingClient(t, (tenant) => {
		const flow = tenant.requireFlow(customers.id);
		flow.appIds = flow.appIds.filter((id) => id !== mobile);
	});
	t.deepEqual(await unlinkApp(raced.client, { flowId: customers.id, appId: mobile, linked: [mobile] }), {
		kind: 'unchanged',
		why: 'meanwhile',
	});
});

test('link: the b2c-extensions-app is refused as a system app, read or passed, with nothing sent', async (t) => {
	const { client, emulator, writes } = await clientFor(t);
	const appId = '6ea3bc85-aec2-4b1c-92ff-4a117afb6621';
	t.like(await linkApp(client, { flowId: events.id, appId, move: false }), {
		kind: 'refused',
		refusal: { rule: 'systemApp', appId },
	});
	t.like(
		await linkApp(client, {
			flowId: events.id,
			appId,
			move: true,
			app: { appId, displayName: 'b2c-extensions-app. Do not modify.' },
		}),
		{ kind: 'refused', refusal: { rule: 'systemApp' } },
	);
	t.deepEqual(writes(), []);
	t.false(emulator.tenant.requireFlow(events.id).appIds.includes(appId));
});
