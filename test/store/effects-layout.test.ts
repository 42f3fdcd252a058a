import test, { type ExecutionContext } from 'ava';
import { staticTokenProvider } from '../../source/auth/token-provider.js';
import { layoutFromFlow, toPageInputs } from '../../source/layout/index.js';
import {
	commitLayout,
	isLayoutDirty,
	loadUserFlow,
	openLayoutDraft,
	reloadLayoutDraft,
	type Store,
	saveLayout,
	selectResource,
} from '../../source/store/index.js';
import { fakeJwt, readOnlyScopes } from '../graph/fake-jwt.js';
import { seed } from '../helpers/emulator.js';
import { layoutDraftOf, storeFor } from '../helpers/ui-store.js';

const { customers } = seed.flows;
const flowPath = `/v1.0/identity/authenticationEventsFlows/${customers.id}`;

const draft = (store: Store) => layoutDraftOf(store, customers.id);

function toggleRequired(store: Store, attribute: string) {
	store.dispatch({
		type: 'layout/edited',
		flowId: customers.id,
		edit: { kind: 'toggleRequired', attribute },
	});
}

test('the draft starts from the cached flow without a request, or from one GET', async (t) => {
	const cold = await storeFor(t);
	await cold.store.run(openLayoutDraft(customers.id));
	t.deepEqual(cold.requests(), [`GET ${flowPath}`]);
	t.is(draft(cold.store).layout.inputs.length, 7);
	t.is(
		draft(cold.store).layout.inputs.find((input) => input.attribute === seed.favoriteColor)?.dataType,
		'string',
	);

	const warm = await storeFor(t);
	await warm.store.run(loadUserFlow(customers.id));
	const before = warm.requests().length;
	await warm.store.run(openLayoutDraft(customers.id));
	t.is(warm.requests().length, before, 'the flow the detail screen read is reused');
	t.truthy(warm.store.getState().layoutDrafts[customers.id]);
});

test('save with a problem sends nothing and says why in the status line', async (t) => {
	const { store, requests } = await storeFor(t);
	await store.run(openLayoutDraft(customers.id));
	store.dispatch({ type: 'layout/cursorMoved', flowId: customers.id, index: 2 });
	store.dispatch({ type: 'layout/fieldOpened', flowId: customers.id, target: 'label' });
	store.dispatch({ type: 'layout/fieldChanged', flowId: customers.id, text: '  ' });
	store.dispatch({ type: 'layout/fieldAccepted', flowId: customers.id });
	const before = requests().length;
	await store.run(saveLayout(customers.id));
	t.is(requests().length, before);
	t.is(store.getState().overlay, undefined);
	t.regex(store.getState().flash?.text ?? '', /Not saved: fix this problem first — 3\. givenName \(label\)/);
});

