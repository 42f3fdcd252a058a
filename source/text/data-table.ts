import { escapeUnsafe } from './safe-json.js';
import { formatTable } from './table.js';

// `-o table` and `-o tsv` show the scalar fields of each row, as az does: an object nested in a row has no
// single cell to live in (a --query can pick the fields wanted, e.g. `[].{name: displayName, id: id}`).
type Row = Readonly<Record<string, unknown>>;

const isScalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
const isObject = (value: unknown): value is Row =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The rows of a value: a list's items, or the value alone; a scalar becomes a one-field row. */
function rowsOf(value: unknown): Row[] {
	const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
	return items.map((item) => {
		if (isObject(item)) return item;
		// A list per row (`[].[displayName, id]`) is a row of columns in that order.
		if (Array.isArray(item))
			return Object.fromEntries(item.map((cell, index) => [`Column${index + 1}`, cell]));
		return { Result: item };
	});
}

/** The keys holding a scalar in any row, in the order they first appear. */
function scalarKeys(rows: readonly Row[]): string[] {
	const keys = new Set<string>();
	for (const row of rows) for (const [key, value] of Object.entries(row)) if (isScalar(value)) keys.add(key);
	return [...keys];
}

const header = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

/** `-o table`: a header, a rule, then one sanitized line per row, sized by terminal columns (CJK and emoji too). */
export function dataTable(value: unknown, maxWidth?: number): string {
	const rows = rowsOf(value);
	const keys = scalarKeys(rows);
	if (keys.length === 0) return '';
	const columns = keys.map((key) => ({ header: header(key), value: (row: Row) => row[key] ?? '' }));
	return `${formatTable(rows, columns, maxWidth, { rule: true })}\n`;
}

// A cell of tsv holds no tab or line break (they would split it), and nothing a terminal acts on.
const tsvEscapes: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const cellUnsafe = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

function tsvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = escapeUnsafe(String(value).replace(/[\\\t\n\r]/g, (char) => tsvEscapes[char] ?? char));
	return escapeUnsafe(text, cellUnsafe);
}

/** `-o tsv`: no header, one line per row, its scalar fields tab-separated in the order the rows give them. */
export function dataTsv(value: unknown): string {
	const rows = rowsOf(value);
	const keys = scalarKeys(rows);
	return rows.map((row) => `${keys.map((key) => tsvCell(row[key])).join('\t')}\n`).join('');
}
