import test from 'ava';
import { loadFlowFiles } from '../../source/flow-files/load.js';
import { formatFileProblem } from '../../source/flow-files/problems.js';
import { flowFileSchema } from '../../source/flow-files/schema.js';
import { documentText, flowDocument } from '../../source/flow-files/serialize.js';

const flow = (body: string) => `kind: userFlow
name: Loyalty members
identityProviders:
  - EmailPassword-OAUTH
${body}`;

const load = (text: string) => loadFlowFiles([{ file: 'loyalty.yaml', text }]);
const problems = (text: string) => load(text).problems.map(formatFileProblem);

test('a flow file names its start and submit extensions by display name', (t) => {
	const loaded = load(
		flow(`extensions:
  attributeCollectionStart: Prefill loyalty
  attributeCollectionSubmit: Check invite code
`),
	);
	t.deepEqual(loaded.problems, []);
	t.deepEqual(loaded.set.flows[0]?.extensions, {
		attributeCollectionStart: 'Prefill loyalty',
		attributeCollectionSubmit: 'Check invite code',
	});
});

test('extensions null or one slot null mean none there; no field leaves them unmanaged', (t) => {
	t.is(load(flow('')).set.flows[0]?.extensions, undefined);
	t.deepEqual(load(flow('extensions: {}\n')).set.flows[0]?.extensions, {});
	t.deepEqual(load(flow('extensions: null\n')).set.flows[0]?.extensions, {});
	t.deepEqual(
		load(flow('extensions:\n  attributeCollectionStart: null\n  attributeCollectionSubmit: Check\n')).set
			.flows[0]?.extensions,
		{ attributeCollectionSubmit: 'Check' },
	);
});

test('an unknown slot, a wrong type and an empty name are problems with their line', (t) => {
	t.deepEqual(problems(flow('extensions:\n  attributeCollectionSubmitt: Check\n')), [
		'loyalty.yaml:6: extensions.attributeCollectionSubmitt: unknown field "attributeCollectionSubmitt"; did you mean "attributeCollectionSubmit"?',
	]);
	t.deepEqual(problems(flow('extensions:\n  attributeCollectionStart: 12\n')), [
		'loyalty.yaml:6: extensions.attributeCollectionStart: must be text, not number 12',
	]);
	t.deepEqual(problems(flow('extensions:\n  attributeCollectionStart: "  "\n')), [
		'loyalty.yaml:6: extensions.attributeCollectionStart: is empty; give the display name of a custom authentication extension, or leave the field out for none',
	]);
	t.deepEqual(problems(flow('extensions: Check invite code\n')), [
		'loyalty.yaml:5: extensions: must be an object with attributeCollectionStart, attributeCollectionSubmit, not string "Check invite code"',
	]);
});

test('a handler with no configuration of its own reads as null; one with a configuration is kept', (t) => {
	const plain = load(
		flow(`verbatim:
  onAttributeCollectionStart:
    "@odata.type": "#microsoft.graph.onAttributeCollectionStartCustomExtensionHandler"
    configuration: null
`),
	);
	t.is(plain.set.flows[0]?.verbatim.onAttributeCollectionStart, null);
	const configured = load(
		flow(`verbatim:
  onAttributeCollectionSubmit:
    configuration: { clientConfiguration: { timeoutInMilliseconds: 900, maximumRetries: 0 } }
`),
	);
	t.deepEqual(configured.set.flows[0]?.verbatim.onAttributeCollectionSubmit, {
		configuration: { clientConfiguration: { timeoutInMilliseconds: 900, maximumRetries: 0 } },
	});
});

test('serialized, extensions come after the applications and read back the same', (t) => {
	const [spec] = load(flow('applications: []\nextensions:\n  attributeCollectionSubmit: Check invite code\n'))
		.set.flows;
	if (!spec) throw new Error('the flow loads');
	const text = documentText(flowDocument(spec), 'yaml');
	t.regex(text, /applications: \[\]\nextensions:\n {2}attributeCollectionSubmit: Check invite code\n$/);
	t.deepEqual(load(text).set.flows[0], spec);
	const none = documentText(flowDocument({ ...spec, extensions: {} }), 'json');
	t.false('extensions' in (JSON.parse(none) as object), 'no extensions: no field');
});

test('the schema describes extensions with the two slots and nothing else', (t) => {
	const schema = flowFileSchema() as { oneOf: { properties: Record<string, unknown> }[] };
	const extensions = schema.oneOf[0]?.properties.extensions as {
		additionalProperties: boolean;
		properties: Record<string, { type: string[] }>;
	};
	t.false(extensions.additionalProperties);
	t.deepEqual(Object.keys(extensions.properties), ['attributeCollectionStart', 'attributeCollectionSubmit']);
	t.deepEqual(extensions.properties.attributeCollectionStart?.type, ['string', 'null']);
});
