import test from 'ava';
import { type FlowRow, filterIndex, flowRows, indexRows, type UserFlow } from '../../source/store/index.js';

const flows = (...names: string[]): UserFlow[] =>
	names.map((displayName, index) => ({ id: `f${index}`, displayName }));
const names = (rows: readonly FlowRow[]) => rows.map((row) => row.name);

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
	const narrowed = filterIndex(index, 'shop t', { ...previous, matches: [0, 2] });
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
