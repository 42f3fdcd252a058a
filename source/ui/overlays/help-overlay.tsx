import { Box, Text } from 'ink';
import { useState } from 'react';
import { hidden, useHelpEntries, useKeyActions } from '../../keys/input-router.js';
import { textWidth, wrapToWidth } from '../../text/width.js';
import { useBodySize } from '../body-size.js';
import { useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';

const unscrollable = {
	'help.down': hidden,
	'help.up': hidden,
	'help.bottom': hidden,
	'help.top': hidden,
	'help.pageDown': hidden,
	'help.pageUp': hidden,
} as const;

/**
 * Breaks a description into lines at spaces, so no line starts with the space it was broken at (a word longer
 * than a line is cut).
 */
export function wrapWords(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ').filter((part) => part !== '')) {
		for (const piece of wrapToWidth(word, width)) {
			const joined = line === '' ? piece : `${line} ${piece}`;
			if (textWidth(joined) <= width) line = joined;
			else {
				lines.push(line);
				line = piece;
			}
		}
	}
	lines.push(line);
	return lines;
}

/** Every key of the screen below with what it does; scrolls when it does not fit; `?` or esc closes it. */
export function HelpOverlay() {
	const store = useStore();
	const theme = useTheme();
	const { height, width } = useBodySize();
	const help = useHelpEntries();
	const [top, setTop] = useState(0);
	const rows = Math.max(1, Math.min(height, 22) - 4);
	// Descriptions wrap under themselves (box border, padding and the keys column take 22 columns).
	const descriptionWidth = Math.max(10, Math.min(width, 78) - 22);
	const linesOf = (description: string) => wrapWords(description, descriptionWidth).length;
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
			'help.bottom': () => setTop(last),
			'help.top': () => setTop(0),
			'help.pageDown': () =>
				setTop((value) => Math.min(last, Math.min(value, last) + Math.max(1, fitting(value) - 1))),
			'help.pageUp': () => setTop((value) => Math.max(0, Math.min(value, last) - Math.max(1, rows - 1))),
		},
		{ level: 'help', disabled: last === 0 ? unscrollable : undefined },
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
					<Box width={descriptionWidth} flexDirection="column">
						{wrapWords(entry.description, descriptionWidth).map((line, index) => (
							// biome-ignore lint/suspicious/noArrayIndexKey: the lines of one description, in order
							<Text key={index} color={theme.muted} wrap="truncate-end">
								{line}
							</Text>
						))}
					</Box>
				</Box>
			))}
			<Text color={theme.muted}>{start < last ? '↓ more below (j/↓)' : ' '}</Text>
		</DialogBox>
	);
}
