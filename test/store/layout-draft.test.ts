import test from 'ava';
import { type Layout, layoutFingerprint, rebaseLayout, toPageInputs } from '../../source/layout/index.js';
import type { Action } from '../../source/store/actions.js';
import {
	hasUnsavedLayout,
	isLayoutDirty,
	type LayoutDraft,
	layoutEditorView,
	layoutProblems,
	refusalTopic,
	saveRefusal,
} from '../../source/store/index.js';
import { reducer } from '../../source/store/reducer.js';
import { type AppState, initialState } from '../../source/store/state.js';
import { ids, inputOf, layout } from '../layout/fixture.js';

// Each editor key dispatches one of these actions (source/ui/screens/use-layout-keys.ts); here is what each does.
const flowId = 'f1';
const opened: Action = { type: 'layout/opened', flowId, layout, fingerprint: layoutFingerprint(layout) };

function apply(...actions: Action[]): AppState {
	return actions.reduce(reducer, reducer(initialState(true), opened));
}

/** Applies more actions to a state. */
function step(state: AppState, ...actions: Action[]): AppState {
	return actions.reduce(reducer, state);
}

function draftOf(state: AppState): LayoutDraft {
	const draft = state.layoutDrafts[flowId];
	if (!draft) throw new Error('no draft');
	return draft;
}

const at = (index: number): Action => ({ type: 'layout/cursorMoved', flowId, index });
const edit = (kind: 'moveUp' | 'moveDown' | 'moveToTop' | 'moveToBottom', attribute: string): Action => ({
	type: 'layout/edited',
	flowId,
	edit: { kind, attribute },
});
const toggle = (kind: 'toggleRequired' | 'toggleHidden' | 'toggleEditable', attribute: string): Action => ({
	type: 'layout/edited',
	flowId,
	edit: { kind, attribute },
});
const typeText = (text: string): Action => ({ type: 'layout/fieldChanged', flowId, text });
const accept: Action = { type: 'layout/fieldAccepted', flowId };
const undo: Action = { type: 'layout/undone', flowId };

test('opening starts a clean draft at the first input; opening again keeps an existing draft', (t) => {
	const draft = draftOf(apply());
	t.is(draft.cursor, 0);
	t.false(isLayoutDirty(draft));
	t.deepEqual(draft.history, []);
	const moved = apply(edit('moveDown', 'email'));
	const reopened = reducer(moved, opened);
	t.is(reopened, moved, 'a kept draft survives leaving and coming back');
	t.true(isLayoutDirty(draftOf(reopened)));
});

test('j/k/g/G move the selection within the page', (t) => {
	t.is(draftOf(apply(at(3))).cursor, 3);
	t.is(draftOf(apply(at(99))).cursor, 5, 'clamped to the last input');
	t.is(draftOf(apply(at(-1))).cursor, 0);
});

test('K/J/T/B move the selected input and the selection follows it', (t) => {
	let draft = draftOf(apply(at(2), edit('moveUp', 'extension_x_Color')));
	t.deepEqual(ids(draft.layout).slice(0, 3), ['email', 'extension_x_Color', 'displayName']);
	t.is(draft.cursor, 1);
	draft = draftOf(apply(at(2), edit('moveDown', 'extension_x_Color')));
	t.is(ids(draft.layout)[3], 'extension_x_Color');
	t.is(draft.cursor, 3);
	draft = draftOf(apply(at(4), edit('moveToTop', 'extension_x_Age')));
	t.is(ids(draft.layout)[0], 'extension_x_Age');
	t.is(draft.cursor, 0);
	draft = draftOf(apply(edit('moveToBottom', 'email')));
	t.is(ids(draft.layout).at(-1), 'email');
	t.is(draft.cursor, 5);
	t.is(draft.layout.inputs.length, 6, 'no input is ever added or removed');
});

test('moving past the edge changes nothing and records no undo step', (t) => {
	const state = apply(edit('moveUp', 'email'));
	t.false(isLayoutDirty(draftOf(state)));
	t.is(draftOf(state).history.length, 0);
});

