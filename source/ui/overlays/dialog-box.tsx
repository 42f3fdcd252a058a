import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useBodySize } from '../body-size.js';
import { useTheme } from '../theme.js';

/** Props of a dialog frame. */
export type DialogBoxProps = {
	readonly title: string;
	readonly danger?: boolean;
	readonly children: ReactNode;
};

/** A bordered box with a title, as tall as its content (the body clips it), at most 78 wide. */
export function DialogBox({ title, danger, children }: DialogBoxProps) {
	const theme = useTheme();
	const { width } = useBodySize();
	return (
		<Box
			flexDirection="column"
			borderStyle="round"
			borderColor={danger ? theme.warning : theme.border}
			width={Math.min(width, 78)}
			paddingX={1}
			overflow="hidden"
		>
			<Text bold color={danger ? theme.warning : theme.accent}>
				{title}
			</Text>
			{children}
		</Box>
	);
}
