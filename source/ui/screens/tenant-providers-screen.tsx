import { useEffect, useMemo } from 'react';
import {
	askDeleteProvider,
	loadTenantIdentityProviders,
	loadTenantOverview,
	openProviderForm,
	selectResource,
	tenantProviderRows,
} from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { TenantList } from './tenant-list.js';
import { TenantListDetail, TenantListHeader, TenantListRow } from './tenant-list-parts.js';

const columns = { name: 28, type: 14 };

const builtIn =
	'Built-in providers belong to the service: a flow offers them or not, they cannot be changed or deleted.';

/** The tenant's identity providers with their type and the flows that offer each. */
export function TenantProvidersScreen() {
	const store = useStore();
	const theme = useTheme();
	const overview = useAppState((state) => selectResource(state, 'tenantOverview'));
	const providers = useAppState((state) => selectResource(state, 'tenantIdentityProviders'));
	const rows = useMemo(
		() =>
			providers.data && overview.data
				? tenantProviderRows(providers.data, overview.data.providers)
				: undefined,
		[providers.data, overview.data],
	);
	// Both reads are held when the tenant screen or a picker has made them: going there and back costs none.
	useEffect(() => {
		void store.run(loadTenantOverview());
		void store.run(loadTenantIdentityProviders());
	}, [store]);
	return (
		<TenantList
			scope="tenant-providers"
			rows={rows}
			error={providers.error ?? overview.error}
			loadingText="Reading the tenant’s identity providers…"
			emptyText="The tenant has no identity providers."
			header={
				<TenantListHeader
					title={`Identity providers of the tenant (${rows?.length ?? 0})`}
					columns={[
						['Name', columns.name],
						['Type', columns.type],
					]}
					last="Offered by"
				/>
			}
			rowKey={(row) => row.id}
			target={(row) => `tenant-provider:${row.id}`}
			renderRow={(row, selected, verb) => (
				<TenantListRow name={row.name} nameWidth={columns.name} selected={selected} verb={verb}>
					<Cell width={columns.type} color={row.configurable ? undefined : theme.muted}>
						{row.type}
					</Cell>
					<Cell grow color={theme.muted}>
						{row.offeredBy}
					</Cell>
				</TenantListRow>
			)}
			actions={(selected) => ({
				'tenantList.new': () => void store.run(openProviderForm()),
				'tenantList.edit': () => selected && void store.run(openProviderForm({ providerId: selected.id })),
				'tenantList.delete': () => selected && void store.run(askDeleteProvider(selected.id)),
			})}
			disabled={(selected) => ({
				'tenantList.edit': selected && !selected.configurable ? builtIn : undefined,
				'tenantList.delete': selected && !selected.configurable ? builtIn : undefined,
			})}
			changes={['tenantList.new', 'tenantList.edit', 'tenantList.delete']}
			onRefresh={() => {
				void store.run(loadTenantOverview({ force: true }));
				void store.run(loadTenantIdentityProviders({ force: true }));
			}}
			detail={(row) => (
				<TenantListDetail
					fields={[
						['Id', row.id],
						['Offered by', row.offeredBy],
					]}
				/>
			)}
			detailHeight={() => 3}
		/>
	);
}
