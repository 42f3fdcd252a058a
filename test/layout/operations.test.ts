import test from 'ava';
import {
	addOption,
	allowedInputTypes,
	applyEdit,
	integerPattern,
	type Layout,
	type LayoutEdit,
	layoutFromFlow,
	moveDown,
	moveOption,
	moveTo,
	moveToBottom,
	moveToTop,
	moveUp,
	removeOption,
	setInputType,
	setLabel,
	setValidationRegEx,
	toggleEditable,
	toggleHidden,
	toggleRequired,
	updateOption,
} from '../../source/layout/index.js';
import { ids, inputOf, layout } from './fixture.js';

const color = 'extension_x_Color';

test('moves: up, down, to top, to bottom, to a position; at the edges nothing changes', (t) => {
	t.deepEqual(ids(moveUp(layout, 'displayName')).slice(0, 2), ['displayName', 'email']);
	t.deepEqual(ids(moveDown(layout, 'email')).slice(0, 2), ['displayName', 'email']);
	t.is(ids(moveToTop(layout, 'city'))[0], 'city');
	t.is(ids(moveToBottom(layout, 'email')).at(-1), 'email');
	t.is(ids(moveTo(layout, 'city', 2))[2], 'city');
	t.is(moveUp(layout, 'email'), layout, 'already at the top: same object');
	t.is(moveDown(layout, 'city'), layout, 'already at the bottom: same object');
	t.is(moveTo(layout, 'city', 99), layout, 'clamped to the bottom, where it is');
	t.is(moveUp(layout, 'nope'), layout, 'an unknown attribute changes nothing');
	t.is(ids(layout)[0], 'email', 'the original is never mutated');
});

test('toggles flip one boolean of one input', (t) => {
	t.true(inputOf(toggleRequired(layout, 'city'), 'city').required);
	t.false(inputOf(toggleRequired(layout, 'email'), 'email').required);
	t.true(inputOf(toggleHidden(layout, 'city'), 'city').hidden);
	t.false(inputOf(toggleEditable(layout, 'city'), 'city').editable);
	const toggled = toggleRequired(layout, 'city');
	t.deepEqual(
		toggled.inputs.filter((input, index) => input !== layout.inputs[index]).map((input) => input.attribute),
		['city'],
		'the other inputs are the same objects',
	);
});

test('setLabel and setValidationRegEx (empty means none)', (t) => {
	t.is(inputOf(setLabel(layout, 'city', 'Town'), 'city').label, 'Town');
	t.is(setLabel(layout, 'city', 'City'), layout);
	t.is(inputOf(setValidationRegEx(layout, 'city', '^[A-Z]'), 'city').validationRegEx, '^[A-Z]');
	t.is(inputOf(setValidationRegEx(layout, 'extension_x_Age', ''), 'extension_x_Age').validationRegEx, null);
});

test('setInputType allows only what the data type allows; leaving a choice type clears its options', (t) => {
	t.is(inputOf(setInputType(layout, 'city', 'radioSingleSelect'), 'city').inputType, 'radioSingleSelect');
	t.is(inputOf(setInputType(layout, 'city', 'checkboxMultiSelect'), 'city').inputType, 'checkboxMultiSelect');
	t.is(setInputType(layout, 'city', 'boolean'), layout, 'string → boolean is not allowed');
	t.is(setInputType(layout, 'extension_x_Terms', 'text'), layout, 'boolean → text is not allowed');
	t.is(setInputType(layout, 'extension_x_Age', 'radioSingleSelect'), layout, 'int64 stays text');
	const text = setInputType(layout, color, 'text');
	t.is(inputOf(text, color).inputType, 'text');
	t.deepEqual(inputOf(text, color).options, []);
	const checkboxes = setInputType(layout, color, 'checkboxMultiSelect');
	t.is(inputOf(checkboxes, color).options.length, 2, 'choice → choice keeps the options');
});

test('an int64 input made text gets the integer pattern when it has none', (t) => {
	const number = layoutFromFlow({
		onAttributeCollection: {
			attributes: [{ id: 'age', dataType: 'int64' }],
			attributeCollectionPage: {
				views: [
					{ inputs: [{ attribute: 'age', label: 'Age', inputType: 'radioSingleSelect', options: [] }] },
				],
			},
		},
	});
	t.is(inputOf(setInputType(number, 'age', 'text'), 'age').validationRegEx, integerPattern);
});

