import { Box, Text } from 'ink';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { hidden, useKeyActions } from '../../keys/input-router.js';
import { currentEntry, type RequestRow, requestRow } from '../../store/index.js';
import { groupDigits } from '../../text/count.js';
import { useBodySize } from '../body-size.js';
import { BodyState } from '../components/body-state.js';
import { ListView } from '../components/list-view.js';
import { useListKeys } from '../hooks/use-list-keys.js';
import { useRequestHistory } from '../hooks/use-request-history.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { RequestListHeader, RequestListRow } from './request-list-row.js';

/** Keeps the cursor on the newest row while it is there, like a log tail; elsewhere it stays put. */
function useFollowNewest(count: number, cursor: number) {
	const store = useStore();
	const previous = useRef(count);
	useEffect(() => {
		if (count > previous.current && cursor === previous.current - 1)
			store.dispatch({ type: 'route/cursorMoved', index: count - 1 });
		previous.current = count;
	}, [store, count, cursor]);
}

/** Every Graph call of this session, newest last; enter opens one in full, esc goes back (no request). */
export function RequestListScreen() {
	const store = useStore();
	const theme = useTheme();
	const { height, width } = useBodySize();
	const history = useRequestHistory();
	const rows = useMemo(() => history.map(requestRow), [history]);
	const entry = useAppState(currentEntry);
	const cursor = Math.min(Math.max(0, entry.cursor), Math.max(0, rows.length - 1));
	const selected = rows[cursor];
	const listHeight = Math.max(1, height - 2);
	const failed = useMemo(() => rows.filter((row) => row.failed).length, [rows]);
	useFollowNewest(rows.length, cursor);
	useKeyActions(
		['list'],
		{
			...useListKeys(rows.length, listHeight),
			'item.open': () =>
				selected &&
				store.dispatch({ type: 'route/pushed', route: { id: 'requests/entry', seq: selected.seq } }),
		},
		{ disabled: { 'item.open': selected ? undefined : hidden } },
	);

	const body: ReactNode =
		rows.length === 0 ? (
			<BodyState kind="empty" text="No Graph requests yet in this session." />
		) : (
			<ListView
				rows={rows}
				cursor={cursor}
				height={listHeight}
				rowKey={(row: RequestRow) => String(row.seq)}
				renderRow={(row, isSelected) => <RequestListRow row={row} selected={isSelected} width={width} />}
			/>
		);
	return (
		<Box flexDirection="column" height={height}>
			<RequestListHeader />
			<Box flexGrow={1} flexDirection="column">
				{body}
			</Box>
			<Text color={theme.muted} wrap="truncate-end">
				{' '}
				{rows.length > 0 ? `${groupDigits(cursor + 1)}/${groupDigits(rows.length)} · newest last` : ''}
				{failed > 0 ? ` · ${groupDigits(failed)} failed (✗)` : ''}
				{rows.length > 0 ? ' · no tokens kept, secrets shown as ***' : ''}
			</Text>
		</Box>
	);
}
