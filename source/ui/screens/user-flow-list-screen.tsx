import { Box, Text } from 'ink';
import { type ReactNode, useEffect, useMemo } from 'react';
import { hidden, useKeyActions } from '../../keys/input-router.js';
import {
	currentEntry,
	type FlowRow,
	flowRows,
	listProgress,
	loadUserFlows,
	openCreateForm,
	openDeleteFlow,
	selectResource,
	stopLoadingUserFlows,
	targets,
	unsavedLayoutFlowIds,
} from '../../store/index.js';
import { groupDigits } from '../../text/count.js';
import { useBodySize } from '../body-size.js';
import { BodyState } from '../components/body-state.js';
import { ListView } from '../components/list-view.js';
import { isStale } from '../components/stale-note.js';
import { TextField } from '../components/text-field.js';
import { FlowCodeKeys } from '../flow-code-keys.js';
import { useFlowFilter } from '../hooks/use-flow-filter.js';
import { useListKeys } from '../hooks/use-list-keys.js';
import { busyReason, usePending } from '../hooks/use-pending.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { FlowListHeader, FlowListRow } from './flow-list-row.js';

/** Every user flow with sign-up, providers, attributes and apps; `/` filters, enter opens, n new, d delete. */
export function UserFlowListScreen() {
	const store = useStore();
	const theme = useTheme();
	const { height } = useBodySize();
	const resource = useAppState((state) => selectResource(state, 'userFlows'));
	const entry = useAppState(currentEntry);
	const pending = usePending();
	const drafts = useAppState(unsavedLayoutFlowIds);
	const drafted = useMemo(() => new Set(drafts.split(' ')), [drafts]);
	const all = useMemo(() => flowRows(resource.data ?? []), [resource.data]);
	const rows = useFlowFilter(all, entry.filter);
	const cursor = Math.min(entry.cursor, Math.max(0, rows.length - 1));
	const selected = rows.at(cursor);
	const listHeight = Math.max(1, height - 2);
	useEffect(() => {
		void store.run(loadUserFlows());
	}, [store]);

	const selectedBusy = selected && pending.has(targets.flow(selected.id)) ? busyReason : undefined;
	// While pages arrive, q and esc stop the load (the rows that came stay; esc clears a filter first);
	// afterwards they quit and go back as everywhere.
	const stop = () => void store.run(stopLoadingUserFlows());
	const back = () => (entry.filter ? store.dispatch({ type: 'route/filterClosed', keep: false }) : stop());
	const stopKeys = resource.arriving ? { 'nav.back': back, 'app.quit': stop } : {};
	useKeyActions(
		['flows', 'list'],
		{
			...useListKeys(rows.length, listHeight),
			...stopKeys,
			'item.open': () =>
				selected && store.dispatch({ type: 'route/pushed', route: { id: 'user-flow', flowId: selected.id } }),
			'list.filter': () => store.dispatch({ type: 'route/filterOpened' }),
			'flow.new': () => void store.run(openCreateForm()),
			'tenant.open': () => store.dispatch({ type: 'route/pushed', route: { id: 'tenant' } }),
			'flow.delete': () => selected && void store.run(openDeleteFlow(selected.id)),
			'screen.refresh': () => void store.run(loadUserFlows({ force: true })),
		},
		{
			disabled: {
				'item.open': selected ? undefined : hidden,
				'flow.delete': selected ? selectedBusy : hidden,
			},
		},
	);
	const capture = useTextCapture(
		(state) => currentEntry(state).filter,
		(text) => store.dispatch({ type: 'route/filterChanged', text }),
	);
	useKeyActions(
		['filter'],
		{
			'filter.keep': () => store.dispatch({ type: 'route/filterClosed', keep: true }),
			'filter.clear': () => store.dispatch({ type: 'route/filterClosed', keep: false }),
		},
		{ level: 'capture', capture, active: entry.filtering },
	);

	const renderRow = (row: FlowRow, isSelected: boolean, shown: boolean) => (
		<FlowListRow
			row={row}
			selected={isSelected}
			// A hidden row shows no progress: its spinner would redraw the screen while nothing on it changes.
			verb={shown ? pending.get(targets.flow(row.id)) : undefined}
			draft={drafted.has(row.id)}
		/>
	);

	const progress = listProgress(resource, entry.filtering || entry.filter !== '');
	let body: ReactNode;
	if (!resource.data || (resource.arriving && all.length === 0)) {
		body =
			resource.status === 'error' && resource.error ? (
				<BodyState kind="error" error={resource.error} />
			) : (
				<BodyState kind="loading" text="Loading user flows…" />
			);
	} else {
		const text = entry.filter
			? `No user flow matches “${entry.filter}”.`
			: 'No user flows yet — press n to create one.';
		// No rowKey: a filter key replaces every visible row, and rows kept by their place are updated, not rebuilt.
		// A filter that matches none hides the list rather than unmounting it, for the key that erases it.
		body = (
			<>
				{rows.length === 0 ? <BodyState kind="empty" text={text} /> : null}
				<ListView
					rows={rows}
					cursor={cursor}
					height={listHeight}
					renderRow={renderRow}
					hidden={rows.length === 0}
				/>
			</>
		);
	}

	return (
		<Box flexDirection="column" height={height}>
			<FlowCodeKeys on="flows" flowId={selected?.id} />
			<FlowListHeader />
			<Box flexGrow={1} flexDirection="column">
				{body}
			</Box>
			<Box>
				{entry.filtering || entry.filter ? (
					<>
						<Text color={theme.accent}>/ </Text>
						<TextField value={entry.filter} focused={entry.filtering} width={40} />
					</>
				) : null}
				<Text color={theme.muted}>
					{' '}
					{rows.length > 0 ? `${groupDigits(cursor + 1)}/${groupDigits(rows.length)}` : ''}
					{entry.filter && rows.length === 0
						? `no match among ${groupDigits(all.length)}`
						: entry.filter
							? ` of ${groupDigits(all.length)}`
							: ''}
				</Text>
				{progress ? <Text color={theme.warning}> · {progress}</Text> : null}
				{isStale(resource) ? (
					<Text color={theme.warning}> · stale: reading the list again failed (ctrl+r tries again)</Text>
				) : null}
			</Box>
		</Box>
	);
}
