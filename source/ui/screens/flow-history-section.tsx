import { Box, Text } from 'ink';
import { useEffect } from 'react';
import { historyLines, loadFlowHistory, selectResource } from '../../store/index.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';

/** Props of a flow's History section. */
export type FlowHistorySectionProps = { readonly flowId: string; readonly maxLines?: number };

/** Who changed the flow and what, newest first, from the audit log; read again after the flow is. */
export function FlowHistorySection({ flowId, maxLines = 5 }: FlowHistorySectionProps) {
	const store = useStore();
	const theme = useTheme();
	const resource = useAppState((state) => selectResource(state, 'flowHistory', flowId));
	// Read again whenever the flow was read since (a write re-reads it); otherwise served from the cache.
	const flowRead = useAppState((state) => selectResource(state, 'userFlow', flowId).fetchedAt ?? 0);
	const stale = resource.fetchedAt !== undefined && flowRead > resource.fetchedAt;
	useEffect(() => {
		void store.run(loadFlowHistory(flowId, { force: stale }));
	}, [store, flowId, stale]);
	const lines = resource.error
		? [`The history could not be read: ${resource.error.message}`]
		: historyLines(resource.data);
	return (
		<Box flexDirection="column">
			<Text> </Text>
			<Text bold>History</Text>
			{lines.slice(0, maxLines).map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity beyond their place
				<Text key={index} wrap="truncate-end" color={line.startsWith('    ') ? theme.muted : undefined}>
					{`  ${line}`}
				</Text>
			))}
		</Box>
	);
}
