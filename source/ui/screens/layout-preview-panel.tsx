import { Box, Text } from 'ink';
import type { PreviewLine } from '../../store/index.js';
import { useTheme } from '../theme.js';

/** Props of the preview. */
export type LayoutPreviewPanelProps = {
	readonly lines: readonly PreviewLine[];
	readonly height: number;
	readonly name: string;
};

/** The sign-up page as a customer will see it, from the draft; esc or v goes back to the editor. */
export function LayoutPreviewPanel({ lines, height, name }: LayoutPreviewPanelProps) {
	const theme = useTheme();
	const tone = (line: PreviewLine) =>
		line.tone === 'error' ? theme.error : line.tone === 'muted' ? theme.muted : undefined;
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			<Text color={theme.muted} wrap="truncate-end">
				Preview of “{name}” as a customer sees it (the draft, not yet saved) · esc back
			</Text>
			<Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
				{lines.map((line, index) => (
					<Text key={`p-${index.toString()}`} color={tone(line)} bold={line.tone === 'label'} wrap="wrap">
						{line.text}
					</Text>
				))}
			</Box>
		</Box>
	);
}
