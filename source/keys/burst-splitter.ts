/** Options of createBurstSplitter. */
export type BurstSplitterOptions = {
	/** Feeds one piece back into Ink as if it had been read alone, so every input hook sees single keys. */
	readonly emit: (piece: string) => void;
	/** True while a text field takes typed text (then a run of plain characters goes in as one paste). */
	readonly takesText: () => boolean;
	/** True while the screen is still loading or saving: keys typed ahead wait for it (call resume after). */
	readonly busy: () => boolean;
	/** Runs the next piece later, after what the previous one changed has been committed to the screen. */
	readonly defer: (next: () => void) => void;
};

/** The splitter the input router keeps. */
export type BurstSplitter = {
	/** Looks at one read from the terminal; true when the splitter took it (the caller then ignores it). */
	take(data: string): boolean;
	/** Goes on feeding keys once the screen is no longer busy. */
	resume(): void;
};

// One key of a read: an escape sequence (CSI `ESC [ … final`, SS3 `ESC O x`, alt+key `ESC x`, a lone ESC) or one character.
const keyPattern = /\u001b\[[0-?]*[ -/]*[@-~]|\u001bO.|\u001b[^\u001b[O]|\u001b|[\s\S]/gu;

/** Splits one read into its keys, so text typed ahead of an arrow or esc keeps its order. */
export function splitKeys(text: string): string[] {
	return text.match(keyPattern) ?? [];
}

const isEsc = (key: string) => key === '\u001b';
const isInterrupt = (key: string) => key === '\u0003';

const isControl = (char: string) => (char.codePointAt(0) ?? 0) < 0x20 || char === '\u007f';

/**
 * Keys typed faster than the screen changes (over SSH several arrive in one read) are split and fed back one
 * at a time, each after the previous one's screen is committed and done loading, so `n` then a name reaches
 * the form, and `jj` moves a picker twice. While a field takes text, a run of characters goes in as one paste.
 */
export function createBurstSplitter(options: BurstSplitterOptions): BurstSplitter {
	const pending: string[] = [];
	let scheduled = false;
	let feeding = false;

	const next = (): void => {
		scheduled = false;
		if (pending.length === 0) return;
		// What the last key started (a list loading, a save) settles first; resume() picks up from here.
		if (options.busy()) return;
		let piece = pending.shift() ?? '';
		if (!isControl(piece) && options.takesText()) {
			while (pending.length > 0 && !isControl(pending[0] ?? '')) piece += pending.shift();
		}
		feeding = true;
		try {
			options.emit(piece);
		} finally {
			feeding = false;
		}
		schedule();
	};

	const schedule = () => {
		if (pending.length === 0 || scheduled) return;
		scheduled = true;
		options.defer(next);
	};

	return {
		take(data) {
			// What we feed back comes through here too: it is a single key (or a paste) and goes on as it is.
			if (feeding) return false;
			const keys = splitKeys(data);
			// ctrl+c never waits, and what was typed before it is dropped: the person wants out.
			if (keys.length === 1 && isInterrupt(data)) {
				pending.length = 0;
				return false;
			}
			if (pending.length === 0 && keys.length <= 1) return false;
			// esc while typed-ahead keys wait on a slow load: it must work at once, so they are dropped.
			if (keys.length === 1 && isEsc(data) && options.busy()) {
				pending.length = 0;
				return false;
			}
			// Otherwise everything queues in the order it was typed (esc after the keys typed before it).
			pending.push(...keys);
			schedule();
			return true;
		},
		resume: schedule,
	};
}
