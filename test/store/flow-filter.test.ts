import test from 'ava';
import {
	type FilterResult,
	type FlowIndex,
	type FlowRow,
	filterIndex,
	flowRows,
	fold,
	indexRows,
	type Rows,
	rowArray,
	type UserFlow,
} from '../../source/store/index.js';

const flows = (...names: string[]): UserFlow[] =>
	names.map((displayName, index) => ({ id: `f${index}`, displayName }));
/** The filter as a copy of the whole list would give it: what the view must equal. */
const plain = (rows: readonly FlowRow[], filter: string) =>
	rows.filter((row) => fold(row.name).includes(fold(filter.trim())));
const names = (rows: Rows<FlowRow>) => rowArray(rows).map((row) => row.name);

test('the filter matches names in any case, ignoring blanks around it; empty matches every row', (t) => {
	const index = indexRows(flowRows(flows('Shop sign-up', 'Partners', 'SHOPPING', 'Support')));
	t.deepEqual(names(filterIndex(index, 'shop').rows), ['Shop sign-up', 'SHOPPING']);
	t.deepEqual(names(filterIndex(index, '  SHOP ').rows), ['Shop sign-up', 'SHOPPING']);
	t.deepEqual(names(filterIndex(index, 'nothing').rows), []);
	t.is(filterIndex(index, '').rows, index.rows);
	t.is(filterIndex(index, '   ').rows, index.rows);
});

test('non-ASCII letters match in either case, and composed and decomposed accents are the same letter', (t) => {
	const index = indexRows(
		flowRows(flows('ÉCOLE Lyon', 'Straße Köln', 'ΟΔΥΣΣΕΑΣ', 'Ärzte', 'e\u0301cole Paris')),
	);
	t.deepEqual(names(filterIndex(index, 'école').rows), ['ÉCOLE Lyon', 'école Paris'.normalize('NFD')]);
	t.deepEqual(names(filterIndex(index, 'e\u0301cole').rows).length, 2, 'a decomposed filter too');
	t.deepEqual(names(filterIndex(index, 'KÖLN').rows), ['Straße Köln']);
	t.deepEqual(names(filterIndex(index, 'straße').rows), ['Straße Köln']);
	t.deepEqual(names(filterIndex(index, 'οδυσσ').rows), ['ΟΔΥΣΣΕΑΣ']);
	t.deepEqual(names(filterIndex(index, 'ärz').rows), ['Ärzte']);
});

test('a longer filter searches only what the shorter one matched', (t) => {
	const index = indexRows(flowRows(flows('shop one', 'shop two', 'shopping')));
	const previous = filterIndex(index, 'shop');
	// A previous result that (wrongly) left out "shop two": the narrowing cannot find it again, so it did
	// not search the whole list.
	const narrowed = filterIndex(index, 'shop t', { ...previous, matches: Int32Array.of(0, 2) });
	t.deepEqual(names(narrowed.rows), []);
	t.deepEqual(names(filterIndex(index, 'shop t', previous).rows), ['shop two']);
	t.deepEqual(names(filterIndex(index, 'shopp', previous).rows), ['shopping']);
});

test('a filter that is not a longer form of the previous one searches every row again', (t) => {
	const index = indexRows(flowRows(flows('alpha', 'beta', 'alphabet')));
	const previous = filterIndex(index, 'alpha');
	t.deepEqual(names(filterIndex(index, 'bet', previous).rows), ['beta', 'alphabet']);
	t.deepEqual(names(filterIndex(index, 'alph', previous).rows), ['alpha', 'alphabet'], 'a character erased');
});

test('pages arriving extend the index: only the new rows are folded, and a filter result carries on', (t) => {
	const first = flows('Shop 1', 'Other 1');
	const later = [...first, ...flows('shop 2', 'Other 2').map((flow) => ({ ...flow, id: `${flow.id}b` }))];
	const small = indexRows(flowRows(first));
	const grown = indexRows(flowRows(later), small);
	t.is(grown.lineage, small.lineage);
	t.deepEqual(grown.keys, ['shop 1', 'other 1', 'shop 2', 'other 2']);
	const before = filterIndex(small, 'shop');
	t.deepEqual(names(filterIndex(grown, 'shop', before).rows), ['Shop 1', 'shop 2']);
	t.deepEqual(names(filterIndex(grown, 'shop 2', before).rows), ['shop 2']);
});

