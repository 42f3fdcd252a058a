import test from 'ava';
import { formatTable } from '../../source/text/table.js';
import { textWidth } from '../../source/text/width.js';

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

test('CJK and emoji names take two columns each: the next column stays in line, cut or not', (t) => {
	const names = [
		{ name: '顧客サインアップ', id: 'a1' },
		{ name: 'Sign-up 🎉🎉', id: 'b2' },
		{ name: 'Plain', id: 'c3' },
	];
	const idColumn = (text: string) => {
		const line = text.split('\n').find((row) => row.endsWith('a1')) ?? '';
		return textWidth(line) - 2;
	};
	const lines = formatTable(names, columns).split('\n');
	const starts = lines.map((line) => textWidth(line) - textWidth(/\S+$/.exec(line)?.[0] ?? ''));
	t.is(new Set(starts).size, 1, `${lines.join('\n')} ${starts.join(',')}`);
	const narrow = formatTable(names, columns, 16);
	for (const line of narrow.split('\n')) t.true(textWidth(line) <= 16, line);
	t.is(idColumn(narrow), 14, narrow);
	t.regex(narrow, /顧客サイン…/);
});
