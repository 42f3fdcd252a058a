import { Box, Text } from 'ink';
import { useState } from 'react';
import { useKeyActions, useKeyHints } from '../../keys/input-router.js';
import { textWidth } from '../../text/width.js';
import { useBodySize } from '../body-size.js';
import { useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';

/** Every key of the screen below with what it does; scrolls when it does not fit; `?` or esc closes it. */
export function HelpOverlay() {
	const store = useStore();
	const theme = useTheme();
	const { height, width } = useBodySize();
	const { help } = useKeyHints();
	const [top, setTop] = useState(0);
	const rows = Math.max(1, Math.min(height, 22) - 4);
	// Descriptions wrap under themselves (box border, padding and the keys column take 22 columns).
	const descriptionWidth = Math.max(10, Math.min(width, 78) - 22);
	const linesOf = (description: string) => Math.max(1, Math.ceil(textWidth(description) / descriptionWidth));
	const fitting = (from: number) => {
		let used = 0;
		let count = 0;
		for (const entry of help.slice(from)) {
			used += linesOf(entry.description);
			if (used > rows && count > 0) break;
			count++;
		}
		return count;
	};
	// The last start from which everything below still fits: scrolling stops there.
	let last = help.length - 1;
	while (last > 0 && fitting(last - 1) === help.length - (last - 1)) last--;
	last = Math.max(0, fitting(0) === help.length ? 0 : last);
	useKeyActions(
		['help'],
		{
			'help.close': () => store.dispatch({ type: 'help/toggled' }),
			'help.down': () => setTop((value) => Math.min(last, value + 1)),
			'help.up': () => setTop((value) => Math.max(0, value - 1)),
		},
		{ level: 'help', disabled: last === 0 ? { 'help.down': '', 'help.up': '' } : undefined },
	);
	const start = Math.min(top, last);
	return (
		<DialogBox title="Keys on this screen">
			{help.slice(start, start + fitting(start)).map((entry) => (
				<Box key={entry.keys + entry.description}>
					<Box width={18} flexShrink={0}>
						<Text bold color={entry.danger ? theme.warning : undefined} wrap="truncate-end">
							{entry.keys}
						</Text>
					</Box>
					<Box width={descriptionWidth}>
						<Text wrap="wrap" color={theme.muted}>
							{entry.description}
						</Text>
					</Box>
				</Box>
			))}
			<Text color={theme.muted}>{start < last ? '↓ more below (j/↓)' : ' '}</Text>
		</DialogBox>
	);
}
