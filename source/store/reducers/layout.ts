import {
	allowedInputTypes,
	applyEdit,
	indexOfAttribute,
	isChoiceType,
	type Layout,
	type LayoutEdit,
	layoutFingerprint,
	rebaseLayout,
} from '../../layout/index.js';
import type { LayoutAction, LayoutDraft, LayoutField } from '../layout-state.js';
import { assertNever } from './never.js';

type Drafts = Readonly<Record<string, LayoutDraft>>;

// Enough to walk back through a long session; older steps are dropped.
const historyLimit = 100;

const clamp = (index: number, count: number) => Math.max(0, Math.min(index, count - 1));

/** The selection follows the selected input when it moves (or comes back by undo). */
function follow(before: Layout, after: Layout, cursor: number): number {
	const attribute = before.inputs[cursor]?.attribute;
	const index = attribute === undefined ? -1 : indexOfAttribute(after, attribute);
	return index === -1 ? clamp(cursor, after.inputs.length) : index;
}

function optionCursorAfter(draft: LayoutDraft, edit: LayoutEdit, layout: Layout): number | undefined {
	if (draft.optionCursor === undefined) return undefined;
	const count = layout.inputs[draft.cursor]?.options.length ?? 0;
	if (edit.kind === 'moveOption') return clamp(edit.to, count);
	if (edit.kind === 'addOption') return clamp(edit.index ?? count - 1, count);
	return clamp(draft.optionCursor, count);
}

/** Applies an edit; one that changes nothing (by reference) leaves the draft and its undo history alone. */
function edited(draft: LayoutDraft, edit: LayoutEdit, field?: LayoutField): LayoutDraft {
	const layout = applyEdit(draft.layout, edit);
	if (layout === draft.layout) return field === draft.field ? draft : { ...draft, field };
	return {
		...draft,
		layout,
		history: [...draft.history, draft.layout].slice(-historyLimit),
		cursor: follow(draft.layout, layout, draft.cursor),
		optionCursor: optionCursorAfter(draft, edit, layout),
		field,
		moved: movedAfter(draft.moved, edit),
	};
}

const inputMoves: ReadonlySet<LayoutEdit['kind']> = new Set([
	'moveUp',
	'moveDown',
	'moveToTop',
	'moveToBottom',
	'moveTo',
]);

function movedAfter(moved: readonly string[] = [], edit: LayoutEdit): readonly string[] | undefined {
	if (!inputMoves.has(edit.kind) || moved.includes(edit.attribute))
		return moved.length > 0 ? moved : undefined;
	return [...moved, edit.attribute];
}

function selected(draft: LayoutDraft) {
	return draft.layout.inputs[draft.cursor];
}

function fieldText(draft: LayoutDraft, target: LayoutField['target'], option?: number): string {
	const input = selected(draft);
	if (!input) return '';
	if (target === 'label') return input.label;
	if (target === 'pattern') return input.validationRegEx ?? '';
	const current = option === undefined ? undefined : input.options[option];
	return (target === 'optionLabel' ? current?.label : current?.value) ?? '';
}

/** Enter in the text field: labels and patterns are applied; an option's label leads on to its value. */
function accepted(draft: LayoutDraft): LayoutDraft {
	const field = draft.field;
	const input = selected(draft);
	if (!field || !input) return draft;
	const { attribute } = input;
	switch (field.target) {
		case 'label':
			return edited(draft, { kind: 'setLabel', attribute, label: field.text });
		case 'pattern':
			return edited(draft, { kind: 'setValidationRegEx', attribute, pattern: field.text || null });
		case 'optionLabel': {
			// A new option's value starts as its label: most choices store what they show.
			const value = field.option === undefined ? field.text : fieldText(draft, 'optionValue', field.option);
			return {
				...draft,
				field: { target: 'optionValue', text: value, option: field.option, optionLabel: field.text },
			};
		}
		case 'optionValue': {
			const option = { label: field.optionLabel ?? '', value: field.text };
			return field.option === undefined
				? edited(draft, { kind: 'addOption', attribute, option })
				: edited(draft, { kind: 'updateOption', attribute, index: field.option, option });
		}
		default:
			return assertNever(field.target);
	}
}

function cycledType(draft: LayoutDraft): LayoutDraft {
	const input = selected(draft);
	if (!input) return draft;
	const allowed = allowedInputTypes(input.dataType);
	const next = allowed[(allowed.indexOf(input.inputType) + 1) % allowed.length];
	if (next === undefined) return draft;
	// Choices left behind on the way through text come back with the next choice type (u is not needed).
	const leaving = isChoiceType(input.inputType) && !isChoiceType(next) && input.options.length > 0;
	const keptOptions = leaving
		? { ...draft.keptOptions, [input.attribute]: input.options }
		: draft.keptOptions;
	const restore = draft.keptOptions?.[input.attribute];
	const after = edited(draft, { kind: 'setInputType', attribute: input.attribute, inputType: next, restore });
	return after === draft ? draft : { ...after, keptOptions };
}

