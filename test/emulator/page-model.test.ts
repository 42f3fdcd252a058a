import test from 'ava';
import {
	buildPageModel,
	compilePattern,
	decodeEntities,
	fieldError,
	labelParts,
	type PageField,
	type StoredInput,
} from '../../source/emulator/customer/page-model.js';
import { patterns } from '../../source/emulator/inputs.js';

const attributes = [
	{ id: 'email', dataType: 'string' },
	{ id: 'city', dataType: 'string' },
	{ id: 'terms', dataType: 'boolean' },
	{ id: 'age', dataType: 'int64' },
	{ id: 'color', dataType: 'string' },
];

const input = (attribute: string, extra: Partial<StoredInput> = {}): StoredInput => ({
	attribute,
	label: attribute,
	inputType: 'text',
	...extra,
});

function fields(inputs: StoredInput[]): readonly PageField[] {
	const model = buildPageModel(inputs, attributes);
	if (!model.renders) throw new Error(JSON.stringify(model.problems));
	return model.fields;
}

test('the page keeps the stored order, marks, hidden and read-only inputs and options', (t) => {
	const page = fields([
		input('color', {
			inputType: 'radioSingleSelect',
			required: true,
			options: [
				{ label: 'Blue', value: 'blue' },
				{ label: 'Red', value: 'red' },
			],
		}),
		input('email', { hidden: true, editable: false, required: true }),
		input('city', { editable: false, defaultValue: 'Utrecht' }),
		input('terms', { inputType: 'Boolean' }),
	]);
	t.deepEqual(
		page.map((field) => [field.attribute, field.kind, field.required, field.hidden, field.readOnly]),
		[
			['color', 'radio', true, false, false],
			['email', 'text', true, true, true],
			['city', 'text', false, false, true],
			['terms', 'checkbox', false, false, false],
		],
	);
	t.deepEqual(
		page[0]!.options.map((option) => option.value),
		['blue', 'red'],
	);
	t.is(page[2]!.defaultValue, 'Utrecht');
});

test('Markdown links in labels become links; only http and https targets', (t) => {
	t.deepEqual(
		labelParts(
			'I agree to the [terms of use](https://woodgrovedemo.com/tos) and the [privacy policy](https://woodgrovedemo.com/privacy)',
		),
		[
			{ text: 'I agree to the ' },
			{ text: 'terms of use', href: 'https://woodgrovedemo.com/tos' },
			{ text: ' and the ' },
			{ text: 'privacy policy', href: 'https://woodgrovedemo.com/privacy' },
		],
	);
	t.deepEqual(labelParts('[click](javascript:alert(1))'), [{ text: '[click](javascript:alert(1))' }]);
	t.deepEqual(labelParts('City'), [{ text: 'City' }]);
	t.is(fields([input('city', { label: 'Your [town](http://x.test)' })])[0]!.labelText, 'Your town');
});

test('the documented email pattern is read with its entities decoded: & and ’ allowed, ; not', (t) => {
	t.is(decodeEntities('a&amp;b&#8217;c&#x2019;d&unknown;'), 'a&b’c’d&unknown;');
	const email = compilePattern(patterns.email)!;
	t.true(email.test('o&brien@example.com'));
	t.true(email.test("o'brien@example.com"));
	t.true(email.test('o’brien@example.com'));
	// Read literally, the entities would let ';' into the local part.
	t.true(new RegExp(patterns.email).test('a;b@example.com'));
	t.false(email.test('a;b@example.com'));
	t.false(email.test('no-at-sign.example.com'));
	const field = fields([input('email', { validationRegEx: patterns.email })])[0]!;
	t.is(field.pattern, decodeEntities(patterns.email));
	t.is(fieldError(field, 'a;b@example.com'), 'Please enter a valid value.');
	t.is(fieldError(field, 'ada@example.com'), undefined);
});

test('layouts the hosted page cannot draw give problems instead of fields', (t) => {
	const cases: [StoredInput, RegExp][] = [
		[input('terms', { inputType: 'text' }), /does not fit the boolean attribute/],
		[input('city', { inputType: 'boolean' }), /does not fit the string attribute/],
		[
			input('age', { inputType: 'radioSingleSelect', options: [{ label: 'x', value: '1' }] }),
			/does not fit the int64/,
		],
		[input('color', { inputType: 'checkboxMultiSelect', options: [] }), /without any options/],
		[input('color', { inputType: 'unknownFutureValue' }), /not one the page can draw/],
		[input('terms', { inputType: 'checkboxSingleSelect' }), /not one the page can draw/],
		[input('city', { validationRegEx: '([a-z' }), /not a valid regular expression/],
		[input('favourite'), /no such attribute/],
	];
	for (const [stored, reason] of cases) {
		const model = buildPageModel([input('email'), stored], attributes);
		t.false(model.renders, stored.inputType);
		if (!model.renders) {
			t.is(model.problems.length, 1);
			t.is(model.problems[0]!.attribute, stored.attribute);
			t.regex(model.problems[0]!.reason, reason);
		}
	}
});

test('field errors: required, pattern, choices, whole numbers, a required checkbox', (t) => {
	const [city, color, terms, age, tags] = fields([
		input('city', { required: true, validationRegEx: '^[^0-9]+$' }),
		input('color', { inputType: 'radioSingleSelect', options: [{ label: 'Blue', value: 'blue' }] }),
		input('terms', { inputType: 'boolean', required: true }),
		input('age'),
		input('email', {
			inputType: 'checkboxMultiSelect',
			options: [
				{ label: 'A', value: 'a' },
				{ label: 'B', value: 'b' },
			],
		}),
	]);
	t.is(fieldError(city!, ''), 'This information is required.');
	t.is(fieldError(city!, '   '), 'This information is required.');
	t.is(fieldError(city!, 'Delft 2'), 'Please enter a valid value.');
	t.is(fieldError(city!, 'Delft'), undefined);
	t.is(fieldError(color!, undefined), undefined);
	t.is(fieldError(color!, 'green'), 'Please select a valid option.');
	t.is(fieldError(color!, ['blue', 'blue']), 'Please select a valid option.');
	t.is(fieldError(terms!, ''), 'This information is required.');
	t.is(fieldError(terms!, 'true'), undefined);
	t.is(fieldError(age!, '12a'), 'Please enter a whole number.');
	t.is(fieldError(age!, '42'), undefined);
	t.is(fieldError(tags!, ['a', 'b']), undefined);
	t.is(fieldError(tags!, ['a', 'c']), 'Please select a valid option.');
});