test('save re-reads once and shows the diff; yes sends every input in one PATCH, shown at once, then re-reads', async (t) => {
	const { store, requests, emulator } = await storeFor(t);
	await store.run(openLayoutDraft(customers.id));
	store.dispatch({ type: 'layout/cursorMoved', flowId: customers.id, index: 4 });
	store.dispatch({
		type: 'layout/edited',
		flowId: customers.id,
		edit: { kind: 'moveUp', attribute: 'country' },
	});
	toggleRequired(store, 'country');
	const sent = toPageInputs(draft(store).layout);
	const before = requests().length;
	await store.run(saveLayout(customers.id));
	t.deepEqual(requests(before), [`GET ${flowPath}`]);
	const overlay = store.getState().overlay;
	if (overlay?.kind !== 'layoutSave') return t.fail(`no save dialog: ${JSON.stringify(overlay)}`);
	t.false(overlay.loud);
	t.true(
		overlay.lines.some((line) => /moved\s+(country: position 5 → 4|surname: position 4 → 5)/.test(line)),
		overlay.lines.join('\n'),
	);
	t.true(overlay.lines.some((line) => /changed\s+country required: false → true/.test(line)));

	const patchAt = emulator.log.length;
	await store.run(commitLayout(customers.id));
	// Shown from the PATCH's answer: the saved page before its read-back has come.
	t.regex(store.getState().flash?.text ?? '', /Saved the sign-up page of .* \(7 inputs\)/);
	const shown = selectResource(store.getState(), 'userFlow', customers.id).data;
	t.is(
		shown ? layoutFromFlow(shown).inputs[3]?.attribute : undefined,
		'country',
		'shown before the read-back',
	);
	await store.idle();
	t.deepEqual(requests(patchAt), [`PATCH ${flowPath}`, `GET ${flowPath}`]);
	const body = emulator.log[patchAt]?.body as {
		onAttributeCollection: { attributeCollectionPage: { views: { inputs: unknown[] }[] } };
	};
	t.deepEqual(body.onAttributeCollection.attributeCollectionPage.views[0]?.inputs, sent);
	t.is(sent.length, 7);
	const reopened = store.getState().layoutDrafts[customers.id];
	t.truthy(reopened, 'the editor goes on with the page as saved');
	t.false(reopened ? isLayoutDirty(reopened) : true, 'nothing unsaved: the draft edits are gone');
	t.deepEqual(reopened?.history, [], 'no undo back past a save');
	const flow = selectResource(store.getState(), 'userFlow', customers.id).data;
	const saved = flow ? layoutFromFlow(flow) : undefined;
	t.is(saved?.inputs[3]?.attribute, 'country', 'the cached flow is the saved one');
	t.true(saved?.inputs[3]?.required);
	t.regex(
		store.getState().flash?.text ?? '',
		/Saved the sign-up page of “Contoso customers sign-up and sign-in” \(7 inputs\)/,
	);
});

test('a page changed on the server meanwhile shows both changes; loading theirs restarts the draft', async (t) => {
	const { store, requests, emulator } = await storeFor(t);
	await store.run(openLayoutDraft(customers.id));
	toggleRequired(store, 'country');
	const record = emulator.tenant.requireFlow(customers.id);
	const surname = record.attributeCollection?.views[0]?.inputs.find((input) => input.attribute === 'surname');
	if (!surname) return t.fail('seed changed');
	surname.label = 'Family name';
	emulator.tenant.touch();
	const before = requests().length;
	await store.run(saveLayout(customers.id));
	t.deepEqual(requests(before), [`GET ${flowPath}`], 'nothing is written');
	const overlay = store.getState().overlay;
	if (overlay?.kind !== 'layoutConflict') return t.fail(`no conflict dialog: ${JSON.stringify(overlay)}`);
	t.deepEqual(overlay.theirs, ['changed  surname label: "Surname" → "Family name"']);
	t.true(
		overlay.mine.includes('changed  surname label: "Family name" → "Surname"'),
		'overwriting undoes theirs',
	);
	t.true(overlay.mine.includes('changed  country required: false → true'));

	await store.run(reloadLayoutDraft(customers.id, overlay.server));
	const fresh = draft(store);
	t.is(fresh.layout.inputs.find((input) => input.attribute === 'surname')?.label, 'Family name');
	t.false(fresh.layout.inputs.find((input) => input.attribute === 'country')?.required);
	t.deepEqual(fresh.history, []);
});

test('a refused PATCH keeps the draft as typed and shows the Graph error with its request id', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(openLayoutDraft(customers.id));
	toggleRequired(store, 'country');
	const typed = draft(store).layout;
	emulator.setFaults('F-A3:method=PATCH:times=1');
	await store.run(commitLayout(customers.id));
	t.is(draft(store).layout, typed);
	t.false(draft(store).saving);
	const flash = store.getState().flash;
	t.is(flash?.level, 'error');
	t.regex(flash?.text ?? '', /was not saved; your draft is kept/);
	t.is(flash?.error?.code, 'Authorization_RequestDenied');
	t.truthy(flash?.error?.requestId);
	t.false(
		emulator.tenant
			.requireFlow(customers.id)
			.attributeCollection?.views[0]?.inputs.find((input) => input.attribute === 'country')?.required ?? true,
	);
});