/** Undo steps without the ones a rebase made equal to the step after them: each u must change something. */
function distinctSteps(steps: readonly Layout[], current: Layout): Layout[] {
	const kept: Layout[] = [];
	let after = layoutFingerprint(current);
	for (let index = steps.length - 1; index >= 0; index--) {
		const step = steps[index] as Layout;
		const fingerprint = layoutFingerprint(step);
		if (fingerprint !== after) kept.unshift(step);
		after = fingerprint;
	}
	return kept;
}

/** The draft, its base and its undo steps on the page's set of inputs; the selection stays on its input. */
function rebased(draft: LayoutDraft, page: Layout, fingerprint: string): LayoutDraft {
	const layout = rebaseLayout(draft.layout, page);
	if (layout === draft.layout && rebaseLayout(draft.base, page) === draft.base) return draft;
	const cursor = follow(draft.layout, layout, draft.cursor);
	const kept = layout.inputs[cursor]?.attribute === draft.layout.inputs[draft.cursor]?.attribute;
	return {
		...draft,
		base: rebaseLayout(draft.base, page),
		baseFingerprint: fingerprint,
		layout,
		history: distinctSteps(
			draft.history.map((step) => rebaseLayout(step, page)),
			layout,
		),
		cursor,
		// An open field or options list of an input that is gone would edit nothing.
		optionCursor: kept ? draft.optionCursor : undefined,
		field: kept ? draft.field : undefined,
	};
}

function undone(draft: LayoutDraft): LayoutDraft {
	const previous = draft.history.at(-1);
	if (!previous) return draft;
	const cursor = follow(draft.layout, previous, draft.cursor);
	const options = previous.inputs[cursor]?.options.length ?? 0;
	return {
		...draft,
		layout: previous,
		history: draft.history.slice(0, -1),
		cursor,
		optionCursor: draft.optionCursor === undefined ? undefined : clamp(draft.optionCursor, options),
		field: undefined,
	};
}

function change(draft: LayoutDraft, action: Exclude<LayoutAction, { type: 'layout/opened' }>): LayoutDraft {
	switch (action.type) {
		case 'layout/rebased':
			return rebased(draft, action.page, action.fingerprint);
		case 'layout/edited':
			return edited(draft, action.edit, draft.field);
		case 'layout/inputTypeCycled':
			return cycledType(draft);
		case 'layout/undone':
			return undone(draft);
		case 'layout/cursorMoved':
			return { ...draft, cursor: clamp(action.index, draft.layout.inputs.length), optionCursor: undefined };
		case 'layout/optionsOpened':
			return isChoiceType(selected(draft)?.inputType ?? '') ? { ...draft, optionCursor: 0 } : draft;
		case 'layout/optionsClosed':
			return { ...draft, optionCursor: undefined, field: undefined };
		case 'layout/optionCursorMoved':
			return draft.optionCursor === undefined
				? draft
				: { ...draft, optionCursor: clamp(action.index, selected(draft)?.options.length ?? 0) };
		case 'layout/fieldOpened':
			return selected(draft)
				? {
						...draft,
						field: {
							target: action.target,
							text: fieldText(draft, action.target, action.option),
							option: action.option,
						},
					}
				: draft;
		case 'layout/fieldChanged':
			return draft.field ? { ...draft, field: { ...draft.field, text: action.text } } : draft;
		case 'layout/fieldAccepted':
			return accepted(draft);
		case 'layout/fieldClosed':
			return { ...draft, field: undefined };
		case 'layout/saveStarted':
			return { ...draft, saving: true };
		case 'layout/saveEnded':
			return { ...draft, saving: false };
		case 'layout/confirmed':
			return draft.confirming ? { ...draft, confirming: false } : draft;
		case 'layout/discarded':
			return draft;
		default:
			return assertNever(action);
	}
}

/** Layout drafts by flow id: opening keeps an existing draft, so unsaved edits survive leaving the editor. */
export function reduceLayoutDrafts(drafts: Drafts, action: LayoutAction): Drafts {
	const current = drafts[action.flowId];
	if (action.type === 'layout/opened') {
		if (current) return drafts;
		const draft: LayoutDraft = {
			flowId: action.flowId,
			base: action.layout,
			baseFingerprint: action.fingerprint,
			layout: action.layout,
			history: [],
			cursor: 0,
			saving: false,
			...(action.confirming ? { confirming: true } : {}),
		};
		return { ...drafts, [action.flowId]: draft };
	}
	if (!current) return drafts;
	if (action.type === 'layout/discarded') {
		const { [action.flowId]: _, ...rest } = drafts;
		return rest;
	}
	const next = change(current, action);
	return next === current ? drafts : { ...drafts, [action.flowId]: next };
}
