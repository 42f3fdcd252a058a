import { Text } from 'ink';
import { shortAttribute } from '../../store/index.js';
import { useTheme } from '../theme.js';

/** Props of a diff listing. */
export type DiffLinesProps = { readonly lines: readonly string[]; readonly max: number };

/** Diff lines as formatLayoutDiff writes them; `!!!` lines (inputs added or removed) in the warning colour. */
export function DiffLines({ lines, max }: DiffLinesProps) {
	const theme = useTheme();
	// The loud lines always show: they are the ones that must not be missed.
	const loud = lines.filter((line) => line.startsWith('!!!'));
	const quiet = lines.filter((line) => !line.startsWith('!!!'));
	const room = Math.max(1, max - loud.length);
	const shown = quiet.length > room ? quiet.slice(0, room - 1) : quiet;
	return (
		<>
			{shown.map((line) => (
				<Text key={line} wrap="truncate-end">
					{'  '}
					{shortAttribute(line)}
				</Text>
			))}
			{shown.length < quiet.length ? <Text>{`  …and ${quiet.length - shown.length} more`}</Text> : null}
			{loud.map((line) => (
				<Text key={line} bold color={theme.warning} wrap="wrap">
					{shortAttribute(line)}
				</Text>
			))}
		</>
	);
}
