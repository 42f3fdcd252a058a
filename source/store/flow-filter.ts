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

// Plain indexed loops: at 50,000 rows a generator or an iterator per keystroke costs more than the search.

/** Appends to `found` the positions from `from` to `to` whose key holds `needle`. */
function searchRange(
	keys: readonly string[],
	needle: string,
	from: number,
	to: number,
	found: number[],
): void {
	for (let position = from; position < to; position++) {
		if ((keys[position] as string).includes(needle)) found.push(position);
	}
}

/** Appends to `found` the `candidates` whose key holds `needle`. */
function searchAmong(
	keys: readonly string[],
	needle: string,
	candidates: readonly number[],
	found: number[],
): void {
	for (let at = 0; at < candidates.length; at++) {
		const position = candidates[at] as number;
		if ((keys[position] as string).includes(needle)) found.push(position);
	}
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
	const matches: number[] = [];
	if (previous && known && previous.index.rows.length <= index.rows.length) {
		if (needle === previous.needle) matches.push(...previous.matches);
		else searchAmong(index.keys, needle, previous.matches, matches);
		searchRange(index.keys, needle, previous.index.rows.length, index.rows.length, matches);
	} else {
		searchRange(index.keys, needle, 0, index.rows.length, matches);
	}
	const rows = new Array<FlowRow>(matches.length);
	for (let at = 0; at < matches.length; at++) rows[at] = index.rows[matches[at] as number] as FlowRow;
	return { index, needle, matches, rows };
}
