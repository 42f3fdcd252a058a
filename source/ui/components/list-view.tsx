import { Box } from 'ink';
import { type ReactNode, useRef } from 'react';
import type { Rows } from '../../store/index.js';

/** Props of a virtualized list. */
export type ListViewProps<T> = {
	/** An array, or a view such as a filter's matches: only the visible window is read. */
	readonly rows: Rows<T>;
	/** Index of the selected row (already clamped by the caller). */
	readonly cursor: number;
	/** Rows that fit; only these are rendered, so 10,000 rows scroll as fast as 10. */
	readonly height: number;
	/**
	 * Keys a row by what it shows, so its state follows it as the list scrolls. Without it rows are keyed by their
	 * place in the window: a list whose visible rows are all replaced at once (a filter key) then updates the
	 * rows Ink already laid out instead of building new ones.
	 */
	readonly rowKey?: (row: T) => string;
	/**
	 * Draws one row. Without rowKey, a place past the last row draws the row it last showed, hidden (`shown`
	 * false): such a row is kept mounted only to be updated later, so it should start nothing (no spinner).
	 */
	readonly renderRow: (row: T, selected: boolean, shown: boolean) => ReactNode;
	/**
	 * Drawn as nothing (a filter that matches none); without rowKey its rows stay mounted, so the first match
	 * drawn again updates them instead of building every row anew.
	 */
	readonly hidden?: boolean;
};

/** The first visible row: scrolls only as far as needed to keep the cursor on screen. */
export function windowStart(previous: number, cursor: number, height: number, count: number): number {
	let start = previous;
	if (cursor < start) start = cursor;
	if (cursor >= start + height) start = cursor - height + 1;
	return Math.max(0, Math.min(start, count - height));
}

/** Renders only the visible window of `rows` (and, hidden, the rows last shown at places now empty). */
export function ListView<T>({ rows, cursor, height, rowKey, renderRow, hidden = false }: ListViewProps<T>) {
	const top = useRef(0);
	// Without rowKey, the row each place last showed: a place past the last row keeps it, hidden, so a filter
	// key that brings rows back updates what Ink laid out (building a screen of rows cost ~8 ms a key at 50,000).
	const lastShown = useRef<T[]>([]);
	const visible = Math.max(1, height);
	top.current = windowStart(top.current, cursor, visible, rows.length);
	const start = top.current;
	const shown: ReactNode[] = [];
	for (let place = 0; place < visible; place++) {
		const position = start + place;
		if (position < rows.length) {
			const row = rows.at(position) as T;
			if (!rowKey) lastShown.current[place] = row;
			shown.push(
				// display is always given: Ink applies a display no longer passed as undefined, which it takes as none.
				<Box key={rowKey ? rowKey(row) : place} height={1} display="flex">
					{renderRow(row, position === cursor, true)}
				</Box>,
			);
		} else if (!rowKey && place < lastShown.current.length) {
			shown.push(
				<Box key={place} height={1} display="none">
					{renderRow(lastShown.current[place] as T, false, false)}
				</Box>,
			);
		}
	}
	lastShown.current.length = Math.min(lastShown.current.length, visible);
	// Cut to its height only: Ink passes every line of a sideways-cut box through slice-ansi on every frame
	// (measured: a filter key at 50,000 flows took 11 ms, p90 24 ms; cut to its height, 8 ms, p90 13 ms). Rows fit
	// their width themselves (cells narrow, texts truncate).
	return (
		<Box flexDirection="column" height={visible} overflowY="hidden" display={hidden ? 'none' : 'flex'}>
			{shown}
		</Box>
	);
}
