import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import { useKeyActions } from '../../keys/input-router.js';
import { connect } from '../../store/index.js';
import { TextField } from '../components/text-field.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';

const choices = [
	{
		id: 'demo',
		label: 'Built-in demo tenant',
		note: 'a local emulator with sample flows; nothing leaves this machine',
	},
	{ id: 'tenant', label: 'Sign in to a tenant…', note: 'your External ID tenant, by domain or id' },
] as const;

/** Nothing configured yet: choose the demo tenant or type a tenant to sign in to. */
export function StartScreen() {
	const store = useStore();
	const theme = useTheme();
	const start = useAppState((state) => state.start);
	const session = useAppState((state) => state.session);
	const connecting = session.status === 'unconfigured' && session.connecting;
	const error = session.status === 'unconfigured' ? session.error : undefined;
	const choose = () => {
		if (store.getState().start.choice === 'demo') void store.run(connect({ demo: true }));
		else store.dispatch({ type: 'start/changed', patch: { editing: true } });
	};
	useKeyActions(
		['list'],
		{
			'list.down': () => store.dispatch({ type: 'start/changed', patch: { choice: 'tenant' } }),
			'list.up': () => store.dispatch({ type: 'start/changed', patch: { choice: 'demo' } }),
			'item.open': choose,
		},
		{ disabled: connecting ? { 'item.open': 'Already connecting…' } : undefined },
	);
	const capture = useTextCapture(
		(state) => state.start.tenant,
		(tenant) => store.dispatch({ type: 'start/changed', patch: { tenant } }),
	);
	useKeyActions(
		['text'],
		{
			'text.accept': () => {
				const tenant = store.getState().start.tenant.trim();
				if (tenant) void store.run(connect({ tenant }));
			},
			'text.cancel': () => store.dispatch({ type: 'start/changed', patch: { editing: false } }),
		},
		{ level: 'capture', capture, active: start.editing && !connecting },
	);
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>Welcome to entra-flows</Text>
			<Text color={theme.muted}>Nothing is configured yet. Where do you want to work?</Text>
			<Text> </Text>
			{choices.map((choice) => (
				// The note goes under its choice, so 80 columns show it whole.
				<Box key={choice.id} flexDirection="column">
					<Text wrap="truncate-end">
						<Text color={theme.accent}>{start.choice === choice.id ? '❯ ' : '  '}</Text>
						<Text inverse={start.choice === choice.id}>{choice.label}</Text>
					</Text>
					<Box paddingLeft={4}>
						<Text color={theme.muted}>{choice.note}</Text>
					</Box>
				</Box>
			))}
			{start.editing || start.tenant ? (
				<Box marginTop={1}>
					<Text>Tenant: </Text>
					<TextField
						value={start.tenant}
						focused={start.editing}
						placeholder="contoso.onmicrosoft.com"
						width={50}
					/>
				</Box>
			) : null}
			{connecting ? (
				<Text>
					<Text color={theme.accent}>
						<Spinner type="dots" />
					</Text>{' '}
					Connecting…
				</Text>
			) : null}
			{error ? (
				<Text color={theme.error}>
					✗ {error.code}: {error.message}
				</Text>
			) : null}
		</Box>
	);
}
