import test from 'ava';
import { GraphError } from '../../source/graph/graph-error.js';
import { toAppError } from '../../source/store/errors.js';
import {
	applicationChoices,
	applicationRows,
	attributeRows,
	filterRows,
	flowOverview,
	flowRows,
	providerChoices,
	type UserFlow,
} from '../../source/store/index.js';

const hostile = 'Shop\u001B[2J\u001B]0;pwned\u0007\u202Eevil\nname';

test('every string from Graph is sanitized in the view models', (t) => {
	const flow: UserFlow = {
		id: 'f1',
		displayName: hostile,
		description: `d\u001B[31mred`,
		onUserCreateStart: { userTypeToCreate: 'member\u0007' },
	};
	const overview = flowOverview(flow);
	t.is(overview.name, 'Shopevil name');
	t.is(overview.description, 'dred');
	t.is(overview.userType, 'member');
	t.is(flowRows([flow])[0]?.name, 'Shopevil name');
	t.is(applicationRows(['a'], [{ appId: 'a', displayName: 'App\u001B[1m' }])[0]?.name, 'App');
});

test('a Graph error is sanitized too', (t) => {
	const error = toAppError(
		new GraphError({
			kind: 'validation',
			status: 400,
			code: 'Bad\u001B[2J',
			message: `no\u001B]52;c;aGk=\u0007pe`,
			method: 'GET',
			path: '/x',
			requestId: 'r1',
		}),
	);
	t.is(error.code, 'Bad');
	t.is(error.message, 'nope');
	t.is(error.requestId, 'r1');
});

test('rows are computed once per list response and filtered case-insensitively', (t) => {
	const flows: UserFlow[] = [
		{ id: '1', displayName: 'Web Shop' },
		{ id: '2', displayName: 'Partners' },
	];
	t.is(flowRows(flows), flowRows(flows));
	t.deepEqual(
		filterRows(flowRows(flows), 'SHOP').map((row) => row.id),
		['1'],
	);
});

test('attributes follow the page order and carry label, required and input type', (t) => {
	const flow: UserFlow = {
		onAttributeCollection: {
			attributeCollectionPage: {
				views: [
					{
						inputs: [
							{ attribute: 'city', label: 'Town', inputType: 'text', required: true },
							{ attribute: 'email', label: 'Email', inputType: 'text' },
						],
					},
				],
			},
		},
	};
	const rows = attributeRows([{ id: 'email' }, { id: 'city', dataType: 'string' }, { id: 'extra' }], flow);
	t.deepEqual(
		rows.map((row) => [row.id, row.label, row.required]),
		[
			['city', 'Town', true],
			['email', 'Email', false],
			['extra', 'extra', false],
		],
	);
});

test('pickers offer only what the flow lacks; apps in another flow say which', (t) => {
	t.deepEqual(
		providerChoices(
			[
				{ id: 'a', displayName: 'A' },
				{ id: 'b', displayName: 'B' },
			],
			[{ id: 'a' }],
		).map((c) => c.value),
		['b'],
	);
	const flows: UserFlow[] = [
		{ id: 'f1', displayName: 'One', conditions: { applications: { includeApplications: [{ appId: 'x' }] } } },
		{ id: 'f2', displayName: 'Two', conditions: { applications: { includeApplications: [{ appId: 'y' }] } } },
	];
	const choices = applicationChoices(
		[
			{ appId: 'x', displayName: 'X' },
			{ appId: 'y', displayName: 'Y' },
			{ appId: 'z', displayName: 'Z' },
		],
		'f1',
		flows,
	);
	t.deepEqual(
		choices.map((choice) => [choice.value, choice.note]),
		[
			['y', 'already in “Two”'],
			['z', undefined],
		],
	);
});