test('options: add, update, remove and reorder, on choice inputs only', (t) => {
	const added = addOption(layout, color, { label: 'Green', value: 'green' });
	t.deepEqual(
		inputOf(added, color).options.map((option) => option.value),
		['blue', 'red', 'green'],
	);
	const first = addOption(layout, color, { label: 'Black', value: 'black' }, 0);
	t.is(inputOf(first, color).options[0]?.value, 'black');
	const renamed = updateOption(layout, color, 1, { label: 'Crimson' });
	t.deepEqual(inputOf(renamed, color).options[1], { label: 'Crimson', value: 'red' });
	t.is(updateOption(layout, color, 5, { label: 'x' }), layout, 'no such option');
	t.deepEqual(
		inputOf(removeOption(layout, color, 0), color).options.map((option) => option.value),
		['red'],
	);
	t.deepEqual(
		inputOf(moveOption(layout, color, 1, 0), color).options.map((option) => option.value),
		['red', 'blue'],
	);
	t.is(addOption(layout, 'city', { label: 'x', value: 'x' }), layout, 'text inputs have no options');
});

test('applyEdit dispatches every kind', (t) => {
	const edits: LayoutEdit[] = [
		{ kind: 'moveToBottom', attribute: 'email' },
		{ kind: 'toggleRequired', attribute: 'city' },
		{ kind: 'setLabel', attribute: 'city', label: 'Town' },
		{ kind: 'setInputType', attribute: 'displayName', inputType: 'checkboxMultiSelect' },
		{ kind: 'addOption', attribute: 'displayName', option: { label: 'A', value: 'a' } },
		{ kind: 'setValidationRegEx', attribute: 'city', pattern: '^.+$' },
	];
	const result = edits.reduce(applyEdit, layout);
	t.is(ids(result).at(-1), 'email');
	t.true(inputOf(result, 'city').required);
	t.is(inputOf(result, 'city').label, 'Town');
	t.is(inputOf(result, 'city').validationRegEx, '^.+$');
	t.deepEqual(inputOf(result, 'displayName').options, [{ label: 'A', value: 'a' }]);
});

// A small deterministic generator, so a failure can be replayed from its seed.
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1_664_525 + 1_013_904_223) >>> 0;
		return state / 2 ** 32;
	};
}

function randomEdit(next: () => number, current: Layout): LayoutEdit {
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
	const attribute = next() < 0.05 ? 'not-an-attribute' : pick(current.inputs).attribute;
	const index = Math.floor(next() * 10) - 2;
	const edits: LayoutEdit[] = [
		{ kind: 'moveUp', attribute },
		{ kind: 'moveDown', attribute },
		{ kind: 'moveToTop', attribute },
		{ kind: 'moveToBottom', attribute },
		{ kind: 'moveTo', attribute, index },
		{ kind: 'toggleRequired', attribute },
		{ kind: 'toggleHidden', attribute },
		{ kind: 'toggleEditable', attribute },
		{ kind: 'setLabel', attribute, label: pick(['', 'A label', 'Ünïcode ’quote’']) },
		{
			kind: 'setInputType',
			attribute,
			inputType: pick(['text', 'boolean', 'radioSingleSelect', 'checkboxMultiSelect', 'bogus']),
		},
		{ kind: 'setValidationRegEx', attribute, pattern: pick([null, '', '^.*', '([']) },
		{ kind: 'addOption', attribute, option: { label: 'L', value: `v${index}` }, index },
		{ kind: 'updateOption', attribute, index, option: { value: 'changed' } },
		{ kind: 'removeOption', attribute, index },
		{ kind: 'moveOption', attribute, from: index, to: index + 1 },
	];
	return pick(edits);
}

test('no sequence of edits ever adds, drops or duplicates an input (200 random sequences)', (t) => {
	const original = [...ids(layout)].sort();
	for (let seed = 1; seed <= 200; seed++) {
		const next = random(seed);
		let current = layout;
		for (let step = 0; step < 60; step++) {
			const edit = randomEdit(next, current);
			current = applyEdit(current, edit);
			const now = [...ids(current)].sort();
			if (JSON.stringify(now) !== JSON.stringify(original)) {
				t.fail(`seed ${seed}, step ${step}: ${JSON.stringify(edit)} changed the inputs to ${now.join(', ')}`);
				return;
			}
			for (const input of current.inputs) {
				const original = inputOf(layout, input.attribute);
				if (input.dataType !== original.dataType)
					t.fail(`seed ${seed}: data type of ${input.attribute} changed`);
				if (!allowedInputTypes(input.dataType).includes(input.inputType))
					t.fail(
						`seed ${seed}: ${input.attribute} became ${input.inputType}, which ${input.dataType} does not allow`,
					);
			}
		}
	}
	t.pass();
});
