import { setTimeout as delay, setImmediate as immediate } from 'node:timers/promises';
import type { ExecutionContext } from 'ava';
import { render } from 'ink-testing-library';
import type { TokenProvider } from '../../source/auth/token-provider.js';
import { staticTokenProvider } from '../../source/auth/token-provider.js';
import type { EmulatorOptions, RunningEmulator } from '../../source/emulator/server.js';
import { createGraphClient, type GraphClientOptions } from '../../source/graph/graph-client.js';
import { createKeyFeed } from '../../source/keys/key-feed.js';
import {
	type AppDeps,
	type AppState,
	createRetryRelay,
	createStore,
	type Store,
} from '../../source/store/index.js';
import { App } from '../../source/ui/app.js';
import { noColorTheme, type Theme } from '../../source/ui/theme.js';
import { emulatorFor } from './emulator.js';
import { type FakeSession, fakeSession } from './ui-session.js';

/** Escape sequences of the keys tests press, one key per write: Ink reads several as one paste, without flags. */
export const keys: Record<string, string> = {
	enter: '\r',
	esc: '\u001B',
	up: '\u001B[A',
	down: '\u001B[B',
	tab: '\t',
	'shift+tab': '\u001B[Z',
	backspace: '\u007F',
	space: ' ',
	pgdn: '\u001B[6~',
	pgup: '\u001B[5~',
	left: '\u001B[D',
	right: '\u001B[C',
	home: '\u001B[H',
	end: '\u001B[F',
	'ctrl+a': '\u0001',
	'ctrl+e': '\u0005',
	'ctrl+u': '\u0015',
	'ctrl+w': '\u0017',
	'ctrl+r': '\u0012',
	'ctrl+s': '\u0013',
	'ctrl+t': '\u0014',
	'ctrl+c': '\u0003',
	'ctrl+n': '\u000E',
};

/** Lets React flush effects (setImmediate) and Ink deliver a held ESC before the next key. */
export async function tick(ms = 10): Promise<void> {
	for (let index = 0; index < 3; index++) await immediate();
	await delay(ms);
}

const ansi = /\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B\][^\u0007]*\u0007/g;

/** Options of renderApp. */
export type RenderAppOptions = {
	readonly emulator?: EmulatorOptions;
	readonly session?: FakeSession;
	readonly tokenProvider?: TokenProvider;
	readonly graph?: Partial<GraphClientOptions>;
	readonly deps?: Partial<AppDeps>;
	readonly state?: (state: AppState) => AppState;
	readonly columns?: number;
	readonly rows?: number;
	/** The colours to draw with (default none); a test of colour also raises chalk's level. */
	readonly theme?: Theme;
	/** Changes the tenant before the app reads anything (the first list prefetches the catalogues beside it). */
	readonly setUp?: (emulator: RunningEmulator) => void;
};

/** A rendered app against a real emulator over loopback. */
export type RenderedApp = {
	readonly store: Store;
	readonly emulator: RunningEmulator;
	readonly session: FakeSession;
	/** The last frame, ANSI stripped. */
	frame(): string;
	/** Every write to stdout so far (OSC 52 lands here). */
	writes(): readonly string[];
	press(name: string): Promise<void>;
	type(text: string): Promise<void>;
	/** Retries `check` (which may throw) against the latest frame until it passes. */
	waitFor(
		check: string | RegExp | ((frame: string) => unknown),
		timeoutMs?: number,
		options?: { readonly idle?: boolean },
	): Promise<string>;
	resize(columns: number, rows: number): void;
	/** False once the app has exited (Ink stops reading stdin). */
	listening(): boolean;
};

/** Renders <App> at 80×24 (no colour) over a fresh emulator; waits for the first load to settle. */
export async function renderApp(t: ExecutionContext, options: RenderAppOptions = {}): Promise<RenderedApp> {
	const emulator = await emulatorFor(t, options.emulator);
	options.setUp?.(emulator);
	const session = options.session ?? fakeSession();
	const retries = createRetryRelay();
	const graph = createGraphClient({
		baseUrl: emulator.graphUrl,
		tokenProvider: options.tokenProvider ?? staticTokenProvider('test-token'),
		userAgent: 'test',
		onRetry: retries.notify,
		...options.graph,
	});
	const deps: AppDeps = { graph, session, configured: true, noColor: true, retries, ...options.deps };
	const base = createStore(deps).getState();
	const store = createStore(deps, options.state ? options.state(base) : base);
	// As run-app.tsx does: every key goes through the feed, which hands Ink one key at a time.
	let inkStdin: { write(data: string): void } | undefined;
	const feed = createKeyFeed({
		deliver: (piece) => inkStdin?.write(piece),
		defer: (next) => setTimeout(next, 35),
	});
	const ink = render(<App store={store} theme={options.theme ?? noColorTheme} feed={feed} />);
	inkStdin = ink.stdin;
	const resize = (columns: number, rows: number) => {
		Object.defineProperty(ink.stdout, 'columns', { value: columns, configurable: true });
		Object.defineProperty(ink.stdout, 'rows', { value: rows, configurable: true });
		ink.stdout.emit('resize');
	};
	resize(options.columns ?? 80, options.rows ?? 24);
	t.teardown(() => {
		ink.unmount();
		store.dispose();
	});
	const frame = () => (ink.lastFrame() ?? '').replace(ansi, '');
	const app: RenderedApp = {
		store,
		emulator,
		session,
		frame,
		writes: () => ink.frames,
		async press(name) {
			await tick();
			feed.read(keys[name] ?? name);
			await tick();
		},
		async type(text) {
			for (const character of text) await app.press(character);
		},
		async waitFor(check, timeoutMs = 5000, { idle = true } = {}) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				// Waiting for idle first is the rule; a test of what shows *while* busy opts out.
				if (idle) await store.idle();
				const current = frame();
				try {
					if (typeof check === 'string') {
						if (current.includes(check)) return current;
					} else if (check instanceof RegExp) {
						if (check.test(current)) return current;
					} else if (check(current) !== false) return current;
				} catch (error) {
					if (Date.now() > deadline) throw error;
				}
				if (Date.now() > deadline)
					throw new Error(`waitFor ${String(check)} timed out; last frame:\n${current}`);
				await delay(10);
			}
		},
		resize,
		listening: () => ink.stdin.listenerCount('readable') > 0,
	};
	await tick();
	return app;
}
