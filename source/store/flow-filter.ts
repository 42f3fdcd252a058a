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

/** The rows one filter matches, kept so the next keystroke can start from them. */
export type FilterResult = {
	readonly index: FlowIndex;
	/** The folded filter; '' matches every row. */
	readonly needle: string;
	/** Positions in index.rows of the rows matched, in order. */
	readonly matches: readonly number[];
	readonly rows: readonly FlowRow[];
};

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

/** The positions of `candidates` whose key holds `needle`. */
function search(keys: readonly string[], needle: string, candidates: Iterable<number>): number[] {
	const found: number[] = [];
	for (const position of candidates) if (keys[position]?.includes(needle)) found.push(position);
	return found;
}

function* range(from: number, to: number): Generator<number> {
	for (let position = from; position < to; position++) yield position;
}

/**
 * The rows whose name holds `filter`, ignoring case and surrounding blanks. Given the previous result, a longer
 * filter that holds the previous one searches only its matches, and rows added since are searched on their own.
 */
export function filterIndex(index: FlowIndex, filter: string, previous?: FilterResult): FilterResult {
	const needle = fold(filter.trim());
	if (!needle) return { index, needle, matches: [], rows: index.rows };
	const known =
		previous?.needle && needle.includes(previous.needle) && previous.index.lineage === index.lineage;
	let matches: number[];
	if (previous && known && previous.index.rows.length <= index.rows.length) {
		const narrowed =
			needle === previous.needle ? [...previous.matches] : search(index.keys, needle, previous.matches);
		matches = narrowed.concat(
			search(index.keys, needle, range(previous.index.rows.length, index.rows.length)),
		);
	} else {
		matches = search(index.keys, needle, range(0, index.rows.length));
	}
	return { index, needle, matches, rows: matches.map((position) => index.rows[position] as FlowRow) };
}
