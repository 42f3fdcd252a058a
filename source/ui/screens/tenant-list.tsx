import { Box } from 'ink';
import type { ReactNode } from 'react';
import { type DisabledReason, hidden, useKeyActions } from '../../keys/input-router.js';
import type { ActionId } from '../../keys/keymap.js';
import type { Scope } from '../../keys/keymap-types.js';
import { type AppError, currentEntry } from '../../store/index.js';
import { useBodySize } from '../body-size.js';
import { BodyState } from '../components/body-state.js';
import { ListView } from '../components/list-view.js';
import { useListKeys } from '../hooks/use-list-keys.js';
import { busyReason, usePending } from '../hooks/use-pending.js';
import { useAppState } from '../store-context.js';

/** Props of a tenant-wide list (extensions, attributes). */
export type TenantListProps<T> = {
	readonly scope: Scope;
	readonly rows: readonly T[] | undefined;
	readonly error?: AppError;
	readonly loadingText: string;
	readonly emptyText: string;
	readonly header: ReactNode;
	readonly rowKey: (row: T) => string;
	/** The pending-write key of a row: while it is set, the row shows progress and its changes wait. */
	readonly target: (row: T) => string;
	readonly renderRow: (row: T, selected: boolean, verb: string | undefined) => ReactNode;
	/** The screen's own keys, for the selected row (undefined when the list is empty). */
	readonly actions: (selected: T | undefined) => Partial<Record<ActionId, () => void>>;
	/** Why a key does nothing for the selected row (checked before any request). */
	readonly disabled: (selected: T | undefined) => Partial<Record<ActionId, DisabledReason | undefined>>;
	/** Keys that change the selected row: disabled while a change to it is in flight. */
	readonly changes: readonly ActionId[];
	readonly onRefresh: () => void;
	/** What is shown of the selected row under the list, and how many lines it takes. */
	readonly detail: (selected: T) => ReactNode;
	readonly detailHeight: (selected: T | undefined) => number;
};

/** A selectable list over the whole tenant with a detail panel for the selected row, and the body states. */
export function TenantList<T>(props: TenantListProps<T>) {
	const { rows, rowKey, target } = props;
	const { height } = useBodySize();
	const entry = useAppState(currentEntry);
	const pending = usePending();
	const count = rows?.length ?? 0;
	const cursor = Math.min(entry.cursor, Math.max(0, count - 1));
	const selected = rows?.[cursor];
	// The list leaves room for the header (two lines) and, under it, the selected row's detail.
	const listHeight = Math.max(1, Math.min(count, height - 2 - props.detailHeight(selected)));
	const busy = selected !== undefined && pending.has(target(selected));
	const disabled: Partial<Record<ActionId, DisabledReason | undefined>> = {
		'item.open': hidden,
		...Object.fromEntries(
			props.changes.map((id) => [id, selected ? (busy ? busyReason : undefined) : hidden]),
		),
	};
	for (const [id, reason] of Object.entries(props.disabled(selected))) {
		disabled[id as ActionId] ??= reason;
	}
	useKeyActions(
		[props.scope, 'list'],
		{ ...useListKeys(count, listHeight), ...props.actions(selected), 'screen.refresh': props.onRefresh },
		{ disabled },
	);
	let body: ReactNode;
	if (!rows) {
		body = props.error ? (
			<BodyState kind="error" error={props.error} />
		) : (
			<BodyState kind="loading" text={props.loadingText} />
		);
	} else if (rows.length === 0) {
		body = <BodyState kind="empty" text={props.emptyText} />;
	} else {
		body = (
			<ListView
				rows={rows}
				cursor={cursor}
				height={listHeight}
				rowKey={rowKey}
				renderRow={(row, isSelected) => props.renderRow(row, isSelected, pending.get(target(row)))}
			/>
		);
	}
	return (
		<Box flexDirection="column" height={height}>
			{props.header}
			{body}
			{selected ? props.detail(selected) : null}
		</Box>
	);
}
