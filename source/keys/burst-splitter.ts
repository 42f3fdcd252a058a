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

/** A burst: several characters, none an escape sequence, read at once (typing over a slow link, a paste). */
function isBurst(text: string): boolean {
	return [...text].length > 1 && !text.includes('\u001b');
}

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
			// esc, arrows and ctrl+c never wait: they must work even while a held burst waits on a slow load.
			if (data.startsWith('\u001b') || data === '\u0003') return false;
			// While a burst is being fed, later keys queue behind it to keep their order.
			if (pending.length === 0 && !isBurst(data)) return false;
			pending.push(...(isBurst(data) ? [...data] : [data]));
			schedule();
			return true;
		},
		resume: schedule,
	};
}
