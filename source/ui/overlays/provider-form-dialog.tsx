import { Box, Text } from 'ink';
import { hidden, useKeyActions } from '../../keys/input-router.js';
import {
	type ProviderFormField,
	type ProviderFormOverlay,
	providerFormOrder,
	providerFormTypes,
	saveProviderForm,
} from '../../store/index.js';
import { display } from '../../text/sanitize.js';
import { TextField } from '../components/text-field.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';

const labels: Readonly<Record<ProviderFormField, string>> = {
	type: 'Type',
	displayName: 'Display name',
	clientId: 'Client id',
	developerId: 'Developer id',
	serviceId: 'Service id',
	keyId: 'Key id',
	secretFile: 'Secret file',
	issuer: 'Issuer',
	wellKnownEndpoint: 'Well-known URL',
	scope: 'Scopes',
	claimsMapping: 'Claims (JSON)',
};

const typeNames = { Google: 'Google', Facebook: 'Facebook', OIDC: 'custom OIDC', Apple: 'Apple' } as const;

/** Configures a new identity provider or changes one; the client secret is named by its file, never typed. */
export function ProviderFormDialog({ overlay }: { readonly overlay: ProviderFormOverlay }) {
	const store = useStore();
	const theme = useTheme();
	const editing = overlay.providerId !== undefined;
	const order = providerFormOrder(overlay.type, editing);
	const { focus } = overlay;
	const capture = useTextCapture(
		(state) =>
			state.overlay?.kind === 'providerForm' && state.overlay.focus !== 'type'
				? state.overlay.values[state.overlay.focus]
				: '',
		(text) => store.dispatch({ type: 'tenantForm/textChanged', text }),
	);
	const move = (step: number) =>
		store.dispatch({
			type: 'tenantForm/providerChanged',
			patch: { focus: order[(order.indexOf(focus) + step + order.length) % order.length] },
		});
	const nextType =
		providerFormTypes[(providerFormTypes.indexOf(overlay.type) + 1) % providerFormTypes.length] ?? 'Google';
	useKeyActions(
		['provider-form'],
		{
			'extensionForm.next': () => move(1),
			'extensionForm.prev': () => move(-1),
			'providerForm.type': () =>
				store.dispatch({ type: 'tenantForm/providerChanged', patch: { type: nextType } }),
			'extensionForm.save': () => void store.run(saveProviderForm()),
			'tenantForm.cancel': () => store.dispatch({ type: 'overlay/closed' }),
		},
		{
			level: 'overlay',
			...(focus !== 'type' ? { capture } : {}),
			disabled: {
				'providerForm.type': focus === 'type' ? undefined : hidden,
				'extensionForm.save': overlay.saving ? 'Saving; wait for the answer.' : undefined,
			},
		},
	);
	const apple = overlay.type === 'Apple';
	const secretHint = editing
		? `empty: keep the stored ${apple ? 'key' : 'secret'}`
		: apple
			? 'path of the .p8 key file'
			: 'path of a file holding the client secret';
	const labelOf = (field: ProviderFormField) =>
		apple && field === 'secretFile' ? 'Key file (.p8)' : labels[field];
	const row = (field: ProviderFormField) => (
		<Box key={field} flexDirection="column">
			<Box>
				<Text bold={focus === field} color={focus === field ? theme.accent : undefined}>
					{`${focus === field ? '›' : ' '} ${labelOf(field).padEnd(15)}`}
				</Text>
				{field === 'type' ? (
					<Text>
						{providerFormTypes
							.map((type) => (type === overlay.type ? `[${typeNames[type]}]` : ` ${typeNames[type]} `))
							.join(' ')}
					</Text>
				) : (
					<TextField
						value={overlay.values[field]}
						focused={focus === field}
						width={56}
						{...(field === 'secretFile' ? { placeholder: secretHint } : {})}
					/>
				)}
			</Box>
			{overlay.errors[field] ? (
				<Box paddingLeft={2}>
					<Text color={theme.error}>{display(overlay.errors[field])}</Text>
				</Box>
			) : null}
		</Box>
	);
	return (
		<DialogBox
			title={
				editing
					? `Change “${display(overlay.initial?.displayName ?? '')}”: only the fields you change are sent`
					: 'Configure a new identity provider'
			}
		>
			<Text> </Text>
			{order.map(row)}
			{overlay.errors.form ? <Text color={theme.error}>{display(overlay.errors.form)}</Text> : null}
			{overlay.saving ? <Text color={theme.muted}>Saving…</Text> : null}
			<Text> </Text>
			<Text>
				<Text bold>tab</Text> next field · <Text bold>space</Text> type · <Text bold>enter</Text> save ·{' '}
				<Text bold>esc</Text> cancel
			</Text>
		</DialogBox>
	);
}
