import { readFileSync } from 'node:fs';
import test from 'ava';
import type { Action } from '../../source/store/actions.js';
import { reducer } from '../../source/store/reducer.js';
import { type AppState, entry, initialState, type UserFlow } from '../../source/store/state.js';

const signedIn: AppState = {
	...initialState(true),
	session: { status: 'signedIn', info: { account: 'a@b', mode: 'device-code' } },
};
const flowA: UserFlow = {
	id: 'a',
	displayName: 'A',
	conditions: { applications: { includeApplications: [] } },
};
const flowB: UserFlow = { id: 'b', displayName: 'B' };
const withList: AppState = {
	...signedIn,
	resources: {
		...signedIn.resources,
		userFlows: { '': { status: 'ready', data: [flowA, flowB], fetchedAt: 1 } },
	},
};
const deep: AppState = {
	...withList,
	routes: [
		{ ...entry({ id: 'user-flows' }), cursor: 3, filter: 'x' },
		entry({ id: 'user-flow', flowId: 'a' }),
	],
};
const code = { userCode: 'ABC', verificationUri: 'https://x', expiresAt: 10, message: '' };
const error = { kind: 'server', status: 500, code: 'Boom', message: 'boom' };

type Row = {
	name: string;
	state: AppState;
	action: Action;
	check: (next: AppState, before: AppState) => unknown;
};

