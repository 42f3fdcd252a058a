import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';

/** Props of a text field. */
export type TextFieldProps = {
	readonly value: string;
	readonly focused: boolean;
	readonly placeholder?: string;
	readonly width?: number;
};

/** Shows a value and, when focused, a block cursor at its end (keys come from the router's capture layer). */
export function TextField({ value, focused, placeholder, width }: TextFieldProps) {
	const theme = useTheme();
	const empty = value.length === 0;
	// Long values show their end, where the cursor is.
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
