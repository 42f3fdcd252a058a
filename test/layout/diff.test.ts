import test from 'ava';
import {
	addOption,
	diffLayouts,
	formatLayoutDiff,
	isEmptyDiff,
	type Layout,
	moveToTop,
	moveUp,
	setInputType,
	toggleRequired,
} from '../../source/layout/index.js';
import { layout } from './fixture.js';

test('no edits, no diff', (t) => {
	const diff = diffLayouts(layout, layout);
	t.true(isEmptyDiff(diff));
	t.deepEqual(formatLayoutDiff(diff), ['no changes']);
});

test('moves are the fewest that explain the new order, with 1-based positions', (t) => {
	t.deepEqual(diffLayouts(layout, moveToTop(layout, 'city')).moved, [{ attribute: 'city', from: 6, to: 1 }]);
	t.deepEqual(diffLayouts(layout, moveUp(layout, 'displayName')).moved.length, 1, 'a swap is one move');
	t.deepEqual(diffLayouts(layout, moveUp(layout, 'displayName')).changed, []);
});

test('changed fields, old → new', (t) => {
	const edited = addOption(
		setInputType(toggleRequired(layout, 'city'), 'city', 'radioSingleSelect'),
		'city',
		{
			label: 'Paris',
			value: 'paris',
		},
	);
	const diff = diffLayouts(layout, edited);
	t.deepEqual(diff.moved, []);
	t.deepEqual(diff.changed, [
		{ attribute: 'city', field: 'inputType', before: 'text', after: 'radioSingleSelect' },
		{ attribute: 'city', field: 'required', before: false, after: true },
		{ attribute: 'city', field: 'options', before: [], after: [{ label: 'Paris', value: 'paris' }] },
	]);
	t.deepEqual(formatLayoutDiff(diff), [
		'changed  city inputType: "text" → "radioSingleSelect"',
		'changed  city required: false → true',
		'changed  city options: (none) → [Paris=paris]',
	]);
});

test('added and removed inputs get a loud section that names them and the command to use', (t) => {
	const city = layout.inputs.at(-1)!;
	const other: Layout = {
		...layout,
		inputs: [
			...layout.inputs.filter((input) => input.attribute !== 'city'),
			{ ...city, attribute: 'country' },
		],
	};
	const diff = diffLayouts(layout, other);
	t.deepEqual(diff.removed, ['city']);
	t.deepEqual(diff.added, ['country']);
	const lines = formatLayoutDiff(diff).join('\n');
	t.regex(lines, /!!! WOULD REMOVE 1 input\(s\): city/);
	t.regex(lines, /attributes remove/);
	t.regex(lines, /!!! WOULD ADD 1 input\(s\): country/);
	t.regex(lines, /attributes add/);
});

test('the editor never produces an add or a remove', (t) => {
	const edited = toggleRequired(moveToTop(layout, 'city'), 'email');
	const diff = diffLayouts(layout, edited);
	t.deepEqual([diff.added, diff.removed], [[], []]);
	t.false(formatLayoutDiff(diff).some((line) => line.startsWith('!!!')));
});

test('a diff that already happened on the server tells its added and removed inputs in the past tense', (t) => {
	const city = layout.inputs.at(-1)!;
	const server: Layout = {
		...layout,
		inputs: [
			...layout.inputs.filter((input) => input.attribute !== 'city'),
			{ ...city, attribute: 'country' },
		],
	};
	const lines = formatLayoutDiff(diffLayouts(layout, server), { tense: 'happened' });
	t.true(lines.includes('removed on the server: city'), lines.join('\n'));
	t.true(lines.includes('added on the server: country'), lines.join('\n'));
	t.false(
		lines.some((line) => /WOULD|!!!/.test(line)),
		'a fact, not a warning about a save',
	);
});

test('when two readings explain a new order equally, the inputs the admin moved are the ones named', (t) => {
	const two: Layout = { ...layout, inputs: layout.inputs.slice(0, 2) };
	const [first, second] = two.inputs.map((input) => input.attribute) as [string, string];
	const swapped = moveToTop(two, second);
	t.deepEqual(diffLayouts(two, swapped, { moved: [second] }).moved, [{ attribute: second, from: 2, to: 1 }]);
	t.deepEqual(diffLayouts(two, swapped, { moved: [first] }).moved, [{ attribute: first, from: 1, to: 2 }]);
	const down = moveUp(layout, 'displayName');
	const neighbour = layout.inputs[layout.inputs.findIndex((input) => input.attribute === 'displayName') - 1];
	t.deepEqual(
		diffLayouts(layout, down, { moved: [neighbour?.attribute ?? ''] }).moved.map((move) => move.attribute),
		[neighbour?.attribute],
		'still one move, named after the input that was moved',
	);
	t.is(
		diffLayouts(layout, moveToTop(layout, 'city'), { moved: ['email'] }).moved.length,
		1,
		'fewest moves first',
	);
});
