import { setFlagsFromString } from 'node:v8';
import { render } from 'ink';
import { readTerminal } from '../keys/terminal-input.js';
import { type AppDeps, createStore } from '../store/index.js';
import { App } from './app.js';
import { colorTheme, noColorTheme } from './theme.js';

/** Exit codes of the keyboard app. */
export const appExitCodes = { ok: 0, noTerminal: 2 } as const;

/** How the app renders: shared with the key-latency benchmark so it measures what people get. */
export const renderOptions = {
	// ctrl+c goes through the router, which asks first while a change is in flight.
	exitOnCtrlC: false,
	// Up to 60 frames a second keeps held keys smooth. Ink's incrementalRendering stays off: it left stale lines
	// on screen in the tmux journeys.
	maxFps: 60,
} as const;

/**
 * Once the first frame is out, V8 is told to keep its heap small: an app left open for hours over SSH should
 * not hold on to the garbage of a large list load (measured: 166 → 104 MiB after 10,000 flows, for about 4 ms
 * more per key, still within a frame). Set after start-up so the first frame is not slowed; the bench calls it too, to measure what people get.
 */
export function favourMemoryOverSpeed(): void {
	setFlagsFromString('--optimize-for-size');
}

/** Runs the keyboard app until the person quits; refuses (exit 2) when stdin is not a terminal. */
export async function runApp(deps: AppDeps): Promise<number> {
	const stdin = deps.stdin ?? process.stdin;
	const stdout = deps.stdout ?? process.stdout;
	const stderr = deps.stderr ?? process.stderr;
	if (stdin.isTTY !== true) {
		stderr.write(
			'entra-flows: the keyboard app needs a terminal (stdin is not a TTY). Use the commands instead, e.g. `entra-flows flows list`; see `entra-flows --help`.\n',
		);
		return appExitCodes.noTerminal;
	}
	const store = createStore(deps);
	// The app reads the terminal itself and hands Ink one key at a time (Ink never reads the terminal).
	const input = readTerminal(stdin);
	const theme = deps.noColor ? noColorTheme : colorTheme;
	const instance = render(<App store={store} theme={theme} feed={input.feed} />, {
		stdin: input.inkStdin,
		stdout,
		stderr,
		...renderOptions,
	});
	// The first frame is written synchronously, so a benchmark can stop right here.
	if (deps.exitAfterFirstFrame) instance.unmount();
	favourMemoryOverSpeed();
	try {
		await instance.waitUntilExit();
	} finally {
		store.dispose();
	}
	return appExitCodes.ok;
}