test('without EventListener.ReadWrite.All the save is refused before sending, naming the permission', async (t) => {
	const { store, emulator } = await storeFor(t, {
		graph: { tokenProvider: staticTokenProvider(fakeJwt({ scp: readOnlyScopes, tid: 't' })) },
	});
	await store.run(openLayoutDraft(customers.id));
	toggleRequired(store, 'country');
	await store.run(commitLayout(customers.id));
	t.false(emulator.log.some((entry) => entry.method === 'PATCH'));
	const flash = store.getState().flash;
	t.is(flash?.error?.code, 'MissingPermission');
	t.regex(
		flash?.error?.message ?? '',
		/needs EventListener\.ReadWrite\.All; you are signed in with read-only scopes/,
	);
	t.truthy(store.getState().layoutDrafts[customers.id], 'the draft is kept');
});

test('without the write permission, s is refused before the re-read: no request at all, the draft kept', async (t) => {
	const { store, emulator } = await storeFor(t, {
		graph: { tokenProvider: staticTokenProvider(fakeJwt({ scp: readOnlyScopes, tid: 't' })) },
	});
	await store.run(openLayoutDraft(customers.id));
	toggleRequired(store, 'country');
	const before = emulator.log.length;
	await store.run(saveLayout(customers.id));
	t.is(emulator.log.length, before, 'nothing was sent, not even the re-read');
	t.is(store.getState().overlay, undefined);
	t.is(store.getState().flash?.error?.code, 'MissingPermission');
	t.regex(store.getState().flash?.text ?? '', /Not saved; your draft is kept \(nothing was sent\)/);
	t.truthy(store.getState().layoutDrafts[customers.id]);
});

test('a save whose answer was lost after the service stored it: saved (said so), the draft gone, no conflict next', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(openLayoutDraft(customers.id));
	const before = draft(store).layout.inputs.find((input) => input.attribute === 'displayName')?.required;
	toggleRequired(store, 'displayName');
	emulator.setFaults('F-N1:when=after:method=PATCH:times=1');
	await store.run(saveLayout(customers.id));
	t.is(store.getState().overlay?.kind, 'layoutSave');
	await store.run(commitLayout(customers.id));
	const flash = store.getState().flash;
	t.is(flash?.level, 'success', flash?.text);
	t.regex(
		flash?.text ?? '',
		/Saved the sign-up page .* \(its answer was lost on the way; reading back shows it was made\)/,
	);
	t.false(isLayoutDirty(draft(store)), 'the editor goes on from the page as saved, not a stale draft');
	const stored = emulator.tenant.requireFlow(customers.id).attributeCollection?.views[0]?.inputs;
	t.is(stored?.find((input) => input.attribute === 'displayName')?.required, !before);
	t.is(emulator.log.filter((entry) => entry.method === 'PATCH').length, 1, 'sent once');
});

/** A store whose country-required change was saved (shown from its answer) with `faults` on the emulator. */
async function savedWith(t: ExecutionContext, faults: string) {
	const fixture = await storeFor(t);
	await fixture.store.run(openLayoutDraft(customers.id));
	toggleRequired(fixture.store, 'country');
	fixture.emulator.setFaults(faults);
	await fixture.store.run(commitLayout(customers.id));
	return fixture;
}

test('a save right after a save, while reads still lag the first: read until they show it, no false conflict', async (t) => {
	// Every read after the PATCH shows the page before it, twice, as Entra's replicas may.
	const { store } = await savedWith(t, 'F-C1:reads=2');
	t.true(draft(store).confirming, 'shown from the answer, its read-back still going');
	toggleRequired(store, 'displayName');
	await store.run(saveLayout(customers.id));
	const overlay = store.getState().overlay;
	t.is(overlay?.kind, 'layoutSave', `a stale read is not someone else's change: ${JSON.stringify(overlay)}`);
	t.true(
		overlay?.kind === 'layoutSave' && overlay.lines.some((line) => /displayName required/.test(line)),
		'the diff is only the second change',
	);
	await store.idle();
	t.false(draft(store).confirming ?? false);
	t.true(isLayoutDirty(draft(store)), 'the second change is still the draft');
	t.is(store.getState().flash?.level, 'success', store.getState().flash?.text);
});

