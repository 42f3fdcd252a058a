import { Box, Text } from 'ink';
import { type Resource, type ValidationResult, validationLines } from '../../store/index.js';
import { useTheme } from '../theme.js';
import { BodyState } from './body-state.js';

/** Props of a validation's result. */
export type ValidationFindingsProps = {
	/** What was validated, sanitized: an extension's name, or "the form". */
	readonly subject: string;
	readonly resource: Resource<ValidationResult>;
};

/** validateAuthenticationConfiguration's answer: the verdict, errors in red and warnings in yellow, with codes. */
export function ValidationFindings({ subject, resource }: ValidationFindingsProps) {
	const theme = useTheme();
	if (resource.status === 'loading') return <Text color={theme.muted}>Validating {subject}…</Text>;
	if (resource.status === 'error' && resource.error) return <BodyState kind="error" error={resource.error} />;
	if (resource.status !== 'ready' || !resource.data) return null;
	const colour = { error: theme.error, warning: theme.warning, success: theme.success } as const;
	return (
		<Box flexDirection="column" marginTop={1}>
			{validationLines(subject, resource.data).map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: two findings may share a code; their place is their identity
				<Text key={index} bold={index === 0} color={colour[line.tone]}>
					{line.text}
				</Text>
			))}
		</Box>
	);
}
