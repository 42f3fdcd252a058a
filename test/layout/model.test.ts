import test from 'ava';
import { updateUserFlow, userFlowUpdateBody } from '../../source/graph/flows.js';
import {
	allowedInputTypes,
	layoutFingerprint,
	layoutFromFlow,
	layoutUpdate,
	moveDown,
	setLabel,
	toPageInputs,
} from '../../source/layout/index.js';
import { flow, ids, inputOf, layout } from './fixture.js';

test('layoutFromFlow keeps page order, fills service defaults and reads data types (missing → string)', (t) => {
	t.deepEqual(ids(layout), [
		'email',
		'displayName',
		'extension_x_Color',
		'extension_x_Terms',
		'extension_x_Age',
		'city',
	]);
	const display = inputOf(layout, 'displayName');
	t.is(display.inputType, 'text', 'the documented "Text" spelling is read as text');
	t.false(display.required);
	t.false(display.hidden);
	t.true(display.editable);
	t.true(display.writeToDirectory);
	t.deepEqual(display.options, []);
	t.is(display.validationRegEx, null);
	t.is(inputOf(layout, 'extension_x_Terms').dataType, 'boolean');
	t.is(inputOf(layout, 'extension_x_Age').dataType, 'int64');
	t.is(inputOf(layout, 'city').dataType, 'string');
	t.deepEqual(inputOf(layout, 'extension_x_Color').options, [
		{ label: 'Blue', value: 'blue' },
		{ label: 'Red', value: 'red' },
	]);
});

test('a flow without onAttributeCollection has an empty layout; data types default to string', (t) => {
	t.deepEqual(layoutFromFlow({ id: 'x' }).inputs, []);
	const bare = layoutFromFlow({
		onAttributeCollection: {
			attributeCollectionPage: {
				views: [{ inputs: [{ attribute: 'city', label: 'City', inputType: 'text' }] }],
			},
		},
	});
	t.is(bare.inputs[0]?.dataType, 'string');
});

test('allowed input types per data type', (t) => {
	t.deepEqual(allowedInputTypes('string'), ['text', 'radioSingleSelect', 'checkboxMultiSelect']);
	t.deepEqual(allowedInputTypes('boolean'), ['boolean']);
	t.deepEqual(allowedInputTypes('int64'), ['text']);
});

test('the PATCH carries the complete inputs array, every field, in page order, in one updateUserFlow call', async (t) => {
	const edited = moveDown(layout, 'email');
	const inputs = toPageInputs(edited);
	t.is(inputs.length, layout.inputs.length);
	t.deepEqual(
		inputs.map((input) => input.attribute),
		ids(edited),
	);
	t.deepEqual(Object.keys(inputs[0] ?? {}), [
		'attribute',
		'label',
		'inputType',
		'defaultValue',
		'hidden',
		'editable',
		'writeToDirectory',
		'required',
		'validationRegEx',
		'options',
	]);
	const calls: { method: string; path: string; body: unknown }[] = [];
	const client = {
		baseUrl: 'https://graph.example/v1.0',
		async request<T>(method: string, path: string, options: { body?: unknown } = {}) {
			calls.push({ method, path, body: options.body });
			return undefined as T | undefined;
		},
		async list<T>() {
			return [] as T[];
		},
	};
	await updateUserFlow(client, 'f1', layoutUpdate(edited));
	t.is(calls.length, 1);
	t.is(calls[0]?.method, 'PATCH');
	t.deepEqual(calls[0]?.body, userFlowUpdateBody({ inputs }));
});

test('properties the model does not know are sent back unchanged', (t) => {
	const withExtra = layoutFromFlow({
		onAttributeCollection: {
			attributeCollectionPage: {
				views: [{ inputs: [{ attribute: 'email', label: 'E', inputType: 'text', futureThing: 7 } as never] }],
			},
		},
	});
	t.is((toPageInputs(setLabel(withExtra, 'email', 'Email'))[0] as Record<string, unknown>).futureThing, 7);
});

test('view title and description travel with the inputs', (t) => {
	const titled = layoutFromFlow({
		...flow,
		onAttributeCollection: {
			...flow.onAttributeCollection,
			attributeCollectionPage: {
				views: [
					{
						title: 'Join us',
						description: null,
						inputs: [{ attribute: 'email', label: 'E', inputType: 'text' }],
					},
				],
			},
		},
	});
	const body = userFlowUpdateBody(layoutUpdate(titled)) as {
		onAttributeCollection: { attributeCollectionPage: { views: Record<string, unknown>[] } };
	};
	t.is(body.onAttributeCollection.attributeCollectionPage.views[0]?.title, 'Join us');
	t.false('description' in (body.onAttributeCollection.attributeCollectionPage.views[0] ?? {}));
});

test('the fingerprint is stable across reads and key order, and changes with any edit', (t) => {
	const again = layoutFromFlow(JSON.parse(JSON.stringify(flow)));
	t.is(layoutFingerprint(again), layoutFingerprint(layout));
	t.regex(layoutFingerprint(layout), /^[0-9a-f]{16}$/);
	const reordered = layoutFromFlow({
		...flow,
		onAttributeCollection: {
			...flow.onAttributeCollection,
			attributeCollectionPage: {
				views: [
					{
						inputs: (flow.onAttributeCollection?.attributeCollectionPage?.views?.[0]?.inputs ?? []).map(
							(input) => Object.fromEntries(Object.entries(input).reverse()) as typeof input,
						),
					},
				],
			},
		},
	});
	t.is(layoutFingerprint(reordered), layoutFingerprint(layout), 'key order does not matter');
	t.not(layoutFingerprint(moveDown(layout, 'email')), layoutFingerprint(layout));
	t.not(layoutFingerprint(setLabel(layout, 'city', 'Town')), layoutFingerprint(layout));
});
