import { Box } from 'ink';
import type { LayoutRow } from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { ListView } from '../components/list-view.js';
import { useTheme } from '../theme.js';

// Column widths for 80 columns; the pattern takes what is left.
const base = { marker: 3, position: 3, label: 19, attribute: 16, input: 11, flag: 4, options: 8 };

/** Widths for a terminal `width` wide: past 80 columns label, attribute and options grow before the pattern. */
export function tableWidths(width: number): typeof base {
	const extra = Math.max(0, width - 80);
	const share = (part: number, most: number) => Math.min(most, Math.floor(extra * part));
	return {
		...base,
		label: base.label + share(0.2, 14),
		attribute: base.attribute + share(0.2, 12),
		options: base.options + share(0.2, 16),
	};
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The column titles. */
export function LayoutTableHeader({ width }: { readonly width: number }) {
	const widths = tableWidths(width);
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
	/** Columns of the body, for the widths. */
	readonly width: number;
};

/** The page's inputs in order; `!` marks an input with a problem. */
export function LayoutTable({ rows, cursor, height, width }: LayoutTableProps) {
	const theme = useTheme();
	const widths = tableWidths(width);
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
