import test from 'ava';
import type { AppDeps } from '../../source/store/index.js';
import {
	cancelSignIn,
	connect,
	currentEntry,
	loadUserFlows,
	selectResource,
	signIn,
	startSession,
} from '../../source/store/index.js';
import { fakeSession } from '../helpers/ui-session.js';
import { storeFor } from '../helpers/ui-store.js';

test('a cached sign-in starts silently', async (t) => {
	const { store, session } = await storeFor(t, { signedIn: false });
	await store.run(startSession());
	t.is(store.getState().session.status, 'signedIn');
	t.is(session.signIns, 0);
});

test('without a cached sign-in a device code is shown, and approving signs in', async (t) => {
	const { store, session } = await storeFor(t, { signedIn: false, session: fakeSession(null) });
	await store.run(startSession());
	await store.idle();
	const state = store.getState().session;
	t.is(state.status, 'awaitingCode');
	t.is(state.status === 'awaitingCode' ? state.code.userCode : '', 'CODE1');
	session.approve();
	await store.idle();
	t.is(store.getState().session.status, 'signedIn');
});

test('esc cancels the sign-in; r asks for a new code', async (t) => {
	const { store, session } = await storeFor(t, { signedIn: false, session: fakeSession(null) });
	void store.run(signIn('start'));
	await store.idle();
	await store.run(cancelSignIn());
	t.like(store.getState().session, { status: 'signedOut', outcome: 'cancelled' });
	void store.run(signIn('start'));
	await store.idle();
	t.is(session.signIns, 2);
	t.is(store.getState().session.status, 'awaitingCode');
});

test('an expired sign-in mid-session goes to sign-in and resumes the request afterwards', async (t) => {
	let expired = true;
	const session = fakeSession();
	const { store } = await storeFor(t, {
		session,
		emulator: {
			authorize: () =>
				expired
					? {
							ok: false,
							status: 401,
							code: 'InvalidAuthenticationToken',
							message: 'Lifetime validation failed.',
						}
					: { ok: true },
		},
	});
	store.dispatch({ type: 'route/pushed', route: { id: 'user-flow', flowId: 'x' } });
	await store.run(loadUserFlows());
	await store.idle();
	t.is(store.getState().session.status, 'awaitingCode');
	t.is(currentEntry(store.getState()).route.id, 'user-flow', 'the route stack is kept');
	expired = false;
	session.approve();
	await store.idle();
	t.is(store.getState().session.status, 'signedIn');
	t.is(selectResource(store.getState(), 'userFlows').status, 'ready', 'the interrupted load ran again');
});

test('throttling shows "retrying in Ns" while the client waits', async (t) => {
	const { store } = await storeFor(t, {
		emulator: { faults: 'F-T1:retry-after=0.2:times=1:method=GET' },
		graph: { retry: { random: () => 0 } },
	});
	const seen: string[] = [];
	store.subscribe(() => {
		const retry = store.getState().retry;
		if (retry) seen.push(retry.reason);
	});
	await store.run(loadUserFlows());
	t.true(seen.includes('throttled'));
	t.is(store.getState().retry, undefined, 'cleared when the load ends');
});

test('the Start screen connects to the demo tenant and then signs in', async (t) => {
	const { store: configured, emulator } = await storeFor(t);
	const demo: AppDeps = { ...configured.deps(), configured: true, session: fakeSession() };
	const { store } = await storeFor(t, { signedIn: false });
	const start = store.deps();
	const unconfigured = { ...start, configured: false, startDemo: async () => demo };
	const { createStore } = await import('../../source/store/index.js');
	const fresh = createStore(unconfigured);
	t.is(fresh.getState().session.status, 'unconfigured');
	await fresh.run(connect({ demo: true }));
	await fresh.idle();
	t.is(fresh.getState().session.status, 'signedIn');
	t.is(fresh.deps().graph, demo.graph);
	t.truthy(emulator);
});

test('a typed tenant that cannot be used says why and stays on Start', async (t) => {
	const { store } = await storeFor(t);
	const { createStore } = await import('../../source/store/index.js');
	const fresh = createStore({
		...store.deps(),
		configured: false,
		useTenant: async (tenant) => {
			throw new Error(`Unknown tenant ${tenant}`);
		},
	});
	await fresh.run(connect({ tenant: 'nope.example' }));
	t.like(fresh.getState().session, { status: 'unconfigured', connecting: false });
	const session = fresh.getState().session;
	t.regex(session.status === 'unconfigured' ? (session.error?.message ?? '') : '', /Unknown tenant nope/);
});

test('a sign-in that remembered its tenant says so in the status line', async (t) => {
	const session = fakeSession({
		account: 'admin@contoso.test',
		tenant: 'contoso.test',
		mode: 'device-code',
		remembered: 'contoso.example',
	});
	const { store } = await storeFor(t, { signedIn: false, session });
	await store.run(startSession());
	t.regex(
		store.getState().flash?.text ?? '',
		/Remembered tenant contoso\.example: a plain `entra-flows` starts there next time/,
	);
});
