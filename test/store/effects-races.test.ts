import test from 'ava';
import {
	deleteUserFlow,
	linkApplication,
	loadIdentityProviders,
	loadUserFlow,
	loadUserFlows,
	moveApplication,
	removeAttribute,
	removeIdentityProvider,
} from '../../source/store/index.js';
import { beforeFirstWrite, seed } from '../helpers/emulator.js';
import { storeFor } from '../helpers/ui-store.js';

// Another admin changes the flow while the app shows it: the service refuses with only its generic sentence,
// and the status line must say what happened.

const { events, support } = seed.flows;

/** A store over an emulator where `meanwhile` changes the tenant just before the first write reaches it. */
async function racing(t: Parameters<typeof storeFor>[0], meanwhile: Parameters<typeof beforeFirstWrite>[0]) {
	const race = beforeFirstWrite(meanwhile);
	const fixture = await storeFor(t, { emulator: race.options });
	race.attach(fixture.emulator);
	return fixture;
}

test('removing a provider after the other one was removed meanwhile: explained as the last one', async (t) => {
	const { store } = await racing(t, (tenant) => {
		const flow = tenant.requireFlow(events.id);
		flow.providerIds = flow.providerIds.filter((id) => id !== 'EmailPassword-OAUTH');
	});
	await store.run(loadUserFlows());
	await store.run(loadIdentityProviders(events.id));
	await store.run(removeIdentityProvider(events.id, 'EmailOtpSignup-OAUTH'));
	const flash = store.getState().flash;
	t.is(flash?.level, 'error');
	t.regex(
		flash?.text ?? '',
		/the only identity provider of “Events registration” now \(another was removed meanwhile\)/,
	);
	t.is(
		flash?.error?.message,
		'One or more properties contains invalid values.',
		"the service's words are kept",
	);
});

test('linking an app that another flow took meanwhile: names that flow', async (t) => {
	const app = seed.apps.loyaltyApi;
	const { store } = await racing(t, (tenant) => {
		tenant.requireFlow(support.id).appIds.push(app);
	});
	await store.run(loadUserFlows());
	await store.run(linkApplication(events.id, app));
	t.regex(
		store.getState().flash?.text ?? '',
		/it uses “Support desk \(email one-time passcode\)” now \(linked meanwhile\)/,
	);
});

test('delete: an app linked after the dialog named the apps stops it, and the dialog asks again', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(loadUserFlows());
	await store.run(loadUserFlow(events.id));
	emulator.tenant.requireFlow(events.id).appIds.push(seed.apps.loyaltyApi);
	await store.run(deleteUserFlow(events.id, []));
	const state = store.getState();
	t.truthy(emulator.tenant.findFlow(events.id), 'nothing was deleted');
	t.deepEqual(emulator.tenant.requireFlow(events.id).appIds, [seed.apps.loyaltyApi], 'nothing was unlinked');
	t.regex(
		state.flash?.text ?? '',
		/Nothing was deleted: .*3f50bdf7.* started using “Events registration” after you were asked/,
	);
	t.like(state.overlay, { kind: 'deleteFlow', flowId: events.id, text: '' });
});

test('removing an attribute another admin removed meanwhile: nothing to do, said as a warning', async (t) => {
	const { store } = await racing(t, (tenant) => {
		const collection = tenant.requireFlow(events.id).attributeCollection;
		if (collection) collection.attributeIds = collection.attributeIds.filter((id) => id !== 'city');
	});
	await store.run(loadUserFlows());
	await store.run(loadUserFlow(events.id));
	await store.run(removeAttribute(events.id, 'city'));
	const flash = store.getState().flash;
	t.is(flash?.level, 'warning');
	t.regex(flash?.text ?? '', /“Events registration” no longer collects .* \(removed meanwhile\)/);
	t.notRegex(flash?.text ?? '', /page input could not be taken off/);
});

test('moving an app that another admin unlinked or moved meanwhile: says where it is now', async (t) => {
	const { customers } = seed.flows;
	const app = seed.apps.mobile;
	const unlinked = await racing(t, (tenant) => {
		const flow = tenant.requireFlow(customers.id);
		flow.appIds = flow.appIds.filter((id) => id !== app);
	});
	await unlinked.store.run(loadUserFlows());
	await unlinked.store.run(moveApplication(events.id, app, customers.id));
	t.regex(
		unlinked.store.getState().flash?.text ?? '',
		/it no longer uses “Contoso customers sign-up and sign-in” \(unlinked meanwhile\); press a to link it here/,
	);
	const moved = await racing(t, (tenant) => {
		const flow = tenant.requireFlow(customers.id);
		flow.appIds = flow.appIds.filter((id) => id !== app);
		tenant.requireFlow(support.id).appIds.push(app);
	});
	await moved.store.run(loadUserFlows());
	await moved.store.run(moveApplication(events.id, app, customers.id));
	t.regex(
		moved.store.getState().flash?.text ?? '',
		/it uses “Support desk \(email one-time passcode\)” now \(moved meanwhile\)/,
	);
});
