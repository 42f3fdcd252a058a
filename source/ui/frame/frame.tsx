import { Box } from 'ink';
import type { ReactNode } from 'react';
import { BodySizeContext } from '../body-size.js';
import { useAppState } from '../store-context.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { Header } from './header.js';
import { KeyHints } from './key-hints.js';
import { StatusLine, statusHeight } from './status-line.js';

/** Props of the frame. */
export type FrameProps = { readonly children: ReactNode };

/** Header, body, key hints and status line, sized to the terminal and re-laid on resize. */
export function Frame({ children }: FrameProps) {
	const { columns, rows } = useTerminalSize();
	const flash = useAppState((state) => state.flash);
	const busy = useAppState((state) => state.activity.length > 0);
	// One row short of the terminal: a frame as tall as the screen makes Ink clear and redraw it every time.
	const height = Math.max(10, rows - 1);
	const body = Math.max(3, height - 2 - statusHeight(flash, busy, columns));
	return (
		<Box flexDirection="column" width={columns} height={height}>
			<Header width={columns} />
			<BodySizeContext.Provider value={{ width: columns, height: body }}>
				<Box height={body} flexDirection="column" overflow="hidden">
					{children}
				</Box>
			</BodySizeContext.Provider>
			<KeyHints width={columns} />
			<StatusLine width={columns} />
		</Box>
	);
}