test('r, h and e toggle required, hidden and editable', (t) => {
	const draft = draftOf(
		apply(toggle('toggleRequired', 'city'), toggle('toggleHidden', 'city'), toggle('toggleEditable', 'city')),
	);
	const city = inputOf(draft.layout, 'city');
	t.true(city.required);
	t.true(city.hidden);
	t.false(city.editable);
	t.is(draft.history.length, 3);
});

test('enter edits the label: the field starts with the label, enter applies it, esc drops it', (t) => {
	let state = apply(at(1), { type: 'layout/fieldOpened', flowId, target: 'label' });
	t.deepEqual(draftOf(state).field, { target: 'label', text: 'Display Name', option: undefined });
	state = step(state, typeText('Your name'), accept);
	t.is(inputOf(draftOf(state).layout, 'displayName').label, 'Your name');
	t.is(draftOf(state).field, undefined);
	state = step(state, { type: 'layout/fieldOpened', flowId, target: 'label' }, typeText('Nope'));
	state = reducer(state, { type: 'layout/fieldClosed', flowId });
	t.is(inputOf(draftOf(state).layout, 'displayName').label, 'Your name', 'esc changes nothing');
});

test('an empty label is a problem on that input and save is refused with the reason', (t) => {
	const state = apply(at(1), { type: 'layout/fieldOpened', flowId, target: 'label' }, typeText(''), accept);
	const draft = draftOf(state);
	const problems = layoutProblems(draft);
	t.is(problems.length, 1);
	t.is(problems[0]?.index, 1);
	t.is(problems[0]?.field, 'label');
	const view = layoutEditorView(draft);
	t.true(view.rows[1]?.problem);
	t.false(view.rows[0]?.problem);
	t.regex(view.selected?.problems[0] ?? '', /^label: the label is empty/);
	t.regex(saveRefusal(draft) ?? '', /Not saved: fix this problem first — 2\. displayName \(label\)/);
});

test('p edits the pattern; an empty pattern removes it; one that does not compile is a problem', (t) => {
	let state = apply(at(5), { type: 'layout/fieldOpened', flowId, target: 'pattern' });
	t.is(draftOf(state).field?.text, '');
	state = step(state, typeText('^[A-Z]'), accept);
	t.is(inputOf(draftOf(state).layout, 'city').validationRegEx, '^[A-Z]');
	state = step(state, { type: 'layout/fieldOpened', flowId, target: 'pattern' }, typeText('['), accept);
	t.regex(
		layoutEditorView(draftOf(state)).selected?.problems[0] ?? '',
		/validationRegEx: the pattern does not compile/,
	);
	state = step(state, { type: 'layout/fieldOpened', flowId, target: 'pattern' }, typeText(''), accept);
	t.is(inputOf(draftOf(state).layout, 'city').validationRegEx, null);
	t.deepEqual(layoutProblems(draftOf(state)), []);
});

test('t cycles through the input types the data type allows; leaving a choice type drops its options', (t) => {
	const cycle: Action = { type: 'layout/inputTypeCycled', flowId };
	let state = apply(at(5), cycle);
	t.is(inputOf(draftOf(state).layout, 'city').inputType, 'radioSingleSelect');
	t.regex(layoutProblems(draftOf(state))[0]?.message ?? '', /needs at least one option/);
	state = reducer(state, cycle);
	t.is(inputOf(draftOf(state).layout, 'city').inputType, 'checkboxMultiSelect');
	state = reducer(state, cycle);
	t.is(inputOf(draftOf(state).layout, 'city').inputType, 'text');
	state = apply(at(2), cycle, cycle);
	t.is(inputOf(draftOf(state).layout, 'extension_x_Color').inputType, 'text');
	t.deepEqual(inputOf(draftOf(state).layout, 'extension_x_Color').options, []);
	const terms = apply(at(3), cycle);
	t.is(draftOf(terms).history.length, 0, 'a boolean attribute has only the boolean input');
	const age = apply(at(4), cycle);
	t.is(inputOf(draftOf(age).layout, 'extension_x_Age').inputType, 'text', 'int64 allows text only');
});

test('o opens the choices of radio and checkbox inputs only', (t) => {
	t.is(draftOf(apply(at(2), { type: 'layout/optionsOpened', flowId })).optionCursor, 0);
	t.is(draftOf(apply(at(5), { type: 'layout/optionsOpened', flowId })).optionCursor, undefined);
	const closed = apply(
		at(2),
		{ type: 'layout/optionsOpened', flowId },
		{ type: 'layout/optionsClosed', flowId },
	);
	t.is(draftOf(closed).optionCursor, undefined);
});

