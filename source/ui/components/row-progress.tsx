import { Text } from 'ink';
import Spinner from 'ink-spinner';
import { useTheme } from '../theme.js';

/** Props of the inline progress marker. */
export type RowProgressProps = { readonly verb: string };

/** A small spinner and a verb on the row a write is changing ("removing…"). */
export function RowProgress({ verb }: RowProgressProps) {
	const theme = useTheme();
	return (
		<Text color={theme.warning}>
			<Spinner type="dots" /> {verb}…
		</Text>
	);
}
