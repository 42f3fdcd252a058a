import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { hidden, useKeyActions } from '../../keys/input-router.js';
import { copiedMessage, currentEntry, type RequestDetail, requestDetail } from '../../store/index.js';
import { useBodySize } from '../body-size.js';
import { BodyState } from '../components/body-state.js';
import { useClipboard } from '../hooks/use-clipboard.js';
import { useListKeys } from '../hooks/use-list-keys.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { detailLines } from './request-detail-lines.js';

/** Props of the request detail. */
export type RequestDetailScreenProps = { readonly seq: number };

/** One recorded call in full, scrollable; c, a and p copy it as curl, az rest and PowerShell. */
export function RequestDetailScreen({ seq }: RequestDetailScreenProps) {
	const store = useStore();
	const theme = useTheme();
	const copy = useClipboard();
	const { width, height } = useBodySize();
	// A recorded call never changes, so it is read once: no subscription while reading it.
	const detail = useMemo(() => {
		const recorded = store
			.deps()
			.requests?.entries()
			.find((item) => item.seq === seq);
		return recorded ? requestDetail(recorded) : undefined;
	}, [store, seq]);
	const lines = useMemo(() => (detail ? detailLines(detail, width - 1) : []), [detail, width]);
	const view = Math.max(1, height - 1);
	const lastTop = Math.max(0, lines.length - view);
	// The route entry's cursor is the first line shown, so esc and enter again come back to the same place.
	const top = Math.min(Math.max(0, useAppState(currentEntry).cursor), lastTop);
	const copyAs = (which: keyof RequestDetail['commands']) => {
		if (!detail) return;
		copy(detail.commands[which]);
		store.dispatch({ type: 'flash/shown', level: 'info', text: copiedMessage(which, store.deps().tmux) });
	};
	const unavailable = detail ? undefined : hidden;
	const scroll = useListKeys(lastTop + 1, view);
	useKeyActions(
		['request'],
		{
			'request.down': scroll['list.down'],
			'request.up': scroll['list.up'],
			'request.pageDown': scroll['list.pageDown'],
			'request.pageUp': scroll['list.pageUp'],
			'request.top': scroll['list.top'],
			'request.bottom': scroll['list.bottom'],
			'request.copyCurl': () => copyAs('curl'),
			'request.copyAzRest': () => copyAs('azRest'),
			'request.copyPowerShell': () => copyAs('powerShell'),
		},
		{
			disabled: {
				'request.copyCurl': unavailable,
				'request.copyAzRest': unavailable,
				'request.copyPowerShell': unavailable,
			},
		},
	);

	if (!detail) {
		return (
			<BodyState
				kind="empty"
				text={`Request #${seq} is no longer kept (the oldest requests are dropped first).`}
			/>
		);
	}
	const tones = { title: theme.accent, failed: theme.error, heading: undefined, plain: undefined };
	return (
		<Box flexDirection="column" height={height} paddingLeft={1}>
			<Box flexDirection="column" height={view} overflow="hidden">
				{lines.slice(top, top + view).map((line, index) => (
					<Text
						// biome-ignore lint/suspicious/noArrayIndexKey: lines are positional; the window moves as a whole
						key={index}
						wrap="truncate-end"
						bold={line.tone !== 'plain'}
						color={tones[line.tone]}
					>
						{line.text || ' '}
					</Text>
				))}
			</Box>
			<Text color={theme.muted}>
				{lastTop > 0
					? `lines ${top + 1}–${Math.min(lines.length, top + view)} of ${lines.length} · ↑↓ pgup pgdn scroll`
					: ' '}
			</Text>
		</Box>
	);
}
