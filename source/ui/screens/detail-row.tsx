import { Box, Text } from 'ink';
import type { EditDraft } from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { RowProgress } from '../components/row-progress.js';
import { TextField } from '../components/text-field.js';
import { useTheme } from '../theme.js';

/** Props of one label/value row of the detail screen. */
export type DetailRowProps = {
	readonly label: string;
	readonly value: string;
	/** Shown dimmed at the end, e.g. the section's number key. */
	readonly extra?: string;
	readonly selected?: boolean;
	/** The in-place edit of this row, when one is open. */
	readonly editing?: EditDraft;
	readonly busy?: string;
};

/** A label and a value; the value becomes a text field while it is edited in place. */
export function DetailRow({ label, value, extra, selected, editing, busy }: DetailRowProps) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			<Box>
				<Cell width={2} color={theme.accent}>
					{selected ? '❯' : ' '}
				</Cell>
				<Cell width={20} bold={selected}>
					{label}
				</Cell>
				{editing ? (
					<TextField value={editing.text} focused width={50} selectOnFocus />
				) : (
					<Cell grow inverse={selected}>
						{value}
					</Cell>
				)}
				{busy ? <RowProgress verb={busy} /> : null}
				{extra && !editing ? (
					<Cell width={4} color={theme.muted}>
						{extra}
					</Cell>
				) : null}
			</Box>
			{editing?.error ? (
				<Box paddingLeft={22}>
					<Text color={theme.error}>✗ {editing.error}</Text>
				</Box>
			) : null}
		</Box>
	);
}
