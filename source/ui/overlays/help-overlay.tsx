import { Box, Text } from 'ink';
import { useState } from 'react';
import { useKeyActions, useKeyHints } from '../../keys/input-router.js';
import { useBodySize } from '../body-size.js';
import { useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';

/** Every key of the screen below with what it does; scrolls when it does not fit; `?` or esc closes it. */
export function HelpOverlay() {
	const store = useStore();
	const theme = useTheme();
	const { height } = useBodySize();
	const { help } = useKeyHints();
	const [top, setTop] = useState(0);
	const rows = Math.max(1, Math.min(height, 22) - 4);
	const last = Math.max(0, help.length - rows);
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
			{help.slice(start, start + rows).map((entry) => (
				<Box key={entry.keys + entry.description}>
					<Box width={18} flexShrink={0}>
						<Text bold color={entry.danger ? theme.warning : undefined} wrap="truncate-end">
							{entry.keys}
						</Text>
					</Box>
					<Text wrap="truncate-end" color={theme.muted}>
						{entry.description}
					</Text>
				</Box>
			))}
			<Text color={theme.muted}>{start < last ? '↓ more below (j/↓)' : ' '}</Text>
		</DialogBox>
	);
}
