import { Box, Text } from 'ink';
import { type ReactNode, useRef } from 'react';
import type { PickerChoice } from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { windowStart } from '../components/list-view.js';
import { TextField } from '../components/text-field.js';
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
	/** The choices as filtered; undefined while loading. */
	readonly choices: readonly PickerChoice[] | undefined;
	readonly selected: readonly string[];
	readonly focused: boolean;
	readonly cursor: number;
	/** Rows the focused list may take, its filter and "more" lines included. */
	readonly height: number;
	/** Shown while collapsed and nothing is ticked. */
	readonly none: string;
	readonly filter?: string;
	readonly filtering?: boolean;
	/** How many choices there are before the filter. */
	readonly total?: number;
};

/**
 * Ticked names on one line; while focused, the choices with [x] marks and a ❯ on the current row (space
 * toggles), a `/` filter line and "↑ N more" / "↓ N more" where rows are out of sight.
 */
export function Checklist(props: ChecklistProps) {
	const { choices, selected, focused, none } = props;
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
	return <OpenChecklist {...props} choices={choices} />;
}

function OpenChecklist({
	choices,
	selected,
	cursor,
	height,
	filter = '',
	filtering = false,
	total = choices.length,
}: ChecklistProps & { readonly choices: readonly PickerChoice[] }) {
	const theme = useTheme();
	const top = useRef(0);
	const showFilter = filtering || filter !== '';
	const room = Math.max(1, height - (showFilter ? 1 : 0));
	const fits = choices.length <= room;
	// Two rows go to the "more" lines when the list does not fit.
	const visible = fits ? choices.length : Math.max(1, room - 2);
	const current = Math.max(0, Math.min(cursor, choices.length - 1));
	top.current = windowStart(top.current, current, visible, choices.length);
	const start = top.current;
	const below = choices.length - start - visible;
	return (
		<Box flexDirection="column">
			{showFilter ? (
				<Box>
					<Text color={theme.accent}>/ </Text>
					<TextField value={filter} focused={filtering} width={30} />
					<Text color={theme.muted}>
						{' '}
						{choices.length} of {total}
					</Text>
				</Box>
			) : null}
			{fits ? null : (
				<Text color={theme.muted}>
					{start > 0 ? `↑ ${start} more` : `${choices.length} choices · / filter`}
				</Text>
			)}
			{choices.length === 0 ? <Text color={theme.muted}>No choice matches “{filter}”.</Text> : null}
			{choices.slice(start, start + visible).map((choice, index) => {
				const isCurrent = start + index === current;
				return (
					<Text key={choice.value} wrap="truncate-end" inverse={isCurrent}>
						{isCurrent ? '❯ ' : '  '}
						{selected.includes(choice.value) ? '[x] ' : '[ ] '}
						{choice.label}
					</Text>
				);
			})}
			{fits ? null : <Text color={theme.muted}>{below > 0 ? `↓ ${below} more · G last` : ' '}</Text>}
		</Box>
	);
}
