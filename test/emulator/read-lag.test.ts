import test from 'ava';
import { parseFaultRule } from '../../source/emulator/fault-spec.js';
import { ReadLag } from '../../source/emulator/read-lag.js';
import { createSeed } from '../../source/emulator/seed.js';
import { seedIds } from '../../source/emulator/server.js';
import {
	type Collection,
	call,
	createFlow,
	type ErrorBody,
	type Flow,
	flowBody,
	paths,
	start,
} from './helpers.js';

// F-C1: reads lag writes, as the directory's documented eventual consistency makes them.
const patchBody = (description: string) => ({
	'@odata.type': '#microsoft.graph.externalUsersSelfServiceSignUpEventsFlow',
	description,
});

test('F-C1:reads=2: a new flow reads as 404 twice, then as itself; the log marks the lagging reads', async (t) => {
	const emulator = await start(t, { faults: 'F-C1:reads=2' });
	const id = await createFlow(emulator, 'Lagging');
	const first = await call<ErrorBody>(emulator, 'GET', paths.flow(id));
	t.is(first.status, 404);
	t.is(first.json.error.code, 'Request_ResourceNotFound');
	const list = await call<Collection<Flow>>(emulator, 'GET', paths.flows);
	t.false(
		list.json.value.some((flow) => flow.id === id),
		'the list lags too',
	);
	t.is((await call(emulator, 'GET', paths.flow(id))).status, 200);
	t.deepEqual(
		emulator.log.map((entry) => [entry.method, entry.fault]),
		[
			['POST', 'F-C1'],
			['GET', 'F-C1'],
			['GET', 'F-C1'],
			['GET', null],
		],
	);
});

test('F-C1: a changed flow reads as it was, a deleted one is still there; writes go to the live tenant', async (t) => {
	const emulator = await start(t, { faults: 'F-C1:reads=1' });
	t.is(
		(await call(emulator, 'PATCH', paths.flow(seedIds.flows.events), { body: patchBody('new') })).status,
		204,
	);
	t.is(emulator.tenant.findFlow(seedIds.flows.events)?.description, 'new');
	const stale = await call<Flow>(emulator, 'GET', paths.flow(seedIds.flows.events));
	t.not(JSON.stringify(stale.json).includes('"description":"new"'), true);
	t.is((await call(emulator, 'DELETE', paths.flow(seedIds.flows.events))).status, 204);
	t.is(
		(await call(emulator, 'GET', paths.flow(seedIds.flows.events))).status,
		200,
		'still there for one read',
	);
	t.is((await call(emulator, 'GET', paths.flow(seedIds.flows.events))).status, 404);
});

test('F-C1: a second write while reads lag keeps the older view and restarts the lag', async (t) => {
	const emulator = await start(t, { faults: 'F-C1:reads=1' });
	await call(emulator, 'PATCH', paths.flow(seedIds.flows.events), { body: patchBody('one') });
	await call(emulator, 'PATCH', paths.flow(seedIds.flows.events), { body: patchBody('two') });
	const stale = await call(emulator, 'GET', paths.flow(seedIds.flows.events));
	t.false(stale.text.includes('"one"') || stale.text.includes('"two"'));
	t.true((await call(emulator, 'GET', paths.flow(seedIds.flows.events))).text.includes('"two"'));
});

test('F-C1:ms=N lags every read until that much time has passed (clock injected)', (t) => {
	const lag = new ReadLag();
	const before = createSeed(0);
	lag.wrote(parseFaultRule('F-C1:ms=500'), before, 1000);
	t.is(lag.read('/identity/authenticationEventsFlows', 1000), before);
	t.is(lag.read('/identity/authenticationEventsFlows', 1499), before, 'any number of reads within the time');
	t.is(lag.read('/identity/authenticationEventsFlows', 1500), undefined);
	lag.wrote(parseFaultRule('F-C1:ms=500:reads=1'), before, 2000);
	t.is(lag.read('/x', 2001), before);
	t.is(lag.read('/x', 2002), undefined, 'whichever ends first: the one read');
});

test('F-C1:path scopes the lag: only writes and reads under that path lag', async (t) => {
	const emulator = await start(t, { faults: 'F-C1:reads=5:path=/identity/userFlowAttributes' });
	await call(emulator, 'PATCH', paths.flow(seedIds.flows.events), { body: patchBody('fresh') });
	t.true((await call(emulator, 'GET', paths.flow(seedIds.flows.events))).text.includes('"fresh"'));
	const created = await call(emulator, 'POST', '/identity/userFlowAttributes', {
		body: { displayName: 'Hobby', description: '', dataType: 'string' },
	});
	t.is(created.status, 201);
	const attributes = await call<Collection<{ displayName: string }>>(
		emulator,
		'GET',
		'/identity/userFlowAttributes',
	);
	t.false(attributes.json.value.some((attribute) => attribute.displayName === 'Hobby'));
	t.is((await call(emulator, 'GET', paths.flows)).status, 200);
	t.is(emulator.log.at(-1)?.fault, null, 'flows are outside the path: they do not lag');
});

test('F-C1 forced for one write by the header; setFaults ends any lag', async (t) => {
	const emulator = await start(t);
	const created = await call<Flow>(emulator, 'POST', paths.flows, {
		body: flowBody('Forced lag'),
		headers: { 'x-emulator-fault': 'F-C1:reads=3' },
	});
	t.is(created.status, 201);
	t.is((await call(emulator, 'GET', paths.flow(created.json.id))).status, 404);
	emulator.setFaults('');
	t.is((await call(emulator, 'GET', paths.flow(created.json.id))).status, 200);
});