const required = (
	layout: { inputs: readonly { attribute: string; required: boolean }[] },
	attribute: string,
) => layout.inputs.find((input) => input.attribute === attribute)?.required;

test('a read-back that never shows the save (reads lag past its tries) leaves the saved page, and says nothing else', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(openLayoutDraft(customers.id));
	const before = required(draft(store).layout, 'country');
	toggleRequired(store, 'country');
	// Each of the read-back's five tries reads the page from before the save.
	emulator.setFaults('F-C1:reads=5');
	await store.run(commitLayout(customers.id));
	await store.idle();
	const stored = emulator.tenant.requireFlow(customers.id).attributeCollection?.views[0]?.inputs;
	t.is(stored?.find((input) => input.attribute === 'country')?.required, !before, 'the service has it');
	const shown = selectResource(store.getState(), 'userFlow', customers.id).data;
	t.is(shown ? required(layoutFromFlow(shown), 'country') : undefined, !before, 'still on screen');
	t.is(required(draft(store).layout, 'country'), !before, 'the editor did not go back to before the save');
	t.is(store.getState().flash?.level, 'success', store.getState().flash?.text);
	t.true(draft(store).confirming, 'the next save reads patiently again');
});

test("a second save made while the first one's read-back runs is not undone by it, nor called stored otherwise", async (t) => {
	// The first save's first read lags, so its read-back tries again after the second save is stored.
	const { store } = await savedWith(t, 'F-C1:reads=1');
	toggleRequired(store, 'displayName');
	await store.run(saveLayout(customers.id));
	t.is(store.getState().overlay?.kind, 'layoutSave');
	await store.run(commitLayout(customers.id));
	const second = draft(store).layout;
	await store.idle();
	t.not(store.getState().flash?.level, 'warning', store.getState().flash?.text);
	t.deepEqual(draft(store).layout, second, 'the editor shows the second save');
	t.false(isLayoutDirty(draft(store)));
	const shown = selectResource(store.getState(), 'userFlow', customers.id).data;
	t.is(shown ? required(layoutFromFlow(shown), 'displayName') : undefined, required(second, 'displayName'));
	// A third change: no conflict with the admin's own second save.
	toggleRequired(store, 'surname');
	await store.run(saveLayout(customers.id));
	t.is(store.getState().overlay?.kind, 'layoutSave', JSON.stringify(store.getState().overlay));
});

test('an overwrite after a conflict, its read-back lagging past its tries: the saved page stays, no false warning', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(openLayoutDraft(customers.id));
	toggleRequired(store, 'country');
	// Another admin relabels an input meanwhile: the save opens the conflict dialog, and `o` overwrites.
	const surname = emulator.tenant
		.requireFlow(customers.id)
		.attributeCollection?.views[0]?.inputs.find((input) => input.attribute === 'surname');
	if (!surname) throw new Error('the customers flow collects surname');
	surname.label = 'Family name';
	await store.run(saveLayout(customers.id));
	const overlay = store.getState().overlay;
	if (overlay?.kind !== 'layoutConflict') return t.fail(`no conflict: ${JSON.stringify(overlay)}`);
	emulator.setFaults('F-C1:reads=5');
	await store.run(saveLayout(customers.id, overlay.server));
	await store.idle();
	t.is(store.getState().flash?.level, 'success', store.getState().flash?.text);
	const shown = selectResource(store.getState(), 'userFlow', customers.id).data;
	t.true(shown ? required(layoutFromFlow(shown), 'country') : false, 'the overwrite stays on screen');
	t.true(required(draft(store).layout, 'country'), 'and in the editor');
});
