import { Box } from 'ink';
import type { ReactNode } from 'react';
import { hidden, useKeyActions } from '../../keys/input-router.js';
import { type AppError, currentEntry } from '../../store/index.js';
import { useBodySize } from '../body-size.js';
import { BodyState } from '../components/body-state.js';
import { ListView } from '../components/list-view.js';
import { useListKeys } from '../hooks/use-list-keys.js';
import { busyReason, usePending } from '../hooks/use-pending.js';
import { useAppState } from '../store-context.js';

/** Props of a flow's sub-list (identity providers, attributes, applications). */
export type SubListProps<T> = {
	readonly rows: readonly T[] | undefined;
	readonly error?: AppError;
	readonly loadingText: string;
	readonly emptyText: string;
	readonly header: ReactNode;
	readonly rowKey: (row: T) => string;
	/** The pending-write key of a row (selectors' targets). */
	readonly target: (row: T) => string;
	readonly renderRow: (row: T, selected: boolean, verb: string | undefined) => ReactNode;
	readonly onAdd: () => void;
	readonly onRemove: (row: T) => void;
	/** Why this row cannot be removed (checked before any request). */
	readonly removeReason?: (row: T) => string | undefined;
	readonly onRefresh: () => void;
};

/** A list with `a` add and `d` remove, inline progress on rows being changed, and the body states. */
export function SubList<T>(props: SubListProps<T>) {
	const { rows, error, rowKey, target } = props;
	const { height } = useBodySize();
	const entry = useAppState(currentEntry);
	const pending = usePending();
	const count = rows?.length ?? 0;
	const cursor = Math.min(entry.cursor, Math.max(0, count - 1));
	const selected = rows?.[cursor];
	const listHeight = Math.max(1, height - 1);
	const removeBlocked = !selected
		? hidden
		: pending.has(target(selected))
			? busyReason
			: props.removeReason?.(selected);
	useKeyActions(
		['sublist', 'list'],
		{
			...useListKeys(count, listHeight),
			'item.add': props.onAdd,
			'item.remove': () => selected && props.onRemove(selected),
			'screen.refresh': props.onRefresh,
		},
		{
			disabled: { 'item.remove': removeBlocked, 'item.open': hidden, 'item.add': rows ? undefined : hidden },
		},
	);

	let body: ReactNode;
	if (!rows) {
		body = error ? (
			<BodyState kind="error" error={error} />
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
		</Box>
	);
}
