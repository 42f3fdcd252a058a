import test from 'ava';
import {
	createUserFlow,
	flowById,
	loadTenantAttributes,
	loadUserFlow,
	loadUserFlows,
	openLayoutDraft,
	saveEdit,
	selectResource,
	toggleSignUp,
} from '../../source/store/index.js';
import { saveRefusal } from '../../source/store/layout-views.js';
import { seed } from '../helpers/emulator.js';
import { storeFor } from '../helpers/ui-store.js';

// F-C1: after a write, the next reads answer from the tenant as it was before it (Entra's eventual
// consistency). What the write's answer showed must stay on screen whatever those reads say.

const { partners } = seed.flows;
const newsletter = 'extension_6ea3bc85aec24b1c92ff4a117afb6621_Newsletter';
const flowPath = `GET /v1.0/identity/authenticationEventsFlows/${partners.id}`;

test('a rename shows from its answer at once; a lagging read-back never puts the old name back', async (t) => {
	const { store, requests } = await storeFor(t, { emulator: { faults: 'F-C1:reads=2' } });
	await store.run(loadUserFlows());
	await store.run(loadUserFlow(partners.id));
	store.dispatch({
		type: 'edit/opened',
		flowId: partners.id,
		field: 'displayName',
		text: 'Partners renamed',
	});
	const since = requests().length;
	await store.run(saveEdit());
	t.is(
		flowById(store.getState(), partners.id)?.displayName,
		'Partners renamed',
		'shown before any read-back',
	);
	t.regex(store.getState().flash?.text ?? '', /Renamed/);
	t.false(
		store.getState().activity.some((activity) => activity.write),
		'the row is free at once',
	);
	await store.idle();
	t.is(flowById(store.getState(), partners.id)?.displayName, 'Partners renamed');
	const reads = requests(since).filter((line) => line === flowPath);
	t.is(reads.length, 3, 'two stale reads, then the one that shows the rename');
	const row = store.getState().resources.userFlows['']?.data?.find((flow) => flow.id === partners.id);
	t.is(row?.displayName, 'Partners renamed', 'the list row too');
});

test('sign-up switched shows at once and stays while reads lag', async (t) => {
	const { store } = await storeFor(t, { emulator: { faults: 'F-C1:reads=1' } });
	await store.run(loadUserFlow(partners.id));
	const before = flowById(store.getState(), partners.id)?.onInteractiveAuthFlowStart?.isSignUpAllowed;
	await store.run(toggleSignUp(partners.id));
	t.is(flowById(store.getState(), partners.id)?.onInteractiveAuthFlowStart?.isSignUpAllowed, !before);
	await store.idle();
	t.is(flowById(store.getState(), partners.id)?.onInteractiveAuthFlowStart?.isSignUpAllowed, !before);
});

test('a new flow shows from its answer at once; reads that answer 404 for a while are waited out, no error shown', async (t) => {
	const { store, emulator } = await storeFor(t, { emulator: { faults: 'F-C1:reads=2' } });
	await store.run(loadUserFlows());
	store.dispatch({ type: 'createDraft/opened', providerIds: ['EmailPassword-OAUTH'] });
	store.dispatch({ type: 'createDraft/changed', patch: { name: 'Lagging new flow' } });
	await store.run(createUserFlow());
	const id = emulator.tenant.flowNamed('Lagging new flow')?.id ?? '';
	t.is(selectResource(store.getState(), 'userFlow', id).status, 'ready');
	await store.idle();
	const reads = emulator.log.filter((entry) => entry.method === 'GET' && entry.path.endsWith(id));
	t.deepEqual(
		reads.map((entry) => entry.status),
		[404, 404, 200],
		'two reads before the replicas caught up',
	);
	const flow = selectResource(store.getState(), 'userFlow', id);
	t.is(flow.status, 'ready');
	t.is(
		flow.data?.onAuthenticationMethodLoadStart?.identityProviders?.[0]?.displayName,
		'Email with password',
	);
	t.is(store.getState().flash?.level, 'success', store.getState().flash?.text);
});

test('a new flow collecting a boolean attribute opens in the layout editor with its data types before the read-back', async (t) => {
	const { store, emulator } = await storeFor(t, { emulator: { faults: 'F-C1:reads=2' } });
	await store.run(loadUserFlows());
	await store.run(loadTenantAttributes());
	store.dispatch({ type: 'createDraft/opened', providerIds: ['EmailPassword-OAUTH'] });
	store.dispatch({ type: 'createDraft/changed', patch: { name: 'Newsletter sign-up' } });
	store.dispatch({ type: 'createDraft/itemToggled', field: 'attributes', id: newsletter });
	await store.run(createUserFlow());
	const id = emulator.tenant.flowNamed('Newsletter sign-up')?.id ?? '';
	const reads = emulator.log.length;
	await store.run(openLayoutDraft(id));
	t.is(emulator.log.length, reads, 'opened from the flow as created, no read');
	const input = store
		.getState()
		.layoutDrafts[id]?.layout.inputs.find((each) => each.attribute === newsletter);
	t.is(input?.dataType, 'boolean');
	t.is(
		saveRefusal(store.getState().layoutDrafts[id]!),
		undefined,
		'nothing to refuse in the page as created',
	);
	await store.idle();
});

test('a change made to a new flow before its read-back came is not undone by that read-back', async (t) => {
	// The create's first read-back read answers 404 (the replica has not seen the flow), so it tries again
	// later; by then the sign-up switch below is shown, and the replica has seen the create but not the switch.
	const faults = 'F-C1:reads=1:method=POST,F-C1:reads=2:method=PATCH';
	const { store, emulator } = await storeFor(t, { emulator: { faults } });
	await store.run(loadUserFlows());
	store.dispatch({ type: 'createDraft/opened', providerIds: ['EmailPassword-OAUTH'] });
	store.dispatch({ type: 'createDraft/changed', patch: { name: 'Switched at once', signUp: true } });
	await store.run(createUserFlow());
	const id = emulator.tenant.flowNamed('Switched at once')?.id ?? '';
	await store.run(toggleSignUp(id));
	const signUp = () => flowById(store.getState(), id)?.onInteractiveAuthFlowStart?.isSignUpAllowed;
	t.false(signUp(), 'shown from the answer');
	const seen: (boolean | undefined)[] = [];
	const unsubscribe = store.subscribe(() => seen.push(signUp()));
	await store.idle();
	unsubscribe();
	t.false(seen.includes(true), `sign-up never shown on again: ${JSON.stringify(seen)}`);
	t.false(signUp());
});
