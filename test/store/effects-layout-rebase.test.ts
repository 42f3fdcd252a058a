import test from 'ava';
import type { RunningEmulator } from '../../source/emulator/server.js';
import type { Layout } from '../../source/layout/index.js';
import {
	addAttribute,
	commitLayout,
	isLayoutDirty,
	loadAttributes,
	loadUserFlow,
	openLayoutDraft,
	removeAttribute,
	type Store,
	saveLayout,
	selectResource,
} from '../../source/store/index.js';
import { seed } from '../helpers/emulator.js';
import { layoutDraftOf, storeFor } from '../helpers/ui-store.js';

// A kept layout draft meets a flow whose attributes changed (attributes screen, or someone else).
const { customers } = seed.flows;
const flowPath = `/v1.0/identity/authenticationEventsFlows/${customers.id}`;

const draft = (store: Store) => layoutDraftOf(store, customers.id);

const ids = (layout: Layout) => layout.inputs.map((input) => input.attribute);
const inputOf = (layout: Layout, attribute: string) =>
	layout.inputs.find((input) => input.attribute === attribute);

type Sent = { attribute: string; label: string; required: boolean };

function patched(emulator: RunningEmulator, at: number): Sent[] {
	const body = emulator.log.slice(at).find((entry) => entry.method === 'PATCH')?.body as
		| { onAttributeCollection: { attributeCollectionPage: { views: { inputs: Sent[] }[] } } }
		| undefined;
	return body?.onAttributeCollection.attributeCollectionPage.views[0]?.inputs ?? [];
}

function serverIds(emulator: RunningEmulator): string[] {
	return emulator.tenant.requireFlow(customers.id).attributeCollection?.attributeIds ?? [];
}

/** Edits of a kept draft: surname to the top, givenName relabelled, country required. */
function edit(store: Store) {
	const flowId = customers.id;
	store.dispatch({ type: 'layout/edited', flowId, edit: { kind: 'moveToTop', attribute: 'surname' } });
	store.dispatch({
		type: 'layout/edited',
		flowId,
		edit: { kind: 'setLabel', attribute: 'givenName', label: 'First name' },
	});
	store.dispatch({ type: 'layout/edited', flowId, edit: { kind: 'toggleRequired', attribute: 'country' } });
}

test('a kept draft shown after an attribute was removed drops its input, keeps the other edits and says so', async (t) => {
	const { store, emulator, requests } = await storeFor(t);
	await store.run(openLayoutDraft(customers.id));
	await store.idle();
	edit(store);
	// The attributes screen removes country (and re-reads the flow) while the draft is kept.
	await store.run(removeAttribute(customers.id, 'country'));
	await store.idle();
	t.false(serverIds(emulator).includes('country'));
	await store.run(openLayoutDraft(customers.id));
	await store.idle();
	await store.idle();
	const rebased = draft(store);
	t.deepEqual(ids(rebased.layout), [
		'surname',
		'email',
		'displayName',
		'givenName',
		seed.favoriteColor,
		'extension_6ea3bc85aec24b1c92ff4a117afb6621_Newsletter',
	]);
	t.is(inputOf(rebased.layout, 'givenName')?.label, 'First name');
	t.false(ids(rebased.base).includes('country'));
	t.false(
		rebased.history.some((step) => ids(step).includes('country')),
		'undo cannot bring it back',
	);
	const flash = store.getState().flash;
	t.is(flash?.level, 'warning');
	t.is(flash?.text, 'country is no longer collected by this flow; dropped from your draft.');

	const before = requests().length;
	await store.run(saveLayout(customers.id));
	await store.idle();
	t.deepEqual(requests(before), [`GET ${flowPath}`]);
	const overlay = store.getState().overlay;
	if (overlay?.kind !== 'layoutSave') return t.fail(`no save dialog: ${JSON.stringify(overlay)}`);
	t.false(overlay.loud);
	t.false(overlay.lines.some((line) => line.includes('!!!')));
	const at = emulator.log.length;
	await store.run(commitLayout(customers.id));
	await store.idle();
	t.deepEqual(requests(at), [`PATCH ${flowPath}`, `GET ${flowPath}`]);
	const sent = patched(emulator, at);
	t.deepEqual(
		sent.map((input) => input.attribute),
		ids(rebased.layout),
		'exactly the flow’s attributes, in the draft’s order',
	);
	t.is(sent.find((input) => input.attribute === 'givenName')?.label, 'First name');
	t.regex(store.getState().flash?.text ?? '', /^Saved the sign-up page/);
});

test('an attribute added meanwhile is appended to a kept draft as the server has it', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(openLayoutDraft(customers.id));
	await store.idle();
	edit(store);
	await store.run(addAttribute(customers.id, 'city'));
	await store.idle();
	t.true(serverIds(emulator).includes('city'));
	await store.run(openLayoutDraft(customers.id));
	await store.idle();
	const rebased = draft(store);
	t.is(ids(rebased.layout).at(-1), 'city');
	t.is(ids(rebased.layout)[0], 'surname', 'the other edits stay');
	t.true(inputOf(rebased.layout, 'country')?.required);
	t.is(store.getState().flash?.text, 'city is now collected by this flow; added at the end of your draft.');
	const at = emulator.log.length;
	await store.run(saveLayout(customers.id));
	await store.idle();
	// The service appends an added attribute's input too, so the rebased base is the page as it is now.
	const overlay = store.getState().overlay;
	if (overlay?.kind !== 'layoutSave') return t.fail(`no save dialog: ${JSON.stringify(overlay)}`);
	await store.run(commitLayout(customers.id));
	await store.idle();
	t.deepEqual(
		[...patched(emulator, at).map((input) => input.attribute)].sort(),
		[...serverIds(emulator)].sort(),
	);
	t.is(store.getState().flash?.level, 'success');
});

