import {
	allowedInputTypes,
	diffLayouts,
	type FormatDiffOptions,
	formatLayoutDiff,
	formatProblem,
	type InputSetChange,
	isChoiceType,
	type Layout,
	type LayoutDiff,
	type LayoutProblem,
	layoutFingerprint,
	validateLayout,
} from '../layout/index.js';
import { display } from '../text/sanitize.js';
import type { LayoutDraft, LayoutField } from './layout-state.js';
import type { AppState } from './state.js';

// View models of the layout editor. Every string from Graph passes through display() here.

/** One input of the page as the editor's table shows it. */
export type LayoutRow = {
	readonly key: string;
	/** 1-based, as `layout show` numbers the page. */
	readonly position: number;
	readonly label: string;
	/** The attribute id, a custom attribute's app id shortened (the detail shows it whole). */
	readonly attribute: string;
	/** Short name: text, radio, checkboxes, boolean. */
	readonly inputType: string;
	readonly required: boolean;
	readonly hidden: boolean;
	readonly editable: boolean;
	/** "3 blue,green,red" for choice inputs, "" otherwise. */
	readonly options: string;
	readonly pattern: string;
	/** True when validation found a problem with this input. */
	readonly problem: boolean;
};

/** The selected input in full. */
export type LayoutDetail = {
	readonly attribute: string;
	readonly dataType: string;
	readonly label: string;
	readonly inputType: string;
	/** The input types its data type allows, in the order `t` cycles through them. */
	readonly allowedTypes: readonly string[];
	readonly required: boolean;
	readonly hidden: boolean;
	readonly editable: boolean;
	readonly choice: boolean;
	readonly options: readonly { readonly label: string; readonly value: string }[];
	readonly pattern: string;
	/** "label: the label is empty…", one per problem of this input. */
	readonly problems: readonly string[];
};

/** Everything the editor screen renders. */
export type LayoutEditorView = {
	readonly rows: readonly LayoutRow[];
	readonly selected?: LayoutDetail;
	readonly cursor: number;
	readonly optionCursor?: number;
	readonly field?: LayoutField;
	readonly problems: readonly string[];
	readonly dirty: boolean;
	/** How many edits undo can take back. */
	readonly undoable: number;
	readonly saving: boolean;
};

const shortTypes: Readonly<Record<string, string>> = {
	radioSingleSelect: 'radio',
	checkboxMultiSelect: 'checkboxes',
};

/** An input type as tables show it (`radio`, `checkboxes`); others as they are. */
export function shortInputType(inputType: string): string {
	return shortTypes[inputType] ?? inputType;
}

/** `extension_<32 hex>_Name` → `extension…_Name` wherever it occurs: the app id is the same for every custom attribute. */
export function shortAttribute(text: string): string {
	return text.replace(/extension_[0-9a-f]{32}_/gi, 'extension…_');
}

const fingerprints = new WeakMap<Layout, string>();
const problemCache = new WeakMap<Layout, readonly LayoutProblem[]>();
const views = new WeakMap<LayoutDraft, LayoutEditorView>();

function fingerprint(layout: Layout): string {
	let value = fingerprints.get(layout);
	if (value === undefined) {
		value = layoutFingerprint(layout);
		fingerprints.set(layout, value);
	}
	return value;
}

/** What keeps the draft from being saved: validateLayout against the page as last read. */
export function layoutProblems(draft: LayoutDraft): readonly LayoutProblem[] {
	let problems = problemCache.get(draft.layout);
	if (!problems) {
		problems = validateLayout(draft.layout, { baseline: draft.base });
		problemCache.set(draft.layout, problems);
	}
	return problems;
}

/** True when the draft differs from the page it was started from. */
export function isLayoutDirty(draft: LayoutDraft): boolean {
	return draft.layout !== draft.base && fingerprint(draft.layout) !== draft.baseFingerprint;
}

/** Ids of the flows with unsaved layout edits, joined by spaces (a string, so a selector result stays equal). */
export function unsavedLayoutFlowIds(state: AppState): string {
	return Object.values(state.layoutDrafts)
		.filter(isLayoutDirty)
		.map((draft) => draft.flowId)
		.sort()
		.join(' ');
}

/** True when any flow has unsaved layout edits (quitting asks first). */
export function hasUnsavedLayout(state: AppState): boolean {
	return Object.values(state.layoutDrafts).some(isLayoutDirty);
}

