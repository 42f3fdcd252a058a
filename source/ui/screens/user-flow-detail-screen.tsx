import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import { hidden, useKeyActions } from '../../keys/input-router.js';
import {
	currentEntry,
	flowById,
	flowOverview,
	isLayoutDirty,
	loadFlowExtensions,
	loadUserFlow,
	openDeleteFlow,
	type Route,
	saveEdit,
	selectResource,
	switchSignUp,
	targets,
} from '../../store/index.js';
import { display } from '../../text/sanitize.js';
import { BodyState } from '../components/body-state.js';
import { StaleNote } from '../components/stale-note.js';
import { FlowCodeKeys } from '../flow-code-keys.js';
import { useListKeys } from '../hooks/use-list-keys.js';
import { busyReason, usePending } from '../hooks/use-pending.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useAppState, useStore } from '../store-context.js';
import { DetailRow } from './detail-row.js';
import { FlowHistorySection } from './flow-history-section.js';

const rows = [
	'displayName',
	'description',
	'signUp',
	'providers',
	'attributes',
	'applications',
	'extensions',
] as const;
type Section = 'providers' | 'attributes' | 'applications' | 'extensions';
const sections: Record<Section, (flowId: string) => Route> = {
	providers: (flowId) => ({ id: 'user-flow/identity-providers', flowId }),
	attributes: (flowId) => ({ id: 'user-flow/attributes', flowId }),
	applications: (flowId) => ({ id: 'user-flow/applications', flowId }),
	extensions: (flowId) => ({ id: 'user-flow/extensions', flowId }),
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
	const drafted = useAppState((state) => {
		const draft = state.layoutDrafts[flowId];
		return draft !== undefined && isLayoutDirty(draft);
	});
	const busy = usePending().get(targets.flow(flowId));
	const overview = useMemo(() => (flow ? flowOverview(flow) : undefined), [flow]);
	const cursor = Math.min(entry.cursor, rows.length - 1);
	const focused = rows[cursor] ?? 'displayName';
	// The row the write in flight changes, wherever the cursor is: sign-up for its switch, else the edited row.
	const busyRow = busy === 'switching' ? 'signUp' : (edit?.field ?? 'displayName');
	const extensions = useAppState((state) => selectResource(state, 'flowExtensions', flowId).data);
	useEffect(() => {
		void store.run(loadUserFlow(flowId));
		void store.run(loadFlowExtensions(flowId));
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
	const blocked = overview ? (busy ? busyReason : undefined) : hidden;
	useKeyActions(
		['detail', 'list'],
		{
			...list,
			'detail.next': list['list.down'],
			'detail.prev': list['list.up'],
			'item.open': () => {
				if (focused === 'displayName' || focused === 'description') startEdit(focused);
				else if (focused === 'signUp') void store.run(switchSignUp(flowId));
				else open(focused);
			},
			'detail.edit': () => {
				if (focused === 'displayName' || focused === 'description') startEdit(focused);
			},
			'detail.signUp': () => void store.run(switchSignUp(flowId)),
			'detail.providers': () => open('providers'),
			'detail.attributes': () => open('attributes'),
			'detail.applications': () => open('applications'),
			'detail.extensions': () => open('extensions'),
			'flow.run': () => store.dispatch({ type: 'route/pushed', route: { id: 'user-flow/run', flowId } }),
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
				'item.open': overview ? undefined : hidden,
				'flow.layout': overview ? undefined : hidden,
				'flow.run': overview ? undefined : hidden,
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
			// Like esc everywhere, the first one dismisses an error on screen (the router does), the typed text kept.
			'text.cancel': () => store.dispatch({ type: 'edit/closed' }),
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
			<StaleNote resource={resource} />
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
			{row(
				'extensions',
				'Custom extensions',
				extensions
					? `start: ${display(extensions.start?.displayName ?? 'none')} · submit: ${display(extensions.submit?.displayName ?? 'none')}`
					: '…',
				'4',
			)}
			{drafted ? (
				<DetailRow label="Sign-up page" value="✎ unsaved edits kept in a draft (l opens them)" />
			) : null}
			<FlowHistorySection flowId={flowId} />
		</Box>
	);
}
