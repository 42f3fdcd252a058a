import { Box, Text } from 'ink';
import { hidden, useKeyActions } from '../../keys/input-router.js';
import {
	draftValidationKey,
	type ExtensionFormField,
	type ExtensionFormOverlay,
	eventNames,
	extensionFormFields,
	saveExtensionForm,
	selectResource,
	validateExtensionForm,
} from '../../store/index.js';
import { display } from '../../text/sanitize.js';
import { TextField } from '../components/text-field.js';
import { ValidationFindings } from '../components/validation-findings.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';

const labels: Readonly<Record<ExtensionFormField, string>> = {
	name: 'Name',
	event: 'Event',
	targetUrl: 'Target URL',
	resourceId: 'Resource id',
	timeout: 'Timeout (ms)',
	retries: 'Retries',
	description: 'Description',
};

const placeholders: Readonly<Partial<Record<ExtensionFormField, string>>> = {
	targetUrl: 'https://api.contoso.com/attribute-collection',
	resourceId: 'api://api.contoso.com/{appId}',
	timeout: '200–2000, empty: service default',
	retries: '0 or 1, empty: service default',
};

/** Creates an attribute collection extension, or changes one: each field's problem under it, kept as typed. */
export function ExtensionFormDialog({ overlay }: { readonly overlay: ExtensionFormOverlay }) {
	const store = useStore();
	const theme = useTheme();
	const editing = overlay.extensionId !== undefined;
	const order = extensionFormFields.filter((field) => !(editing && field === 'event'));
	const { focus } = overlay;
	const validation = useAppState((state) =>
		selectResource(
			state,
			'extensionValidation',
			draftValidationKey(overlay.values.targetUrl, overlay.values.resourceId),
		),
	);
	const capture = useTextCapture(
		(state) =>
			state.overlay?.kind === 'extensionForm' && state.overlay.focus !== 'event'
				? state.overlay.values[state.overlay.focus]
				: '',
		(text) => store.dispatch({ type: 'tenantForm/textChanged', text }),
	);
	const move = (step: number) =>
		store.dispatch({
			type: 'tenantForm/changed',
			patch: { focus: order[(order.indexOf(focus) + step + order.length) % order.length] },
		});
	useKeyActions(
		['extension-form'],
		{
			'extensionForm.next': () => move(1),
			'extensionForm.prev': () => move(-1),
			'extensionForm.event': () =>
				store.dispatch({
					type: 'tenantForm/changed',
					patch: { event: overlay.event === 'start' ? 'submit' : 'start' },
				}),
			'extensionForm.save': () => void store.run(saveExtensionForm()),
			'extensionForm.validate': () => void store.run(validateExtensionForm()),
			'tenantForm.cancel': () => store.dispatch({ type: 'overlay/closed' }),
		},
		{
			level: 'overlay',
			...(focus !== 'event' ? { capture } : {}),
			disabled: {
				'extensionForm.event': focus === 'event' ? undefined : hidden,
				'extensionForm.save': overlay.saving ? 'Saving; wait for the answer.' : undefined,
			},
		},
	);
	const row = (field: ExtensionFormField) => (
		<Box key={field} flexDirection="column">
			<Box>
				<Text bold={focus === field} color={focus === field ? theme.accent : undefined}>
					{`${focus === field ? '›' : ' '} ${labels[field].padEnd(13)}`}
				</Text>
				{field === 'event' ? (
					editing ? (
						<Text color={theme.muted}>{eventNames[overlay.event]} (never changes)</Text>
					) : (
						<Text>
							{(['start', 'submit'] as const)
								.map((event) => (event === overlay.event ? `[${eventNames[event]}]` : ` ${event} `))
								.join(' ')}
						</Text>
					)
				) : (
					<TextField
						value={overlay.values[field]}
						focused={focus === field}
						width={56}
						{...(placeholders[field] ? { placeholder: placeholders[field] } : {})}
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
					? `Change “${display(overlay.initial?.name ?? '')}”: only the fields you change are sent`
					: 'New custom authentication extension'
			}
		>
			<Text> </Text>
			{(editing ? order : extensionFormFields).map(row)}
			{overlay.warnings.map((warning) => (
				<Text key={warning} color={theme.warning}>
					{display(warning)}
				</Text>
			))}
			{overlay.errors.form ? <Text color={theme.error}>{display(overlay.errors.form)}</Text> : null}
			{overlay.saving ? <Text color={theme.muted}>Saving…</Text> : null}
			<ValidationFindings subject="The typed target URL and resource id" resource={validation} />
			<Text> </Text>
			<Text>
				<Text bold>tab</Text> next field · <Text bold>enter</Text> save · <Text bold>ctrl+t</Text> validate ·{' '}
				<Text bold>esc</Text> cancel
			</Text>
		</DialogBox>
	);
}
