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

/**
 * One fixed-width (or growing) cell, cut with … instead of wrapping. A growing cell takes what the fixed ones
 * leave (its basis is 0, so a long name never squeezes them); fixed cells narrow only when the terminal is too
 * narrow for them, so a row never runs past the terminal's edge (lists do not cut rows sideways: see ListView).
 */
export function Cell({ width, grow, children, color, bold, inverse, dim }: CellProps) {
	return (
		<Box
			width={width}
			flexGrow={grow ? 1 : 0}
			flexShrink={1}
			flexBasis={grow ? 0 : undefined}
			paddingRight={1}
		>
			<Text wrap="truncate-end" color={color} bold={bold} inverse={inverse} dimColor={dim}>
				{children}
			</Text>
		</Box>
	);
}
