import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import { useEffect } from 'react';
import type { Flash } from '../../store/index.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { useNow } from '../use-now.js';

/** How long a success message stays (k9s clears its flash after about 6 s). */
export const fadeAfterMs = 5000;

const icons: Record<Flash['level'], string> = { success: '✓', error: '✗', warning: '!', info: '·' };

function message(flash: Flash): string {
	const detail = flash.error ? ` — ${flash.error.code}: ${flash.error.message}` : '';
	// A missing permission is only fixed by signing in differently, so its hint (what to run) is shown too.
	const fix = flash.error?.kind === 'forbidden' && flash.error.hint ? ` — ${flash.error.hint}` : '';
	return `${icons[flash.level]} ${flash.text}${detail}${fix}`;
}

/** Most lines a message takes; a refused permission with its fix needs about five at 80 columns. */
const maxFlashLines = 6;

// Success and info wait until the work ends; a warning or an error shows under the spinner at once.
const urgent = (flash: Flash | undefined) => flash?.level === 'error' || flash?.level === 'warning';

/** Lines `text` takes when wrapped at spaces the way Ink wraps it (a word longer than a line is split). */
export function wrappedLineCount(text: string, width: number): number {
	const size = Math.max(1, width);
	let lines = 1;
	let used = 0;
	for (const word of text.split(' ')) {
		const needed = used === 0 ? word.length : used + 1 + word.length;
		if (needed <= size) used = needed;
		else {
			lines += used === 0 ? 0 : 1;
			lines += Math.floor(Math.max(0, word.length - 1) / size);
			used = word.length % size || size;
		}
	}
	return lines;
}

function flashLines(flash: Flash, width: number): number {
	return Math.min(maxFlashLines, wrappedLineCount(message(flash), width));
}

/** Lines the status area needs: the spinner line while working, plus a message (wrapped, up to 6 lines, plus its request id). */
export function statusHeight(flash: Flash | undefined, busy: boolean, width: number): number {
	const shown = flash && (!busy || urgent(flash)) ? flash : undefined;
	if (!shown) return 1;
	return (busy ? 1 : 0) + flashLines(shown, width) + (shown.error?.requestId ? 1 : 0);
}

/** Seconds after which a request still running shows how long it has waited. */
export const slowAfterSeconds = 3;

/** What follows the verb while work runs: the retry countdown, else the wait of a slow request. */
export function progressNotice(
	retry: { readonly reason: string; readonly seconds: number } | undefined,
	waited: number,
	read: boolean,
): string {
	if (retry) return ` · ${retry.reason}, retrying in ${retry.seconds}s`;
	if (waited < slowAfterSeconds) return '';
	return ` · ${waited}s${read ? ' · esc goes back' : ''}`;
}

/** Props of the status line. */
export type StatusLineProps = {
	readonly width: number;
	/** How long a success or info message stays on screen (shorter in tests). */
	readonly fadeAfterMs?: number;
};

/** Footer line 2: spinner and verb while working, "throttled, retrying in Ns", and the latest message. */
export function StatusLine({ width, fadeAfterMs: fadeMs = fadeAfterMs }: StatusLineProps) {
	const theme = useTheme();
	const store = useStore();
	const activity = useAppState((state) => state.activity.at(-1));
	const retry = useAppState((state) => state.retry);
	const flash = useAppState((state) => state.flash);
	const canGoBack = useAppState((state) => state.routes.length > 1);
	const now = useNow(retry !== undefined || activity?.startedAt !== undefined, 1000, retry?.until);

	// The clock may have last ticked before the wait began; the wait is counted from its own start at the latest.
	const wait = retry ? Math.max(0, Math.ceil((retry.until - Math.max(now, retry.since)) / 1000)) : 0;
	const waited = activity?.startedAt === undefined ? 0 : Math.floor((now - activity.startedAt) / 1000);
	const notice = activity
		? progressNotice(retry && { reason: retry.reason, seconds: wait }, waited, !activity.write && canGoBack)
		: '';
	const shown = flash && (!activity || urgent(flash)) ? flash : undefined;
	// A message fades after it has been on screen for a while, not after it was said: a read that follows a
	// write (its read-back) hides the message meanwhile, and on a slow link would otherwise hide it for good.
	const fadingId = shown && !urgent(shown) ? shown.id : undefined;
	useEffect(() => {
		if (fadingId === undefined) return;
		const timer = setTimeout(() => store.dispatch({ type: 'flash/cleared', id: fadingId }), fadeMs);
		return () => clearTimeout(timer);
	}, [fadingId, fadeMs, store]);
	const color =
		shown &&
		{ success: theme.success, error: theme.error, warning: theme.warning, info: theme.muted }[shown.level];
	const text = shown ? message(shown) : '';
	return (
		<Box width={width} flexDirection="column">
			{activity ? (
				// The notice keeps its width; a long verb (a flow's name) is what gets cut.
				<Box width={width}>
					<Box flexShrink={1} flexGrow={0} overflow="hidden">
						<Text wrap="truncate-end">
							<Text color={theme.accent}>
								<Spinner type="dots" />
							</Text>{' '}
							{activity.verb}…
						</Text>
					</Box>
					{notice ? (
						<Box flexShrink={0}>
							<Text color={retry ? theme.warning : theme.muted}>{notice}</Text>
						</Box>
					) : null}
				</Box>
			) : null}
			{shown ? (
				<Box height={flashLines(shown, width)} overflow="hidden">
					<Text wrap="wrap">
						<Text color={color}>{text.slice(0, 2)}</Text>
						{text.slice(2)}
					</Text>
				</Box>
			) : null}
			{shown?.level === 'error' && shown.error?.requestId ? (
				<Text wrap="truncate-end" color={theme.muted}>
					{'  '}request-id {shown.error.requestId} · esc to dismiss
				</Text>
			) : null}
			{!activity && !shown ? <Text> </Text> : null}
		</Box>
	);
}
