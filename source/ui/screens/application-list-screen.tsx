import { Box } from 'ink';
import { useEffect, useMemo } from 'react';
import {
	applicationRows,
	flowById,
	flowLabel,
	linkedAppIds,
	loadApplications,
	loadUserFlow,
	selectResource,
	targets,
} from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { RowProgress } from '../components/row-progress.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { SubList } from './sub-list.js';

/** Props of the applications screen. */
export type ApplicationListScreenProps = { readonly flowId: string };

/** The apps that use a flow, named from the tenant's applications; `a` links, `d` unlinks after y/n. */
export function ApplicationListScreen({ flowId }: ApplicationListScreenProps) {
	const store = useStore();
	const theme = useTheme();
	const flow = useAppState((state) => flowById(state, flowId));
	const flowResource = useAppState((state) => selectResource(state, 'userFlow', flowId));
	const applications = useAppState((state) => selectResource(state, 'applications'));
	const flowName = useAppState((state) => flowLabel(state, flowId));
	const rows = useMemo(
		() => (flow ? applicationRows(linkedAppIds(flow), applications.data) : undefined),
		[flow, applications.data],
	);
	useEffect(() => {
		// The linked appIds come with the flow (already read by the detail screen); names cost one request.
		void store.run(loadUserFlow(flowId));
		void store.run(loadApplications());
	}, [store, flowId]);
	return (
		<SubList
			rows={rows}
			error={flowResource.error}
			loadingText="Loading applications…"
			emptyText="No applications use this flow — press a to link one."
			header={
				<Box>
					<Cell width={2}> </Cell>
					<Cell width={38} bold>
						Application
					</Cell>
					<Cell grow bold>
						Application (client) id
					</Cell>
				</Box>
			}
			rowKey={(row) => row.appId}
			target={(row) => targets.application(flowId, row.appId)}
			renderRow={(row, selected, verb) => (
				<>
					<Cell width={2} color={theme.accent}>
						{selected ? '❯' : ' '}
					</Cell>
					<Cell width={38} inverse={selected}>
						{row.name}
					</Cell>
					{verb ? (
						<RowProgress verb={verb} />
					) : (
						<Cell grow color={theme.muted}>
							{row.appIdText}
						</Cell>
					)}
				</>
			)}
			onAdd={() => {
				store.dispatch({
					type: 'overlay/opened',
					overlay: { kind: 'picker', picker: 'applications', flowId },
				});
				void store.run(loadApplications());
			}}
			onRemove={(row) =>
				store.dispatch({
					type: 'overlay/opened',
					overlay: {
						kind: 'confirm',
						message: `Unlink ${row.name} from “${flowName}”? Its users will no longer get this sign-up flow.`,
						intent: { type: 'unlinkApplication', flowId, appId: row.appId },
					},
				})
			}
			onRefresh={() => {
				void store.run(loadUserFlow(flowId, { force: true }));
				void store.run(loadApplications({ force: true }));
			}}
		/>
	);
}
