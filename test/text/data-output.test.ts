import test from 'ava';
import { parse } from 'yaml';
import { colorJson } from '../../source/text/color-json.js';
import { dataTable, dataTsv } from '../../source/text/data-table.js';
import { safeYaml } from '../../source/text/safe-yaml.js';

const raw =
	/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const hostile = {
	'key\u202E': 'value\u001B]0;title\u0007 \u009B2J',
	list: ['line\u2028break', 'zero\u200Bwidth', 'tab\there', 'two\nlines'],
	plain: '顧客 🎉',
	n: 3,
	none: null,
};

test('YAML reads back as the same data, with no raw control, bidi or separator character in it', (t) => {
	const text = safeYaml(hostile);
	t.false(raw.test(text.replace(/\n/g, '')), JSON.stringify(text));
	t.deepEqual(parse(text), hostile);
	t.regex(text, /^plain: 顧客 🎉$/m, 'harmless text stays plain');
});

test('jsonc colours keys, strings and literals; without its colours it is the escaped JSON', (t) => {
	const text = colorJson(hostile);
	const plain = text.replace(/\u001B\[\d+m/g, '');
	t.false(raw.test(plain.replace(/\n/g, '')), plain);
	t.deepEqual(JSON.parse(plain), hostile);
	t.true(text.includes('\u001B[36m"n"\u001B[0m: \u001B[33m3\u001B[0m'));
	t.true(text.includes('\u001B[90mnull\u001B[0m'));
});

test('tsv: one line per row, scalar fields only, tabs and breaks escaped; a list per row is its columns', (t) => {
	t.is(
		dataTsv([
			{ a: 'x\ty', b: 1, nested: { c: 1 } },
			{ a: 'two\nlines', b: null },
		]),
		'x\\ty\t1\ntwo\\nlines\t\n',
	);
	t.is(
		dataTsv([
			['Name', 'id-1'],
			['日本', 'id-2'],
		]),
		'Name\tid-1\n日本\tid-2\n',
	);
	t.is(dataTsv('one'), 'one\n');
	t.is(dataTsv({ v: '\u009B31m\u202E' }), '\\u009b31m\\u202e\n');
});

test('table: keys as headers with a rule, scalars only, aligned in terminal columns', (t) => {
	const text = dataTable([
		{ displayName: '顧客サインアップ', id: 'a' },
		{ displayName: 'Plain', id: 'b', extra: { skipped: true } },
	]);
	t.is(text, 'DisplayName       Id\n----------------  --\n顧客サインアップ  a\nPlain             b\n');
	t.is(dataTable([]), '');
	t.is(dataTable(42), 'Result\n------\n42\n');
});
