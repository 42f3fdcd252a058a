import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import type { DeviceCode } from '../../store/index.js';
import { useTheme } from '../theme.js';

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
	return (
		<Box flexDirection="column">
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
	);
}
