import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { ExecutionContext } from 'ava';
import { type ServedEmulator, serveEmulator } from '../../source/emulator/serve.js';
import { builtCli } from '../helpers/built-cli.js';
import { freshDirs } from '../helpers/cli.js';

/** A person at an 80×24 terminal (tmux) using the built program against an emulator in this process. */
export type Journey = {
	readonly emulator: ServedEmulator;
	/** The visible screen, as text. */
	screen(): string;
	/** Presses one key, by tmux name (Enter, Escape, Tab, Up, Down, C-r, …) or a single character. */
	press(key: string): void;
	/** Presses a navigation key until the screen matches (a key sent while a new screen mounts can be lost). */
	pressUntil(key: string, pattern: RegExp | string): Promise<string>;
	/** Presses a key and waits until the screen has changed in response. */
	pressAndWait(key: string): Promise<string>;
	/** Presses a cursor key one step at a time, each after the cursor has moved, until the cursor's line matches. */
	moveCursorTo(key: string, pattern: RegExp, maxSteps?: number): Promise<string>;
	/**
	 * Presses a key that writes exactly once and waits for what it says: pressed again, it could write twice, or
	 * clear the very message waited for (a key clears the status line) when the write takes longer than a retry.
	 */
	submit(key: string, pattern: RegExp | string, timeoutMs?: number): Promise<string>;
	/** Types text one character at a time (several keys in one write would arrive as one paste). */
	type(text: string): Promise<void>;
	/** Polls the screen until it matches; fails with the last screen. */
	waitFor(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
};

function tmux(args: string[]): string {
	return execFileSync('tmux', args, { encoding: 'utf8' });
}

/** Starts an emulator (sign-in auto-approved) and the built app signed in to it by the real device-code path. */
export async function startJourney(
	t: ExecutionContext,
	options: {
		appArgs?: readonly string[];
		pollIntervalSeconds?: number;
		autoApprove?: boolean;
		bare?: boolean;
	} = {},
): Promise<Journey> {
	const emulator = await serveEmulator({
		port: 0,
		identity: {
			autoApprove: options.autoApprove ?? true,
			pendingPolls: 1,
			pollIntervalSeconds: options.pollIntervalSeconds ?? 0,
		},
	});
	const appArgs = options.appArgs ?? [];
	const session = `journey-${randomUUID().slice(0, 8)}`;
	const { info } = emulator;
	// CI=true always: CI sets it, and Ink once drew nothing in a terminal because of it.
	const env = { ...freshDirs(), NODE_EXTRA_CA_CERTS: info.caFile ?? '', CI: 'true' };
	// bare: no tenant flags at all, as `npm start` on a fresh machine.
	const target = options.bare
		? []
		: [
				'--tenant',
				info.tenantId ?? '',
				'--authority-host',
				info.authorityHost ?? '',
				'--graph-url',
				info.graphUrl,
				'--ca-file',
				info.caFile ?? '',
				'--no-cache',
			];
	const command = [
		'env',
		...Object.entries(env).map(([key, value]) => `${key}=${value}`),
		process.execPath,
		builtCli,
		...target,
		...appArgs,
	];
	tmux(['new-session', '-d', '-s', session, '-x', '80', '-y', '24', ...command]);
	t.teardown(async () => {
		try {
			tmux(['kill-session', '-t', session]);
		} catch {
			// Already gone: the app quit.
		}
		await emulator.close();
	});
	const screen = () => {
		try {
			return tmux(['capture-pane', '-p', '-t', session]);
		} catch {
			return '';
		}
	};
	const waitFor = async (pattern: RegExp | string, timeoutMs = 10_000) => {
		const deadline = Date.now() + timeoutMs;
		let last = screen();
		const matches = (text: string) =>
			typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
		while (!matches(last)) {
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; screen:\n${last}`);
			await delay(25);
			last = screen();
		}
		return last;
	};
	const press = (key: string) => {
		tmux(['send-keys', '-t', session, ...(key.length === 1 ? ['-l', key] : [key])]);
	};
	const type = async (text: string) => {
		let typed = '';
		for (const character of text) {
			press(character);
			typed += character;
			// One key per event (several in one write arrive as a paste): wait until the app has echoed this one.
			await waitFor(typed.slice(-20).trimEnd(), 5000);
		}
	};
	/** Presses a key and waits until `view` of the screen differs from before (or `timeoutMs` passed). */
	const pressAndWatch = async (key: string, view: (text: string) => string, timeoutMs: number) => {
		const before = view(screen());
		press(key);
		const deadline = Date.now() + timeoutMs;
		let after = screen();
		while (view(after) === before && Date.now() < deadline) {
			await delay(10);
			after = screen();
		}
		return after;
	};
	const pressAndWait = (key: string) => pressAndWatch(key, (text) => text, 5000);
	const cursorLines = (text: string) =>
		text
			.split('\n')
			.filter((line) => line.includes('❯'))
			.join('\n');
	const moveCursorTo = async (key: string, pattern: RegExp, maxSteps = 30) => {
		let current = screen();
		for (let step = 0; step <= maxSteps; step++) {
			if (pattern.test(cursorLines(current))) return current;
			// Waits for the cursor itself to move, not for any change (a status line fading is not the key's
			// answer): a second key pressed before the first is handled would overshoot. A key lost while a
			// screen mounts leaves the cursor still, and is pressed again.
			current = await pressAndWatch(key, cursorLines, 2000);
		}
		throw new Error(`the cursor never reached ${pattern}; screen:\n${current}`);
	};
	const pressUntil = async (key: string, pattern: RegExp | string) => {
		for (let attempt = 1; ; attempt++) {
			press(key);
			try {
				return await waitFor(pattern, attempt < 3 ? 1500 : 5000);
			} catch (error) {
				if (attempt >= 3) throw error;
			}
		}
	};
	const submit = async (key: string, pattern: RegExp | string, timeoutMs = 20_000) => {
		press(key);
		return await waitFor(pattern, timeoutMs);
	};
	return { emulator, screen, press, pressAndWait, moveCursorTo, pressUntil, submit, type, waitFor };
}
