import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import { useKeyActions } from '../../keys/input-router.js';
import {
	currentEntry,
	flowById,
	flowOverview,
	loadUserFlow,
	openDeleteFlow,
	type Route,
	saveEdit,
	selectResource,
	targets,
	toggleSignUp,
} from '../../store/index.js';
import { BodyState } from '../components/body-state.js';
import { FlowCodeKeys } from '../flow-code-keys.js';
import { useListKeys } from '../hooks/use-list-keys.js';
import { busyReason, usePending } from '../hooks/use-pending.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useAppState, useStore } from '../store-context.js';
import { DetailRow } from './detail-row.js';

const rows = ['displayName', 'description', 'signUp', 'providers', 'attributes', 'applications'] as const;
type Section = 'providers' | 'attributes' | 'applications';
const sections: Record<Section, (flowId: string) => Route> = {
	providers: (flowId) => ({ id: 'user-flow/identity-providers', flowId }),
	attributes: (flowId) => ({ id: 'user-flow/attributes', flowId }),
	applications: (flowId) => ({ id: 'user-flow/applications', flowId }),
};

// On any other row e would edit something the cursor is not on; the status line says where e works instead.
const editReason = (row: (typeof rows)[number]) =>
	row === 'displayName' || row === 'description'
		? undefined
		: 'e edits the Name or the Description row: select one of them first (k moves up).';

/** Props of the detail screen. */
export type UserFlowDetailScreenProps = { readonly flowId: string };

/** A flow's overview and its sections; rename, description and sign-up are edited in place. */
export function UserFlowDetailScreen({ flowId }: UserFlowDetailScreenProps) {
	const store = useStore();
	const flow = useAppState((state) => flowById(state, flowId));
	const resource = useAppState((state) => selectResource(state, 'userFlow', flowId));
	const entry = useAppState(currentEntry);
	const edit = useAppState((state) => (state.edit?.flowId === flowId ? state.edit : undefined));
	const busy = usePending().get(targets.flow(flowId));
	const overview = useMemo(() => (flow ? flowOverview(flow) : undefined), [flow]);
	const cursor = Math.min(entry.cursor, rows.length - 1);
	const focused = rows[cursor] ?? 'displayName';
	// The row the write in flight changes, wherever the cursor is: sign-up for its switch, else the edited row.
	const busyRow = busy === 'switching' ? 'signUp' : (edit?.field ?? 'displayName');
	useEffect(() => {
		void store.run(loadUserFlow(flowId));
	}, [store, flowId]);

	const open = (section: Section) =>
		store.dispatch({ type: 'route/pushed', route: sections[section](flowId) });
	const startEdit = (field: 'displayName' | 'description') =>
		overview &&
		store.dispatch({
			type: 'edit/opened',
			flowId,
			field,
			text: field === 'displayName' ? overview.name : overview.description,
		});
	const list = useListKeys(rows.length, rows.length);
	const blocked = overview ? (busy ? busyReason : undefined) : '';
	useKeyActions(
		['detail', 'list'],
		{
			...list,
			'detail.next': list['list.down'],
			'detail.prev': list['list.up'],
			'item.open': () => {
				if (focused === 'displayName' || focused === 'description') startEdit(focused);
				else if (focused === 'signUp') void store.run(toggleSignUp(flowId));
				else open(focused);
			},
			'detail.edit': () => {
				if (focused === 'displayName' || focused === 'description') startEdit(focused);
			},
			'detail.signUp': () => void store.run(toggleSignUp(flowId)),
			'detail.providers': () => open('providers'),
			'detail.attributes': () => open('attributes'),
			'detail.applications': () => open('applications'),
			'flow.layout': () =>
				store.dispatch({ type: 'route/pushed', route: { id: 'user-flow/layout', flowId } }),
			'flow.delete': () => void store.run(openDeleteFlow(flowId)),
			'screen.refresh': () => void store.run(loadUserFlow(flowId, { force: true })),
		},
		{
			disabled: {
				'detail.edit': blocked ?? editReason(focused),
				'detail.signUp': blocked,
				'flow.delete': blocked,
				'item.open': overview ? undefined : '',
				'flow.layout': overview ? undefined : '',
			},
		},
	);
	const capture = useTextCapture(
		(state) => state.edit?.text ?? '',
		(text) => store.dispatch({ type: 'edit/changed', text }),
	);
	useKeyActions(
		['text'],
		{
			'text.accept': () => void store.run(saveEdit()),
			'text.cancel': () => {
				// Like esc everywhere: an error on screen is dismissed first, the typed text kept.
				const level = store.getState().flash?.level;
				if (level === 'error' || level === 'warning') return store.dispatch({ type: 'flash/cleared' });
				store.dispatch({ type: 'edit/closed' });
			},
		},
		{
			level: 'capture',
			capture,
			active: edit !== undefined,
			disabled: { 'text.accept': busy ? busyReason : undefined },
		},
	);

	if (!overview) {
		return resource.status === 'error' && resource.error ? (
			<BodyState kind="error" error={resource.error} />
		) : (
			<BodyState kind="loading" text="Loading the user flow…" />
		);
	}
	const row = (key: (typeof rows)[number], label: string, value: string, extra?: string) => (
		<DetailRow
			label={label}
			value={value}
			extra={extra}
			selected={focused === key}
			editing={edit && edit.field === key ? edit : undefined}
			busy={busyRow === key ? busy : undefined}
		/>
	);
	return (
		<Box flexDirection="column">
			<FlowCodeKeys on="detail" flowId={flowId} />
			<DetailRow label="Id" value={overview.idText} />
			<DetailRow label="User type" value={overview.userType || '—'} />
			{row('displayName', 'Name', overview.name)}
			{row('description', 'Description', overview.description || '—')}
			{row('signUp', 'Sign-up', overview.signUp ? 'on (new users can sign up)' : 'off (sign-in only)')}
			<Text> </Text>
			<Text bold>Sections</Text>
			{row('providers', 'Identity providers', String(overview.providers), '1')}
			{row('attributes', 'Attributes', String(overview.attributes), '2')}
			{row('applications', 'Applications', String(overview.apps), '3')}
		</Box>
	);
}
