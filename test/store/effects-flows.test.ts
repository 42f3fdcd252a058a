import test from 'ava';
import {
	createUserFlow,
	currentEntry,
	deleteUserFlow,
	loadUserFlow,
	loadUserFlows,
	openCreateForm,
	saveEdit,
	selectResource,
	toggleSignUp,
} from '../../source/store/index.js';
import { seed } from '../helpers/emulator.js';
import { storeFor } from '../helpers/ui-store.js';

const { customers, partners } = seed.flows;

test('the flows list costs one request, the catalogues read beside it; going back costs none; ctrl+r reads again', async (t) => {
	const { store, requests } = await storeFor(t, { emulator: { extraFlows: 250 } });
	await store.run(loadUserFlows());
	await store.idle();
	const pages = requests().length;
	t.is(selectResource(store.getState(), 'userFlows').data?.length, 254);
	t.deepEqual(requests().sort(), [
		'GET /v1.0/applications',
		'GET /v1.0/identity/authenticationEventsFlows',
		'GET /v1.0/identity/identityProviders',
		'GET /v1.0/identity/userFlowAttributes',
	]);
	t.is(selectResource(store.getState(), 'tenantIdentityProviders').status, 'ready');
	await store.run(loadUserFlows());
	await store.idle();
	t.is(requests().length, pages, 'cached');
	await store.run(loadUserFlows({ force: true }));
	await store.idle();
	t.is(requests().length, pages + 1, 'a refresh reads the list only');
});

test('a flow read once is served from the cache afterwards', async (t) => {
	const { store, requests } = await storeFor(t);
	await store.run(loadUserFlow(customers.id));
	await store.idle();
	await store.run(loadUserFlow(customers.id));
	await store.idle();
	t.deepEqual(requests(), [`GET /v1.0/identity/authenticationEventsFlows/${customers.id}`]);
});

test('rename re-reads the flow and its row in the list follows', async (t) => {
	const { store, requests } = await storeFor(t);
	await store.run(loadUserFlows());
	await store.idle();
	store.dispatch({ type: 'edit/opened', flowId: partners.id, field: 'displayName', text: 'Partners only' });
	const before = requests().length;
	await store.run(saveEdit());
	await store.idle();
	t.deepEqual(requests(before), [
		`PATCH /v1.0/identity/authenticationEventsFlows/${partners.id}`,
		`GET /v1.0/identity/authenticationEventsFlows/${partners.id}`,
	]);
	t.is(store.getState().edit, undefined);
	const row = selectResource(store.getState(), 'userFlows').data?.find((flow) => flow.id === partners.id);
	t.is(row?.displayName, 'Partners only');
	t.regex(store.getState().flash?.text ?? '', /Renamed/);
});

test('a rename to a name another flow has is refused before any request', async (t) => {
	const { store, requests } = await storeFor(t);
	await store.run(loadUserFlows());
	await store.idle();
	store.dispatch({
		type: 'edit/opened',
		flowId: partners.id,
		field: 'displayName',
		text: customers.name.toUpperCase(),
	});
	const before = requests().length;
	await store.run(saveEdit());
	await store.idle();
	t.is(requests().length, before);
	t.regex(store.getState().edit?.error ?? '', /already exists/);
});

test('a rename the service refuses because the name was taken meanwhile says so, in our words', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(loadUserFlows());
	await store.idle();
	store.dispatch({ type: 'edit/opened', flowId: partners.id, field: 'displayName', text: 'Taken later' });
	// Someone else takes the name after our list was loaded; the service's message names no rule.
	emulator.tenant.requireFlow(customers.id).displayName = 'Taken later';
	await store.run(saveEdit());
	await store.idle();
	const edit = store.getState().edit;
	t.is(edit?.text, 'Taken later', 'the typed name is kept');
	t.regex(edit?.error ?? '', /already exists/);
	t.is(store.getState().flash?.error?.message, 'One or more properties contains invalid values.');
});

test('create: a provider the tenant lost meanwhile is named on the providers field', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(loadUserFlows());
	await store.idle();
	store.dispatch({ type: 'createDraft/opened', providerIds: ['EmailPassword-OAUTH', 'Google-OAUTH'] });
	store.dispatch({ type: 'createDraft/changed', patch: { name: 'Shop' } });
	const providers = emulator.tenant.state.providers;
	providers.splice(
		providers.findIndex((provider) => provider.id === 'Google-OAUTH'),
		1,
	);
	await store.run(createUserFlow());
	await store.idle();
	const draft = store.getState().createDraft;
	t.is(draft?.name, 'Shop');
	t.regex(draft?.errors.providers ?? '', /The tenant no longer has Google-OAUTH/);
	t.is(draft?.errors.name, undefined);
});

test('sign-up switches off and the state shows it', async (t) => {
	const { store } = await storeFor(t);
	await store.run(loadUserFlow(customers.id));
	await store.idle();
	await store.run(toggleSignUp(customers.id));
	await store.idle();
	t.false(
		selectResource(store.getState(), 'userFlow', customers.id).data?.onInteractiveAuthFlowStart
			?.isSignUpAllowed,
	);
});

