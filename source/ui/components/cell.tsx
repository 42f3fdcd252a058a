import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

/** Props of a table cell. */
export type CellProps = {
	readonly width?: number;
	readonly grow?: boolean;
	readonly children: ReactNode;
	readonly color?: string;
	readonly bold?: boolean;
	readonly inverse?: boolean;
	readonly dim?: boolean;
};

/** One fixed-width (or growing) cell, cut with … instead of wrapping. */
export function Cell({ width, grow, children, color, bold, inverse, dim }: CellProps) {
	return (
		<Box width={width} flexGrow={grow ? 1 : 0} flexShrink={grow ? 1 : 0} paddingRight={1}>
			<Text wrap="truncate-end" color={color} bold={bold} inverse={inverse} dimColor={dim}>
				{children}
			</Text>
		</Box>
	);
}
