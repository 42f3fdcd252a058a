import { Box, Text } from 'ink';
import { useTextCaret } from '../../keys/input-router.js';
import { useTheme } from '../theme.js';

/** Props of a text field. */
export type TextFieldProps = {
	readonly value: string;
	readonly focused: boolean;
	readonly placeholder?: string;
	readonly width?: number;
	/** Starts with the whole value selected when focused (a label edit: typing replaces it). */
	readonly selectOnFocus?: boolean;
};

/** Which part of a long value shows: the window that keeps the cursor in view, marked with … where cut. */
function visible(chars: readonly string[], at: number, room: number | undefined) {
	if (!room || chars.length < room) return { before: chars.slice(0, at), after: chars.slice(at), cut: false };
	const start = Math.max(0, at - (room - 2));
	return { before: chars.slice(start, at), after: chars.slice(at), cut: start > 0 };
}

/** Shows a value and, when focused, a block cursor where the next character goes (keys come from the router). */
export function TextField({ value, focused, placeholder, width, selectOnFocus = false }: TextFieldProps) {
	const theme = useTheme();
	const caret = useTextCaret(focused, selectOnFocus);
	const empty = value.length === 0;
	if (!focused || empty) {
		const room = width ? Math.max(1, width - 1) : undefined;
		const shown = room && value.length > room ? `…${value.slice(-(room - 1))}` : value;
		return (
			<Box width={width}>
				<Text wrap="truncate-end">
					{empty && placeholder ? <Text color={theme.muted}>{placeholder}</Text> : shown}
					{focused ? <Text inverse> </Text> : null}
				</Text>
			</Box>
		);
	}
	const chars = [...value];
	if (caret.selected) {
		return (
			<Box width={width}>
				<Text wrap="truncate-end">
					<Text inverse>{value}</Text>
				</Text>
			</Box>
		);
	}
	const at = chars.length - Math.min(caret.tail, chars.length);
	const room = width ? Math.max(2, width - 1) : undefined;
	const { before, after, cut } = visible(chars, at, room);
	return (
		<Box width={width}>
			<Text wrap="truncate-end">
				{cut ? '…' : ''}
				{before.join('')}
				<Text inverse>{after[0] ?? ' '}</Text>
				{after.slice(1).join('')}
			</Text>
		</Box>
	);
}
