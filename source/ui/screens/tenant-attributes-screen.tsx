import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import {
	askDeleteAttribute,
	loadTenantOverview,
	openAttributeDescription,
	openNewAttribute,
	selectResource,
	type TenantAttributeRow,
	tenantAttributeRows,
} from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { TenantList } from './tenant-list.js';
import { TenantListHeader, TenantListRow } from './tenant-list-parts.js';

const columns = { name: 26, dataType: 9, kind: 10 };

const builtIn =
	'Built-in attributes belong to the service: only custom ones can be described again or deleted.';

/** The selected attribute's id, description and the flows that collect it. */
function AttributeDetail({ row }: { readonly row: TenantAttributeRow }) {
	const theme = useTheme();
	const field = (label: string, value: string) => (
		<Text wrap="truncate-end">
			<Text color={theme.muted}>{label.padEnd(14)}</Text>
			{value || '—'}
		</Text>
	);
	return (
		<Box flexDirection="column" marginTop={1}>
			{field('Id', row.id)}
			{field('Description', row.description)}
			{field('Collected by', row.collectedBy)}
			{row.custom ? (
				<Text color={theme.muted}>Its name and data type can never change; e changes the description.</Text>
			) : null}
		</Box>
	);
}

/** Every user-flow attribute of the tenant with data type, kind and the flows that collect it. */
export function TenantAttributesScreen() {
	const store = useStore();
	const theme = useTheme();
	const resource = useAppState((state) => selectResource(state, 'tenantOverview'));
	const rows = useMemo(
		() => (resource.data ? tenantAttributeRows(resource.data.attributes) : undefined),
		[resource.data],
	);
	// The tenant screen has read the tenant already: going there and back costs no request.
	useEffect(() => {
		void store.run(loadTenantOverview());
	}, [store]);
	return (
		<TenantList
			scope="tenant-attributes"
			rows={rows}
			error={resource.error}
			loadingText="Reading the tenant’s attributes…"
			emptyText="The tenant has no user-flow attributes — press n to create one."
			header={
				<TenantListHeader
					title={`User-flow attributes of the tenant (${rows?.length ?? 0})`}
					columns={[
						['Name', columns.name],
						['Data', columns.dataType],
						['Kind', columns.kind],
					]}
					last="Collected by"
				/>
			}
			rowKey={(row) => row.id}
			target={(row) => `tenant-attribute:${row.id}`}
			renderRow={(row, selected, verb) => (
				<TenantListRow name={row.name} nameWidth={columns.name} selected={selected} verb={verb}>
					<Cell width={columns.dataType}>{row.dataType}</Cell>
					<Cell width={columns.kind} color={row.custom ? undefined : theme.muted}>
						{row.custom ? 'custom' : 'built-in'}
					</Cell>
					<Cell grow color={theme.muted}>
						{row.collectedBy}
					</Cell>
				</TenantListRow>
			)}
			actions={(selected) => ({
				'tenantList.new': () => void store.run(openNewAttribute()),
				'tenantList.edit': () => selected && void store.run(openAttributeDescription(selected.id)),
				'tenantList.delete': () => selected && void store.run(askDeleteAttribute(selected.id)),
			})}
			disabled={(selected) => ({
				'tenantList.edit': selected && !selected.custom ? builtIn : undefined,
				'tenantList.delete': selected && !selected.custom ? builtIn : undefined,
			})}
			changes={['tenantList.edit', 'tenantList.delete']}
			onRefresh={() => void store.run(loadTenantOverview({ force: true }))}
			detail={(row) => <AttributeDetail row={row} />}
			detailHeight={(row) => (row?.custom ? 5 : 4)}
		/>
	);
}
