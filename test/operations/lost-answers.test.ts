import test from 'ava';
import type { RunningEmulator } from '../../source/emulator/server.js';
import { getUserFlow } from '../../source/graph/flows.js';
import type { GraphClient } from '../../source/graph/graph-client.js';
import { layoutFingerprint, layoutFromFlow, setLabel } from '../../source/layout/index.js';
import { linkApp, unlinkApp } from '../../source/operations/apps.js';
import { addAttribute, removeAttribute } from '../../source/operations/attributes.js';
import { deleteFlow } from '../../source/operations/delete-flow.js';
import { createFlow, updateFlow } from '../../source/operations/flows.js';
import { saveLayout } from '../../source/operations/layout.js';
import type { Outcome } from '../../source/operations/outcome.js';
import { addProvider, removeProvider } from '../../source/operations/providers.js';
import { WriteNotMade } from '../../source/operations/send-write.js';
import {
	createCustomAttribute,
	deleteCustomAttribute,
	describeCustomAttribute,
} from '../../source/operations/tenant-attributes.js';
import { seed } from '../helpers/emulator.js';
import { clientFor } from '../helpers/graph-client.js';

// A write the service applied whose answer never arrived (a dropped connection, a gateway timeout, a cut-off
// body) is found out by reading back: reported done, never as a failure or as another admin's change, and never
// made twice.

const { events, customers, support } = seed.flows;

type Case = {
	readonly name: string;
	/** The fault's method and path filter, so it fires on this write only. */
	readonly method: string;
	readonly path?: string;
	readonly run: (client: GraphClient, emulator: RunningEmulator) => Promise<Outcome<unknown, unknown>>;
	/** The tenant shows the change. */
	readonly made: (emulator: RunningEmulator) => boolean;
};

const flowOf = (emulator: RunningEmulator, id: string) => emulator.tenant.requireFlow(id);

const cases: readonly Case[] = [
	{
		name: 'add a provider ($ref POST)',
		method: 'POST',
		path: 'identityProviders/$ref',
		run: (client) => addProvider(client, { flowId: events.id, providerId: 'Google-OAUTH' }),
		made: (emulator) => flowOf(emulator, events.id).providerIds.includes('Google-OAUTH'),
	},
	{
		name: 'remove a provider ($ref DELETE)',
		method: 'DELETE',
		run: (client) => removeProvider(client, { flowId: customers.id, providerId: 'Facebook-OAUTH' }),
		made: (emulator) => !flowOf(emulator, customers.id).providerIds.includes('Facebook-OAUTH'),
	},
	{
		name: 'add an attribute ($ref POST)',
		method: 'POST',
		path: 'attributes/$ref',
		run: (client) => addAttribute(client, { flowId: events.id, attributeId: 'jobTitle' }),
		made: (emulator) =>
			Boolean(flowOf(emulator, events.id).attributeCollection?.attributeIds.includes('jobTitle')),
	},
	{
		name: 'remove an attribute ($ref DELETE)',
		method: 'DELETE',
		run: (client) => removeAttribute(client, { flowId: events.id, attributeId: 'city' }),
		made: (emulator) => !flowOf(emulator, events.id).attributeCollection?.attributeIds.includes('city'),
	},
	{
		name: 'link an app (POST includeApplications)',
		method: 'POST',
		path: 'includeApplications',
		run: (client) => linkApp(client, { flowId: events.id, appId: seed.apps.loyaltyApi, move: false }),
		made: (emulator) => flowOf(emulator, events.id).appIds.includes(seed.apps.loyaltyApi),
	},
	{
		name: 'unlink an app (DELETE includeApplications)',
		method: 'DELETE',
		run: (client) => unlinkApp(client, { flowId: customers.id, appId: seed.apps.mobile }),
		made: (emulator) => !flowOf(emulator, customers.id).appIds.includes(seed.apps.mobile),
	},
	{
		name: 'update a flow (PATCH)',
		method: 'PATCH',
		run: (client) =>
			updateFlow(client, { id: support.id, displayName: support.name }, { description: 'Lost and found' }),
		made: (emulator) => flowOf(emulator, support.id).description === 'Lost and found',
	},
	{
		name: 'save a layout (PATCH)',
		method: 'PATCH',
		run: async (client) => {
			const layout = layoutFromFlow(await getUserFlow(client, events.id));
			const edited = setLabel(layout, 'givenName', 'First name');
			return saveLayout(client, { flowId: events.id, layout: edited, base: layoutFingerprint(layout) });
		},
		made: (emulator) =>
			flowOf(emulator, events.id).attributeCollection?.views[0]?.inputs.some(
				(input) => input.label === 'First name',
			) ?? false,
	},
	{
		name: 'delete a flow (DELETE)',
		method: 'DELETE',
		run: (client) => deleteFlow(client, { flowId: events.id }),
		made: (emulator) => emulator.tenant.findFlow(events.id) === undefined,
	},
	{
		name: 'create a flow (POST)',
		method: 'POST',
		path: 'authenticationEventsFlows',
		run: (client) =>
			createFlow(client, { displayName: 'Lost answer', identityProviderIds: ['EmailPassword-OAUTH'] }),
		made: (emulator) =>
			emulator.tenant.state.flows.filter((flow) => flow.displayName === 'Lost answer').length === 1,
	},
	{
		name: 'create a custom attribute (POST)',
		method: 'POST',
		path: 'userFlowAttributes',
		run: (client) => createCustomAttribute(client, { displayName: 'Lost answer', dataType: 'string' }),
		made: (emulator) =>
			emulator.tenant.state.attributes.filter((a) => a.displayName === 'Lost answer').length === 1,
	},
	{
		name: 'describe a custom attribute (PATCH)',
		method: 'PATCH',
		run: (client) =>
			describeCustomAttribute(client, { id: seed.favoriteColor, description: 'x' }, 'Lost answer'),
		made: (emulator) => emulator.tenant.findAttribute(seed.favoriteColor)?.description === 'Lost answer',
	},
	{
		name: 'delete a custom attribute (DELETE)',
		method: 'DELETE',
		run: async (client, emulator) => {
			const collection = flowOf(emulator, customers.id).attributeCollection;
			if (collection)
				collection.attributeIds = collection.attributeIds.filter((id) => id !== seed.favoriteColor);
			return deleteCustomAttribute(client, seed.favoriteColor);
		},
		made: (emulator) => emulator.tenant.findAttribute(seed.favoriteColor) === undefined,
	},
];

