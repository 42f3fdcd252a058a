import { Box } from 'ink';
import { useEffect, useMemo } from 'react';
import {
	flowLabel,
	lastProviderReason,
	loadIdentityProviders,
	loadTenantIdentityProviders,
	providerRows,
	selectResource,
	targets,
} from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { RowProgress } from '../components/row-progress.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { SubList } from './sub-list.js';

/** Props of the identity-providers screen. */
export type IdentityProviderListScreenProps = { readonly flowId: string };

/** A flow's identity providers: `a` picks a tenant provider, `d` removes after y/n (never the last one). */
export function IdentityProviderListScreen({ flowId }: IdentityProviderListScreenProps) {
	const store = useStore();
	const theme = useTheme();
	const resource = useAppState((state) => selectResource(state, 'identityProviders', flowId));
	const flowName = useAppState((state) => flowLabel(state, flowId));
	const rows = useMemo(() => (resource.data ? providerRows(resource.data) : undefined), [resource.data]);
	useEffect(() => {
		void store.run(loadIdentityProviders(flowId));
	}, [store, flowId]);
	return (
		<SubList
			rows={rows}
			error={resource.error}
			loadingText="Loading identity providers…"
			emptyText="No identity providers on this flow — press a to add."
			header={
				<Box>
					<Cell width={2}> </Cell>
					<Cell width={32} bold>
						Name
					</Cell>
					<Cell width={26} bold>
						Id
					</Cell>
					<Cell grow bold>
						Type
					</Cell>
				</Box>
			}
			rowKey={(row) => row.id}
			target={(row) => targets.provider(flowId, row.id)}
			renderRow={(row, selected, verb) => (
				<>
					<Cell width={2} color={theme.accent}>
						{selected ? '❯' : ' '}
					</Cell>
					<Cell width={32} inverse={selected}>
						{row.name}
					</Cell>
					<Cell width={26} color={theme.muted}>
						{row.idText}
					</Cell>
					{verb ? <RowProgress verb={verb} /> : <Cell grow>{row.type}</Cell>}
				</>
			)}
			onAdd={() => {
				store.dispatch({
					type: 'overlay/opened',
					overlay: { kind: 'picker', picker: 'identityProviders', flowId },
				});
				void store.run(loadTenantIdentityProviders());
			}}
			onRemove={(row) =>
				store.dispatch({
					type: 'overlay/opened',
					overlay: {
						kind: 'confirm',
						message: `Remove the identity provider ${row.name} from “${flowName}”?`,
						intent: { type: 'removeIdentityProvider', flowId, providerId: row.id },
					},
				})
			}
			removeReason={(row) => (rows?.length === 1 ? lastProviderReason(row.name, flowName) : undefined)}
			onRefresh={() => void store.run(loadIdentityProviders(flowId, { force: true }))}
		/>
	);
}
