import test from 'ava';
import { loadFlowFiles } from '../../source/flow-files/load.js';
import { formatFileProblem } from '../../source/flow-files/problems.js';

const flow = (body: string) => `kind: userFlow
name: Loyalty members
identityProviders:
  - EmailPassword-OAUTH
${body}`;

const problems = (files: Record<string, string>) =>
	loadFlowFiles(Object.entries(files).map(([file, text]) => ({ file, text }))).problems.map(
		formatFileProblem,
	);

test('a well-formed flow file loads with the defaults filled in', (t) => {
	const loaded = loadFlowFiles([
		{
			file: 'loyalty.yaml',
			text: flow(`attributes:
  - attribute: email
    label: Email
    inputType: text
    hidden: true
    editable: false
    required: true
  - customAttribute: Tier
    label: Tier
    inputType: radioSingleSelect
    options: [{ label: Gold, value: gold }]
customAttributes:
  - name: Tier
    dataType: string
`),
		},
	]);
	t.deepEqual(loaded.problems, []);
	const [spec] = loaded.set.flows;
	t.is(spec?.signUp, true);
	t.is(spec?.inputs[1]?.custom, true);
	t.is(spec?.inputs[1]?.writeToDirectory, true);
	t.deepEqual(loaded.set.customAttributes, [
		{ name: 'Tier', displayName: 'Tier', dataType: 'string', description: '' },
	]);
	t.is(spec?.verbatim.onAttributeCollectionStart, null);
});

test('malformed YAML names the file and line', (t) => {
	t.deepEqual(problems({ 'bad.yaml': 'kind: userFlow\nname: [unclosed\nsignUp: true\n' }).length, 1);
	t.regex(
		problems({ 'bad.yaml': 'kind: userFlow\nname: x\nname: y\n' })[0] ?? '',
		/^bad\.yaml:3: not valid YAML: Map keys must be unique/,
	);
});

test('malformed JSON names the file and line', (t) => {
	t.deepEqual(problems({ 'bad.json': '{\n  "kind": "userFlow",\n  "name": "x",\n}\n' }), [
		'bad.json:4: not valid JSON: a comma cannot come before } (remove the trailing comma)',
	]);
});

test('unknown fields and wrong types name file, line and field, all of them at once', (t) => {
	const found = problems({
		'loyalty.yaml': flow(`signup: true
attributes:
  - attribute: email
    label: Email
    inputType: text
    required: "yes"
    lable: Mail
`),
	});
	t.deepEqual(found, [
		'loyalty.yaml:5: signup: unknown field "signup"; did you mean "signUp"?',
		'loyalty.yaml:11: attributes[0].lable: unknown field "lable"; did you mean "label"?',
		'loyalty.yaml:10: attributes[0].required: must be true or false (without quotes), not string "yes"',
	]);
});

test('an input type that does not fit the data type is refused on load, at its line', (t) => {
	const found = problems({
		'loyalty.yaml': flow(`attributes:
  - attribute: email
    label: Email
    inputType: text
    required: true
  - customAttribute: Optin
    label: Send offers
    inputType: text
customAttributes:
  - name: Optin
    dataType: boolean
`),
	});
	t.deepEqual(found, [
		'loyalty.yaml:12: attributes[1].inputType: text does not fit the data type boolean; use boolean',
	]);
});

test('the page rules of the layout editor run on load: options, patterns, email stays', (t) => {
	const found = problems({
		'loyalty.yaml': flow(`attributes:
  - attribute: city
    label: City
    inputType: radioSingleSelect
    validationRegEx: "([a-z"
`),
	});
	t.deepEqual(found, [
		'loyalty.yaml:6: attributes[0].options: radioSingleSelect needs at least one option',
		'loyalty.yaml:9: attributes[0].validationRegEx: the pattern does not compile: Invalid regular expression: /([a-z/: Unterminated character class',
		'loyalty.yaml:5: attributes: email is missing; sign-up collects it, so it must stay on the page',
	]);
});

test('two files naming the same flow (case aside) are refused at the second name', (t) => {
	const found = problems({
		'a.yaml': flow(''),
		'b.yaml': flow('').replace('Loyalty members', 'loyalty MEMBERS'),
	});
	t.deepEqual(found, [
		'b.yaml:2: name: another file names a user flow "loyalty MEMBERS" too (a.yaml); flow names are unique in a tenant (case does not count)',
	]);
});

test('a definition given twice with another data type, and an app in two flows, are refused', (t) => {
	const found = problems({
		'a.yaml': `kind: customAttributes\ncustomAttributes:\n  - name: Tier\n    dataType: string\n`,
		'b.yaml': flow(`applications:
  - displayName: Shop
    appId: 3f50bdf7-1afb-4192-97ec-327636846440
customAttributes:
  - name: Tier
    dataType: int64
`),
		'c.yaml': flow(`applications:
  - displayName: Shop
    appId: 3F50BDF7-1afb-4192-97ec-327636846440
`).replace('Loyalty members', 'Other'),
	});
	t.deepEqual(found, [
		'b.yaml:10: customAttributes[0].dataType: Tier is defined again with dataType "int64"; a.yaml says "string"',
		'c.yaml:6: applications[0]: Shop (3F50BDF7-1afb-4192-97ec-327636846440) is also listed by "Loyalty members" (b.yaml); an application uses one user flow',
	]);
});

test('a file without kind, or with a wrong one, says how to start it', (t) => {
	t.regex(
		problems({ 'x.yaml': 'name: x\n' })[0] ?? '',
		/^x\.yaml:1: the file has no "kind"; start it with "kind: userFlow"/,
	);
	t.regex(
		problems({ 'x.yaml': 'kind: flow\n' })[0] ?? '',
		/^x\.yaml:1: kind: "kind" must be "userFlow" or "customAttributes"/,
	);
});

test('YAML nested past 64 levels, as 200,000 "[" or as indentation, is a file problem with its line, not a crash', (t) => {
	const indented = Array.from({ length: 100 }, (_, depth) => `${'  '.repeat(depth)}a:`).join('\n');
	for (const [text, line] of [
		['['.repeat(200_000), 1],
		[indented, 66],
	] as const) {
		const loaded = loadFlowFiles([{ file: 'deep.yaml', text }]);
		t.is(loaded.problems.length, 1);
		const problem = loaded.problems[0];
		t.truthy(problem);
		if (problem)
			t.regex(
				formatFileProblem(problem),
				new RegExp(`deep\\.yaml:${line}: not valid YAML: it nests more than 64 deep`),
			);
	}
});