test('a save after someone removed an attribute and relabelled an input: theirs is told as facts, o sends a draft the service takes', async (t) => {
	const { store, emulator, requests } = await storeFor(t);
	await store.run(openLayoutDraft(customers.id));
	await store.idle();
	edit(store);
	const record = emulator.tenant.requireFlow(customers.id);
	const collection = record.attributeCollection;
	const view = collection?.views[0];
	if (!collection || !view) return t.fail('seed changed');
	collection.attributeIds = collection.attributeIds.filter((id) => id !== 'country');
	view.inputs = view.inputs.filter((input) => input.attribute !== 'country');
	const display = view.inputs.find((input) => input.attribute === 'displayName');
	if (display) display.label = 'Your name';
	emulator.tenant.touch();

	await store.run(saveLayout(customers.id));

	await store.idle();
	const overlay = store.getState().overlay;
	if (overlay?.kind !== 'layoutConflict') return t.fail(`no conflict dialog: ${JSON.stringify(overlay)}`);
	t.true(overlay.theirs.includes('removed on the server: country'), overlay.theirs.join('\n'));
	t.true(overlay.theirs.includes('changed  displayName label: "Display Name" → "Your name"'));
	t.false(
		overlay.theirs.some((line) => /WOULD|!!!/.test(line)),
		'what already happened is not a warning',
	);
	t.false(overlay.loud);
	t.false(overlay.mine.some((line) => line.includes('!!!')));
	t.false(ids(draft(store).layout).includes('country'));
	t.regex(
		store.getState().flash?.text ?? '',
		/country is no longer collected by this flow; dropped from your draft/,
	);

	// o: re-read, the page is as the dialog showed it, so the PATCH goes, with exactly the flow's attributes.
	const at = emulator.log.length;
	await store.run(saveLayout(customers.id, overlay.server));
	await store.idle();
	t.deepEqual(requests(at), [`GET ${flowPath}`, `PATCH ${flowPath}`, `GET ${flowPath}`]);
	const sent = patched(emulator, at);
	t.deepEqual([...sent.map((input) => input.attribute)].sort(), [...serverIds(emulator)].sort());
	t.is(sent.find((input) => input.attribute === 'givenName')?.label, 'First name');
	t.is(store.getState().flash?.level, 'success', store.getState().flash?.text);
	const reopened = store.getState().layoutDrafts[customers.id];
	t.false(reopened ? isLayoutDirty(reopened) : true, 'the editor goes on with the page as saved');
});

test('o re-reads first: a change made while the conflict dialog was open brings it back, and nothing is sent', async (t) => {
	const { store, emulator, requests } = await storeFor(t);
	await store.run(openLayoutDraft(customers.id));
	await store.idle();
	edit(store);
	const inputs = () => emulator.tenant.requireFlow(customers.id).attributeCollection?.views[0]?.inputs ?? [];
	const relabel = (attribute: string, label: string) => {
		const input = inputs().find((candidate) => candidate.attribute === attribute);
		if (input) input.label = label;
		emulator.tenant.touch();
	};
	relabel('displayName', 'Your name');
	await store.run(saveLayout(customers.id));
	await store.idle();
	const first = store.getState().overlay;
	if (first?.kind !== 'layoutConflict') return t.fail('no conflict dialog');
	relabel('surname', 'Family name');
	const at = emulator.log.length;
	await store.run(saveLayout(customers.id, first.server));
	await store.idle();
	t.deepEqual(requests(at), [`GET ${flowPath}`], 'read again, nothing written');
	const second = store.getState().overlay;
	if (second?.kind !== 'layoutConflict') return t.fail('the conflict dialog is not back');
	t.true(second.theirs.includes('changed  surname label: "Surname" → "Family name"'));
	t.is(inputs().find((input) => input.attribute === 'surname')?.label, 'Family name');
});

test("an attribute another admin removed: the rebase also reads the flow's attribute list again", async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(loadAttributes(customers.id));
	await store.idle();
	await store.run(openLayoutDraft(customers.id));
	await store.idle();
	edit(store);
	const collection = emulator.tenant.requireFlow(customers.id).attributeCollection;
	if (collection) {
		collection.attributeIds = collection.attributeIds.filter((id) => id !== 'country');
		for (const view of collection.views)
			view.inputs = view.inputs.filter((input) => input.attribute !== 'country');
	}
	await store.run(loadUserFlow(customers.id, { force: true }));
	await store.idle();
	await store.run(openLayoutDraft(customers.id));
	await store.idle();
	await store.idle();
	t.false(ids(draft(store).layout).includes('country'));
	const listed = selectResource(store.getState(), 'attributes', customers.id).data ?? [];
	t.false(
		listed.some((attribute) => attribute.id === 'country'),
		'the attributes screen no longer shows it',
	);
});
