import { Text } from 'ink';
import { useKeyActions } from '../../keys/input-router.js';
import { commitLayout, flowLabel } from '../../store/index.js';
import { useBodySize } from '../body-size.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';
import { DiffLines } from './layout-diff-lines.js';

/** Props of the save confirmation. */
export type LayoutSaveDialogProps = {
	readonly flowId: string;
	readonly lines: readonly string[];
	readonly loud: boolean;
};

/** What saving changes on the page as it is now; y sends every input in one PATCH, n or esc sends nothing. */
export function LayoutSaveDialog({ flowId, lines, loud }: LayoutSaveDialogProps) {
	const store = useStore();
	const theme = useTheme();
	const { height } = useBodySize();
	const name = useAppState((state) => flowLabel(state, flowId));
	useKeyActions(
		['confirm'],
		{
			'confirm.yes': () => {
				store.dispatch({ type: 'overlay/closed' });
				void store.run(commitLayout(flowId));
			},
			'confirm.no': () => store.dispatch({ type: 'overlay/closed' }),
		},
		{ level: 'overlay' },
	);
	return (
		<DialogBox title={`Save the sign-up page of “${name}”?`} danger={loud}>
			<Text> </Text>
			<Text>These changes go to the page as it is now:</Text>
			<DiffLines lines={lines} max={Math.max(3, height - 9)} />
			<Text> </Text>
			{loud ? (
				<Text bold color={theme.warning}>
					!!! This would add or remove inputs, which a layout save must not do. Answer n unless you are sure.
				</Text>
			) : null}
			<Text color={theme.muted}>
				Every input is sent, in this order, in one request (the service replaces the list).
			</Text>
			<Text>
				<Text bold>y</Text> save · <Text bold>n</Text> keep editing
			</Text>
		</DialogBox>
	);
}
