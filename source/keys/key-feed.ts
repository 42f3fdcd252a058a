/** What the feed needs to know about the app, connected once the key router is mounted. */
export type FeedApp = {
	/** True while a text field takes typed text (then a run of plain characters goes in as one paste). */
	readonly takesText: () => boolean;
	/** True while the screen is still loading or saving: keys typed meanwhile wait for it (call resume after). */
	readonly busy: () => boolean;
	/** Which screen is showing (compared by identity): keys that waited on one screen never land on another. */
	readonly screen: () => unknown;
};

/** Options of createKeyFeed. */
export type KeyFeedOptions = {
	/** Hands one key (or one paste) to Ink, as if it had been read alone, so every input hook sees single keys. */
	readonly deliver: (piece: string) => void;
	/** Runs the next piece later, after what the previous one changed has been committed to the screen. */
	readonly defer: (next: () => void) => void;
};

/** The feed between the terminal and Ink: every read from the terminal goes through it. */
export type KeyFeed = {
	/** One read from the terminal. */
	read(data: string): void;
	/** Connects the app (the router does, when it mounts); returns the disconnect. */
	connect(app: FeedApp): () => void;
	/** Goes on feeding keys once the screen is no longer busy (the app calls it on every state change). */
	resume(): void;
};

// One key of a read: an escape sequence (CSI `ESC [ … final`, SS3 `ESC O x`, alt+key `ESC x`, a lone ESC) or one character.
const keyPattern = /\u001b\[[0-?]*[ -/]*[@-~]|\u001bO.|\u001b[^\u001b[O]|\u001b|[\s\S]/gu;

/** Splits one read into its keys, so text typed ahead of an arrow or esc keeps its order. */
export function splitKeys(text: string): string[] {
	return text.match(keyPattern) ?? [];
}

const esc = '\u001b';
const interrupt = '\u0003';
const refresh = '\u0012';

const isControl = (char: string) => (char.codePointAt(0) ?? 0) < 0x20 || char === '\u007f';

/** A key waiting its turn; `screen` is set once it had to wait for a load or save. */
type Waiting = { readonly key: string; screen?: unknown; stamped: boolean };

const idleApp: FeedApp = { takesText: () => false, busy: () => false, screen: () => undefined };

/**
 * Keys typed faster than the screen changes (over SSH several arrive in one read), or while a screen is still
 * loading, are fed to Ink one at a time, each after the previous one's screen is committed and done loading, so
 * `n` then a name reaches the form, and `jj` moves a picker twice, whether the keys came together or apart.
 * While a field takes text, a run of characters goes in as one paste.
 *
 * Keys that waited for a load or a save belong to the screen they were typed on: if the screen is another
 * one when the wait ends (a save that went on to the new flow's page), they are dropped, not replayed there.
 * A refresh typed while another refresh waits is the same request and is kept once.
 */
export function createKeyFeed(options: KeyFeedOptions): KeyFeed {
	let app = idleApp;
	const pending: Waiting[] = [];
	let scheduled = false;

	const stampWaiting = () => {
		const screen = app.screen();
		for (const item of pending) {
			if (item.stamped) continue;
			item.stamped = true;
			item.screen = screen;
		}
	};

	const next = (): void => {
		scheduled = false;
		if (pending.length === 0) return;
		// What the last key started (a list loading, a save) settles first; resume() picks up from here.
		if (app.busy()) {
			stampWaiting();
			return;
		}
		const screen = app.screen();
		while (pending.length > 0 && pending[0]?.stamped === true && pending[0].screen !== screen)
			pending.shift();
		const first = pending.shift();
		if (!first) return;
		let piece = first.key;
		if (!isControl(piece) && app.takesText()) {
			while (
				pending.length > 0 &&
				!isControl(pending[0]?.key ?? '') &&
				pending[0]?.stamped === first.stamped
			) {
				piece += pending.shift()?.key;
			}
		}
		options.deliver(piece);
		schedule();
	};

	const schedule = () => {
		if (pending.length === 0 || scheduled) return;
		scheduled = true;
		options.defer(next);
	};

	const queue = (keys: readonly string[]) => {
		const busy = app.busy();
		const screen = busy ? app.screen() : undefined;
		for (const key of keys) {
			if (key === refresh && pending.some((item) => item.key === refresh)) continue;
			pending.push({ key, screen, stamped: busy });
		}
		schedule();
	};

	return {
		read(data) {
			const keys = splitKeys(data);
			// ctrl+c never waits, and what was typed before it is dropped: the person wants out.
			if (keys.length === 1 && data === interrupt) {
				pending.length = 0;
				return options.deliver(data);
			}
			// esc while keys wait on a slow load: it must work at once (it cancels), so they are dropped.
			if (keys.length === 1 && data === esc && app.busy()) {
				pending.length = 0;
				return options.deliver(data);
			}
			if (pending.length === 0 && keys.length === 1 && !app.busy()) return options.deliver(data);
			// Otherwise everything queues in the order it was typed (esc after the keys typed before it).
			if (keys.length > 0) queue(keys);
		},
		connect(next) {
			app = next;
			schedule();
			return () => {
				if (app === next) app = idleApp;
			};
		},
		resume: schedule,
	};
}
