import test from 'ava';
import type { Action } from '../../source/store/actions.js';
import { reducer } from '../../source/store/reducer.js';
import { type AppState, entry, initialState } from '../../source/store/state.js';

const signedIn: AppState = {
	...initialState(true),
	session: { status: 'signedIn', info: { account: 'a@b', mode: 'device-code' } },
	tenant: { profile: 'dev', label: 'dev.example' },
};
const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);

test('switching tenant drops everything read from the last one, keeps the typed path and the last export', (t) => {
	const before = run(
		signedIn,
		{ type: 'route/pushed', route: { id: 'user-flow', flowId: 'a' } },
		{ type: 'resources/loadSucceeded', resource: 'userFlows', key: '', data: [{ id: 'a' }], at: 1 } as Action,
		{ type: 'flowCode/exported', path: '/tmp/a.yaml' },
		{ type: 'applyFile/opened', path: '/tmp/a.yaml' },
		{ type: 'applyFile/planned', lines: [{ mark: '+', text: 'x', tone: 'add' }], steps: [] },
	);
	t.is(before.applyFile?.phase, 'planned');
	const after = reducer(before, {
		type: 'tenant/switched',
		tenant: { profile: 'prod', label: 'prod.example' },
	});
	t.deepEqual(after.tenant, { profile: 'prod', label: 'prod.example' });
	t.deepEqual(after.routes, [entry({ id: 'user-flows' })]);
	t.deepEqual(after.resources.userFlows, {});
	t.is(after.session.status, 'checking', 'the new profile signs in again');
	t.is(after.lastExport, '/tmp/a.yaml');
	t.is(after.applyFile?.path, '/tmp/a.yaml');
	t.is(after.applyFile?.phase, 'choose', 'a plan made against the last tenant is gone');
	t.is(after.applyFile?.prepared, undefined);
});

test('typing in the export or clone dialog clears its refusal; a refusal keeps the text', (t) => {
	const open = run(signedIn, {
		type: 'flowCode/dialogOpened',
		overlay: { kind: 'cloneFlow', flowId: 'a', name: 'Taken' },
	});
	const refused = run(
		open,
		{ type: 'flowCode/dialogBusy' },
		{ type: 'flowCode/dialogRejected', error: 'taken' },
	);
	t.deepEqual(refused.overlay, {
		kind: 'cloneFlow',
		flowId: 'a',
		name: 'Taken',
		busy: false,
		error: 'taken',
	});
	const typed = reducer(refused, { type: 'flowCode/textChanged', text: 'Taken2' });
	t.is(typed.overlay?.kind === 'cloneFlow' ? typed.overlay.error : 'x', undefined);
});

test('an apply marks its steps one by one and its end spends the plan', (t) => {
	const planned = run(
		signedIn,
		{ type: 'applyFile/opened', path: 'f.yaml' },
		{
			type: 'applyFile/planned',
			lines: [],
			steps: [
				{ text: 'one', mark: 'waiting' },
				{ text: 'two', mark: 'waiting' },
			],
			prepared: {
				plan: { steps: [], problems: [], unchanged: [] },
				snapshot: { flows: [], providers: [], attributes: [], extensions: [], flowExtensions: new Map() },
			},
		},
		{ type: 'applyFile/applyStarted' },
		{ type: 'applyFile/stepMarked', index: 0, mark: 'done' },
		{ type: 'applyFile/stepMarked', index: 1, mark: 'failed', note: 'why' },
		{ type: 'applyFile/applyEnded', phase: 'stopped', report: [] },
	);
	t.deepEqual(planned.applyFile?.steps, [
		{ text: 'one', mark: 'done' },
		{ text: 'two', mark: 'failed', note: 'why' },
	]);
	t.is(planned.applyFile?.phase, 'stopped');
	t.is(planned.applyFile?.prepared, undefined);
});
