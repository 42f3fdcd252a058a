import { Box, Text, useStdin } from 'ink';
import SelectInput from 'ink-select-input';
import { type ReactNode, useMemo, useState } from 'react';
import { useKeyActions } from '../../keys/input-router.js';
import {
	addAttribute,
	addIdentityProvider,
	appOwners,
	filterChoices,
	linkApplication,
	openNewAttribute,
	openProviderForm,
	type PickerKind,
	selectResource,
} from '../../store/index.js';
import { groupDigits } from '../../text/count.js';
import { display } from '../../text/sanitize.js';
import { useBodySize } from '../body-size.js';
import { BodyState } from '../components/body-state.js';
import { TextField } from '../components/text-field.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';
import { choicesFor, PickerIndicator, PickerItem } from './picker-choices.js';

// Not an attribute id: ids never start with a space.
const newAttributeChoice = ' new attribute';
const newProviderChoice = ' new provider';

const titles: Record<PickerKind, string> = {
	identityProviders: 'Add an identity provider',
	attributes: 'Collect an attribute',
	applications: 'Link an application',
};
const catalogue = {
	identityProviders: 'tenantIdentityProviders',
	attributes: 'tenantAttributes',
	applications: 'applications',
} as const;

/** Props of the add-picker. */
export type PickerOverlayProps = {
	readonly picker: PickerKind;
	readonly flowId: string;
	readonly focused: boolean;
	/** The row to start on: where the cursor was before the picker was last hidden. */
	readonly highlighted?: string;
};

/**
 * Picks what the tenant has and the flow lacks (ink-select-input moves, 1–9 and enter); `/` filters, G/g and
 * the page keys jump (the list is mounted again on the new row). Apps other flows use say which.
 */
