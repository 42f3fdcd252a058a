import test from 'ava';
import { type RunningEmulator, seedIds } from '../../source/emulator/server.js';
import { call, flowBody, paths, start } from './helpers.js';

// "Applied, answer lost" for every write kind: the tenant changes, and the answer never says so.
const { flows, apps, attributes } = seedIds;
const flowsOf = (emulator: RunningEmulator) => emulator.tenant;

type WriteKind = {
	readonly name: string;
	readonly method: string;
	readonly path: (emulator: RunningEmulator) => string;
	readonly body?: (emulator: RunningEmulator) => unknown;
	/** True once the write took effect in the tenant. */
	readonly took: (emulator: RunningEmulator) => boolean;
	/** Run before the faulted write (what it needs in place). */
	readonly setup?: (emulator: RunningEmulator) => Promise<void>;
};

const ref = (emulator: RunningEmulator, path: string) => ({ '@odata.id': `${emulator.graphUrl}${path}` });

const kinds: readonly WriteKind[] = [
	{
		name: 'POST create of a flow',
		method: 'POST',
		path: () => paths.flows,
		body: () => flowBody('Lost answer'),
		took: (emulator) => flowsOf(emulator).flowNamed('Lost answer') !== undefined,
	},
	{
		name: 'PATCH of a flow',
		method: 'PATCH',
		path: () => paths.flow(flows.events),
		body: () => ({
			'@odata.type': '#microsoft.graph.externalUsersSelfServiceSignUpEventsFlow',
			description: 'lost',
		}),
		took: (emulator) => flowsOf(emulator).findFlow(flows.events)?.description === 'lost',
	},
	{
		name: 'DELETE of a flow',
		method: 'DELETE',
		path: () => paths.flow(flows.events),
		took: (emulator) => flowsOf(emulator).findFlow(flows.events) === undefined,
	},
	{
		name: 'POST $ref of a provider',
		method: 'POST',
		path: () => `${paths.providers(flows.events)}/$ref`,
		body: (emulator) => ref(emulator, '/identity/identityProviders/Google-OAUTH'),
		took: (emulator) =>
			flowsOf(emulator).findFlow(flows.events)?.providerIds.includes('Google-OAUTH') === true,
	},
	{
		name: 'DELETE $ref of a provider',
		method: 'DELETE',
		path: () => `${paths.providers(flows.customers)}/Google-OAUTH/$ref`,
		took: (emulator) =>
			flowsOf(emulator).findFlow(flows.customers)?.providerIds.includes('Google-OAUTH') === false,
	},
	{
		name: 'POST $ref of an attribute',
		method: 'POST',
		path: () => `${paths.attributes(flows.partners)}/$ref`,
		body: (emulator) => ref(emulator, '/identity/userFlowAttributes/city'),
		took: (emulator) =>
			flowsOf(emulator).findFlow(flows.partners)?.attributeCollection?.attributeIds.includes('city') === true,
	},
	{
		name: 'DELETE $ref of an attribute',
		method: 'DELETE',
		path: () => `${paths.attributes(flows.support)}/city/$ref`,
		took: (emulator) =>
			flowsOf(emulator).findFlow(flows.support)?.attributeCollection?.attributeIds.includes('city') === false,
	},
	{
		name: 'POST includeApplications',
		method: 'POST',
		path: () => paths.apps(flows.events),
		body: () => ({
			'@odata.type': '#microsoft.graph.authenticationConditionApplication',
			appId: apps.loyaltyApi.appId,
		}),
		took: (emulator) => flowsOf(emulator).flowForApp(apps.loyaltyApi.appId)?.id === flows.events,
	},
	{
		name: 'DELETE includeApplications',
		method: 'DELETE',
		path: () => `${paths.apps(flows.customers)}/${apps.storefront.appId}`,
		took: (emulator) => flowsOf(emulator).flowForApp(apps.storefront.appId) === undefined,
	},
	{
		name: 'POST create of a tenant attribute',
		method: 'POST',
		path: () => '/identity/userFlowAttributes',
		body: () => ({ displayName: 'Hobby', description: '', dataType: 'string' }),
		took: (emulator) => flowsOf(emulator).attributes.some((attribute) => attribute.displayName === 'Hobby'),
	},
	{
		name: 'PATCH of a tenant attribute',
		method: 'PATCH',
		path: () => `/identity/userFlowAttributes/${attributes.favoriteColor}`,
		body: () => ({ description: 'lost' }),
		took: (emulator) => flowsOf(emulator).findAttribute(attributes.favoriteColor)?.description === 'lost',
	},
	{
		name: 'DELETE of a tenant attribute',
		method: 'DELETE',
		path: (emulator) =>
			`/identity/userFlowAttributes/${flowsOf(emulator).attributes.find((a) => a.displayName === 'Unused')?.id}`,
		setup: async (emulator) => {
			const created = await call(emulator, 'POST', '/identity/userFlowAttributes', {
				body: { displayName: 'Unused', description: '', dataType: 'string' },
			});
			if (created.status !== 201) throw new Error(created.text);
		},
		took: (emulator) => !flowsOf(emulator).attributes.some((attribute) => attribute.displayName === 'Unused'),
	},
];

/** How each fault loses the answer: what the client gets instead of the write's own answer. */
const faults = [
	{ rule: 'F-N1:when=after', lost: (answer: Answer) => answer.kind === 'dropped' },
	{ rule: 'F-S3', lost: (answer: Answer) => answer.kind === 'answered' && answer.status === 504 },
	{
		rule: 'F-B0:kind=truncated:status=200',
		lost: (answer: Answer) => answer.kind === 'answered' && answer.status === 200 && !isJson(answer.text),
	},
] as const;

type Answer = { kind: 'dropped' } | { kind: 'answered'; status: number; text: string };

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

for (const kind of kinds) {
	for (const fault of faults) {
		test(`${fault.rule} applies a ${kind.name}, then loses the answer`, async (t) => {
			const emulator = await start(t);
			await kind.setup?.(emulator);
			t.false(kind.took(emulator), 'not done before');
			const body = kind.body?.(emulator);
			const answer: Answer = await fetch(`${emulator.graphUrl}${kind.path(emulator)}`, {
				method: kind.method,
				headers: {
					authorization: 'Bearer x',
					'x-emulator-fault': fault.rule,
					...(body === undefined ? {} : { 'content-type': 'application/json' }),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			}).then(
				async (response) => ({
					kind: 'answered' as const,
					status: response.status,
					text: await response.text(),
				}),
				() => ({ kind: 'dropped' as const }),
			);
			t.true(fault.lost(answer), JSON.stringify(answer));
			t.true(kind.took(emulator), 'the write took effect');
		});
	}
}

test('F-B0 with a 2xx never claims success for a write the tenant refused', async (t) => {
	const emulator = await start(t);
	// The last provider of a flow cannot be removed: the service refuses, so the fault must not say 200.
	const response = await fetch(
		`${emulator.graphUrl}${paths.providers(flows.partners)}/EmailPassword-OAUTH/$ref`,
		{
			method: 'DELETE',
			headers: { authorization: 'Bearer x', 'x-emulator-fault': 'F-B0:kind=truncated:status=200' },
		},
	);
	t.is(response.status, 400);
	t.false(isJson(await response.text()));
	t.deepEqual(emulator.tenant.findFlow(flows.partners)?.providerIds, ['EmailPassword-OAUTH']);
});
