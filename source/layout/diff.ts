import { inputFields, type Layout, type LayoutInput, type LayoutOption } from './model.js';

/** The fields of an input a diff compares; `extra.<name>` for properties this version does not model. */
export type LayoutField = (typeof inputFields)[number] | `extra.${string}`;

/** An input that changed place. Positions are 1-based, as `layout show` numbers them. */
export type LayoutMove = { readonly attribute: string; readonly from: number; readonly to: number };

/** One field of one input that changed. */
export type LayoutChange = {
	readonly attribute: string;
	readonly field: LayoutField;
	readonly before: unknown;
	readonly after: unknown;
};

/** What turning one layout into another does. `added` and `removed` are never produced by the editor's edits. */
export type LayoutDiff = {
	/** Inputs that changed place (the fewest that explain the new order). */
	readonly moved: readonly LayoutMove[];
	readonly changed: readonly LayoutChange[];
	/** Attributes in the new layout only. */
	readonly added: readonly string[];
	/** Attributes in the old layout only. */
	readonly removed: readonly string[];
};

const key = (attribute: string) => attribute.toLowerCase();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The inputs that did not move: a longest common subsequence of the two orders. Among orders of equal length the
 * one keeping fewest `moved` inputs wins, so when two readings explain a change equally well (city to the top of
 * two inputs is also email one down), the inputs the admin moved are the ones named.
 */
function stayed(
	before: readonly string[],
	after: readonly string[],
	moved: ReadonlySet<string>,
): Set<string> {
	const rows = before.length;
	const cols = after.length;
	// Each kept input is worth n+1, or n when the admin moved it: the count always decides first.
	const worth = (id: string) => (moved.has(id) ? rows : rows + 1);
	const table = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
	for (let i = rows - 1; i >= 0; i--) {
		for (let j = cols - 1; j >= 0; j--) {
			table[i]![j] =
				before[i] === after[j]
					? table[i + 1]![j + 1]! + worth(before[i]!)
					: Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
		}
	}
	const kept = new Set<string>();
	for (let i = 0, j = 0; i < rows && j < cols; ) {
		if (before[i] === after[j] && table[i]![j] === table[i + 1]![j + 1]! + worth(before[i]!)) {
			kept.add(before[i]!);
			i++;
			j++;
		} else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
		else j++;
	}
	return kept;
}

function changesOf(before: LayoutInput, after: LayoutInput): LayoutChange[] {
	const changes: LayoutChange[] = [];
	for (const field of inputFields) {
		if (!same(before[field], after[field]))
			changes.push({ attribute: after.attribute, field, before: before[field], after: after[field] });
	}
	const extras = new Set([...Object.keys(before.extra ?? {}), ...Object.keys(after.extra ?? {})]);
	for (const name of [...extras].sort()) {
		const old = before.extra?.[name];
		const next = after.extra?.[name];
		if (!same(old, next))
			changes.push({ attribute: after.attribute, field: `extra.${name}`, before: old, after: next });
	}
	return changes;
}

/** Options of diffLayouts. */
export type DiffLayoutsOptions = {
	/** Attributes the admin moved (the editor knows): named as the moved ones when the orders allow either reading. */
	readonly moved?: readonly string[];
};

/** What changes from `before` to `after`: moves, field changes, and inputs added or removed. */
export function diffLayouts(before: Layout, after: Layout, options: DiffLayoutsOptions = {}): LayoutDiff {
	const oldByKey = new Map(before.inputs.map((input, index) => [key(input.attribute), { input, index }]));
	const newByKey = new Map(after.inputs.map((input, index) => [key(input.attribute), { input, index }]));
	const common = (inputs: readonly LayoutInput[], other: Map<string, unknown>) =>
		inputs.map((input) => key(input.attribute)).filter((id) => other.has(id));
	const oldOrder = common(before.inputs, newByKey);
	const newOrder = common(after.inputs, oldByKey);
	const kept = stayed(oldOrder, newOrder, new Set((options.moved ?? []).map(key)));
	const moved: LayoutMove[] = [];
	const changed: LayoutChange[] = [];
	for (const id of newOrder) {
		const old = oldByKey.get(id)!;
		const next = newByKey.get(id)!;
		if (!kept.has(id))
			moved.push({ attribute: next.input.attribute, from: old.index + 1, to: next.index + 1 });
		changed.push(...changesOf(old.input, next.input));
	}
	return {
		moved,
		changed,
		added: after.inputs
			.filter((input) => !oldByKey.has(key(input.attribute)))
			.map((input) => input.attribute),
		removed: before.inputs
			.filter((input) => !newByKey.has(key(input.attribute)))
			.map((input) => input.attribute),
	};
}

/** True when the two layouts are the same. */
export function isEmptyDiff(diff: LayoutDiff): boolean {
	return diff.moved.length + diff.changed.length + diff.added.length + diff.removed.length === 0;
}

/** A field value for people: options as `label=value` pairs, null as (none), strings quoted. */
export function formatFieldValue(value: unknown): string {
	if (value === null || value === undefined) return '(none)';
	if (Array.isArray(value) && value.every((item) => item && typeof item === 'object' && 'value' in item)) {
		const options = value as LayoutOption[];
		return options.length === 0
			? '(none)'
			: `[${options.map((option) => `${option.label}=${option.value}`).join(', ')}]`;
	}
	return JSON.stringify(value);
}

/** Options of formatLayoutDiff. */
export type FormatDiffOptions = {
	/**
	 * `proposed` (default): the diff is what a save would do, so added or removed inputs are a loud warning.
	 * `happened`: the diff is what someone already did on the server, told as facts in the past tense.
	 */
	readonly tense?: 'proposed' | 'happened';
};

/**
 * The diff as lines for people: moves, then changes, then inputs added or removed. A proposed diff makes those
 * a loud `!!!` section (the service refuses them by PATCH; the editor never produces them); one that
 * happened on the server says so plainly, ahead of the rest.
 */
export function formatLayoutDiff(diff: LayoutDiff, options: FormatDiffOptions = {}): string[] {
	if (isEmptyDiff(diff)) return ['no changes'];
	const lines = [
		...diff.moved.map((move) => `moved    ${move.attribute}: position ${move.from} → ${move.to}`),
		...diff.changed.map(
			(change) =>
				`changed  ${change.attribute} ${change.field}: ${formatFieldValue(change.before)} → ${formatFieldValue(change.after)}`,
		),
	];
	if (options.tense === 'happened') {
		// First, so a dialog that cuts a long list still shows them.
		return [
			...(diff.added.length > 0 ? [`added on the server: ${diff.added.join(', ')}`] : []),
			...(diff.removed.length > 0 ? [`removed on the server: ${diff.removed.join(', ')}`] : []),
			...lines,
		];
	}
	if (diff.added.length > 0) {
		lines.push(
			`!!! WOULD ADD ${diff.added.length} input(s): ${diff.added.join(', ')}`,
			'!!! A layout change cannot add inputs; use `entra-flows attributes add <flow> <attributeId>`.',
		);
	}
	if (diff.removed.length > 0) {
		lines.push(
			`!!! WOULD REMOVE ${diff.removed.length} input(s): ${diff.removed.join(', ')}`,
			'!!! Their data would no longer be collected. A layout change cannot remove inputs; use `entra-flows attributes remove <flow> <attributeId>`.',
		);
	}
	return lines;
}