export function PickerOverlay({ picker, flowId, focused, highlighted }: PickerOverlayProps) {
	const store = useStore();
	const theme = useTheme();
	const { height } = useBodySize();
	const canReadKeys = useStdin().isRawModeSupported === true;
	const resource = useAppState((state) => selectResource(state, catalogue[picker]));
	const flows = useAppState((state) => selectResource(state, 'userFlows').data);
	const onFlow = useAppState((state) =>
		picker === 'applications' ? undefined : selectResource(state, picker, flowId).data,
	);
	const filter = useAppState((state) =>
		state.overlay?.kind === 'picker' ? (state.overlay.filter ?? '') : '',
	);
	const filtering = useAppState(
		(state) => state.overlay?.kind === 'picker' && state.overlay.filtering === true,
	);
	const all = useMemo(
		() => choicesFor(picker, flowId, { catalogue: resource.data, onFlow, flows }),
		[picker, flowId, resource.data, onFlow, flows],
	);
	const choices = useMemo(() => all && filterChoices(all, filter), [all, filter]);
	// Bumped by a jump, so ink-select-input starts again on the highlighted row.
	const [mount, setMount] = useState(0);
	const showFilter = filtering || filter !== '';
	const limit = Math.max(3, Math.min(20, height - 5 - (showFilter ? 1 : 0)));
	const jump = (to: (index: number, last: number) => number) => {
		if (!choices || choices.length === 0) return;
		const at = Math.max(
			0,
			choices.findIndex((choice) => choice.value === highlighted),
		);
		const last = choices.length - 1;
		const target = choices[Math.max(0, Math.min(to(at, last), last))];
		if (!target) return;
		store.dispatch({ type: 'overlay/pickerHighlighted', value: target.value });
		setMount((value) => value + 1);
	};
	const page = Math.max(1, limit - 1);
	const long = (all?.length ?? 0) > limit;
	const hidden = long ? undefined : '';
	// 'list' brings G/g and the page keys, 'flows' the `/` filter; j/k/enter stay with ink-select-input.
	useKeyActions(
		['picker', 'list', 'flows'],
		{
			'picker.cancel': () => {
				if (filter)
					return store.dispatch({ type: 'overlay/pickerHighlighted', filter: '', filtering: false });
				store.dispatch({ type: 'overlay/closed' });
			},
			'list.top': () => jump(() => 0),
			'list.bottom': () => jump((_, last) => last),
			'list.pageDown': () => jump((index) => index + page),
			'list.pageUp': () => jump((index) => index - page),
			'list.filter': () => store.dispatch({ type: 'overlay/pickerHighlighted', filtering: true }),
		},
		{
			level: 'overlay',
			disabled: {
				'list.top': hidden,
				'list.bottom': hidden,
				'list.pageDown': hidden,
				'list.pageUp': hidden,
			},
		},
	);
	const capture = useTextCapture(
		(state) => (state.overlay?.kind === 'picker' ? (state.overlay.filter ?? '') : ''),
		(text) => store.dispatch({ type: 'overlay/pickerHighlighted', filter: text }),
	);
	useKeyActions(
		['filter'],
		{
			'filter.keep': () => store.dispatch({ type: 'overlay/pickerHighlighted', filtering: false }),
			'filter.clear': () =>
				store.dispatch({ type: 'overlay/pickerHighlighted', filter: '', filtering: false }),
		},
		{ level: 'overlay', capture, active: filtering },
	);

	const choose = (value: string) => {
		store.dispatch({ type: 'overlay/closed' });
		if (value === newAttributeChoice) return void store.run(openNewAttribute(flowId));
		if (value === newProviderChoice) return void store.run(openProviderForm({ addToFlowId: flowId }));
		if (picker === 'identityProviders') return void store.run(addIdentityProvider(flowId, value));
		if (picker === 'attributes') return void store.run(addAttribute(flowId, value));
		const owner = appOwners(selectResource(store.getState(), 'userFlows').data ?? []).get(value);
		if (!owner || owner.flowId === flowId) return void store.run(linkApplication(flowId, value));
		const app = selectResource(store.getState(), 'applications').data?.find((item) => item.appId === value);
		const label = display(app?.displayName ?? value);
		store.dispatch({
			type: 'overlay/opened',
			overlay: {
				kind: 'confirm',
				message: `${label} already uses “${owner.name}”, and an application can use only one user flow. Move it here (unlink it there first)?`,
				intent: { type: 'moveApplication', flowId, appId: value, fromFlowId: owner.flowId },
			},
		});
	};

	let body: ReactNode;
	if (!choices || !all) {
		body =
			resource.status === 'error' && resource.error ? (
				<BodyState kind="error" error={resource.error} />
			) : (
				<BodyState kind="loading" text="Loading what the tenant has…" />
			);
	} else if (choices.length === 0 && filter) {
		body = <BodyState kind="empty" text={`Nothing matches “${filter}”.`} />;
	} else if (choices.length === 0 && picker === 'applications') {
		body = (
			<BodyState kind="empty" text="Nothing to add: the flow already has everything the tenant offers." />
		);
	} else {
		const items = [
			...choices.map((choice) => ({
				key: choice.value,
				value: choice.value,
				label: choice.note ? `${choice.label} — ${choice.note}` : choice.label,
			})),
			// Create and pick in one go: the new attribute is collected on this flow once it exists.
			...(picker === 'attributes'
				? [{ key: newAttributeChoice, value: newAttributeChoice, label: 'New attribute…' }]
				: []),
			// Configure and offer in one go: the new provider is added to this flow once it exists.
			...(picker === 'identityProviders'
				? [{ key: newProviderChoice, value: newProviderChoice, label: 'Configure a new provider…' }]
				: []),
		];
		body = (
			<SelectInput
				// SelectInput puts its cursor back on the first item whenever the set of items changes (a catalogue
				// or a read-back arriving while the picker is open): remounted instead, it starts on the item that
				// was highlighted, so Enter never picks the row that slid under the cursor.
				key={`${filter}|${mount}|${items.map((item) => item.value).join(' ')}`}
				items={items}
				initialIndex={Math.max(
					0,
					items.findIndex((item) => item.value === highlighted),
				)}
				onHighlight={(item) => store.dispatch({ type: 'overlay/pickerHighlighted', value: item.value })}
				limit={limit}
				isFocused={canReadKeys && focused && !filtering}
				onSelect={(item) => choose(item.value)}
				itemComponent={PickerItem}
				indicatorComponent={PickerIndicator}
			/>
		);
	}
	return (
		<DialogBox title={titles[picker]}>
			{showFilter ? (
				<Box>
					<Text color={theme.accent}>/ </Text>
					<TextField value={filter} focused={filtering} width={30} />
				</Box>
			) : null}
			{body}
			{choices && all && (long || showFilter) ? (
				<Text color={theme.muted}>
					{groupDigits(choices.length)} of {groupDigits(all.length)} · / filter
					{long ? ' · G last · pgdn/pgup page' : ''}
				</Text>
			) : (
				<Text> </Text>
			)}
		</DialogBox>
	);
}
