import { display } from './sanitize.js';

/** One column of a people-facing table. */
export type Column<T> = { readonly header: string; readonly value: (row: T) => unknown };

/** Formats rows as aligned, sanitized columns separated by two spaces. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
	const cells = rows.map((row) => columns.map((column) => display(column.value(row))));
	const widths = columns.map((column, index) =>
		Math.max(column.header.length, ...cells.map((line) => (line[index] ?? '').length)),
	);
	const line = (values: readonly string[]) =>
		values
			.map((value, index) => (index === values.length - 1 ? value : value.padEnd(widths[index] ?? 0)))
			.join('  ')
			.trimEnd();
	return [line(columns.map((column) => column.header)), ...cells.map(line)].join('\n');
}

/** Formats label/value pairs one per line, labels aligned. */
export function formatFields(fields: readonly (readonly [string, unknown])[]): string {
	const width = Math.max(...fields.map(([label]) => label.length));
	return fields.map(([label, value]) => `${label.padEnd(width)}  ${display(value)}`).join('\n');
}
