import test from 'ava';
import {
	addOption,
	formatProblem,
	type Layout,
	type LayoutInput,
	type LayoutProblem,
	patternError,
	removeOption,
	setInputType,
	setLabel,
	setValidationRegEx,
	validateLayout,
} from '../../source/layout/index.js';
import { documentedEmailPattern, layout } from './fixture.js';

const color = 'extension_x_Color';

function withInput(attribute: string, change: Partial<Record<keyof LayoutInput, unknown>>): Layout {
	return {
		...layout,
		inputs: layout.inputs.map((input) =>
			input.attribute === attribute ? ({ ...input, ...change } as LayoutInput) : input,
		),
	};
}

const about = (problems: LayoutProblem[]) =>
	problems.map((problem) => `${problem.attribute}/${problem.field}`);

test('the fixture layout (documented email pattern included) is valid', (t) => {
	t.deepEqual(validateLayout(layout), []);
});

test('both documented email patterns compile as JavaScript, HTML entities and all (no u flag)', (t) => {
	t.is(patternError(documentedEmailPattern), undefined);
	t.is(
		patternError("^[a-zA-Z0-9.!#$%&amp;&#8217;'*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*$"),
		undefined,
	);
	t.is(patternError('^[a-zA-Z_][0-9a-zA-Z_ ]*[0-9a-zA-Z_]+$'), undefined);
});

test('a pattern that does not compile is reported on its input', (t) => {
	const problems = validateLayout(setValidationRegEx(layout, 'city', '(['));
	t.deepEqual(about(problems), ['city/validationRegEx']);
	t.regex(problems[0]?.message ?? '', /does not compile/);
	t.is(problems[0]?.index, 5);
});

test('the input type must fit the data type', (t) => {
	t.deepEqual(about(validateLayout(withInput('extension_x_Terms', { inputType: 'text' }))), [
		'extension_x_Terms/inputType',
	]);
	t.deepEqual(about(validateLayout(withInput('city', { inputType: 'boolean' }))), ['city/inputType']);
	t.deepEqual(
		about(
			validateLayout(
				withInput('extension_x_Age', {
					inputType: 'checkboxMultiSelect',
					options: [{ label: 'a', value: 'a' }],
				}),
			),
		),
		['extension_x_Age/inputType'],
	);
	const unknown = validateLayout(withInput('city', { inputType: 'dropdown' }));
	t.regex(unknown[0]?.message ?? '', /not an input type/);
	t.deepEqual(
		validateLayout(withInput('city', { inputType: 'dropdown' }), {
			baseline: withInput('city', { inputType: 'dropdown' }),
		}),
		[],
		'a type the service already has is left alone',
	);
});

test('choice inputs need options with labels and unique values; others need none', (t) => {
	const none = removeOption(removeOption(layout, color, 0), color, 0);
	t.regex(validateLayout(none)[0]?.message ?? '', /at least one option/);
	const duplicate = addOption(layout, color, { label: 'Blue again', value: 'blue' });
	t.regex(validateLayout(duplicate)[0]?.message ?? '', /repeats the value "blue"/);
	const unlabelled = addOption(layout, color, { label: ' ', value: 'grey' });
	t.regex(validateLayout(unlabelled)[0]?.message ?? '', /empty label/);
	const noValue = addOption(layout, color, { label: 'Grey', value: '' });
	t.regex(validateLayout(noValue)[0]?.message ?? '', /empty value/);
	const radio = setInputType(layout, 'city', 'radioSingleSelect');
	t.deepEqual(about(validateLayout(radio)), ['city/options']);
	t.regex(
		validateLayout(withInput('city', { options: [{ label: 'a', value: 'a' }] }))[0]?.message ?? '',
		/remove them/,
	);
});

test('required, hidden and editable must be JSON booleans', (t) => {
	const problems = validateLayout(withInput('city', { required: 'true', hidden: 1, editable: null }));
	t.deepEqual(about(problems), ['city/required', 'city/hidden', 'city/editable']);
	t.regex(problems[0]?.message ?? '', /true or false/);
});

test('labels must not be empty', (t) => {
	t.deepEqual(about(validateLayout(setLabel(layout, 'city', '   '))), ['city/label']);
});

test('email must stay on the page, unless the service page never had it', (t) => {
	const noEmail: Layout = { ...layout, inputs: layout.inputs.filter((input) => input.attribute !== 'email') };
	t.deepEqual(about(validateLayout(noEmail)), ['email/attribute']);
	t.deepEqual(about(validateLayout(noEmail, { baseline: layout })), ['email/attribute']);
	t.deepEqual(validateLayout(noEmail, { baseline: noEmail }), []);
});

test('an attribute may appear once (compared as the service does, ignoring case)', (t) => {
	const city = layout.inputs.at(-1)!;
	const twice: Layout = { ...layout, inputs: [...layout.inputs, { ...city, attribute: 'City' }] };
	const problems = validateLayout(twice);
	t.deepEqual(about(problems), ['City/attribute']);
	t.regex(problems[0]?.message ?? '', /appears twice on the page \(positions 6 and 7\)/);
});

test('problems read as "position. attribute (field): message"', (t) => {
	t.is(
		formatProblem({ attribute: 'city', index: 5, field: 'label', message: 'empty' }),
		'6. city (label): empty',
	);
	t.is(formatProblem({ attribute: 'email', field: 'attribute', message: 'missing' }), 'email: missing');
});

test('email stays required: an optional email is a problem on its required field, other inputs may be optional', (t) => {
	const problems = validateLayout(withInput('email', { required: false }));
	t.deepEqual(about(problems), ['email/required']);
	t.regex(formatProblem(problems[0] as LayoutProblem), /email must stay required/);
	t.deepEqual(validateLayout(withInput(color, { required: false })), []);
});
