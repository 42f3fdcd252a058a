import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import type { AppError } from '../../store/index.js';
import { useTheme } from '../theme.js';

/** Props of the body placeholder. */
export type BodyStateProps =
	| { readonly kind: 'loading'; readonly text: string }
	| { readonly kind: 'empty'; readonly text: string }
	| { readonly kind: 'error'; readonly error: AppError };

/** First load, empty and load-error states of a list or detail body. */
export function BodyState(props: BodyStateProps) {
	const theme = useTheme();
	if (props.kind === 'loading') {
		return (
			<Box paddingX={1}>
				<Text>
					<Text color={theme.accent}>
						<Spinner type="dots" />
					</Text>{' '}
					{props.text}
				</Text>
			</Box>
		);
	}
	if (props.kind === 'empty') {
		return (
			<Box paddingX={1}>
				<Text color={theme.muted}>{props.text}</Text>
			</Box>
		);
	}
	const { error } = props;
	return (
		<Box paddingX={1} flexDirection="column">
			<Text color={theme.error}>✗ {error.message}</Text>
			<Text color={theme.muted}>
				{error.code}
				{error.requestId ? ` · request-id ${error.requestId}` : ''}
			</Text>
			{error.hint ? <Text>{error.hint}</Text> : null}
			<Text>ctrl+r to retry</Text>
		</Box>
	);
}
