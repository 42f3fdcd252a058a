import test from 'ava';
import { addFlowIdentityProvider } from '../../source/graph/flow-providers.js';
import { createUserFlow, deleteUserFlow, updateUserFlow } from '../../source/graph/flows.js';
import { createGraphClient } from '../../source/graph/graph-client.js';
import { GraphError } from '../../source/graph/graph-error.js';
import { createTenantAttribute } from '../../source/graph/tenant-attributes.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

// Writes whose answer was lost after the service applied them: the error says whether it took effect.
const clientFor = (graphUrl: string) =>
	createGraphClient({
		baseUrl: graphUrl,
		tokenProvider: { getToken: async () => 'token' },
		userAgent: 'entra-flows/test',
		retry: { baseDelayMs: 30, random: () => 0 },
	});

async function failure(promise: Promise<unknown>): Promise<GraphError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof GraphError) return error;
		throw error;
	}
	throw new Error('expected a GraphError');
}

test('a PATCH whose connection dropped after it was applied is "applied: unknown" and never sent twice', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-N1:when=after:method=PATCH:times=1' });
	const error = await failure(
		updateUserFlow(clientFor(emulator.graphUrl), seed.flows.events.id, { description: 'changed' }),
	);
	t.like(error, { kind: 'network', code: 'ECONNRESET', applied: 'unknown' });
	t.is(error.toJSON().applied, 'unknown');
	t.is(emulator.tenant.findFlow(seed.flows.events.id)?.description, 'changed');
	t.is(emulator.log.filter((entry) => entry.method === 'PATCH').length, 1);
});

test('a $ref POST that timed out at the gateway (504) after applying is "applied: unknown", sent once', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-S3:method=POST:path=/$ref:times=1' });
	const error = await failure(
		addFlowIdentityProvider(clientFor(emulator.graphUrl), seed.flows.events.id, 'Google-OAUTH'),
	);
	t.like(error, { status: 504, applied: 'unknown' });
	t.is(emulator.log.filter((entry) => entry.method === 'POST').length, 1);
});

test('a DELETE whose answer was lost is sent again; the 404 that follows says it was retried after a lost answer', async (t) => {
	for (const fault of ['F-S3:method=DELETE:times=1', 'F-N1:when=after:method=DELETE:times=1']) {
		const emulator = await emulatorFor(t, { faults: fault });
		const error = await failure(deleteUserFlow(clientFor(emulator.graphUrl), seed.flows.events.id));
		t.like(error, { kind: 'notFound', status: 404, retriedAfterLostAnswer: true }, fault);
		t.is(error.applied, undefined, fault);
		t.is(emulator.tenant.findFlow(seed.flows.events.id), undefined, fault);
		t.is(emulator.log.filter((entry) => entry.method === 'DELETE').length, 2, fault);
	}
});

test('a write answered 2xx with a cut-off body is "applied: yes"', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-B0:kind=truncated:status=200:method=PATCH:times=1' });
	const error = await failure(
		updateUserFlow(clientFor(emulator.graphUrl), seed.flows.events.id, { description: 'Cut off' }),
	);
	t.like(error, { code: 'MalformedResponse', applied: 'yes' });
	t.is(emulator.tenant.findFlow(seed.flows.events.id)?.description, 'Cut off');
});

test('a tenant attribute created with a cut-off 201 is looked up by name and adopted with its id', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-B0:kind=truncated:status=201:method=POST:times=1' });
	const created = await createTenantAttribute(clientFor(emulator.graphUrl), {
		displayName: 'Hobby',
		dataType: 'string',
	});
	t.is(created.id, emulator.tenant.attributes.find((attribute) => attribute.displayName === 'Hobby')?.id);
});

test('a create answered 201 with a cut-off body is looked up and adopted with its id', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-B0:kind=truncated:status=201:method=POST:times=1' });
	const created = await createUserFlow(clientFor(emulator.graphUrl), {
		displayName: 'Cut off',
		identityProviderIds: ['EmailPassword-OAUTH'],
	});
	t.is(created.displayName, 'Cut off');
	t.is(created.id, emulator.tenant.flowNamed('Cut off')?.id);
	t.is(emulator.log.filter((entry) => entry.method === 'POST').length, 1);
});

test('a read that fails marks nothing applied', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-N1:method=GET' });
	const error = await failure(
		clientFor(emulator.graphUrl).request(
			'GET',
			`/identity/authenticationEventsFlows/${seed.flows.events.id}`,
		),
	);
	t.is(error.applied, undefined);
	t.is(error.retriedAfterLostAnswer, undefined);
});
