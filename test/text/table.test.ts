import test from 'ava';
import { formatTable } from '../../source/text/table.js';

const columns = [
	{ header: 'NAME', value: (row: { name: string; id: string }) => row.name },
	{ header: 'ID', value: (row: { name: string; id: string }) => row.id },
];
const rows = [
	{ name: 'A'.repeat(200), id: '5730a1a1-35ee-44b7-bcb7-9edad350c494' },
	{ name: 'Short', id: '04ae684f-8cfb-4cef-912a-556fdee3c3fd' },
];

test('fitted to a terminal width, the widest column is cut with … and every row stays on one line', (t) => {
	const lines = formatTable(rows, columns, 80).split('\n');
	for (const line of lines) t.true(line.length <= 80, line);
	t.regex(lines[1] ?? '', /^A+… {2}5730a1a1-35ee-44b7-bcb7-9edad350c494$/);
	t.regex(lines[2] ?? '', /^Short\s+04ae684f-8cfb-4cef-912a-556fdee3c3fd$/);
});

test('without a width (a pipe, a file) every value is whole', (t) => {
	const text = formatTable(rows, columns);
	t.true(text.includes('A'.repeat(200)));
});

test('id columns are never cut, even when the table must shrink', (t) => {
	const wide = [{ name: 'N'.repeat(60), id: '5730a1a1-35ee-44b7-bcb7-9edad350c494' }];
	const line = formatTable(wide, columns, 60).split('\n')[1] ?? '';
	t.true(line.endsWith('5730a1a1-35ee-44b7-bcb7-9edad350c494'), line);
});
