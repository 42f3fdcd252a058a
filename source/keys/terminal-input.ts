import { PassThrough } from 'node:stream';
import { createKeyFeed, type KeyFeed } from './key-feed.js';

/** How long each typed-ahead key waits for the previous one's frame. */
const typedAheadPaceMs = 35;

/** The terminal's input, read by us, and the stream Ink reads the keys from. */
export type TerminalInput = {
	/** Give this to Ink's render as its stdin: it never touches the terminal itself. */
	readonly inkStdin: NodeJS.ReadStream;
	/** The feed the key router connects to. */
	readonly feed: KeyFeed;
};

/** The part of a terminal's stdin this module uses. */
export type TerminalSource = Pick<
	NodeJS.ReadStream,
	'isTTY' | 'setRawMode' | 'setEncoding' | 'on' | 'off' | 'pause' | 'resume' | 'ref' | 'unref'
>;

/**
 * Owns the reading of the terminal: Ink is given a stream it reads from (all through Ink's public `stdin`
 * option) and only gets keys one at a time, in the feed's order. Ink asks for raw mode on that stream when a
 * component listens for keys; the request is passed on to the terminal, and the reading starts and stops with it.
 */
export function readTerminal(source: TerminalSource): TerminalInput {
	const ink = new PassThrough({ encoding: 'utf8' });
	const feed = createKeyFeed({
		deliver: (piece) => ink.write(piece),
		// One typed-ahead key per frame (Ink draws at most 30–60 a second): by then components such as
		// ink-select-input have re-rendered and listen with their new state; sooner, they act on the old one.
		defer: (next) => setTimeout(next, typedAheadPaceMs),
	});
	const onData = (data: string | Buffer) =>
		feed.read(typeof data === 'string' ? data : data.toString('utf8'));
	let reading = false;
	const inkStdin = Object.assign(ink, {
		isTTY: source.isTTY === true,
		setRawMode(enabled: boolean) {
			source.setRawMode?.(enabled);
			if (enabled && !reading) {
				reading = true;
				source.setEncoding('utf8');
				source.on('data', onData);
				source.resume();
			} else if (!enabled && reading) {
				reading = false;
				source.off('data', onData);
				source.pause();
			}
			return inkStdin;
		},
		ref() {
			source.ref?.();
			return inkStdin;
		},
		unref() {
			source.unref?.();
			return inkStdin;
		},
	}) as unknown as NodeJS.ReadStream;
	return { inkStdin, feed };
}
