import { Text } from 'ink';
import type { Resource } from '../../store/index.js';
import { useTheme } from '../theme.js';

/** True when what is on screen is the last data read, and reading it again failed. */
export function isStale(resource: Resource<unknown>): boolean {
	return resource.status === 'error' && resource.data !== undefined;
}

/** A marker for data kept on screen after a failed refresh (the error itself is in the status line). */
export function StaleNote({ resource }: { readonly resource: Resource<unknown> }) {
	const theme = useTheme();
	if (!isStale(resource)) return null;
	return (
		<Text wrap="truncate-end" color={theme.warning}>
			! stale: reading this again failed (see below); ctrl+r tries again
		</Text>
	);
}
