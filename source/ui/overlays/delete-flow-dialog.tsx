import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import { useKeyActions } from '../../keys/input-router.js';
import {
	applicationRows,
	deleteUserFlow,
	flowById,
	flowLabel,
	linkedAppIds,
	loadApplications,
	selectResource,
} from '../../store/index.js';
import { TextField } from '../components/text-field.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';

// Room for the rest of the dialog in a 24-row terminal.
const shownApps = 8;

/** Props of the typed delete confirmation. */
export type DeleteFlowDialogProps = {
	readonly flowId: string;
	readonly text: string;
	readonly mismatch: boolean;
};

/** Delete only after the flow's name is typed; lists the apps that will lose their flow. */
export function DeleteFlowDialog({ flowId, text, mismatch }: DeleteFlowDialogProps) {
	const store = useStore();
	const theme = useTheme();
	const name = useAppState((state) => flowLabel(state, flowId));
	const flow = useAppState((state) => flowById(state, flowId));
	const applications = useAppState((state) => selectResource(state, 'applications').data);
	const apps = useMemo(() => applicationRows(linkedAppIds(flow), applications), [flow, applications]);
	useEffect(() => {
		if (linkedAppIds(flow).length > 0) void store.run(loadApplications());
	}, [store, flow]);
	const capture = useTextCapture(
		(state) => (state.overlay?.kind === 'deleteFlow' ? state.overlay.text : ''),
		(value) => store.dispatch({ type: 'overlay/textChanged', text: value }),
	);
	useKeyActions(
		['typed-confirm'],
		{
			'typed.confirm': () => {
				const overlay = store.getState().overlay;
				const typed = overlay?.kind === 'deleteFlow' ? overlay.text.trim() : '';
				if (typed !== name) return store.dispatch({ type: 'overlay/mismatchShown' });
				store.dispatch({ type: 'overlay/closed' });
				// The apps this dialog named: one linked since is not unlinked without asking again.
				void store.run(deleteUserFlow(flowId, linkedAppIds(flowById(store.getState(), flowId))));
			},
			'typed.cancel': () => store.dispatch({ type: 'overlay/closed' }),
		},
		{ level: 'overlay', capture },
	);
	return (
		<DialogBox title={`Delete the user flow “${name}”?`} danger>
			<Text> </Text>
			{apps.length > 0 ? (
				<>
					<Text>
						{apps.length === 1
							? 'This app will lose its user flow (it is unlinked first):'
							: `These ${apps.length} apps will lose their user flow (they are unlinked first):`}
					</Text>
					{apps.slice(0, shownApps).map((app) => (
						<Text key={app.appId}>
							{'  '}• {app.name} <Text color={theme.muted}>({app.appIdText})</Text>
						</Text>
					))}
					{apps.length > shownApps ? <Text>{`  …and ${apps.length - shownApps} more`}</Text> : null}
				</>
			) : (
				<Text color={theme.muted}>No applications use this flow.</Text>
			)}
			<Text> </Text>
			<Text>This cannot be undone. Type the flow's name to confirm:</Text>
			<Box>
				<Text color={theme.accent}>› </Text>
				<TextField value={text} focused width={68} />
			</Box>
			{mismatch ? <Text color={theme.error}>The name does not match; nothing was deleted.</Text> : null}
			<Text> </Text>
			<Text>
				<Text bold>enter</Text> delete · <Text bold>esc</Text> keep it
			</Text>
		</DialogBox>
	);
}