/** A diff as sanitized lines for a dialog, and whether it would add or remove inputs (a proposed diff only). */
export function diffLines(
	diff: LayoutDiff,
	options: FormatDiffOptions = {},
): { readonly lines: readonly string[]; readonly loud: boolean } {
	return {
		lines: formatLayoutDiff(diff, options).map((line) => display(line)),
		loud: options.tense !== 'happened' && diff.added.length + diff.removed.length > 0,
	};
}

const attributeList = (attributes: readonly string[]) =>
	`${attributes.map((attribute) => display(shortAttribute(attribute))).join(', ')} ${attributes.length === 1 ? 'is' : 'are'}`;

/** What moving a draft onto the flow's attributes did, for the status line ("country is no longer collected…"). */
export function rebaseNotice(change: InputSetChange): string {
	return [
		change.dropped.length > 0
			? `${attributeList(change.dropped)} no longer collected by this flow; dropped from your draft.`
			: undefined,
		change.added.length > 0
			? `${attributeList(change.added)} now collected by this flow; added at the end of your draft.`
			: undefined,
	]
		.filter(Boolean)
		.join(' ');
}

/** The status-line topic of a flow's save refusal, so the message can follow the draft (reducers/layout-refusal.ts). */
export function refusalTopic(flowId: string): string {
	return `layout-refusal:${flowId}`;
}

/** Why save is refused, for the status line; undefined when the draft can be saved. */
export function saveRefusal(draft: LayoutDraft): string | undefined {
	const problems = layoutProblems(draft);
	if (problems.length === 0) return undefined;
	const first = display(shortAttribute(formatProblem(problems[0] as LayoutProblem)));
	const more = problems.length > 1 ? ` (and ${problems.length - 1} more, marked ! on the page)` : '';
	return `Not saved: fix ${problems.length === 1 ? 'this problem' : 'these problems'} first — ${first}${more}`;
}

/** Lines of what saving would change, server → draft; the inputs the admin moved are named as the moved ones. */
export function draftChanges(server: Layout, draft: Pick<LayoutDraft, 'layout' | 'moved'>) {
	return diffLines(diffLayouts(server, draft.layout, { moved: draft.moved }));
}

function detail(draft: LayoutDraft, problems: readonly LayoutProblem[]): LayoutDetail | undefined {
	const input = draft.layout.inputs[draft.cursor];
	if (!input) return undefined;
	return {
		attribute: display(input.attribute),
		dataType: display(input.dataType),
		label: display(input.label),
		inputType: display(input.inputType),
		allowedTypes: allowedInputTypes(input.dataType),
		required: input.required,
		hidden: input.hidden,
		editable: input.editable,
		choice: isChoiceType(input.inputType),
		options: input.options.map((option) => ({ label: display(option.label), value: display(option.value) })),
		pattern: display(input.validationRegEx ?? ''),
		problems: problems
			.filter((problem) => problem.index === draft.cursor)
			.map((problem) => display(`${problem.field ?? 'input'}: ${problem.message}`)),
	};
}

/** The editor's view of a draft, computed once per draft object. */
export function layoutEditorView(draft: LayoutDraft): LayoutEditorView {
	const cached = views.get(draft);
	if (cached) return cached;
	const problems = layoutProblems(draft);
	const flagged = new Set(problems.map((problem) => problem.index));
	const view: LayoutEditorView = {
		rows: draft.layout.inputs.map((input, index) => ({
			key: input.attribute,
			position: index + 1,
			label: display(input.label),
			attribute: display(shortAttribute(input.attribute)),
			inputType: display(shortTypes[input.inputType] ?? input.inputType),
			required: input.required,
			hidden: input.hidden,
			editable: input.editable,
			options:
				isChoiceType(input.inputType) || input.options.length > 0
					? display(`${input.options.length} ${input.options.map((option) => option.value).join(',')}`)
					: '',
			pattern: display(input.validationRegEx ?? ''),
			problem: flagged.has(index),
		})),
		selected: detail(draft, problems),
		cursor: draft.cursor,
		optionCursor: draft.optionCursor,
		field: draft.field ? { ...draft.field, text: display(draft.field.text) } : undefined,
		problems: problems.map((problem) => display(formatProblem(problem))),
		dirty: isLayoutDirty(draft),
		undoable: draft.history.length,
		saving: draft.saving,
	};
	views.set(draft, view);
	return view;
}