const rows: Row[] = [
	{
		name: 'a live session expires into a new sign-in that remembers why',
		state: signedIn,
		action: { type: 'session/expired' },
		check: (next) => next.session.status === 'requestingCode' && next.session.reason === 'expired',
	},
	{
		name: 'expiry during a sign-in changes nothing',
		state: { ...signedIn, session: { status: 'awaitingCode', reason: 'start', code } },
		action: { type: 'session/expired' },
		check: (next, before) => next === before,
	},
	{
		name: 'a code keeps the reason of the sign-in',
		state: { ...signedIn, session: { status: 'requestingCode', reason: 'expired' } },
		action: { type: 'session/codeReceived', code },
		check: (next) => next.session.status === 'awaitingCode' && next.session.reason === 'expired',
	},
	{
		name: 'an expired code signs out with that outcome',
		state: { ...signedIn, session: { status: 'awaitingCode', reason: 'start', code } },
		action: { type: 'session/codeExpired' },
		check: (next) => next.session.status === 'signedOut' && next.session.outcome === 'expiredCode',
	},
	{
		name: 'pushing keeps the entry below with its cursor and filter',
		state: withList,
		action: { type: 'route/pushed', route: { id: 'user-flow', flowId: 'a' } },
		check: (next) => next.routes.length === 2 && next.routes[0] === withList.routes[0],
	},
	{
		name: 'popping restores the previous entry exactly',
		state: deep,
		action: { type: 'route/popped' },
		check: (next) => next.routes.length === 1 && next.routes[0].cursor === 3 && next.routes[0].filter === 'x',
	},
	{
		name: 'popping the root does nothing',
		state: withList,
		action: { type: 'route/popped' },
		check: (next, before) => next.routes === before.routes,
	},
	{
		name: 'reset to the list keeps its cursor',
		state: deep,
		action: { type: 'route/reset', route: { id: 'user-flows' } },
		check: (next) => next.routes.length === 1 && next.routes[0].cursor === 3,
	},
	{
		name: 'typing a filter resets the cursor',
		state: { ...withList, routes: [{ ...entry({ id: 'user-flows' }), cursor: 5 }] },
		action: { type: 'route/filterChanged', text: 'sh' },
		check: (next) => next.routes[0].filter === 'sh' && next.routes[0].cursor === 0,
	},
	{
		name: 'esc on the filter clears it; enter keeps it',
		state: { ...withList, routes: [{ ...entry({ id: 'user-flows' }), filter: 'sh', filtering: true }] },
		action: { type: 'route/filterClosed', keep: false },
		check: (next) => next.routes[0].filter === '' && !next.routes[0].filtering,
	},
	{
		name: 'a refresh keeps the rows on screen while it loads',
		state: withList,
		action: { type: 'resources/loadStarted', resource: 'userFlows', key: '' },
		check: (next) =>
			next.resources.userFlows['']?.status === 'loading' && next.resources.userFlows['']?.data?.length === 2,
	},
	{
		name: 'a failed refresh keeps the rows and records the error',
		state: withList,
		action: { type: 'resources/loadFailed', resource: 'userFlows', key: '', error },
		check: (next) =>
			next.resources.userFlows['']?.status === 'error' && next.resources.userFlows['']?.data?.length === 2,
	},
	{
		name: 'a re-read flow also replaces its row in the list',
		state: withList,
		action: {
			type: 'resources/loadSucceeded',
			resource: 'userFlow',
			key: 'a',
			data: { id: 'a', displayName: 'A2' },
			at: 2,
		},
		check: (next) => next.resources.userFlows['']?.data?.[0]?.displayName === 'A2',
	},
	{
		name: 'a created flow joins the list',
		state: withList,
		action: { type: 'userFlows/flowAdded', flow: { id: 'c', displayName: 'C' } },
		check: (next) =>
			next.resources.userFlows['']?.data?.length === 3 && next.resources.userFlow.c?.status === 'ready',
	},
	{
		name: 'a deleted flow leaves the list and its cached sub-lists',
		state: {
			...withList,
			resources: { ...withList.resources, identityProviders: { a: { status: 'ready', data: [] } } },
		},
		action: { type: 'userFlows/flowRemoved', flowId: 'a' },
		check: (next) =>
			next.resources.userFlows['']?.data?.length === 1 && next.resources.identityProviders.a === undefined,
	},
	{
		name: 'a write starting clears an old error',
		state: { ...withList, flash: { id: 1, level: 'error', text: 'x' } },
		action: { type: 'activity/started', activity: { id: 'w', verb: 'Removing', write: true } },
		check: (next) => next.flash === undefined,
	},
	{
		name: 'a load starting leaves an error on screen',
		state: { ...withList, flash: { id: 1, level: 'error', text: 'x' } },
		action: { type: 'activity/started', activity: { id: 'l', verb: 'Loading', write: false } },
		check: (next) => next.flash?.level === 'error',
	},
	{
		name: 'the retry wait ends with the last activity',
		state: {
			...withList,
			activity: [{ id: 'l', verb: 'Loading', write: false }],
			retry: { reason: 'throttled', since: 0, until: 5 },
		},
		action: { type: 'activity/finished', id: 'l' },
		check: (next) => next.retry === undefined && next.activity.length === 0,
	},
	{
		name: 'clearing an older flash keeps a newer one',
		state: { ...withList, flash: { id: 2, level: 'success', text: 'new' } },
		action: { type: 'flash/cleared', id: 1 },
		check: (next) => next.flash?.id === 2,
	},
	{
		name: 'a flash gets the next id',
		state: withList,
		action: { type: 'flash/shown', level: 'success', text: 'ok' },
		check: (next) => next.flash?.id === 1 && next.seq === 1,
	},
	{
		name: 'typing in the delete dialog hides the mismatch note',
		state: { ...withList, overlay: { kind: 'deleteFlow', flowId: 'a', text: 'x', mismatch: true } },
		action: { type: 'overlay/textChanged', text: 'xy' },
		check: (next) =>
			next.overlay?.kind === 'deleteFlow' && next.overlay.text === 'xy' && !next.overlay.mismatch,
	},
	{
		name: 'toggling a provider twice leaves it off and marks the form changed',
		state: {
			...withList,
			createDraft: {
				name: '',
				description: '',
				signUp: true,
				providerIds: ['p'],
				attributeIds: [],
				focus: 'providers',
				itemCursor: 0,
				errors: { providers: 'x' },
				submitting: false,
				dirty: false,
			},
		},
		action: { type: 'createDraft/itemToggled', field: 'providers', id: 'p' },
		check: (next) =>
			next.createDraft?.providerIds.length === 0 &&
			next.createDraft.dirty &&
			!next.createDraft.errors.providers,
	},
	{
		name: 'a rejected submit keeps every field',
		state: {
			...withList,
			createDraft: {
				name: 'Shop',
				description: 'd',
				signUp: false,
				providerIds: ['p'],
				attributeIds: ['city'],
				focus: 'submit',
				itemCursor: 0,
				errors: {},
				submitting: true,
				dirty: true,
			},
		},
		action: { type: 'createDraft/rejected', errors: { name: 'taken' } },
		check: (next) =>
			next.createDraft?.name === 'Shop' &&
			next.createDraft.description === 'd' &&
			next.createDraft.attributeIds[0] === 'city' &&
			!next.createDraft.submitting &&
			next.createDraft.errors.name === 'taken',
	},
	{
		name: 'editing text clears the edit error',
		state: { ...withList, edit: { flowId: 'a', field: 'displayName', text: 'A', error: 'taken' } },
		action: { type: 'edit/changed', text: 'AB' },
		check: (next) => next.edit?.text === 'AB' && next.edit.error === undefined,
	},
];

for (const row of rows) {
	test(`reducer: ${row.name}`, (t) => {
		const frozen = structuredClone(row.state);
		const next = reducer(row.state, row.action);
		t.truthy(row.check(next, row.state));
		t.deepEqual(row.state, frozen, 'the reducer must not mutate its input');
	});
}

test('reducer: an unknown action type is a bug, not a silent no-op', (t) => {
	t.throws(() => reducer(signedIn, { type: 'nope' } as unknown as Action), { message: /Unhandled action/ });
});

test('the root reducer routes by prefix: it lists no action type, so a new action is two edits', (t) => {
	const source = readFileSync(new URL('../../source/store/reducer.ts', import.meta.url), 'utf8');
	t.notRegex(source, /case '[a-zA-Z]+\/[a-zA-Z]+'/);
	t.is(reducer(signedIn, { type: 'help/toggled' }).helpOpen, true, 'help/ reaches the status slice');
	t.is(reducer(deep, { type: 'route/popped' }).routes.length, 1, 'route/ reaches the routes slice');
});