test('a list that changed other than at its end is indexed afresh', (t) => {
	const list = flows('Shop', 'Other');
	const small = indexRows(flowRows(list));
	const changed = indexRows(flowRows([{ ...list[0], displayName: 'Renamed' }, list[1] as UserFlow]), small);
	t.not(changed.lineage, small.lineage);
	const before = filterIndex(small, 'shop');
	t.deepEqual(names(filterIndex(changed, 'shop', before).rows), []);
	t.deepEqual(names(filterIndex(changed, 'ren', before).rows), ['Renamed']);
});

test('the matched rows read through positions are the rows a plain filter of the whole list gives', (t) => {
	// Names that share prefixes and cases, so each keystroke narrows or widens by some rows, not all or none.
	const words = ['Shop', 'shopping', 'SHOP two', 'Partners', 'Support', 'école', 'Sho', 'spot'];
	const all = flowRows(flows(...Array.from({ length: 200 }, (_, n) => `${words[n % words.length]} ${n}`)));
	// Typed, erased, retyped and replaced, as a person does: each result starts from the previous one.
	const typed = [
		's',
		'sh',
		'sho',
		'shop',
		'shop ',
		'shop t',
		'shop',
		'sh',
		'',
		'p',
		'po',
		'o',
		'1',
		'12',
		'1',
	];
	let index: FlowIndex | undefined;
	let last: FilterResult | undefined;
	for (const filter of typed) {
		index = indexRows(all, index);
		last = filterIndex(index, filter, last);
		const rows = rowArray(last.rows);
		t.deepEqual(rows, plain(all, filter), `after typing "${filter}"`);
		t.is(last.rows.length, rows.length);
		t.is(last.rows.at(rows.length), undefined, 'nothing past the end');
		t.is(last.rows.at(-1), rows.at(-1), 'from the end, as an array');
	}
});

test('pages arriving while the filter is typed: the view covers the new rows, in order', (t) => {
	const words = ['Shop', 'Other', 'shopping', 'SHOP 2'];
	const every = flowRows(flows(...Array.from({ length: 90 }, (_, n) => `${words[n % words.length]} ${n}`)));
	// Each page is the list so far plus 30 rows, as the reducer appends them; keys land between pages.
	const steps: [number, string][] = [
		[30, 's'],
		[30, 'sh'],
		// A page arrives, then a character is erased: the shorter filter's result is older than the index.
		[60, 's'],
		[60, 'sh'],
		[60, 'shop'],
		[60, 'shopp'],
		[90, 'shop'],
		[90, 'shopp'],
		[90, 'shop'],
		[90, 'sho'],
		[90, ''],
		[90, 'p'],
	];
	let index: FlowIndex | undefined;
	let last: FilterResult | undefined;
	for (const [count, filter] of steps) {
		const rows = every.slice(0, count);
		index = indexRows(rows, index);
		last = filterIndex(index, filter, last);
		t.deepEqual(rowArray(last.rows), plain(rows, filter), `${count} rows, "${filter}"`);
	}
});

test('the same filter again, with no new rows, keeps the matches it had', (t) => {
	const index = indexRows(flowRows(flows('shop one', 'other', 'shop two')));
	const first = filterIndex(index, 'shop');
	t.deepEqual([...first.matches], [0, 2]);
	t.is(filterIndex(index, 'shop ', first).matches, first.matches);
});

test('erasing a character goes back to the result the shorter filter had, without searching again', (t) => {
	const index = indexRows(flowRows(flows('shop one', 'shopping', 'other')));
	const sho = filterIndex(index, 'sho');
	const shop = filterIndex(index, 'shop', sho);
	const shopp = filterIndex(index, 'shopp', shop);
	t.deepEqual(names(shopp.rows), ['shopping']);
	t.is(filterIndex(index, 'shop', shopp), shop);
	t.is(filterIndex(index, 'sho', filterIndex(index, 'shop', shopp)), sho);
	// A filter the chain does not hold is searched afresh.
	t.deepEqual(names(filterIndex(index, 'sh', shopp).rows), ['shop one', 'shopping']);
});
