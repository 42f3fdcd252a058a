import test from 'ava';
import {
	addAttribute,
	addIdentityProvider,
	attachExtension,
	flowById,
	linkApplication,
	loadAttributes,
	loadCustomExtensions,
	loadFlowExtensions,
	loadIdentityProviders,
	loadUserFlow,
	removeIdentityProvider,
	selectResource,
	unlinkApplication,
} from '../../source/store/index.js';
import { linkedAppIds } from '../../source/store/views.js';
import { addSeedExtensions, seed } from '../helpers/emulator.js';
import { storeFor } from '../helpers/ui-store.js';

// F-C1:reads=2: the two reads after a write answer from the tenant as it was before it (Entra's eventual
// consistency). The read-back after a change made to a flow's providers, attributes, apps or extensions waits
// for a read that shows it; without that, the sub-list would go back to before while the status line says done.

const { customers, events, partners } = seed.flows;
const flowRead = (flowId: string) => `GET /v1.0/identity/authenticationEventsFlows/${flowId}`;
const lagging = { emulator: { faults: 'F-C1:reads=2' } } as const;

test('an added provider stays listed while reads lag; the flow is read until it shows it', async (t) => {
	const { store, emulator, requests } = await storeFor(t, lagging);
	const offered = emulator.tenant.requireFlow(partners.id).providerIds;
	const provider = emulator.tenant.providers.find((candidate) => !offered.includes(candidate.id));
	if (!provider) return t.fail('the seed has no provider the flow lacks');
	await store.run(loadUserFlow(partners.id));
	await store.run(loadIdentityProviders(partners.id));
	const since = requests().length;
	await store.run(addIdentityProvider(partners.id, provider.id));
	await store.idle();
	const listed = selectResource(store.getState(), 'identityProviders', partners.id).data ?? [];
	t.true(
		listed.some((item) => item.id === provider.id),
		'the sub-list shows the provider',
	);
	const onFlow = flowById(store.getState(), partners.id)?.onAuthenticationMethodLoadStart?.identityProviders;
	t.true(
		onFlow?.some((item) => item.id === provider.id),
		'the flow held shows it too (the detail counts)',
	);
	t.is(
		requests(since).filter((line) => line === flowRead(partners.id)).length,
		3,
		'two stale reads, then one',
	);
});

test('a removed provider stays gone while reads lag', async (t) => {
	const { store, emulator } = await storeFor(t, lagging);
	const [first, second] = emulator.tenant.requireFlow(customers.id).providerIds;
	if (!first || !second) return t.fail('the flow needs two providers');
	await store.run(loadUserFlow(customers.id));
	await store.run(loadIdentityProviders(customers.id));
	await store.run(removeIdentityProvider(customers.id, second));
	await store.idle();
	const listed = selectResource(store.getState(), 'identityProviders', customers.id).data ?? [];
	t.false(listed.some((item) => item.id === second));
	t.true(listed.some((item) => item.id === first));
});

test('an added attribute stays collected while reads lag', async (t) => {
	const { store, emulator } = await storeFor(t, lagging);
	const collected = emulator.tenant.requireFlow(events.id).attributeCollection?.attributeIds ?? [];
	const attribute = emulator.tenant.attributes.find((candidate) => !collected.includes(candidate.id));
	if (!attribute) return t.fail('the seed has no attribute the flow lacks');
	await store.run(loadUserFlow(events.id));
	await store.run(loadAttributes(events.id));
	await store.run(addAttribute(events.id, attribute.id));
	await store.idle();
	const listed = selectResource(store.getState(), 'attributes', events.id).data ?? [];
	t.true(listed.some((item) => item.id === attribute.id));
});

test('a linked app stays linked, and an unlinked one gone, while reads lag', async (t) => {
	const { store } = await storeFor(t, lagging);
	await store.run(loadUserFlow(events.id));
	await store.run(linkApplication(events.id, seed.apps.loyaltyApi));
	await store.idle();
	t.deepEqual(linkedAppIds(flowById(store.getState(), events.id)), [seed.apps.loyaltyApi]);
	await store.run(unlinkApplication(events.id, seed.apps.loyaltyApi));
	await store.idle();
	t.deepEqual(linkedAppIds(flowById(store.getState(), events.id)), []);
});

test('an attached extension stays attached while reads lag', async (t) => {
	const { store, emulator } = await storeFor(t, lagging);
	addSeedExtensions(emulator);
	await store.run(loadCustomExtensions());
	const start = selectResource(store.getState(), 'customExtensions').data?.find((extension) =>
		extension['@odata.type']?.includes('Start'),
	);
	if (!start?.id) return t.fail('the seed has no start extension');
	await store.run(loadFlowExtensions(events.id));
	await store.run(attachExtension(events.id, 'start', start));
	await store.idle();
	t.is(selectResource(store.getState(), 'flowExtensions', events.id).data?.start?.id, start.id);
});
