import { Box, Text } from 'ink';
import { useKeyActions } from '../../keys/input-router.js';
import { cloneUserFlow, type FlowCodeOverlay, flowLabel } from '../../store/index.js';
import { TextField } from '../components/text-field.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';

type CloneOverlay = Extract<FlowCodeOverlay, { kind: 'cloneFlow' }>;

/** `c`: the copy's name; a refusal (a taken name) shows under the name, which stays as typed. */
export function CloneFlowDialog({ overlay }: { readonly overlay: CloneOverlay }) {
	const store = useStore();
	const theme = useTheme();
	const name = useAppState((state) => flowLabel(state, overlay.flowId));
	const capture = useTextCapture(
		(state) => (state.overlay?.kind === 'cloneFlow' ? state.overlay.name : ''),
		(text) => store.dispatch({ type: 'flowCode/textChanged', text }),
	);
	useKeyActions(
		['text'],
		{
			'text.accept': () => void store.run(cloneUserFlow()),
			'text.cancel': () => store.dispatch({ type: 'overlay/closed' }),
		},
		{ level: 'overlay', capture },
	);
	return (
		<DialogBox title={`Clone “${name}”`}>
			<Text> </Text>
			<Text>Name of the copy (providers, attributes and page layout are copied; apps are not):</Text>
			<Box>
				<Text color={theme.accent}>› </Text>
				<TextField value={overlay.name} focused={!overlay.busy} width={68} />
			</Box>
			{overlay.error ? <Text color={theme.error}>{overlay.error}</Text> : null}
			<Text> </Text>
			<Text>
				{overlay.busy ? (
					'Cloning…'
				) : (
					<>
						<Text bold>enter</Text> clone · <Text bold>esc</Text> cancel
					</>
				)}
			</Text>
		</DialogBox>
	);
}
