import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import { useEffect } from 'react';
import { hidden, useKeyActions } from '../../keys/input-router.js';
import { cancelSignIn, clipboardSentMessage, expireSignInCode, signIn } from '../../store/index.js';
import { useClipboard } from '../hooks/use-clipboard.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { useNow } from '../use-now.js';
import { SignInCode } from './sign-in-code.js';

/** The device code, large and clear, with the URL and a countdown; c copies, r asks anew, esc cancels. */
export function SignInScreen() {
	const store = useStore();
	const theme = useTheme();
	const copy = useClipboard();
	const session = useAppState((state) => state.session);
	const waiting = session.status === 'awaitingCode';
	const now = useNow(waiting);
	const reason = 'reason' in session ? session.reason : 'start';
	const working = session.status === 'requestingCode' || waiting;
	const expiresAt = waiting ? session.code.expiresAt : undefined;
	useEffect(() => {
		if (expiresAt !== undefined && now >= expiresAt) void store.run(expireSignInCode());
	}, [store, now, expiresAt]);
	useKeyActions(
		['sign-in'],
		{
			'signin.copy': () => {
				const current = store.getState().session;
				if (current.status !== 'awaitingCode') return;
				copy(current.code.userCode);
				store.dispatch({
					type: 'flash/shown',
					level: 'info',
					text: clipboardSentMessage('the code', store.deps().tmux),
				});
			},
			'signin.retry': () => void store.run(signIn(reason)),
			'signin.cancel': () => void store.run(cancelSignIn()),
		},
		{
			disabled: {
				'signin.copy': waiting ? undefined : 'There is no code to copy yet.',
				'signin.cancel': working ? undefined : hidden,
			},
		},
	);

	const expired = reason === 'expired';
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>{expired ? 'Your sign-in expired' : 'Sign in to Microsoft Entra'}</Text>
			{expired ? (
				<Text color={theme.muted}>
					Sign in again to go back to where you were; nothing you typed is lost.
				</Text>
			) : null}
			<Text> </Text>
			{session.status === 'awaitingCode' ? (
				<SignInCode code={session.code} now={now} />
			) : session.status === 'requestingCode' || session.status === 'checking' ? (
				<Text>
					<Text color={theme.accent}>
						<Spinner type="dots" />
					</Text>{' '}
					Asking Microsoft Entra for a sign-in code…
				</Text>
			) : session.status === 'signedOut' ? (
				<Box flexDirection="column">
					{session.outcome === 'cancelled' ? <Text>Sign-in cancelled.</Text> : null}
					{session.outcome === 'expiredCode' ? (
						<Text color={theme.warning}>The code expired before sign-in finished.</Text>
					) : null}
					{session.outcome === 'failed' && session.error ? (
						<Text color={theme.error}>
							✗ Sign-in failed — {session.error.code}: {session.error.message}
						</Text>
					) : null}
					<Text>
						Press <Text bold>r</Text> for a new code, or <Text bold>q</Text> to quit.
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
