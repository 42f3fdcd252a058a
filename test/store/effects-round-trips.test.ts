import test from 'ava';
import {
	addIdentityProvider,
	commitLayout,
	createUserFlow,
	linkApplication,
	loadApplications,
	loadAttributes,
	loadIdentityProviders,
	loadTenantIdentityProviders,
	loadUserFlow,
	loadUserFlows,
	moveApplication,
	openLayoutDraft,
	saveEdit,
	selectResource,
} from '../../source/store/index.js';
import { seed } from '../helpers/emulator.js';
import { heldFaults, requestLines, roundTrips } from '../helpers/round-trips.js';
import { storeFor } from '../helpers/ui-store.js';

// What the app sends is counted from the emulator's log: at thousands of flows, a refusal explained by
// listing every flow costs a round trip per page, so an unfiltered read of the flows fails here.

const { customers, partners, support } = seed.flows;
const flows = '/v1.0/identity/authenticationEventsFlows';
const many = { emulator: { extraFlows: 2_500 } };

/** Requests after `since`, with their query: "METHOD path?query". */
function sent(emulator: { log: ReadonlyArray<{ method: string; path: string }> }, since: number) {
	return emulator.log.slice(since).map((entry) => `${entry.method} ${decodeURIComponent(entry.path)}`);
}

/** Reads of the whole flows collection (no $filter): what a refusal must never cost. */
const wholeList = (lines: readonly string[]) =>
	lines.filter(
		(line) => line.startsWith(`GET ${flows}`) && !line.includes('$filter') && !line.includes(`${flows}/`),
	);

test('a refused rename at 2,500 flows is explained by one filtered read', async (t) => {
	const { store, emulator } = await storeFor(t, many);
	await store.run(loadUserFlows());
	store.dispatch({ type: 'edit/opened', flowId: partners.id, field: 'displayName', text: 'Taken later' });
	emulator.tenant.requireFlow(customers.id).displayName = 'Taken later';
	const since = emulator.log.length;
	await store.run(saveEdit());
	const lines = sent(emulator, since);
	t.is(lines.length, 2, lines.join('\n'));
	t.true(lines[0]?.startsWith(`PATCH ${flows}/${partners.id}`));
	t.regex(lines[1] ?? '', /\$filter=displayName\+eq\+'Taken\+later'/);
	t.regex(store.getState().edit?.error ?? '', /already exists/);
});

test('a refused create at 2,500 flows is explained by filtered reads, never the whole list', async (t) => {
	const { store, emulator } = await storeFor(t, many);
	await store.run(loadUserFlows());
	store.dispatch({ type: 'createDraft/opened', providerIds: ['EmailPassword-OAUTH'] });
	store.dispatch({ type: 'createDraft/changed', patch: { name: 'Late' } });
	emulator.tenant.requireFlow(partners.id).displayName = 'Late';
	const since = emulator.log.length;
	await store.run(createUserFlow());
	const lines = sent(emulator, since);
	t.deepEqual(wholeList(lines), [], lines.join('\n'));
	t.true(lines.length <= 3, lines.join('\n'));
	t.regex(store.getState().createDraft?.errors.name ?? '', /already exists/);
});

test('a refused link at 2,500 flows reads where the app is by filter and re-reads only the flows named', async (t) => {
	const { store, emulator } = await storeFor(t, many);
	await store.run(loadUserFlows());
	// Another admin links the app to another flow after our list was read.
	emulator.tenant.requireFlow(partners.id).appIds.push(seed.apps.events);
	const since = emulator.log.length;
	await store.run(linkApplication(support.id, seed.apps.events));
	const lines = sent(emulator, since);
	t.deepEqual(wholeList(lines), [], lines.join('\n'));
	t.deepEqual(
		lines.map((line) => line.split('?')[0]).sort(),
		[
			`POST ${flows}/${support.id}/conditions/applications/includeApplications`,
			`GET ${flows}`,
			'GET /v1.0/applications',
			`GET ${flows}/${support.id}`,
			`GET ${flows}/${partners.id}`,
		].sort(),
	);
	t.regex(store.getState().flash?.text ?? '', /Partner portal/);
	const row = selectResource(store.getState(), 'userFlows').data?.find((flow) => flow.id === partners.id);
	t.true(
		row?.conditions?.applications?.includeApplications?.some((app) => app.appId === seed.apps.events),
		'the row of the flow that has it now shows it',
	);
});

test('a move refused because the app moved meanwhile re-reads the flows involved, not the list', async (t) => {
	const { store, emulator } = await storeFor(t, many);
	await store.run(loadUserFlows());
	// The list shows the storefront on the customers flow; another admin moves it to the partners flow.
	const tenant = emulator.tenant;
	const customersFlow = tenant.requireFlow(customers.id);
	customersFlow.appIds.splice(customersFlow.appIds.indexOf(seed.apps.storefront), 1);
	tenant.requireFlow(partners.id).appIds.push(seed.apps.storefront);
	const since = emulator.log.length;
	await store.run(moveApplication(support.id, seed.apps.storefront, customers.id));
	const lines = sent(emulator, since);
	t.deepEqual(wholeList(lines), [], lines.join('\n'));
	t.true(lines.length <= 6, lines.join('\n'));
	t.is(store.getState().flash?.level, 'error');
});

