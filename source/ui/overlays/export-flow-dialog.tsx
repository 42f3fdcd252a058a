import { Box, Text } from 'ink';
import { useKeyActions } from '../../keys/input-router.js';
import { exportFlow, type FlowCodeOverlay, flowLabel } from '../../store/index.js';
import { TextField } from '../components/text-field.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';

type ExportOverlay = Extract<FlowCodeOverlay, { kind: 'exportFlow' }>;

/** `x`: the path to write (a file, or a folder for the flow's own file name); an existing file is asked about. */
export function ExportFlowDialog({ overlay }: { readonly overlay: ExportOverlay }) {
	const store = useStore();
	const theme = useTheme();
	const name = useAppState((state) => flowLabel(state, overlay.flowId));
	const asking = overlay.overwrite !== undefined;
	const capture = useTextCapture(
		(state) => (state.overlay?.kind === 'exportFlow' ? state.overlay.path : ''),
		(text) => store.dispatch({ type: 'flowCode/textChanged', text }),
	);
	useKeyActions(
		['text'],
		{
			'text.accept': () => void store.run(exportFlow()),
			'text.cancel': () => store.dispatch({ type: 'overlay/closed' }),
		},
		{ level: 'overlay', capture, active: !asking },
	);
	useKeyActions(
		['confirm'],
		{
			'confirm.yes': () => void store.run(exportFlow({ overwrite: true })),
			// Back to the path, as typed: another name is one edit away.
			'confirm.no': () => store.dispatch({ type: 'flowCode/textChanged', text: overlay.path }),
		},
		{ level: 'overlay', active: asking },
	);
	return (
		<DialogBox title={`Export “${name}” to a file`}>
			<Text> </Text>
			<Text>File or folder (relative to the current folder; .yaml or .json):</Text>
			<Box>
				<Text color={theme.accent}>› </Text>
				<TextField value={overlay.path} focused={!asking && !overlay.busy} width={68} />
			</Box>
			{overlay.error ? <Text color={theme.error}>{overlay.error}</Text> : null}
			{asking ? (
				<>
					<Text> </Text>
					<Text color={theme.warning}>This file exists already:</Text>
					<Text wrap="truncate-start">{overlay.overwrite}</Text>
					<Text color={theme.warning}>Overwrite it?</Text>
					<Text>
						<Text bold>y</Text> overwrite · <Text bold>n</Text> keep it and change the path
					</Text>
				</>
			) : (
				<>
					<Text> </Text>
					<Text>
						{overlay.busy ? 'Reading the flow…' : ''}
						{overlay.busy ? null : (
							<>
								<Text bold>enter</Text> export · <Text bold>esc</Text> cancel
							</>
						)}
					</Text>
				</>
			)}
		</DialogBox>
	);
}
