import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { PickerChoice } from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { ListView } from '../components/list-view.js';
import { useTheme } from '../theme.js';

/** Props of one form row. */
export type FieldRowProps = {
	readonly label: string;
	readonly focused: boolean;
	readonly error?: string;
	readonly children: ReactNode;
};

/** A label, the field, and the field's own error under it. */
export function FieldRow({ label, focused, error, children }: FieldRowProps) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			<Box>
				<Cell width={2} color={theme.accent}>
					{focused ? '❯' : ' '}
				</Cell>
				<Cell width={14} bold={focused}>
					{label}
				</Cell>
				<Box flexGrow={1} flexShrink={1}>
					{children}
				</Box>
			</Box>
			{error ? (
				<Box paddingLeft={16}>
					<Text color={theme.error} wrap="truncate-end">
						✗ {error}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}

/** Props of a multi-select list. */
export type ChecklistProps = {
	readonly choices: readonly PickerChoice[] | undefined;
	readonly selected: readonly string[];
	readonly focused: boolean;
	readonly cursor: number;
	readonly height: number;
	/** Shown while collapsed and nothing is ticked. */
	readonly none: string;
};

/** Ticked names on one line; while focused, the choices with [x] marks and a cursor (space toggles). */
export function Checklist({ choices, selected, focused, cursor, height, none }: ChecklistProps) {
	const theme = useTheme();
	if (!focused || !choices) {
		if (focused) return <Text color={theme.muted}>Loading…</Text>;
		const names = (choices ?? [])
			.filter((choice) => selected.includes(choice.value))
			.map((choice) => choice.label);
		return (
			<Text wrap="truncate-end">
				{names.length > 0 ? names.join(', ') : <Text color={theme.muted}>{none}</Text>}
			</Text>
		);
	}
	return (
		<ListView
			rows={choices}
			cursor={Math.min(cursor, choices.length - 1)}
			height={Math.min(height, choices.length)}
			rowKey={(choice) => choice.value}
			renderRow={(choice, isSelected) => (
				<Text wrap="truncate-end" inverse={isSelected}>
					{selected.includes(choice.value) ? '[x] ' : '[ ] '}
					{choice.label}
				</Text>
			)}
		/>
	);
}
