import type { Action } from './actions.js';
import type { AppDeps, RetryNotice } from './deps.js';
import { reducer } from './reducer.js';
import { type AppState, initialState } from './state.js';

/** What an effect may use: the current deps, the store, and the sign-in bookkeeping. */
export type EffectContext = {
	/** The current deps; the Start screen can replace them (demo or a typed tenant). */
	readonly deps: AppDeps;
	dispatch(action: Action): void;
	getState(): AppState;
	/** Starts another effect; idle() waits for it too. */
	run(effect: Effect): Promise<void>;
	now(): number;
	replaceDeps(next: AppDeps): void;
	/** Queues `resume` for after the next sign-in; true when this call ended a live session. */
	expired(resume: Effect): boolean;
	/** Effects that waited for a new sign-in; taking them empties the queue. */
	takeResumes(): Effect[];
	/** A fresh signal for a sign-in attempt; aborts the previous attempt. */
	beginSignIn(): AbortSignal;
	abortSignIn(): void;
	/** Marks the current effect as waiting on the person (a device code), so idle() does not wait for it. */
	waitForUser<T>(promise: Promise<T>): Promise<T>;
	/** A fresh signal for a read the person may stop (the flows list), by name; aborts the previous one. */
	beginCancellable(name: string): AbortSignal;
	/** Stops the read begun under `name` (its request in flight too); false when none runs. */
	cancel(name: string): boolean;
	/** Aborted when the store is disposed: work that goes on in the background (a patient read-back) ends with it. */
	readonly disposed: AbortSignal;
};

/** An async operation: dispatches started, calls Graph, dispatches succeeded or failed. */
export type Effect = (context: EffectContext) => Promise<void>;

/** The app's store: a pure reducer, effects for the async work, and `idle()` so tests wait instead of sleeping. */
export type Store = {
	getState(): AppState;
	dispatch(action: Action): void;
	subscribe(listener: () => void): () => void;
	run(effect: Effect): Promise<void>;
	/** Resolves once no effect is working (a sign-in waiting for the person does not count). */
	idle(): Promise<void>;
	/** The Graph client's onRetry notice: shows "throttled, retrying in Ns". */
	notifyRetry(notice: RetryNotice): void;
	/** The deps the effects use now. */
	deps(): AppDeps;
	/** Aborts a pending sign-in and stops listening for retry notices. */
	dispose(): void;
};

type Running = { waiting: boolean };

// The header names the profile in use from the first frame.
const withTenant = (state: AppState, deps: AppDeps): AppState =>
	deps.tenant ? { ...state, tenant: deps.tenant } : state;

/** Creates the store over the given deps. */
export function createStore(
	initialDeps: AppDeps,
	state: AppState = withTenant(initialState(initialDeps.configured), initialDeps),
): Store {
	let deps = initialDeps;
	let current = state;
	const listeners = new Set<() => void>();
	const running = new Set<Running>();
	const idleWaiters = new Set<() => void>();
	let resumes: Effect[] = [];
	let signIn: AbortController | undefined;
	const cancellable = new Map<string, AbortController>();
	const lifetime = new AbortController();
	let unsubscribeRetries = deps.retries?.subscribe((notice) => store.notifyRetry(notice));
	const now = () => (deps.now ?? Date.now)();

	const checkIdle = () => {
		if ([...running].some((item) => !item.waiting)) return;
		for (const resolve of idleWaiters) resolve();
		idleWaiters.clear();
	};

	const dispatch = (action: Action) => {
		const next = reducer(current, action);
		if (next === current) return;
		current = next;
		for (const listener of listeners) listener();
	};

	const run = (effect: Effect): Promise<void> => {
		const record: Running = { waiting: false };
		running.add(record);
		const context: EffectContext = {
			get deps() {
				return deps;
			},
			dispatch,
			getState: () => current,
			run,
			now,
			disposed: lifetime.signal,
			replaceDeps(next) {
				unsubscribeRetries?.();
				deps = next;
				unsubscribeRetries = deps.retries?.subscribe((notice) => store.notifyRetry(notice));
			},
			expired(resume) {
				resumes.push(resume);
				const wasSignedIn = current.session.status === 'signedIn';
				dispatch({ type: 'session/expired' });
				return wasSignedIn;
			},
			takeResumes() {
				const taken = resumes;
				resumes = [];
				return taken;
			},
			beginSignIn() {
				signIn?.abort();
				signIn = new AbortController();
				return signIn.signal;
			},
			abortSignIn() {
				signIn?.abort();
				signIn = undefined;
			},
			beginCancellable(name) {
				cancellable.get(name)?.abort();
				const controller = new AbortController();
				cancellable.set(name, controller);
				return controller.signal;
			},
			cancel(name) {
				const controller = cancellable.get(name);
				if (!controller) return false;
				cancellable.delete(name);
				controller.abort();
				return true;
			},
			async waitForUser(promise) {
				record.waiting = true;
				checkIdle();
				try {
					return await promise;
				} finally {
					record.waiting = false;
				}
			},
		};
		const done = (async () => {
			try {
				await effect(context);
			} catch (error) {
				// Effects report their own failures; reaching here is a bug, so say so instead of hiding it.
				dispatch({ type: 'flash/shown', level: 'error', text: `Internal error: ${String(error)}` });
			} finally {
				running.delete(record);
				checkIdle();
			}
		})();
		return done;
	};

	const store: Store = {
		getState: () => current,
		dispatch,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		run,
		async idle() {
			// One macrotask first: a sign-in the person just finished settles through a chain of microtasks.
			for (;;) {
				await new Promise((resolve) => setImmediate(resolve));
				if (![...running].some((item) => !item.waiting)) return;
				await new Promise<void>((resolve) => idleWaiters.add(resolve));
			}
		},
		notifyRetry(notice) {
			dispatch({
				type: 'activity/retryScheduled',
				wait: { reason: notice.reason, since: now(), until: now() + notice.delayMs },
			});
		},
		deps: () => deps,
		dispose() {
			lifetime.abort();
			signIn?.abort();
			for (const controller of cancellable.values()) controller.abort();
			unsubscribeRetries?.();
		},
	};
	return store;
}
