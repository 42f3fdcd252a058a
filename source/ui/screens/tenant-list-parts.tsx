import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { Cell } from '../components/cell.js';
import { RowProgress } from '../components/row-progress.js';
import { useTheme } from '../theme.js';

/** A tenant list's title and column headings; the last column takes what is left. */
export function TenantListHeader({
	title,
	columns,
	last,
}: {
	readonly title: string;
	readonly columns: readonly (readonly [label: string, width: number])[];
	readonly last: string;
}) {
	return (
		<Box flexDirection="column">
			<Text bold>{title}</Text>
			<Box>
				<Cell width={2}> </Cell>
				{columns.map(([label, width]) => (
					<Cell key={label} width={width} bold>
						{label}
					</Cell>
				))}
				<Cell grow bold>
					{last}
				</Cell>
			</Box>
		</Box>
	);
}

/** A tenant list's row: the cursor mark and the name, then its other cells, or the change in flight. */
export function TenantListRow({
	name,
	nameWidth,
	selected,
	verb,
	children,
}: {
	readonly name: string;
	readonly nameWidth: number;
	readonly selected: boolean;
	readonly verb: string | undefined;
	readonly children: ReactNode;
}) {
	const theme = useTheme();
	return (
		<>
			<Cell width={2} color={theme.accent}>
				{selected ? '❯' : ' '}
			</Cell>
			<Cell width={nameWidth} inverse={selected}>
				{name}
			</Cell>
			{verb ? <RowProgress verb={verb} /> : children}
		</>
	);
}

/** The selected row's fields under a tenant list, label and value (a dash for none). */
export function TenantListDetail({
	fields,
}: {
	readonly fields: readonly (readonly [label: string, value: string])[];
}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" marginTop={1}>
			{fields.map(([label, value]) => (
				<Text key={label} wrap="truncate-end">
					<Text color={theme.muted}>{label.padEnd(14)}</Text>
					{value || '—'}
				</Text>
			))}
		</Box>
	);
}
