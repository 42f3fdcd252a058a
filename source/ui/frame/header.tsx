import { Box, Text } from 'ink';
import { display } from '../../text/sanitize.js';
import { useAppState } from '../store-context.js';
import { useTheme } from '../theme.js';
import { breadcrumbs, who } from './breadcrumbs.js';

/** Props of the header. */
export type HeaderProps = { readonly width: number };

/** One line: app name · account and tenant · breadcrumbs, and a dim marker while data reloads. */
export function Header({ width }: HeaderProps) {
	const theme = useTheme();
	const account = useAppState((state) => display(who(state)));
	const crumbs = useAppState(breadcrumbs);
	const loading = useAppState((state) => state.activity.some((activity) => !activity.write));
	// The account gives way first; the breadcrumbs shorten in the middle so the current screen stays visible.
	const marker = loading ? 12 : 0;
	const fixed = 'entra-flows'.length + 3 + marker;
	// At least one column stays for the breadcrumbs, so a narrow terminal never wraps the header.
	const accountRoom = Math.min(
		account.length + 3,
		width - fixed - 1,
		Math.max(20, width - fixed - crumbs.length),
	);
	const accountWidth = account && accountRoom >= 5 ? accountRoom : 0;
	const crumbsWidth = Math.max(1, width - fixed - accountWidth);
	return (
		<Box width={width}>
			<Box flexShrink={0}>
				<Text bold color={theme.accent}>
					entra-flows
				</Text>
			</Box>
			{accountWidth > 0 ? (
				<Box width={accountWidth} flexShrink={0}>
					<Text wrap="truncate-end" color={theme.muted}>
						{' · '}
						{account}
					</Text>
				</Box>
			) : null}
			<Box flexShrink={0}>
				<Text> · </Text>
			</Box>
			<Box width={crumbsWidth} flexShrink={0} overflow="hidden">
				<Text wrap="truncate-middle">{crumbs}</Text>
			</Box>
			{loading ? (
				<Box width={marker} flexShrink={0}>
					<Text dimColor color={theme.muted}>
						{' '}
						refreshing…
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
