import { Box, Text } from 'ink';
import type { RequestRow } from '../../store/index.js';
import { cutPathMiddle } from '../../text/width.js';
import { Cell } from '../components/cell.js';
import { useTheme } from '../theme.js';

const columns = { seq: 6, time: 9, method: 7, status: 10, ms: 6, attempt: 4, requestId: 9 };

/** Columns the path gets in a row `width` wide: what the fixed columns, the marker and a gap leave. */
export function pathWidth(width: number): number {
	const fixed = 2 + Object.values(columns).reduce((sum, columnWidth) => sum + columnWidth, 0) + 1;
	return Math.max(8, width - fixed);
}

/** Column titles of the requests list. */
export function RequestListHeader() {
	return (
		<Box>
			<Cell width={2}> </Cell>
			<Cell width={columns.seq} bold>
				#
			</Cell>
			<Cell width={columns.time} bold>
				Time
			</Cell>
			<Cell width={columns.method} bold>
				Method
			</Cell>
			<Cell grow bold>
				Path
			</Cell>
			<Cell width={columns.status} bold>
				Status
			</Cell>
			<Cell width={columns.ms} bold>
				ms
			</Cell>
			<Cell width={columns.attempt} bold>
				Try
			</Cell>
			<Cell width={columns.requestId} bold>
				Req-id
			</Cell>
		</Box>
	);
}

/** Props of one request row. */
export type RequestListRowProps = {
	readonly row: RequestRow;
	readonly selected: boolean;
	/** Columns of the whole row (the path takes what the others leave). */
	readonly width: number;
};

/** One Graph call: failures marked ✗ (and red), retries with their attempt number. */
export function RequestListRow({ row, selected, width }: RequestListRowProps) {
	const theme = useTheme();
	return (
		<>
			<Cell width={2} color={theme.accent}>
				{selected ? '❯' : ' '}
			</Cell>
			<Cell width={columns.seq} color={theme.muted}>
				{row.seq}
			</Cell>
			<Cell width={columns.time} color={theme.muted}>
				{row.time}
			</Cell>
			<Cell width={columns.method} bold={row.method !== 'GET'}>
				{row.method}
			</Cell>
			{/* The start says which API, the last segment which resource: a long path is cut between them. */}
			<Box flexGrow={1} flexShrink={1} flexBasis={0} paddingRight={1}>
				<Text wrap="truncate-end" inverse={selected}>
					{cutPathMiddle(row.path, pathWidth(width))}
				</Text>
			</Box>
			<Cell width={columns.status} color={row.failed ? theme.error : undefined}>
				{row.failed ? `✗ ${row.status}` : row.status}
			</Cell>
			<Cell width={columns.ms}>{row.ms}</Cell>
			<Cell width={columns.attempt} color={theme.warning}>
				{row.attempt > 1 ? row.attempt : ''}
			</Cell>
			<Cell width={columns.requestId} color={theme.muted}>
				{row.shortRequestId}
			</Cell>
		</>
	);
}
