import { Box, Text } from 'ink';
import type { Hint } from '../../keys/hints.js';
import { useKeyHints } from '../../keys/input-router.js';
import { useTheme } from '../theme.js';

const separator = ' · ';

/** The hints that fit in `width`, always ending with `? help`, with … where some were cut. */
export function fitHints(hints: readonly Hint[], width: number): { shown: Hint[]; cut: boolean } {
	const help = hints.at(-1);
	const rest = hints.slice(0, -1);
	const length = (hint: Hint) => hint.key.length + 1 + hint.label.length;
	let used = help ? length(help) : 0;
	const shown: Hint[] = [];
	for (const hint of rest) {
		const next = used + separator.length + length(hint);
		if (next + separator.length + 1 > width) return { shown: help ? [...shown, help] : shown, cut: true };
		shown.push(hint);
		used = next;
	}
	return { shown: help ? [...shown, help] : shown, cut: false };
}

/** Props of the key-hint line. */
export type KeyHintsProps = { readonly width: number };

/** Footer line 1: the live keys from the keymap, `? help` always visible. */
export function KeyHints({ width }: KeyHintsProps) {
	const theme = useTheme();
	const hints = useKeyHints();
	const { shown, cut } = fitHints(hints, width);
	return (
		<Box width={width}>
			<Text wrap="truncate-end">
				{shown.map((hint, index) => (
					<Text key={`${hint.key}:${hint.label}`}>
						{index > 0 ? (cut && index === shown.length - 1 ? ' … ' : separator) : ''}
						<Text bold color={hint.danger ? theme.warning : undefined}>
							{hint.key}
						</Text>
						<Text color={theme.muted}> {hint.label}</Text>
					</Text>
				))}
			</Text>
		</Box>
	);
}