const faults = (method: string, path?: string) => {
	const scope = `method=${method}${path ? `:path=${path}` : ''}:times=1`;
	return [
		`F-N1:when=after:${scope}`,
		`F-S3:${scope}`,
		`F-B0:kind=truncated:status=${method === 'POST' ? 201 : 200}:${scope}`,
	];
};

for (const item of cases) {
	test(`applied, answer lost: ${item.name} is done, made once`, async (t) => {
		for (const fault of faults(item.method, item.path)) {
			const { client, emulator } = await clientFor(t, { emulator: { faults: fault } });
			const outcome = await item.run(client, emulator);
			t.is(outcome.kind, 'done', `${fault}: ${JSON.stringify(outcome).slice(0, 300)}`);
			t.true(item.made(emulator), fault);
		}
	});
}

test('a write that never reached the service is found not made, and says so (nothing changed)', async (t) => {
	const { client, emulator } = await clientFor(t, {
		emulator: { faults: 'F-N1:when=before:method=PATCH:times=1' },
	});
	const error = await t.throwsAsync(
		updateFlow(client, { id: support.id, displayName: support.name }, { description: 'never' }),
		{ instanceOf: WriteNotMade },
	);
	t.is(error?.cause.code, 'ECONNRESET');
	t.not(emulator.tenant.requireFlow(support.id).description, 'never');
});

test('reads that lag a write are waited for: a new flow read back whole, a save judged on the page as saved', async (t) => {
	const { client } = await clientFor(t, { emulator: { faults: 'F-C1:reads=2' } });
	const created = await createFlow(client, {
		displayName: 'Lagging',
		identityProviderIds: ['EmailPassword-OAUTH'],
	});
	t.like(created, { kind: 'done', value: { readBack: true, flow: { displayName: 'Lagging' } } });
	const layout = layoutFromFlow(await getUserFlow(client, events.id));
	const saved = await saveLayout(client, {
		flowId: events.id,
		layout: setLabel(layout, 'givenName', 'Given'),
		base: layoutFingerprint(layout),
	});
	t.like(saved, { kind: 'done', value: { storedDifferently: undefined } });
});
