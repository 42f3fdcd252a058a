import { Text } from 'ink';
import { useKeyActions } from '../../keys/input-router.js';
import { flowLabel, type Layout, reloadLayoutDraft, saveLayout } from '../../store/index.js';
import { useBodySize } from '../body-size.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';
import { DiffLines } from './layout-diff-lines.js';

/** Props of the conflict dialog. */
export type LayoutConflictDialogProps = {
	readonly flowId: string;
	readonly server: Layout;
	readonly theirs: readonly string[];
	readonly mine: readonly string[];
	readonly loud: boolean;
};

/** The page changed on the server while the draft was edited: show both, and nothing is sent unless o is pressed. */
export function LayoutConflictDialog({ flowId, server, theirs, mine, loud }: LayoutConflictDialogProps) {
	const store = useStore();
	const theme = useTheme();
	const { height } = useBodySize();
	const name = useAppState((state) => flowLabel(state, flowId));
	const each = Math.max(2, Math.floor((height - 9) / 2));
	useKeyActions(
		['layout-conflict'],
		{
			'conflict.overwrite': () => {
				store.dispatch({ type: 'overlay/closed' });
				// Read again first: a change made while this dialog was open brings the dialog back instead.
				void store.run(saveLayout(flowId, server));
			},
			'conflict.reload': () => {
				store.dispatch({ type: 'overlay/closed' });
				void store.run(reloadLayoutDraft(flowId, server));
			},
			'conflict.cancel': () => store.dispatch({ type: 'overlay/closed' }),
		},
		{ level: 'overlay' },
	);
	return (
		<DialogBox title="The page changed on the server since you began" danger>
			<Text>Someone changed the sign-up page of “{name}” meanwhile:</Text>
			<DiffLines lines={theirs} max={each} />
			<Text>Saving your draft would make these changes to it as it is now:</Text>
			<DiffLines lines={mine} max={each} />
			{loud ? (
				<Text bold color={theme.warning}>
					!!! Your draft would add or remove inputs: load theirs unless you are sure.
				</Text>
			) : null}
			<Text>
				<Text bold>o</Text> overwrite with my draft · <Text bold>d</Text> discard mine, load theirs ·{' '}
				<Text bold>esc</Text> keep editing
			</Text>
		</DialogBox>
	);
}
