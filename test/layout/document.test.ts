import test from 'ava';
import {
	JsonTextError,
	LayoutFileError,
	layoutDocument,
	layoutFingerprint,
	layoutFromFile,
	parseJsonText,
	parseLayoutFile,
} from '../../source/layout/index.js';
import { ids, inputOf, layout } from './fixture.js';

const documentText = () =>
	JSON.stringify(layoutDocument({ id: 'f1', displayName: 'Test flow' }, layout), null, 2);

function fileError(text: string): LayoutFileError {
	try {
		parseLayoutFile(text);
	} catch (error) {
		if (error instanceof LayoutFileError) return error;
		throw error;
	}
	throw new Error('expected a LayoutFileError');
}

test('the document round-trips: the same layout, and its base is the fingerprint', (t) => {
	const file = parseLayoutFile(documentText());
	t.is(file.base, layoutFingerprint(layout));
	const { layout: read, problems } = layoutFromFile(file, layout);
	t.deepEqual(problems, []);
	t.deepEqual(read, layout);
});

test('the JSON reader agrees with JSON.parse and knows the line of every value', (t) => {
	const text = documentText();
	const parsed = parseJsonText(text);
	t.deepEqual(parsed.value, JSON.parse(text));
	t.is(
		parsed.lineOf('inputs[1].label'),
		text.split('\n').findIndex((line) => line.includes('"Display Name"')) + 1,
	);
	t.deepEqual(parseJsonText('\uFEFF{"a": [1, -2.5e3, true, null, "\\u00e9\\n"]}').value, {
		a: [1, -2500, true, null, 'é\n'],
	});
	t.deepEqual(Object.keys(parseJsonText('{"__proto__": 1}').value as object), ['__proto__']);
});

test('malformed JSON names the line and column', (t) => {
	const cases: [string, number, RegExp][] = [
		['{\n  "inputs": [\n    {"attribute": "email",}\n  ]\n}', 3, /trailing comma/],
		[
			'{\n  "inputs": [\n    {"attribute": "email"\n    {"attribute": "city"}\n  ]\n}',
			4,
			/expected ',' or '}'/,
		],
		['{\n  "base": \'x\'\n}', 2, /double quotes/],
		['{"inputs": []} extra', 1, /after the end/],
		['', 1, /empty/],
		['{"inputs": ["abc', 1, /not closed/],
	];
	for (const [text, line, message] of cases) {
		const error = fileError(text);
		t.is(error.line, line, text);
		t.regex(error.message, message);
		t.regex(error.fix, /JSON/);
	}
	t.throws(() => parseJsonText('[1,]'), { instanceOf: JsonTextError, message: /trailing comma/ });
});

test('a file of the wrong shape names the field and the fix', (t) => {
	t.regex(fileError('[1, 2]').message, /one JSON object/);
	t.regex(fileError('{"base": "x"}').message, /no "inputs" array/);
	t.regex(fileError('{"inputs": {}}').message, /must be an array/);
	const typo = fileError('{\n"inputs": [\n{"attribute": "city",\n "requried": true}\n]\n}');
	t.is(typo.path, 'inputs[0].requried');
	t.is(typo.line, 4);
	t.regex(typo.fix, /Did you mean "required"\?/);
	t.regex(fileError('{"inputs": [{"label": "x"}]}').message, /has no "attribute"/);
	t.regex(fileError('{"inputs": [{"attribute": "c", "options": "a,b"}]}').message, /must be a list/);
	t.regex(
		fileError('{"inputs": [{"attribute": "c", "options": [{"label": "a", "value": "a", "x": 1}]}]}').message,
		/unknown field "x"/,
	);
	t.regex(fileError('{"inputs": [], "comment": "hi"}').message, /unknown field "comment"/);
	t.regex(fileError('{"inputs": [], "base": 7}').message, /"base" must be/);
});

test('values of the wrong JSON type are problems on their input, with the line', (t) => {
	const text =
		'{"inputs": [\n{"attribute": "email"},\n{"attribute": "city", "required": "true", "label": 5}\n]}';
	const { problems } = layoutFromFile(parseLayoutFile(text), layout);
	t.deepEqual(
		problems.map((problem) => [problem.attribute, problem.field, problem.index]),
		[
			['city', 'label', 1],
			['city', 'required', 1],
		],
	);
	t.regex(
		problems[1]?.message ?? '',
		/true or false \(a JSON boolean, without quotes\), not "true" \(line 3\)/,
	);
});

test('fields left out keep their current value; data types always come from the flow', (t) => {
	const text = JSON.stringify({
		inputs: [...layout.inputs]
			.reverse()
			.map((input) => ({ attribute: input.attribute, dataType: 'boolean' })),
	});
	const { layout: read, problems } = layoutFromFile(parseLayoutFile(text), layout);
	t.deepEqual(problems, []);
	t.deepEqual(ids(read), [...ids(layout)].reverse());
	t.deepEqual(inputOf(read, 'email'), inputOf(layout, 'email'));
	t.is(inputOf(read, 'city').dataType, 'string');
});

test('an input missing from the file is missing from the layout read (the caller refuses it)', (t) => {
	const text = JSON.stringify({
		inputs: layout.inputs.slice(1).map((input) => ({ attribute: input.attribute })),
	});
	t.false(ids(layoutFromFile(parseLayoutFile(text), layout).layout).includes('email'));
});

test('a file nested far deeper than a layout is refused at its line, not by a stack overflow', (t) => {
	const error = t.throws(() => parseLayoutFile(`{"inputs":\n${'['.repeat(200_000)}`), {
		instanceOf: LayoutFileError,
	});
	t.regex(error?.message ?? '', /nest more than 64 deep/);
	t.is(error?.line, 2);
});
