import { Text } from 'ink';
import { useKeyActions } from '../../keys/input-router.js';
import { type FlowCodeOverlay, switchTenant } from '../../store/index.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';

type SwitchOverlay = Extract<FlowCodeOverlay, { kind: 'switchTenant' }>;

/** The profiles to switch to; the one in use is marked, the highlighted one has ❯ (no colour needed). */
export function TenantSwitchDialog({ overlay }: { readonly overlay: SwitchOverlay }) {
	const store = useStore();
	const theme = useTheme();
	const current = useAppState((state) => state.tenant?.profile);
	const move = (by: number) =>
		store.dispatch({
			type: 'flowCode/tenantCursorMoved',
			cursor: Math.min(overlay.choices.length - 1, Math.max(0, overlay.cursor + by)),
		});
	useKeyActions(
		['tenant-switch'],
		{
			'tenantSwitch.down': () => move(1),
			'tenantSwitch.up': () => move(-1),
			'tenantSwitch.choose': () => {
				const choice = overlay.choices[overlay.cursor];
				if (choice) void store.run(switchTenant(choice.profile));
			},
			'tenantSwitch.cancel': () => store.dispatch({ type: 'overlay/closed' }),
		},
		{ level: 'overlay' },
	);
	return (
		<DialogBox title="Switch tenant">
			<Text> </Text>
			{overlay.choices.map((choice, index) => (
				<Text key={choice.profile} inverse={index === overlay.cursor}>
					{index === overlay.cursor ? '❯ ' : '  '}
					<Text bold>@{choice.profile}</Text> {choice.label}
					{choice.profile === current ? <Text color={theme.muted}> (in use)</Text> : null}
				</Text>
			))}
			<Text> </Text>
			<Text color={theme.muted}>
				Each tenant signs in on its own; what was read here is read again there.
			</Text>
			<Text>
				<Text bold>enter</Text> switch · <Text bold>esc</Text> stay
			</Text>
		</DialogBox>
	);
}
