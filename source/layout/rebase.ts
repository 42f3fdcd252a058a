// A kept draft against a page whose attributes changed since: only `attributes add/remove` change that set,
// and a PATCH must list exactly the flow's attributes, so a draft is moved onto the page's set before saving.
import type { Layout } from './model.js';

/** How a draft's set of inputs differs from the page's: attributes the page no longer has, and ones it gained. */
export type InputSetChange = {
	/** In the draft only, in draft order. */
	readonly dropped: readonly string[];
	/** On the page only, in page order. */
	readonly added: readonly string[];
};

// The service compares attribute ids case-insensitively.
const key = (attribute: string) => attribute.toLowerCase();

/** What differs between the draft's inputs and the page's, ignoring order and every other field. */
export function inputSetChange(draft: Layout, page: Layout): InputSetChange {
	const mine = new Set(draft.inputs.map((input) => key(input.attribute)));
	const theirs = new Set(page.inputs.map((input) => key(input.attribute)));
	return {
		dropped: draft.inputs
			.filter((input) => !theirs.has(key(input.attribute)))
			.map((input) => input.attribute),
		added: page.inputs.filter((input) => !mine.has(key(input.attribute))).map((input) => input.attribute),
	};
}

/** True when the two layouts have the same inputs, whatever their order and fields. */
export function sameInputSet(draft: Layout, page: Layout): boolean {
	const change = inputSetChange(draft, page);
	return change.dropped.length + change.added.length === 0;
}

/**
 * The draft with the page's set of inputs: inputs the page no longer has are dropped, inputs it gained are
 * appended as the page has them; every other input keeps its place and its edits. The same object when the
 * sets already agree.
 */
export function rebaseLayout(draft: Layout, page: Layout): Layout {
	if (sameInputSet(draft, page)) return draft;
	const theirs = new Set(page.inputs.map((input) => key(input.attribute)));
	const mine = new Set(draft.inputs.map((input) => key(input.attribute)));
	return {
		...draft,
		inputs: [
			...draft.inputs.filter((input) => theirs.has(key(input.attribute))),
			...page.inputs.filter((input) => !mine.has(key(input.attribute))),
		],
	};
}