test('in the options editor: a adds label then value, enter edits, d deletes, K/J move; the cursor follows', (t) => {
	const open: Action[] = [at(2), { type: 'layout/optionsOpened', flowId }];
	let state = apply(
		...open,
		{ type: 'layout/fieldOpened', flowId, target: 'optionLabel' },
		typeText('Green'),
		accept,
	);
	t.deepEqual(draftOf(state).field, {
		target: 'optionValue',
		text: 'Green',
		option: undefined,
		optionLabel: 'Green',
	});
	state = step(state, typeText('green'), accept);
	const color = () => inputOf(draftOf(state).layout, 'extension_x_Color');
	t.deepEqual(color().options.at(-1), { label: 'Green', value: 'green' });
	t.is(draftOf(state).optionCursor, 2, 'the new choice is selected');
	state = step(
		state,
		{ type: 'layout/optionCursorMoved', flowId, index: 0 },
		{ type: 'layout/fieldOpened', flowId, target: 'optionLabel', option: 0 },
	);
	t.is(draftOf(state).field?.text, 'Blue');
	state = step(state, typeText('Navy'), accept);
	t.is(draftOf(state).field?.text, 'blue', 'the value step starts with the current value');
	state = step(state, typeText('navy'), accept);
	t.deepEqual(color().options[0], { label: 'Navy', value: 'navy' });
	state = reducer(state, {
		type: 'layout/edited',
		flowId,
		edit: { kind: 'moveOption', attribute: 'extension_x_Color', from: 0, to: 1 },
	});
	t.deepEqual(
		color().options.map((option) => option.value),
		['red', 'navy', 'green'],
	);
	t.is(draftOf(state).optionCursor, 1);
	state = reducer(state, {
		type: 'layout/edited',
		flowId,
		edit: { kind: 'removeOption', attribute: 'extension_x_Color', index: 2 },
	});
	t.is(color().options.length, 2);
	t.is(draftOf(state).optionCursor, 1);
});

test('a repeated choice value is a problem on its input', (t) => {
	const state = apply(
		at(2),
		{ type: 'layout/optionsOpened', flowId },
		{ type: 'layout/fieldOpened', flowId, target: 'optionLabel' },
		typeText('Blue again'),
		accept,
		typeText('blue'),
		accept,
	);
	t.regex(layoutProblems(draftOf(state))[0]?.message ?? '', /repeats the value "blue"/);
});

test('u undoes edits one at a time back to the page as read; the selection follows', (t) => {
	let state = apply(
		at(2),
		edit('moveToTop', 'extension_x_Color'),
		toggle('toggleRequired', 'extension_x_Color'),
	);
	t.is(draftOf(state).cursor, 0);
	state = reducer(state, undo);
	t.false(inputOf(draftOf(state).layout, 'extension_x_Color').required);
	t.is(ids(draftOf(state).layout)[0], 'extension_x_Color');
	state = reducer(state, undo);
	t.is(ids(draftOf(state).layout)[2], 'extension_x_Color');
	t.is(draftOf(state).cursor, 2, 'still on the input that moved back');
	t.false(isLayoutDirty(draftOf(state)), 'back to the page as read');
	t.is(reducer(state, undo), state, 'nothing more to undo');
});

test('discarding drops the draft; unsaved drafts are what quitting asks about', (t) => {
	const dirty = apply(toggle('toggleRequired', 'city'));
	t.true(hasUnsavedLayout(dirty));
	const gone = reducer(dirty, { type: 'layout/discarded', flowId });
	t.is(gone.layoutDrafts[flowId], undefined);
	t.false(hasUnsavedLayout(gone));
	t.false(hasUnsavedLayout(apply()), 'an untouched draft is not unsaved work');
});

test('saving marks the draft busy until it ends', (t) => {
	const state = apply({ type: 'layout/saveStarted', flowId });
	t.true(draftOf(state).saving);
	t.false(draftOf(reducer(state, { type: 'layout/saveEnded', flowId })).saving);
});

