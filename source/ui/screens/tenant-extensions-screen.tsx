import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import {
	askDeleteExtension,
	type ExtensionRow,
	extensionRows,
	loadTenantExtensions,
	openExtensionForm,
	type Resource,
	selectResource,
	type ValidationResult,
	validateExtensionOf,
} from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { ValidationFindings } from '../components/validation-findings.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { TenantList } from './tenant-list.js';
import { TenantListHeader, TenantListRow } from './tenant-list-parts.js';

const columns = { name: 28, kind: 34 };

const readOnly =
	'Only attribute collection start and submit extensions are changed here; the other kinds are shown read-only.';

/** Lines a validation's result takes under the detail (its verdict, a margin, one per finding). */
function validationHeight(validation: Resource<ValidationResult> | undefined): number {
	if (!validation || validation.status === 'idle') return 0;
	if (validation.status !== 'ready' || !validation.data) return 2;
	return 2 + validation.data.errors.length + validation.data.warnings.length;
}

/** The selected extension in full, and its validation once asked for. */
function ExtensionDetail({ row }: { readonly row: ExtensionRow }) {
	const theme = useTheme();
	const validation = useAppState((state) => selectResource(state, 'extensionValidation', row.id));
	const field = (label: string, value: string) => (
		<Text wrap="truncate-end">
			<Text color={theme.muted}>{label.padEnd(13)}</Text>
			{value || '—'}
		</Text>
	);
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold wrap="truncate-end">
				{row.name} <Text color={theme.muted}>({row.id})</Text>
			</Text>
			{field('Target URL', row.targetUrl)}
			{field('Resource id', row.resourceId)}
			{field('Timeout', `${row.timeout} · retries ${row.retries}`)}
			{field('Description', row.description)}
			{field('Used by', row.usedBy)}
			<ValidationFindings subject={row.name} resource={validation} />
		</Box>
	);
}

/** Every custom authentication extension of the tenant, with the flows that run each; create, change, delete, validate. */
export function TenantExtensionsScreen() {
	const store = useStore();
	const theme = useTheme();
	const resource = useAppState((state) => selectResource(state, 'tenantExtensions'));
	const rows = useMemo(() => (resource.data ? extensionRows(resource.data) : undefined), [resource.data]);
	const validations = useAppState((state) => state.resources.extensionValidation);
	useEffect(() => {
		void store.run(loadTenantExtensions());
	}, [store]);
	return (
		<TenantList
			scope="tenant-extensions"
			rows={rows}
			error={resource.error}
			loadingText="Reading the tenant’s custom extensions…"
			emptyText="The tenant has no custom authentication extensions — press n to create one."
			header={
				<TenantListHeader
					title={`Custom authentication extensions of the tenant (${rows?.length ?? 0})`}
					columns={[
						['Name', columns.name],
						['Type', columns.kind],
					]}
					last="Used by"
				/>
			}
			rowKey={(row) => row.id}
			target={(row) => `tenant-extension:${row.id}`}
			renderRow={(row, selected, verb) => (
				<TenantListRow name={row.name} nameWidth={columns.name} selected={selected} verb={verb}>
					<Cell width={columns.kind} color={row.writable ? undefined : theme.muted}>
						{row.kind}
					</Cell>
					<Cell grow color={theme.muted}>
						{row.usedBy}
					</Cell>
				</TenantListRow>
			)}
			actions={(selected) => ({
				'tenantList.new': () => void store.run(openExtensionForm()),
				'tenantList.edit': () => selected && void store.run(openExtensionForm(selected.id)),
				'tenantList.delete': () => selected && void store.run(askDeleteExtension(selected.id)),
				'tenantList.validate': () => selected && void store.run(validateExtensionOf(selected.id)),
			})}
			disabled={(selected) => ({
				'tenantList.edit': selected && !selected.writable ? readOnly : undefined,
				'tenantList.delete': selected && !selected.writable ? readOnly : undefined,
			})}
			changes={['tenantList.edit', 'tenantList.delete', 'tenantList.validate']}
			onRefresh={() => void store.run(loadTenantExtensions({ force: true }))}
			detail={(row) => <ExtensionDetail row={row} />}
			detailHeight={(row) => 7 + validationHeight(row ? validations[row.id] : undefined)}
		/>
	);
}
