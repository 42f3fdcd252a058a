import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import type { DeviceCode } from '../../store/index.js';
import { qrLines, qrModules } from '../../text/qr-code.js';
import { useBodySize } from '../body-size.js';
import { useTheme } from '../theme.js';

// The widest line of the panel (the waiting line), and what sits above it on the screen (title, blank line).
const panelWidth = 56;
const linesAbove = 2;

/** Props of the code panel. */
export type SignInCodeProps = { readonly code: DeviceCode; readonly now: number };

/** mm:ss until the code expires. */
export function countdown(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The URL, the code spaced out in a box, the countdown and the waiting spinner. */
export function SignInCode({ code, now }: SignInCodeProps) {
	const theme = useTheme();
	const left = code.expiresAt - now;
	// Spaced capitals read well from across a desk and survive a font without distinct 0/O.
	const big = [...code.userCode].join(' ');
	const size = useBodySize();
	const modules = qrModules(code.verificationUri).length;
	// Beside the panel, only when it fits whole: a code cut off is worse than none (the link is there to type).
	const qr =
		size.width >= panelWidth + 2 + modules + 2 && size.height >= Math.ceil(modules / 2) + linesAbove
			? qrLines(code.verificationUri, { background: theme.accent !== undefined ? 'light' : 'dark' })
			: undefined;
	return (
		<Box flexDirection="row">
			<Box flexDirection="column" width={panelWidth}>
				<Text>On any device, open</Text>
				<Text bold color={theme.accent}>
					{'  '}
					{code.verificationUri}
				</Text>
				<Text>and enter this code:</Text>
				<Box borderStyle="double" borderColor={theme.accent} paddingX={3} alignSelf="flex-start">
					<Text bold>{big}</Text>
				</Box>
				<Text color={left < 60_000 ? theme.warning : theme.muted}>
					{left > 0
						? `The code expires in ${countdown(left)}.`
						: 'The code has expired; press r for a new one.'}
				</Text>
				<Text> </Text>
				<Text>
					<Text color={theme.accent}>
						<Spinner type="dots" />
					</Text>{' '}
					Waiting for you to finish signing in… (esc to cancel)
				</Text>
			</Box>
			{qr ? (
				<Box flexDirection="column" marginLeft={2}>
					{qr.map((line, index) =>
						theme.accent !== undefined ? (
							// A dark module is a block, black on white, whatever the terminal's own background.
							<Text key={`qr-${index.toString()}`} color="black" backgroundColor="white">
								{line}
							</Text>
						) : (
							<Text key={`qr-${index.toString()}`}>{line}</Text>
						),
					)}
				</Box>
			) : null}
		</Box>
	);
}
