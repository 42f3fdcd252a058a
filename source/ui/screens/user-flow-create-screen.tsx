import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import { useEffect, useMemo } from 'react';
import { hidden, useKeyActions } from '../../keys/input-router.js';
import {
	attributeChoices,
	filterChoices,
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
	const filter = draft?.itemFilter;
	const shownProviders = useMemo(
		() => providers && (draft?.focus === 'providers' ? filterChoices(providers, filter) : providers),
		[providers, draft?.focus, filter],
	);
	const shownAttributes = useMemo(
		() => attributes && (draft?.focus === 'attributes' ? filterChoices(attributes, filter) : attributes),
		[attributes, draft?.focus, filter],
	);
	const ids = {
		providers: (shownProviders ?? []).map((choice) => choice.value),
		attributes: (shownAttributes ?? []).map((choice) => choice.value),
	};
	// The focused list takes every row the other fields (one each), their errors and the button leave.
	const errorRows = draft ? Object.values(draft.errors).filter(Boolean).length : 0;
	const listHeight = Math.max(3, height - 6 - errorRows);
	const onList = draft?.focus === 'providers' || draft?.focus === 'attributes';
	const typing = draft?.focus === 'name' || draft?.focus === 'description';
	// 'list' brings G/g and the page keys, 'flows' the `/` filter; the form's own keys come first.
	useKeyActions(['form', 'list', 'flows'], useCreateFormKeys(ids, listHeight - 3), {
		disabled: {
			'form.submit': draft?.submitting ? 'The flow is being created…' : undefined,
			'form.newProvider': draft?.focus === 'providers' ? undefined : hidden,
			'list.filter': onList ? undefined : hidden,
			'list.top': onList ? undefined : hidden,
			'list.bottom': onList ? undefined : hidden,
			'list.pageDown': onList ? undefined : hidden,
			'list.pageUp': onList ? undefined : hidden,
		},
	});
	const filterCapture = useTextCapture(
		(state) => state.createDraft?.itemFilter ?? '',
		(text) => {
			const current = store.getState().createDraft;
			if (current)
				store.dispatch({
					type: 'createDraft/focusMoved',
					focus: current.focus,
					itemCursor: 0,
					itemFilter: text,
				});
		},
	);
	const closeFilter = (keep: boolean) => {
		const current = store.getState().createDraft;
		if (!current) return;
		store.dispatch({
			type: 'createDraft/focusMoved',
			focus: current.focus,
			itemCursor: keep ? current.itemCursor : 0,
			itemFilter: keep ? current.itemFilter : '',
			filtering: false,
		});
	};
	useKeyActions(
		['filter'],
		{ 'filter.keep': () => closeFilter(true), 'filter.clear': () => closeFilter(false) },
		{ level: 'capture', capture: filterCapture, active: onList && draft?.filtering === true },
	);
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
					choices={shownProviders}
					selected={draft.providerIds}
					focused={focus === 'providers'}
					cursor={draft.itemCursor}
					height={listHeight}
					filter={draft.itemFilter}
					filtering={draft.filtering}
					total={providers?.length}
					none="none — choose at least one"
				/>
			</FieldRow>
			<FieldRow label="Attributes" focused={focus === 'attributes'} error={draft.errors.attributes}>
				<Checklist
					choices={shownAttributes}
					selected={draft.attributeIds}
					focused={focus === 'attributes'}
					cursor={draft.itemCursor}
					height={listHeight}
					filter={draft.itemFilter}
					filtering={draft.filtering}
					total={attributes?.length}
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
