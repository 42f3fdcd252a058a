import { Box, Text } from 'ink';
import { useKeyActions } from '../../keys/input-router.js';
import { createAttributeFromDialog, flowLabel, type NewAttributeOverlay } from '../../store/index.js';
import { TextField } from '../components/text-field.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { DialogBox } from './dialog-box.js';

const order = ['name', 'dataType', 'description'] as const;
const dataTypes = ['string', 'boolean', 'int64'] as const;

/** Name, data type (with the warning that it can never change) and description of a new custom attribute. */
export function NewAttributeDialog({ overlay }: { readonly overlay: NewAttributeOverlay }) {
	const store = useStore();
	const theme = useTheme();
	const flowName = useAppState((state) => (overlay.flowId ? flowLabel(state, overlay.flowId) : undefined));
	const typing = overlay.focus !== 'dataType';
	const capture = useTextCapture(
		(state) =>
			state.overlay?.kind === 'newAttribute' && state.overlay.focus !== 'dataType'
				? state.overlay[state.overlay.focus]
				: '',
		(text) => store.dispatch({ type: 'overlay/textChanged', text }),
	);
	const change = (patch: Partial<Pick<NewAttributeOverlay, 'focus' | 'dataType'>>) =>
		store.dispatch({ type: 'overlay/newAttributeChanged', patch });
	useKeyActions(
		['new-attribute'],
		{
			'newAttribute.next': () => change({ focus: order[(order.indexOf(overlay.focus) + 1) % order.length] }),
			'newAttribute.type': () =>
				change({ dataType: dataTypes[(dataTypes.indexOf(overlay.dataType) + 1) % dataTypes.length] }),
			'newAttribute.create': () => void store.run(createAttributeFromDialog()),
			'newAttribute.cancel': () => store.dispatch({ type: 'overlay/closed' }),
		},
		{ level: 'overlay', ...(typing ? { capture } : {}) },
	);
	const label = (field: (typeof order)[number], text: string) => (
		<Text bold={overlay.focus === field} color={overlay.focus === field ? theme.accent : undefined}>
			{`${overlay.focus === field ? '›' : ' '} ${text.padEnd(12)}`}
		</Text>
	);
	return (
		<DialogBox title={flowName ? `New attribute, collected on “${flowName}”` : 'New custom attribute'}>
			<Text> </Text>
			<Box>
				{label('name', 'Name')}
				<TextField value={overlay.name} focused={overlay.focus === 'name'} width={40} />
			</Box>
			<Box>
				{label('dataType', 'Data type')}
				<Text>
					{dataTypes.map((type) => (type === overlay.dataType ? `[${type}]` : ` ${type} `)).join(' ')}
				</Text>
			</Box>
			<Box>
				{label('description', 'Description')}
				<TextField value={overlay.description} focused={overlay.focus === 'description'} width={40} />
			</Box>
			<Text> </Text>
			<Text color={theme.warning}>The data type can never change once the attribute is created.</Text>
			{overlay.error ? <Text color={theme.error}>{overlay.error}</Text> : null}
			<Text> </Text>
			<Text>
				<Text bold>tab</Text> next field · <Text bold>space</Text> data type · <Text bold>enter</Text> create
				· <Text bold>esc</Text> cancel
			</Text>
		</DialogBox>
	);
}
