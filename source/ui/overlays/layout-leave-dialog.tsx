import { Text } from 'ink';
import { useKeyActions } from '../../keys/input-router.js';
import { flowLabel } from '../../store/index.js';
import { useAppState, useStore } from '../store-context.js';
import { DialogBox } from './dialog-box.js';

/** Props of the leave-editor question. */
export type LayoutLeaveDialogProps = { readonly flowId: string };

/** Esc with unsaved layout edits: discard them (y), keep the draft for later (k), or stay (n, esc). */
export function LayoutLeaveDialog({ flowId }: LayoutLeaveDialogProps) {
	const store = useStore();
	const name = useAppState((state) => flowLabel(state, flowId));
	const leave = (discard: boolean) => {
		store.dispatch({ type: 'overlay/closed' });
		if (discard) store.dispatch({ type: 'layout/discarded', flowId });
		store.dispatch({ type: 'route/popped' });
	};
	useKeyActions(
		['layout-leave'],
		{
			'leave.discard': () => leave(true),
			'leave.keep': () => leave(false),
			'leave.stay': () => store.dispatch({ type: 'overlay/closed' }),
		},
		{ level: 'overlay' },
	);
	return (
		<DialogBox title="Discard unsaved layout changes?" danger>
			<Text> </Text>
			<Text>The sign-up page of “{name}” has changes that are not saved.</Text>
			<Text> </Text>
			<Text>
				<Text bold>y</Text> discard them and leave · <Text bold>k</Text> keep the draft for later and leave ·{' '}
				<Text bold>n</Text> stay
			</Text>
		</DialogBox>
	);
}
