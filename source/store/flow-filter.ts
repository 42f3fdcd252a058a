import type { FlowRow } from './views.js';

// Filtering 50,000 flows must fit in a frame: each row's searchable text is folded once, when its page
// arrives, so a keystroke is one `includes` per prepared string, and one more character searches only the rows
// the shorter filter matched.

/** The flows list's rows with the text the filter matches, prepared once per row. */
export type FlowIndex = {
	readonly rows: readonly FlowRow[];
	/** Per row, its name folded (NFC, lower case). */
	readonly keys: readonly string[];
	/** Shared by an index and the ones extended from it, so a filter result knows it may be extended too. */
	readonly lineage: object;
};

/** Rows read by position, as an array's `length` and `at`: an array, or a view over a filter's matches. */
export type Rows<T> = { readonly length: number; at(position: number): T | undefined };

/** The rows one filter matches, kept so the next keystroke can start from them. */
export type FilterResult = {
	readonly index: FlowIndex;
	/** The folded filter; '' matches every row. */
	readonly needle: string;
	/** Positions in index.rows of the rows matched, in order (none kept when the filter is empty). */
	readonly matches: Int32Array;
	/** index.rows itself when the filter is empty, else a view of the matched rows (nothing copied). */
	readonly rows: Rows<FlowRow>;
	/**
	 * The result over the same index this one narrowed (its filter one or more characters shorter), and so on
	 * back to a full search: erasing a character goes back to it instead of searching every row again.
	 */
	readonly narrowed?: FilterResult;
};

/** The rows of `all` at `positions`, read through the positions: a keystroke copies no row array. */
export class MatchedRows<T> implements Rows<T> {
	constructor(
		private readonly all: readonly T[],
		private readonly positions: Int32Array,
	) {}

	get length(): number {
		return this.positions.length;
	}

	/** As an array's `at`: negative positions count from the end. */
	at(position: number): T | undefined {
		const at = this.positions.at(position);
		return at === undefined ? undefined : this.all[at];
	}
}

/** The rows of `rows` in order, as an array (for callers that want one; the list reads through `at`). */
export function rowArray<T>(rows: Rows<T>): readonly T[] {
	if (Array.isArray(rows)) return rows;
	const copy = new Array<T>(rows.length);
	for (let at = 0; at < rows.length; at++) copy[at] = rows.at(at) as T;
	return copy;
}

/** How the filter and a row's name are compared: the same letters in any case or Unicode composition. */
export const fold = (text: string): string => text.normalize('NFC').toLowerCase();

const startsWith = (rows: readonly FlowRow[], head: readonly FlowRow[]) =>
	rows.length >= head.length && head.every((row, position) => rows[position] === row);

/** Indexes `rows`, folding only the rows past `previous` when `rows` extends it (a page arrived). */
export function indexRows(rows: readonly FlowRow[], previous?: FlowIndex): FlowIndex {
	if (previous?.rows === rows) return previous;
	if (previous && startsWith(rows, previous.rows)) {
		if (rows.length === previous.rows.length) return previous;
		const keys = [...previous.keys];
		for (let position = previous.rows.length; position < rows.length; position++) {
			keys.push(fold(rows[position]?.name ?? ''));
		}
		return { rows, keys, lineage: previous.lineage };
	}
	return { rows, keys: rows.map((row) => fold(row.name)), lineage: {} };
}

// Plain indexed loops into a typed array: at 50,000 rows a generator, an iterator or a growing number[] per
// keystroke costs more than the search, and each array of 50,000 entries is garbage by the next key.

/** Writes into `found` from `count` the positions from `from` to `to` whose key holds `needle`; the new count. */
function searchRange(
	keys: readonly string[],
	needle: string,
	from: number,
	to: number,
	found: Int32Array,
	count: number,
): number {
	let next = count;
	for (let position = from; position < to; position++) {
		if ((keys[position] as string).includes(needle)) found[next++] = position;
	}
	return next;
}

/** Writes into `found` from 0 the `candidates` whose key holds `needle`; how many. */
function searchAmong(
	keys: readonly string[],
	needle: string,
	candidates: Int32Array,
	found: Int32Array,
): number {
	let count = 0;
	for (let at = 0; at < candidates.length; at++) {
		const position = candidates[at] as number;
		if ((keys[position] as string).includes(needle)) found[count++] = position;
	}
	return count;
}

const none = new Int32Array(0);

/**
 * The newest of `previous` and the results it narrowed whose filter `needle` holds: a longer filter starts from
 * the previous keystroke, an erased character finds the shorter filter's result again.
 */
function startFrom(index: FlowIndex, needle: string, previous?: FilterResult): FilterResult | undefined {
	for (let result = previous; result; result = result.narrowed) {
		if (result.index.lineage !== index.lineage || result.index.rows.length > index.rows.length)
			return undefined;
		if (result.needle && needle.includes(result.needle)) return result;
	}
	return undefined;
}

/**
 * The rows whose name holds `filter`, ignoring case and surrounding blanks. Given the previous result, a longer
 * filter that holds the previous one searches only its matches, a shorter one takes the result it had when it
 * was typed, and rows added since are searched on their own.
 */
export function filterIndex(index: FlowIndex, filter: string, previous?: FilterResult): FilterResult {
	const needle = fold(filter.trim());
	if (!needle) return { index, needle, matches: none, rows: index.rows };
	const start = startFrom(index, needle, previous);
	if (!start) {
		const found = new Int32Array(index.rows.length);
		const matches = exact(found, searchRange(index.keys, needle, 0, index.rows.length, found, 0));
		return { index, needle, matches, rows: new MatchedRows(index.rows, matches) };
	}
	if (start.index === index && start.needle === needle) return start;
	const added = index.rows.length - start.index.rows.length;
	const found = new Int32Array(start.matches.length + added);
	let count: number;
	if (start.needle === needle) {
		found.set(start.matches);
		count = start.matches.length;
	} else {
		count = searchAmong(index.keys, needle, start.matches, found);
	}
	count = searchRange(index.keys, needle, start.index.rows.length, index.rows.length, found, count);
	const matches = exact(found, count);
	// Only results over this same index are kept to go back to: an older index's keys are not held on to.
	const narrowed = start.index !== index ? undefined : start.needle === needle ? start.narrowed : start;
	return { index, needle, matches, rows: new MatchedRows(index.rows, matches), narrowed };
}

/** The first `count` of `found`, copied when shorter so the unused room is not kept until the next key. */
const exact = (found: Int32Array, count: number): Int32Array =>
	count === found.length ? found : found.slice(0, count);
