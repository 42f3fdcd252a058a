/** The part of `process` the end of a lost terminal or a closed pipe needs. */
export type LifeProcess = {
	readonly pid: number;
	kill(pid: number, signal: NodeJS.Signals): true;
	prependListener(event: 'SIGHUP', listener: () => void): unknown;
	removeAllListeners(event: 'SIGHUP'): unknown;
	exit(code: number): never;
};

/** An output or input stream whose errors say whether the other end is gone. */
export type Endpoint = { on(event: 'error', listener: (error: Error) => void): unknown };

// What a write or read answers once the terminal has hung up (EIO), or the reader of a pipe has gone (EPIPE).
const goneCodes: ReadonlySet<string> = new Set(['EIO', 'EPIPE', 'ENXIO', 'ECONNRESET', 'ENOTCONN']);

/** True when an error only says that the other end of the stream is gone. */
export function isGoneError(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && goneCodes.has(code);
}

/** Exit code of a command whose reader went away (`… | head`): what a shell reports for SIGPIPE. */
export const closedPipeExitCode = 141;

/** What watchForLostPeer returns. */
export type LostPeerWatch = {
	/** From now on the keyboard app owns the terminal (and reads `input`): a lost terminal ends it by a hang-up. */
	keyboardApp(input: Endpoint): void;
	/** Ends at once, as a hang-up does (what a lost terminal does once the keyboard app runs). */
	hangUp(): void;
};

/**
 * Ends quietly when the other end of stdout, stderr or stdin is gone, instead of an unhandled EPIPE or EIO stack.
 *
 * A command whose reader went away (`flows list --json | head -c 100`) exits with 141, as a shell reports for a
 * program stopped by SIGPIPE. The keyboard app whose terminal is gone (tmux kill-session, an SSH drop) ends at
 * once and writes nothing: drawing the last frame or restoring the terminal would only fail (EIO) and end in an
 * abort that may dump a core holding the token. So every other hang-up handler (Ink's unmount among them) is
 * dropped and the process ends by the hang-up signal's default action: no exit handlers, no core, and the shell
 * sees 129, as for any hung-up program.
 */
export function watchForLostPeer(life: LifeProcess, streams: readonly Endpoint[]): LostPeerWatch {
	let app = false;
	let ending = false;
	const hangUp = () => {
		if (ending) return;
		ending = true;
		life.removeAllListeners('SIGHUP');
		life.kill(life.pid, 'SIGHUP');
	};
	const watch = (stream: Endpoint) =>
		stream.on('error', (error) => {
			if (!isGoneError(error)) throw error; // a real failure stays as loud as it was without this listener
			if (app) hangUp();
			else life.exit(closedPipeExitCode);
		});
	for (const stream of streams) watch(stream);
	return {
		keyboardApp(input) {
			app = true;
			life.prependListener('SIGHUP', hangUp);
			watch(input);
		},
		hangUp,
	};
}
