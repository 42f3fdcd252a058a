import type { ExecutionContext } from 'ava';
import { staticTokenProvider } from '../../source/auth/token-provider.js';
import type { EmulatorOptions, RunningEmulator } from '../../source/emulator/server.js';
import { createGraphClient, type GraphClientOptions } from '../../source/graph/graph-client.js';
import {
	type AppDeps,
	type AppState,
	createRetryRelay,
	createStore,
	type LayoutDraft,
	type Store,
} from '../../source/store/index.js';
import { emulatorFor } from './emulator.js';
import { type FakeSession, fakeSession, testAccount } from './ui-session.js';

/** A real store over a real emulator. */
export type StoreFixture = {
	readonly store: Store;
	readonly emulator: RunningEmulator;
	readonly session: FakeSession;
	/** Requests the emulator saw as "METHOD path", after `since` (an index into the log). */
	requests(since?: number): string[];
};

/** Options of storeFor. */
export type StoreFixtureOptions = {
	readonly emulator?: EmulatorOptions;
	readonly session?: FakeSession;
	readonly graph?: Partial<GraphClientOptions>;
	readonly signedIn?: boolean;
	readonly state?: (state: AppState) => AppState;
};

/** Creates a signed-in store (by default) whose Graph client talks to a fresh emulator. */
export async function storeFor(
	t: ExecutionContext,
	options: StoreFixtureOptions = {},
): Promise<StoreFixture> {
	const emulator = await emulatorFor(t, options.emulator);
	const session = options.session ?? fakeSession();
	const retries = createRetryRelay();
	const graph = createGraphClient({
		baseUrl: emulator.graphUrl,
		tokenProvider: staticTokenProvider('test-token'),
		userAgent: 'test',
		onRetry: retries.notify,
		...options.graph,
	});
	const deps: AppDeps = { graph, session, configured: true, retries };
	let state = createStore(deps).getState();
	if (options.signedIn !== false) state = { ...state, session: { status: 'signedIn', info: testAccount } };
	const store = createStore(deps, options.state ? options.state(state) : state);
	t.teardown(() => store.dispose());
	return {
		store,
		emulator,
		session,
		requests: (since = 0) =>
			emulator.log
				.slice(since)
				.map((entry) => `${entry.method} ${decodeURIComponent(entry.path.split('?')[0] ?? '')}`),
	};
}

/** The layout draft the store keeps for a flow; fails the test when there is none. */
export function layoutDraftOf(store: Store, flowId: string): LayoutDraft {
	const found = store.getState().layoutDrafts[flowId];
	if (!found) throw new Error(`no layout draft for ${flowId}`);
	return found;
}
