import { type InkKey, keyName } from './normalize.js';

/** One key event as Ink delivers it. */
export type KeyEvent = { readonly input: string; readonly key: InkKey };

/** Where the queue sends each key: its keymap name (undefined for pasted text) and its text. */
export type RouteKey = (name: string | undefined, text: string) => void;

/** Options of createKeyQueue. */
export type KeyQueueOptions = {
	readonly route: RouteKey;
	/** True while a text field takes typed text (then a run of characters goes in as one paste). */
	readonly takesText: () => boolean;
	/** Runs the next key later, after what the previous one changed has been committed to the screen. */
	readonly defer: (next: () => void) => void;
};

/** A key event with no flags: plain text. */
export const noKey: InkKey = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
};

/** The key event a single character of a burst stands for (Enter, Tab, Backspace, ctrl+letter, or text). */
export function keyEventFor(char: string): KeyEvent {
	const code = char.codePointAt(0) ?? 0;
	if (char === '\r' || char === '\n') return { input: '', key: { ...noKey, return: true } };
	if (char === '\t') return { input: '', key: { ...noKey, tab: true } };
	if (code === 0x7f || code === 0x08) return { input: '', key: { ...noKey, backspace: true } };
	if (code >= 0x01 && code <= 0x1a)
		return { input: String.fromCharCode(code + 96), key: { ...noKey, ctrl: true } };
	return { input: char, key: noKey };
}

const isControl = (char: string) => (char.codePointAt(0) ?? 0) < 0x20 || char === '\u007f';

/** A burst: several characters, none an escape sequence, read at once (typing over a slow link, a paste). */
export function isBurst(text: string): boolean {
	return [...text].length > 1 && !text.includes('\u001b');
}

/**
 * Routes key events in order, one at a time. Keys typed faster than the screen changes (over SSH several
 * arrive in one read) are split and each waits until the previous one's screen is live, so `n` then a name
 * reaches the form, not the list. While a field takes text, a run of characters goes in as one paste.
 */
export function createKeyQueue(options: KeyQueueOptions): { push(event: KeyEvent): void } {
	const queue: KeyEvent[] = [];
	let scheduled = false;

	const next = (): void => {
		scheduled = false;
		const event = queue.shift();
		if (!event) return;
		if (event.key === noKey && isBurst(event.input)) {
			const chars = [...event.input];
			const run = options.takesText() ? chars.findIndex(isControl) : 1;
			const cut = run === -1 ? chars.length : Math.max(run, 1);
			const head = chars.slice(0, cut).join('');
			const rest = chars.slice(cut).join('');
			if (rest) queue.unshift({ input: rest, key: noKey });
			const single = cut === 1 ? keyEventFor(head) : { input: head, key: noKey };
			options.route(keyName(single.input, single.key), single.input);
		} else {
			// The last character of a split burst still needs its key (a trailing "\r" is enter).
			const single = event.key === noKey ? keyEventFor(event.input) : event;
			options.route(keyName(single.input, single.key), single.input);
		}
		if (queue.length > 0 && !scheduled) {
			scheduled = true;
			options.defer(next);
		}
	};

	return {
		push(event) {
			queue.push(event);
			// Nothing waiting: route now, so a lone key costs no extra turn of the event loop.
			if (!scheduled && queue.length === 1) next();
		},
	};
}
