import { Text, useStdin } from 'ink';
import SelectInput from 'ink-select-input';
import { type ReactNode, useMemo } from 'react';
import { useKeyActions } from '../../keys/input-router.js';
import {
	addAttribute,
	addIdentityProvider,
	appOwners,
	linkApplication,
	openNewAttribute,
	type PickerKind,
	selectResource,
} from '../../store/index.js';
import { useBodySize } from '../body-size.js';
import { BodyState } from '../components/body-state.js';
import { useAppState, useStore } from '../store-context.js';
import { DialogBox } from './dialog-box.js';
import { choicesFor, PickerIndicator, PickerItem } from './picker-choices.js';

// Not an attribute id: ids never start with a space.
const newAttributeChoice = ' new attribute';

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

/** Picks what the tenant has and the flow lacks (ink-select-input); apps other flows use say which. */
export function PickerOverlay({ picker, flowId, focused, highlighted }: PickerOverlayProps) {
	const store = useStore();
	const { height } = useBodySize();
	const canReadKeys = useStdin().isRawModeSupported === true;
	const resource = useAppState((state) => selectResource(state, catalogue[picker]));
	const flows = useAppState((state) => selectResource(state, 'userFlows').data);
	const onFlow = useAppState((state) =>
		picker === 'applications' ? undefined : selectResource(state, picker, flowId).data,
	);
	const choices = useMemo(
		() => choicesFor(picker, flowId, { catalogue: resource.data, onFlow, flows }),
		[picker, flowId, resource.data, onFlow, flows],
	);
	useKeyActions(
		['picker'],
		{ 'picker.cancel': () => store.dispatch({ type: 'overlay/closed' }) },
		{ level: 'overlay' },
	);

	const choose = (value: string) => {
		store.dispatch({ type: 'overlay/closed' });
		if (value === newAttributeChoice) return void store.run(openNewAttribute(flowId));
		if (picker === 'identityProviders') return void store.run(addIdentityProvider(flowId, value));
		if (picker === 'attributes') return void store.run(addAttribute(flowId, value));
		const owner = appOwners(selectResource(store.getState(), 'userFlows').data ?? []).get(value);
		if (!owner || owner.flowId === flowId) return void store.run(linkApplication(flowId, value));
		const label = choices?.find((choice) => choice.value === value)?.label ?? value;
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
	if (!choices) {
		body =
			resource.status === 'error' && resource.error ? (
				<BodyState kind="error" error={resource.error} />
			) : (
				<BodyState kind="loading" text="Loading what the tenant has…" />
			);
	} else if (choices.length === 0 && picker !== 'attributes') {
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
		];
		body = (
			<SelectInput
				items={items}
				initialIndex={Math.max(
					0,
					items.findIndex((item) => item.value === highlighted),
				)}
				onHighlight={(item) => store.dispatch({ type: 'overlay/pickerHighlighted', value: item.value })}
				limit={Math.max(3, Math.min(20, height - 4))}
				isFocused={canReadKeys && focused}
				onSelect={(item) => choose(item.value)}
				itemComponent={PickerItem}
				indicatorComponent={PickerIndicator}
			/>
		);
	}
	return (
		<DialogBox title={titles[picker]}>
			{body}
			<Text> </Text>
		</DialogBox>
	);
}