test('the providers and attributes screens draw from the flow already read; ctrl+r reads it once', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(loadUserFlow(customers.id));
	const since = emulator.log.length;
	await store.run(loadIdentityProviders(customers.id));
	await store.run(loadAttributes(customers.id));
	t.deepEqual(sent(emulator, since), [], 'held: no request');
	t.deepEqual(
		selectResource(store.getState(), 'identityProviders', customers.id).data?.map((provider) => provider.id),
		['EmailPassword-OAUTH', 'Google-OAUTH', 'Facebook-OAUTH'],
	);
	t.is(selectResource(store.getState(), 'attributes', customers.id).data?.length, 7);
	await store.run(loadIdentityProviders(customers.id, { force: true }));
	t.deepEqual(
		sent(emulator, since).map((line) => line.split('?')[0]),
		[`GET ${flows}/${customers.id}`],
	);
});

test('opened without the flow, the providers screen reads the flow once, and the flow is held after', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(loadIdentityProviders(partners.id));
	// The attributes screen asks for both at once, as it mounts.
	await Promise.all([store.run(loadAttributes(partners.id)), store.run(loadUserFlow(partners.id))]);
	t.deepEqual(
		sent(emulator, 0).map((line) => line.split('?')[0]),
		[`GET ${flows}/${partners.id}`],
	);
});

test('a provider added is one write and one read of the flow', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(loadUserFlow(partners.id));
	await store.run(loadIdentityProviders(partners.id));
	const since = emulator.log.length;
	await store.run(addIdentityProvider(partners.id, 'Google-OAUTH'));
	// The read of the flow after the write runs in the background.
	await store.idle();
	t.is(sent(emulator, since).length, 2, sent(emulator, since).join('\n'));
	t.deepEqual(
		selectResource(store.getState(), 'identityProviders', partners.id).data?.map((provider) => provider.id),
		['EmailPassword-OAUTH', 'Google-OAUTH'],
	);
});

test.serial('the catalogues are read beside the first list: one round trip for all four', async (t) => {
	const { store, emulator } = await storeFor(t, { emulator: { faults: heldFaults } });
	await store.run(loadUserFlows());
	t.is(emulator.log.length, 4);
	t.is(roundTrips(emulator), 1);
	const since = emulator.log.length;
	await store.run(loadTenantIdentityProviders());
	await store.run(loadApplications());
	t.is(emulator.log.length, since, 'opening a picker later costs nothing');
});

test.serial(
	'the progressive list at 2,500 flows: three pages at $top=999, one round trip each, the catalogues beside the first',
	async (t) => {
		const { store, emulator } = await storeFor(t, { emulator: { extraFlows: 2_500, faults: heldFaults } });
		await store.run(loadUserFlows());
		const lines = sent(emulator, 0);
		const pages = lines.filter((line) => line.startsWith(`GET ${flows}`));
		t.is(pages.length, 3, pages.join('\n'));
		t.regex(pages[0] ?? '', /\$top=999/);
		t.is(lines.length, 6, lines.join('\n'));
		t.is(roundTrips(emulator), 3);
		t.is(selectResource(store.getState(), 'userFlows').data?.length, 2_504);
	},
);

/** The requests after `since` the emulator has answered by now, and those still held. */
function answered(
	emulator: { log: ReadonlyArray<{ method: string; status: number | null }> },
	since: number,
) {
	const entries = emulator.log.slice(since);
	return {
		done: entries.filter((entry) => entry.status !== null).map((entry) => entry.method),
		held: entries.filter((entry) => entry.status === null).map((entry) => entry.method),
	};
}

test.serial(
	'a create and a layout save are shown after their write alone; the read-backs go on behind',
	async (t) => {
		const { store, emulator } = await storeFor(t, { emulator: { faults: heldFaults } });
		await store.run(loadUserFlows());
		store.dispatch({ type: 'createDraft/opened', providerIds: ['EmailPassword-OAUTH'] });
		store.dispatch({ type: 'createDraft/changed', patch: { name: 'Shown at once' } });
		let since = emulator.log.length;
		await store.run(createUserFlow());
		t.deepEqual(answered(emulator, since).done, ['POST'], 'shown when the POST answered');
		t.regex(store.getState().flash?.text ?? '', /Created user flow “Shown at once”/);
		const id = emulator.tenant.flowNamed('Shown at once')?.id ?? '';
		const shown = selectResource(store.getState(), 'userFlow', id).data;
		t.deepEqual(
			shown?.onAuthenticationMethodLoadStart?.identityProviders?.map((provider) => provider.id),
			['EmailPassword-OAUTH'],
			'the providers sent, which the answer leaves unexpanded',
		);
		await store.idle();
		t.deepEqual(requestLines(emulator, since), [`POST ${flows}`, `GET ${flows}/${id}`]);
		t.is(roundTrips(emulator, since), 2);

		await store.run(openLayoutDraft(customers.id));
		store.dispatch({
			type: 'layout/edited',
			flowId: customers.id,
			edit: { kind: 'moveUp', attribute: 'country' },
		});
		since = emulator.log.length;
		await store.run(commitLayout(customers.id));
		t.deepEqual(answered(emulator, since).done, ['PATCH'], 'shown when the PATCH answered');
		t.regex(store.getState().flash?.text ?? '', /Saved the sign-up page/);
		await store.idle();
		t.deepEqual(requestLines(emulator, since), [
			`PATCH ${flows}/${customers.id}`,
			`GET ${flows}/${customers.id}`,
		]);
	},
);