test('actions for a flow without a draft change nothing', (t) => {
	const state = initialState(true);
	t.is(reducer(state, { type: 'layout/undone', flowId: 'other' }), state);
	t.is(reducer(state, toggle('toggleRequired', 'city')), state);
});

test('t keeps the choices while cycling radio → checkboxes → text → radio; only choice types carry them', (t) => {
	const cycle: Action = { type: 'layout/inputTypeCycled', flowId };
	const color = (state: AppState) => inputOf(draftOf(state).layout, 'extension_x_Color');
	const choices = inputOf(layout, 'extension_x_Color').options;
	let state = apply(at(2), cycle);
	t.is(color(state).inputType, 'checkboxMultiSelect');
	t.deepEqual(color(state).options, choices);
	state = reducer(state, cycle);
	t.is(color(state).inputType, 'text');
	t.deepEqual(color(state).options, [], 'a text input has no choices');
	const sent = toPageInputs(draftOf(state).layout).find((input) => input.attribute === 'extension_x_Color');
	t.deepEqual(sent?.options, [], 'the PATCH sends choices only for choice types');
	state = reducer(state, cycle);
	t.is(color(state).inputType, 'radioSingleSelect');
	t.deepEqual(color(state).options, choices, 'the choices came back without u');
	t.is(draftOf(state).history.length, 3, 'each t is one undo step');
	t.deepEqual(layoutProblems(draftOf(state)), []);
	t.false(isLayoutDirty(draftOf(state)), 'back to the page as read');
});

test('rebasing moves the draft, its base and its undo steps onto the page; the selection stays on its input', (t) => {
	// The page after `attributes remove … extension_x_Color`.
	const page: Layout = {
		...layout,
		inputs: layout.inputs.filter((input) => input.attribute !== 'extension_x_Color'),
	};
	let state = apply(
		toggle('toggleRequired', 'extension_x_Color'),
		edit('moveToTop', 'city'),
		toggle('toggleHidden', 'displayName'),
		at(5),
	);
	t.is(draftOf(state).layout.inputs[5]?.attribute, 'extension_x_Age');
	const base = rebaseLayout(layout, page);
	state = reducer(state, { type: 'layout/rebased', flowId, page, fingerprint: layoutFingerprint(base) });
	const draft = draftOf(state);
	t.deepEqual(ids(draft.layout), ['city', 'email', 'displayName', 'extension_x_Terms', 'extension_x_Age']);
	t.true(inputOf(draft.layout, 'displayName').hidden);
	t.deepEqual(ids(draft.base), ids(page));
	t.is(draft.baseFingerprint, layoutFingerprint(page));
	t.is(draft.cursor, 4, 'still on extension_x_Age');
	t.is(draft.history.length, 2, "the dropped input's edit is no longer an undo step");
	for (let step = 0; step < 2; step++) {
		const before = draftOf(state).layout;
		state = reducer(state, undo);
		t.notDeepEqual(draftOf(state).layout, before, 'each u changes something');
	}
	t.deepEqual(ids(draftOf(state).layout), ids(page), 'undo never brings the dropped input back');
	t.false(isLayoutDirty(draftOf(state)));
});

test('the save refusal in the status line goes once an edit or u fixes the problem', (t) => {
	const emptyLabel: Action[] = [
		at(1),
		{ type: 'layout/fieldOpened', flowId, target: 'label' },
		typeText(''),
		accept,
	];
	let state = apply(...emptyLabel);
	const text = saveRefusal(draftOf(state)) ?? '';
	state = reducer(state, {
		type: 'flash/shown',
		level: 'warning',
		text,
		topic: refusalTopic(flowId),
	});
	state = reducer(state, toggle('toggleRequired', 'city'));
	t.is(state.flash?.text, text, 'still a problem: the message stays');
	state = reducer(state, at(0));
	t.is(state.flash?.text, text, 'moving the selection changes nothing');
	state = reducer(reducer(state, undo), undo);
	t.is(state.flash, undefined, 'the label is back: nothing refuses the save any more');
	const other = reducer(apply(...emptyLabel), {
		type: 'flash/shown',
		level: 'warning',
		text: 'Something else',
	});
	t.is(reducer(other, undo).flash?.text, 'Something else', 'other messages are left alone');
});
