import { Box, Text } from 'ink';
import type { LayoutDetail, LayoutField } from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { ListView } from '../components/list-view.js';
import { TextField } from '../components/text-field.js';
import { useTheme } from '../theme.js';

/** Lines the options panel wants: title, the choices (or one "none" line), a new choice's field, two problems. */
export function optionsHeight(detail: LayoutDetail | undefined, field: LayoutField | undefined): number {
	const adding = field && field.option === undefined ? 1 : 0;
	return 1 + Math.max(1, detail?.options.length ?? 0) + adding + Math.min(2, detail?.problems.length ?? 0);
}

function FieldLine({ field }: { field: LayoutField }) {
	const theme = useTheme();
	const step = field.target === 'optionLabel' ? 'label' : 'value';
	return (
		<Box height={1}>
			<Cell width={4}> </Cell>
			<Cell width={8} color={theme.accent}>
				{`${step} ›`}
			</Cell>
			<TextField value={field.text} focused width={50} />
			{field.target === 'optionValue' ? <Text color={theme.muted}> (label {field.optionLabel})</Text> : null}
		</Box>
	);
}

/** Props of the options sub-editor. */
export type LayoutOptionsPanelProps = {
	readonly detail: LayoutDetail;
	readonly position: number;
	readonly cursor: number;
	readonly field?: LayoutField;
	readonly height: number;
};

/** The choices of a radio or checkbox input: label = value, in display order. */
export function LayoutOptionsPanel({ detail, position, cursor, field, height }: LayoutOptionsPanelProps) {
	const theme = useTheme();
	const adding = field && field.option === undefined;
	const rows = detail.options.map((option, index) => ({ ...option, index }));
	const listHeight = Math.max(1, height - 1 - (adding ? 1 : 0) - Math.min(2, detail.problems.length));
	return (
		<Box flexDirection="column">
			<Text bold color={theme.accent} wrap="truncate-end">
				── Options of {position}. {detail.label || '(no label)'} ({detail.inputType}) ──
			</Text>
			{rows.length === 0 ? (
				adding ? null : (
					<Text color={theme.muted}> No choices yet — press a to add one.</Text>
				)
			) : (
				<ListView
					rows={rows}
					cursor={cursor}
					height={Math.min(listHeight, Math.max(1, rows.length))}
					rowKey={(row) => String(row.index)}
					renderRow={(row, selected) =>
						field && field.option === row.index ? (
							<FieldLine field={field} />
						) : (
							<>
								<Cell width={2} color={theme.accent}>
									{selected ? '❯' : ' '}
								</Cell>
								<Cell width={4}>{row.index + 1}.</Cell>
								<Cell grow inverse={selected}>
									{row.label} = {row.value}
								</Cell>
							</>
						)
					}
				/>
			)}
			{adding && field ? <FieldLine field={field} /> : null}
			{detail.problems.slice(0, 2).map((problem) => (
				<Text key={problem} color={theme.error} wrap="truncate-end">
					✗ {problem}
				</Text>
			))}
		</Box>
	);
}
