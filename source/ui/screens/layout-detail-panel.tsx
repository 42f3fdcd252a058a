import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { LayoutDetail, LayoutField } from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { TextField } from '../components/text-field.js';
import { useTheme } from '../theme.js';

/** Lines the panel takes: title, five fields, and its problems (at most two shown). */
export function detailHeight(detail: LayoutDetail | undefined): number {
	return 7 + Math.min(2, detail?.problems.length ?? 0);
}

function Line({ name, keyHint, children }: { name: string; keyHint?: string; children: ReactNode }) {
	const theme = useTheme();
	return (
		<Box height={1}>
			<Cell width={11} color={theme.muted}>
				{name}
			</Cell>
			<Box flexGrow={1} flexShrink={1}>
				{children}
			</Box>
			{keyHint ? (
				<Box flexShrink={0} paddingLeft={1}>
					<Text color={theme.muted}>{keyHint}</Text>
				</Box>
			) : null}
		</Box>
	);
}

function Value({ children }: { children: ReactNode }) {
	return <Text wrap="truncate-end">{children}</Text>;
}

/** Props of the selected input's panel. */
export type LayoutDetailPanelProps = {
	readonly detail: LayoutDetail;
	readonly position: number;
	readonly field?: LayoutField;
};

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The selected input in full: options as label=value, the pattern, and what validation says about it. */
export function LayoutDetailPanel({ detail, position, field }: LayoutDetailPanelProps) {
	const theme = useTheme();
	const editing = (target: LayoutField['target']) =>
		field?.target === target ? (
			<TextField value={field.text} focused width={60} selectOnFocus={target === 'label'} />
		) : undefined;
	const types = detail.allowedTypes.length > 1 ? `t: ${detail.allowedTypes.join('/')}` : undefined;
	return (
		<Box flexDirection="column">
			<Text bold color={theme.accent} wrap="truncate-end">
				── {position}. {detail.label || '(no label)'} ──
			</Text>
			<Line name="Attribute">
				<Value>
					{detail.attribute} ({detail.dataType})
				</Value>
			</Line>
			<Line name="Label" keyHint={field ? undefined : '⏎ edit'}>
				{editing('label') ?? <Value>{detail.label || '(empty)'}</Value>}
			</Line>
			<Line name="Input" keyHint={types}>
				<Value>{detail.inputType}</Value>
			</Line>
			<Line name="Shown as">
				<Value>
					required {yesNo(detail.required)} (r) · hidden {yesNo(detail.hidden)} (h) · editable{' '}
					{yesNo(detail.editable)} (e)
				</Value>
			</Line>
			<Line name="Options" keyHint={detail.choice ? 'o edit' : undefined}>
				<Value>
					{detail.options.length > 0
						? detail.options.map((option) => `${option.label}=${option.value}`).join(', ')
						: detail.choice
							? '(none yet)'
							: '— (radio and checkbox inputs only)'}
				</Value>
			</Line>
			<Line name="Pattern" keyHint={field ? undefined : 'p edit'}>
				{editing('pattern') ?? <Value>{detail.pattern || '(none)'}</Value>}
			</Line>
			{detail.problems.slice(0, 2).map((problem) => (
				<Text key={problem} color={theme.error} wrap="truncate-end">
					✗ {problem}
				</Text>
			))}
		</Box>
	);
}