test('create: email leads the attributes, the flow joins the list and opens', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(loadUserFlows());
	await store.idle();
	await store.run(openCreateForm());
	await store.idle();
	t.deepEqual(
		store.getState().createDraft?.providerIds,
		['EmailPassword-OAUTH'],
		'the default provider is ticked',
	);
	store.dispatch({ type: 'createDraft/changed', patch: { name: 'Web shop' } });
	store.dispatch({ type: 'createDraft/itemToggled', field: 'attributes', id: 'city' });
	await store.run(createUserFlow());
	await store.idle();
	const post = emulator.log.find((entry) => entry.method === 'POST');
	const body = post?.body as { onAttributeCollection?: { attributes: { id: string }[] } };
	t.deepEqual(
		body.onAttributeCollection?.attributes.map((attribute) => attribute.id),
		['email', 'city'],
	);
	const state = store.getState();
	t.is(state.createDraft, undefined);
	const route = currentEntry(state).route;
	t.is(route.id, 'user-flow');
	t.true(selectResource(state, 'userFlows').data?.some((flow) => flow.displayName === 'Web shop'));
});

test('create: empty name, duplicate name and no provider are caught before sending', async (t) => {
	const { store, requests } = await storeFor(t);
	await store.run(loadUserFlows());
	await store.idle();
	store.dispatch({ type: 'createDraft/opened', providerIds: [] });
	const before = requests().length;
	await store.run(createUserFlow());
	await store.idle();
	t.deepEqual(Object.keys(store.getState().createDraft?.errors ?? {}).sort(), ['name', 'providers']);
	store.dispatch({ type: 'createDraft/changed', patch: { name: ` ${customers.name} ` } });
	await store.run(createUserFlow());
	await store.idle();
	t.regex(store.getState().createDraft?.errors.name ?? '', /already exists/);
	t.is(requests().length, before);
});

test('create: a refusal keeps every field and explains it on the name, by reading the flows again', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(loadUserFlows());
	await store.idle();
	store.dispatch({ type: 'createDraft/opened', providerIds: ['EmailPassword-OAUTH'] });
	store.dispatch({ type: 'createDraft/changed', patch: { name: 'Late', description: 'typed' } });
	// Someone else takes the name after our list was loaded: only the service can tell.
	emulator.tenant.requireFlow(partners.id).displayName = 'Late';
	await store.run(createUserFlow());
	await store.idle();
	const draft = store.getState().createDraft;
	t.is(draft?.name, 'Late');
	t.is(draft?.description, 'typed');
	t.false(draft?.submitting);
	t.regex(draft?.errors.name ?? '', /already exists/);
	t.is(store.getState().flash?.level, 'error');
});

test('delete unlinks the apps first, then deletes, and says so', async (t) => {
	const { store, requests } = await storeFor(t);
	await store.run(loadUserFlows());
	await store.idle();
	store.dispatch({ type: 'route/pushed', route: { id: 'user-flow', flowId: customers.id } });
	const before = requests().length;
	await store.run(deleteUserFlow(customers.id));
	await store.idle();
	t.deepEqual(requests(before), [
		`GET /v1.0/identity/authenticationEventsFlows/${customers.id}/conditions/applications/includeApplications`,
		`DELETE /v1.0/identity/authenticationEventsFlows/${customers.id}/conditions/applications/includeApplications/${seed.apps.storefront}`,
		`DELETE /v1.0/identity/authenticationEventsFlows/${customers.id}/conditions/applications/includeApplications/${seed.apps.mobile}`,
		`DELETE /v1.0/identity/authenticationEventsFlows/${customers.id}`,
	]);
	const state = store.getState();
	t.false(selectResource(state, 'userFlows').data?.some((flow) => flow.id === customers.id));
	t.is(currentEntry(state).route.id, 'user-flows');
	t.regex(state.flash?.text ?? '', /Deleted .*Unlinked first/);
});

test('delete that stops half way reports exactly what was done', async (t) => {
	const { store, emulator } = await storeFor(t, {
		emulator: { faults: `F-S4:method=DELETE:path=includeApplications/${seed.apps.mobile}` },
	});
	await store.run(loadUserFlows());
	await store.idle();
	await store.run(deleteUserFlow(customers.id));
	await store.idle();
	const flash = store.getState().flash;
	t.is(flash?.level, 'error');
	t.regex(flash?.text ?? '', /NOT deleted/);
	t.regex(flash?.text ?? '', new RegExp(`Done: unlinked (Contoso Storefront \\()?${seed.apps.storefront}`));
	t.truthy(flash?.error?.requestId);
	t.truthy(emulator.tenant.findFlow(customers.id), 'the flow is still there');
	const row = selectResource(store.getState(), 'userFlows').data?.find((flow) => flow.id === customers.id);
	t.is(row?.conditions?.applications?.includeApplications?.length, 1, 'the list shows the app that is left');
});
