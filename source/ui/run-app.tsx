import { render } from 'ink';
import { readTerminal } from '../keys/terminal-input.js';
import { type AppDeps, createStore } from '../store/index.js';
import { App } from './app.js';
import { asciiStream } from './ascii-output.js';
import { favourMemoryOverSpeed } from './heap-size.js';
import { colorTheme, noColorTheme } from './theme.js';

/** Exit codes of the keyboard app. */
/** 130 and 143: ended by an interrupt or a kill, as a shell reports 128 + the signal's number. */
export const appExitCodes = { ok: 0, noTerminal: 2, interrupted: 130, terminated: 143 } as const;

/** The terminal's alternate screen: the app draws there, so the shell's scrollback is never touched and comes back on exit. */
export const alternateScreen = { enter: '\u001B[?1049h', leave: '\u001B[?1049l' } as const;

const showCursor = '\u001B[?25h';
const hideCursor = '\u001B[?25l';

/** The refusal when the keyboard app cannot run in this terminal; `why` says what is missing. */
export function noTerminalMessage(why: string): string {
	return `entra-flows: the keyboard app needs a terminal (${why}). Use the commands instead, e.g. \`entra-flows flows list\`; see \`entra-flows --help\`.\n`;
}

/** How the app renders: shared with the key-latency benchmark so it measures what people get. */
export const renderOptions = {
	// ctrl+c goes through the router, which asks first while a change is in flight.
	exitOnCtrlC: false,
	// Up to 60 frames a second keeps held keys smooth. Ink's incrementalRendering stays off: it left stale lines
	// on screen in the tmux journeys.
	maxFps: 60,
} as const;

/** Runs the keyboard app until the person quits; refuses (exit 2) when stdin or stdout is not a terminal. */
export async function runApp(deps: AppDeps): Promise<number> {
	const stdin = deps.stdin ?? process.stdin;
	const stdout = deps.ascii ? asciiStream(deps.stdout ?? process.stdout) : (deps.stdout ?? process.stdout);
	const stderr = deps.stderr ?? process.stderr;
	if (stdin.isTTY !== true) {
		stderr.write(noTerminalMessage('stdin is not a TTY'));
		return appExitCodes.noTerminal;
	}
	// Frames sent into a file or a pipe are escape sequences nobody sees, and keys would be typed blind.
	if ((deps.stdout ?? process.stdout).isTTY !== true) {
		stderr.write(noTerminalMessage('stdout is not a TTY'));
		return appExitCodes.noTerminal;
	}
	const store = createStore(deps);
	// The app reads the terminal itself and hands Ink one key at a time (Ink never reads the terminal).
	const input = readTerminal(stdin);
	const theme = deps.noColor ? noColorTheme : colorTheme;
	stdout.write(alternateScreen.enter);
	// Leaves the alternate screen after Ink's last frame, on every way out; a lost terminal never gets here (it ends
	// by the hang-up signal before anything is written to it).
	const leave = () => {
		if (!stdout.destroyed) stdout.write(alternateScreen.leave);
	};
	let instance: ReturnType<typeof render>;
	try {
		instance = render(<App store={store} theme={theme} feed={input.feed} />, {
			stdin: input.inkStdin,
			stdout,
			stderr,
			...renderOptions,
		});
	} catch (error) {
		leave();
		throw error;
	}
	// A kill or an interrupt from outside unmounts, so the last frame and the way back to the shell are drawn.
	let endedBy: 'interrupted' | 'terminated' | undefined;
	const onInterrupt = () => {
		endedBy = 'interrupted';
		instance.unmount();
	};
	const onTerminate = () => {
		endedBy = 'terminated';
		instance.unmount();
	};
	process.once('SIGTERM', onTerminate);
	process.once('SIGINT', onInterrupt);
	// Suspended (SIGTSTP) the shell gets its own screen back, cooked and with a cursor; on `fg` the app draws again.
	const suspend = () => {
		stdin.setRawMode?.(false);
		if (!stdout.destroyed) stdout.write(`${alternateScreen.leave}${showCursor}`);
		// The stop takes effect before kill returns, so what follows runs on `fg`, before any timer can draw a frame
		// on the shell's screen.
		process.kill(process.pid, 'SIGSTOP');
		stdin.setRawMode?.(true);
		if (stdout.destroyed) return;
		stdout.write(`${alternateScreen.enter}${hideCursor}`);
		// Ink draws a full frame again on a resize; the alternate screen it comes back to is blank.
		stdout.emit('resize');
	};
	process.on('SIGTSTP', suspend);
	// The first frame is written synchronously, so a benchmark can stop right here.
	if (deps.exitAfterFirstFrame) instance.unmount();
	favourMemoryOverSpeed();
	try {
		await instance.waitUntilExit();
	} finally {
		process.removeListener('SIGTERM', onTerminate);
		process.removeListener('SIGINT', onInterrupt);
		process.removeListener('SIGTSTP', suspend);
		leave();
		store.dispose();
	}
	return endedBy ? appExitCodes[endedBy] : appExitCodes.ok;
}
