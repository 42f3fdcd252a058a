import { Text } from 'ink';
import { useKeyActions } from '../../keys/input-router.js';
import { type AttributeDescriptionOverlay, saveAttributeDescription } from '../../store/index.js';
import { display } from '../../text/sanitize.js';
import { TextField } from '../components/text-field.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';

/** A custom attribute's description, the one thing about it that can change; a failed save keeps the text. */
export function AttributeDescriptionDialog({ overlay }: { readonly overlay: AttributeDescriptionOverlay }) {
	const store = useStore();
	const theme = useTheme();
	const capture = useTextCapture(
		(state) => (state.overlay?.kind === 'attributeDescription' ? state.overlay.text : ''),
		(text) => store.dispatch({ type: 'tenantForm/textChanged', text }),
	);
	useKeyActions(
		['attribute-description'],
		{
			'attributeDescription.save': () => void store.run(saveAttributeDescription()),
			'tenantForm.cancel': () => store.dispatch({ type: 'overlay/closed' }),
		},
		{
			level: 'overlay',
			capture,
			disabled: { 'attributeDescription.save': overlay.saving ? 'Saving; wait for the answer.' : undefined },
		},
	);
	return (
		<DialogBox title={`Description of “${display(overlay.displayName)}”`}>
			<Text> </Text>
			<TextField
				value={overlay.text}
				focused
				width={70}
				placeholder="shown to no one but admins; may be empty"
			/>
			<Text> </Text>
			<Text color={theme.muted}>The name and data type of an attribute can never change.</Text>
			{overlay.error ? <Text color={theme.error}>{display(overlay.error)}</Text> : null}
			{overlay.saving ? <Text color={theme.muted}>Saving…</Text> : null}
			<Text> </Text>
			<Text>
				<Text bold>enter</Text> save · <Text bold>esc</Text> cancel
			</Text>
		</DialogBox>
	);
}
