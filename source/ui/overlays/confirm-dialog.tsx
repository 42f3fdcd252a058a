import { Text, useApp } from 'ink';
import { useKeyActions } from '../../keys/input-router.js';
import { type Intent, intentEffect } from '../../store/index.js';
import { useStore } from '../store-context.js';
import { DialogBox } from './dialog-box.js';

/** Props of the y/n dialog. */
export type ConfirmDialogProps = { readonly message: string; readonly intent: Intent };

/** y does it, n or esc leaves everything as it is; there are no buttons to misread and enter does nothing. */
export function ConfirmDialog({ message, intent }: ConfirmDialogProps) {
	const store = useStore();
	const { exit } = useApp();
	useKeyActions(
		['confirm'],
		{
			'confirm.yes': () => {
				store.dispatch({ type: 'overlay/closed' });
				if (intent.type === 'quit') return exit();
				const effect = intentEffect(intent);
				if (effect) void store.run(effect);
			},
			'confirm.no': () => store.dispatch({ type: 'overlay/closed' }),
		},
		{ level: 'overlay' },
	);
	return (
		<DialogBox title="Are you sure?" danger>
			<Text> </Text>
			<Text>{message}</Text>
			<Text> </Text>
			<Text>
				<Text bold>y</Text> yes · <Text bold>n</Text> no
			</Text>
		</DialogBox>
	);
}
