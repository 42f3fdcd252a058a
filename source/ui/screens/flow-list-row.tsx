import { Box } from 'ink';
import { memo } from 'react';
import type { FlowRow } from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { RowProgress } from '../components/row-progress.js';
import { useTheme } from '../theme.js';

const columns = { draft: 9, signUp: 9, providers: 11, attributes: 12, apps: 6 };

/** Column titles of the user-flows list. */
export const FlowListHeader = memo(function FlowListHeader() {
	return (
		<Box>
			<Cell width={2}> </Cell>
			<Cell grow bold>
				Name
			</Cell>
			<Cell width={columns.signUp} bold>
				Sign-up
			</Cell>
			<Cell width={columns.providers} bold>
				Providers
			</Cell>
			<Cell width={columns.attributes} bold>
				Attributes
			</Cell>
			<Cell width={columns.apps} bold>
				Apps
			</Cell>
		</Box>
	);
});

/** Props of one user-flow row. */
export type FlowListRowProps = {
	readonly row: FlowRow;
	readonly selected: boolean;
	/** Set while a write changes this flow ("deleting"). */
	readonly verb?: string;
	/** The flow has unsaved sign-up page edits, kept in a draft. */
	readonly draft?: boolean;
};

/**
 * One user flow: name (✎ draft when its sign-up page has unsaved edits), sign-up on/off and the three counts, or
 * inline progress while it changes. Memoized: a filter key that keeps the rows on screen (the first letters of a
 * name most flows share) then renders none of them again, only the filter and the count.
 */
export const FlowListRow = memo(function FlowListRow({ row, selected, verb, draft }: FlowListRowProps) {
	const theme = useTheme();
	return (
		<>
			<Cell width={2} color={theme.accent}>
				{selected ? '❯' : ' '}
			</Cell>
			<Cell grow inverse={selected}>
				{row.name}
			</Cell>
			{draft ? (
				<Cell width={columns.draft} color={theme.warning}>
					{' ✎ draft'}
				</Cell>
			) : null}
			{verb ? (
				<Box width={columns.signUp + columns.providers + columns.attributes + columns.apps}>
					<RowProgress verb={verb} />
				</Box>
			) : (
				<>
					<Cell width={columns.signUp}>{row.signUp ? 'on' : 'off'}</Cell>
					<Cell width={columns.providers}>{row.providers}</Cell>
					<Cell width={columns.attributes}>{row.attributes}</Cell>
					<Cell width={columns.apps}>{row.apps}</Cell>
				</>
			)}
		</>
	);
});
