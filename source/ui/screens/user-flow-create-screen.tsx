import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import { useEffect, useMemo } from 'react';
import { useKeyActions } from '../../keys/input-router.js';
import {
	attributeChoices,
	loadTenantAttributes,
	loadTenantIdentityProviders,
	providerChoices,
	selectResource,
} from '../../store/index.js';
import { useBodySize } from '../body-size.js';
import { TextField } from '../components/text-field.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { Checklist, FieldRow } from './create-form-fields.js';
import { useCreateFormKeys } from './use-create-form-keys.js';

/** The create form: validated before sending; a refusal keeps every field and shows the service's words. */
export function UserFlowCreateScreen() {
	const store = useStore();
	const theme = useTheme();
	const { height } = useBodySize();
	const draft = useAppState((state) => state.createDraft);
	const tenantProviders = useAppState((state) => selectResource(state, 'tenantIdentityProviders').data);
	const tenantAttributes = useAppState((state) => selectResource(state, 'tenantAttributes').data);
	const providers = useMemo(() => tenantProviders && providerChoices(tenantProviders, []), [tenantProviders]);
	// Email is added by itself whenever any attribute is chosen (as `flows create` does), so it is not offered.
	const attributes = useMemo(
		() => tenantAttributes && attributeChoices(tenantAttributes, [{ id: 'email' }]),
		[tenantAttributes],
	);
	useEffect(() => {
		if (!store.getState().createDraft) store.dispatch({ type: 'createDraft/opened', providerIds: [] });
		void store.run(loadTenantIdentityProviders());
	}, [store]);
	// One request per step: the attribute catalogue is read when its field is reached, not on opening.
	const atAttributes = draft?.focus === 'attributes';
	useEffect(() => {
		if (atAttributes) void store.run(loadTenantAttributes());
	}, [store, atAttributes]);
	const ids = {
		providers: (providers ?? []).map((choice) => choice.value),
		attributes: (attributes ?? []).map((choice) => choice.value),
	};
	const typing = draft?.focus === 'name' || draft?.focus === 'description';
	useKeyActions(['form'], useCreateFormKeys(ids), {
		disabled: { 'form.submit': draft?.submitting ? 'The flow is being created…' : undefined },
	});
	const capture = useTextCapture(
		(state) =>
			state.createDraft?.focus === 'description'
				? state.createDraft.description
				: (state.createDraft?.name ?? ''),
		(text) => {
			const focus = store.getState().createDraft?.focus;
			store.dispatch({
				type: 'createDraft/changed',
				patch: focus === 'description' ? { description: text } : { name: text },
			});
		},
	);
	useKeyActions([], {}, { level: 'capture', capture, active: typing && !draft?.submitting });
	if (!draft) return null;

	const listHeight = Math.max(3, height - 10);
	const focus = draft.focus;
	return (
		<Box flexDirection="column">
			<FieldRow label="Name" focused={focus === 'name'} error={draft.errors.name}>
				<TextField
					value={draft.name}
					focused={focus === 'name'}
					placeholder="e.g. Web shop sign-up"
					width={60}
				/>
			</FieldRow>
			<FieldRow label="Description" focused={focus === 'description'} error={draft.errors.description}>
				<TextField
					value={draft.description}
					focused={focus === 'description'}
					placeholder="optional"
					width={60}
				/>
			</FieldRow>
			<FieldRow label="Sign-up" focused={focus === 'signUp'}>
				<Text>{draft.signUp ? '[x] on — new users can sign up' : '[ ] off — sign-in only'}</Text>
			</FieldRow>
			<FieldRow label="Providers" focused={focus === 'providers'} error={draft.errors.providers}>
				<Checklist
					choices={providers}
					selected={draft.providerIds}
					focused={focus === 'providers'}
					cursor={draft.itemCursor}
					height={listHeight}
					none="none — choose at least one"
				/>
			</FieldRow>
			<FieldRow label="Attributes" focused={focus === 'attributes'} error={draft.errors.attributes}>
				<Checklist
					choices={attributes}
					selected={draft.attributeIds}
					focused={focus === 'attributes'}
					cursor={draft.itemCursor}
					height={listHeight}
					none="none (email is collected when you choose any)"
				/>
			</FieldRow>
			<Text> </Text>
			<FieldRow label="" focused={focus === 'submit'} error={draft.errors.form}>
				{draft.submitting ? (
					<Text>
						<Spinner type="dots" /> Creating…
					</Text>
				) : (
					<Text inverse={focus === 'submit'} bold color={focus === 'submit' ? undefined : theme.accent}>
						{' Create '}
					</Text>
				)}
			</FieldRow>
		</Box>
	);
}
