import { Box } from 'ink';
import type { LayoutRow } from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { ListView } from '../components/list-view.js';
import { useTheme } from '../theme.js';

// Column widths for 80 columns; the pattern takes what is left.
const widths = { marker: 3, position: 3, label: 19, attribute: 16, input: 11, flag: 4, options: 8 };

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The column titles. */
export function LayoutTableHeader() {
	return (
		<Box>
			<Cell width={widths.marker}> </Cell>
			<Cell width={widths.position} bold>
				#
			</Cell>
			<Cell width={widths.label} bold>
				Label
			</Cell>
			<Cell width={widths.attribute} bold>
				Attribute
			</Cell>
			<Cell width={widths.input} bold>
				Input
			</Cell>
			<Cell width={widths.flag} bold>
				Req
			</Cell>
			<Cell width={widths.flag} bold>
				Hid
			</Cell>
			<Cell width={widths.flag} bold>
				Edt
			</Cell>
			<Cell width={widths.options} bold>
				Options
			</Cell>
			<Cell grow bold>
				Pattern
			</Cell>
		</Box>
	);
}

/** Props of the page table. */
export type LayoutTableProps = {
	readonly rows: readonly LayoutRow[];
	readonly cursor: number;
	readonly height: number;
};

/** The page's inputs in order; `!` marks an input with a problem. */
export function LayoutTable({ rows, cursor, height }: LayoutTableProps) {
	const theme = useTheme();
	return (
		<ListView
			rows={rows}
			cursor={cursor}
			height={height}
			rowKey={(row) => row.key}
			renderRow={(row, selected) => (
				<>
					<Cell width={widths.marker} color={row.problem ? theme.error : theme.accent}>
						{`${selected ? '❯' : ' '}${row.problem ? '!' : ' '}`}
					</Cell>
					<Cell width={widths.position}>{row.position}</Cell>
					<Cell width={widths.label} inverse={selected}>
						{row.label || '(no label)'}
					</Cell>
					<Cell width={widths.attribute} color={theme.muted}>
						{row.attribute}
					</Cell>
					<Cell width={widths.input}>{row.inputType}</Cell>
					<Cell width={widths.flag}>{yesNo(row.required)}</Cell>
					<Cell width={widths.flag}>{yesNo(row.hidden)}</Cell>
					<Cell width={widths.flag}>{yesNo(row.editable)}</Cell>
					<Cell width={widths.options}>{row.options || '—'}</Cell>
					<Cell grow color={theme.muted}>
						{row.pattern || '—'}
					</Cell>
				</>
			)}
		/>
	);
}
