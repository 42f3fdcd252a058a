import { display } from './sanitize.js';
import { textWidth, wrapToWidth } from './width.js';

/** One column of a people-facing table. */
export type Column<T> = { readonly header: string; readonly value: (row: T) => unknown };

// A column squeezed to fit the terminal keeps at least this much (or its header), so it stays readable.
const narrowest = 12;

// Narrows the widest column, one character at a time, until the table fits (or nothing can give).
function fitToWidth(widths: number[], headers: readonly string[], maxWidth: number): number[] {
	const fitted = [...widths];
	const total = () => fitted.reduce((sum, width) => sum + width, 0) + 2 * (fitted.length - 1);
	while (total() > maxWidth) {
		let widest = -1;
		fitted.forEach((width, index) => {
			// Ids are what people copy into the next command: they are never cut.
			if (/(?:\bID|Id)$/.test(headers[index] ?? '')) return;
			const floor = Math.max(narrowest, headers[index]?.length ?? 0);
			if (width > floor && (widest === -1 || width > (fitted[widest] ?? 0))) widest = index;
		});
		if (widest === -1) break;
		fitted[widest] = (fitted[widest] ?? 0) - 1;
	}
	return fitted;
}

// Measured in terminal columns, as the keyboard app measures: a CJK or emoji name takes two per character, so
// padding by string length would push every later column of its row out of line.
const cut = (value: string, width: number) =>
	textWidth(value) > width ? `${wrapToWidth(value, Math.max(1, width - 1))[0] ?? ''}…` : value;

const pad = (value: string, width: number) => value + ' '.repeat(Math.max(0, width - textWidth(value)));

/**
 * Formats rows as aligned, sanitized columns separated by two spaces. With `maxWidth` (a terminal's columns),
 * long cells are cut with … so each row stays on one line; without it (a pipe) every value is whole.
 */
export function formatTable<T>(
	rows: readonly T[],
	columns: readonly Column<T>[],
	maxWidth?: number,
	options: { readonly rule?: boolean } = {},
): string {
	const full = rows.map((row) => columns.map((column) => display(column.value(row))));
	const natural = columns.map((column, index) =>
		Math.max(textWidth(column.header), ...full.map((line) => textWidth(line[index] ?? ''))),
	);
	const headers = columns.map((column) => column.header);
	const widths = maxWidth ? fitToWidth(natural, headers, maxWidth) : natural;
	const cells = full.map((line) => line.map((value, index) => cut(value, widths[index] ?? value.length)));
	const line = (values: readonly string[]) =>
		values
			.map((value, index) => (index === values.length - 1 ? value : pad(value, widths[index] ?? 0)))
			.join('  ')
			.trimEnd();
	// A rule under the headers (az's table style) shows each column's width.
	const rule = options.rule ? [line(widths.map((width) => '-'.repeat(width)))] : [];
	return [line(columns.map((column) => column.header)), ...rule, ...cells.map(line)].join('\n');
}

/** Formats label/value pairs one per line, labels aligned. */
export function formatFields(fields: readonly (readonly [string, unknown])[]): string {
	const width = Math.max(...fields.map(([label]) => textWidth(label)));
	return fields.map(([label, value]) => `${pad(label, width)}  ${display(value)}`).join('\n');
}
