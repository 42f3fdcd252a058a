import { Text } from 'ink';
import { shortAttribute } from '../../store/index.js';
import { useBodySize } from '../body-size.js';
import { useTheme } from '../theme.js';

/** Props of a diff listing. */
export type DiffLinesProps = {
	readonly lines: readonly string[];
	/** Rows the listing may take. */
	readonly max: number;
};

/** The inner width of a DialogBox (border and padding taken off), less the listing's indent. */
const innerWidth = (bodyWidth: number) => Math.min(bodyWidth, 78) - 4 - 2;

/** A diff line cut into rows of `width`, at spaces where it can; rows after the first are indented two more. */
export function wrapDiffLine(line: string, width: number): string[] {
	const rows: string[] = [];
	let rest = line;
	let room = Math.max(8, width);
	while (rest.length > room) {
		const space = rest.lastIndexOf(' ', room);
		const cut = space > room / 2 ? space : room;
		rows.push(rest.slice(0, cut));
		rest = rest.slice(cut).trimStart();
		room = Math.max(8, width - 2);
	}
	rows.push(rest);
	return rows.map((row, index) => (index === 0 ? row : `  ${row}`));
}

/**
 * Diff lines as formatLayoutDiff writes them, wrapped (never cut) so the whole change is read before `y`;
 * `!!!` lines (inputs added or removed) in the warning colour and always shown.
 */
export function DiffLines({ lines, max }: DiffLinesProps) {
	const theme = useTheme();
	const { width } = useBodySize();
	const columns = innerWidth(width);
	const loud = lines.filter((line) => line.startsWith('!!!'));
	const quiet = lines.filter((line) => !line.startsWith('!!!'));
	const loudRows = loud.flatMap((line) => wrapDiffLine(shortAttribute(line), columns + 2));
	const room = Math.max(1, max - loudRows.length);
	const wrapped = quiet.map((line) => wrapDiffLine(shortAttribute(line), columns));
	const total = wrapped.reduce((sum, rows) => sum + rows.length, 0);
	// Whole lines only; when they do not all fit, the last row says how many lines are not shown.
	const shown: string[][] = [];
	let used = 0;
	for (const rows of wrapped) {
		const limit = total > room ? room - 1 : room;
		if (used + rows.length > limit) break;
		shown.push(rows);
		used += rows.length;
	}
	return (
		<>
			{shown.flat().map((row, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: rows of a static listing keep their order.
				<Text key={index}>
					{'  '}
					{row}
				</Text>
			))}
			{shown.length < quiet.length ? <Text>{`  …and ${quiet.length - shown.length} more`}</Text> : null}
			{loudRows.map((row, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: rows of a static listing keep their order.
				<Text key={`loud-${index}`} bold color={theme.warning}>
					{row}
				</Text>
			))}
		</>
	);
}
