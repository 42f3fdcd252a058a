import { Box } from 'ink';
import { useEffect, useMemo } from 'react';
import { useKeyActions } from '../../keys/input-router.js';
import {
	attributeRows,
	flowById,
	flowLabel,
	loadAttributes,
	loadTenantAttributes,
	loadUserFlow,
	selectResource,
	shortAttribute,
	shortInputType,
	targets,
} from '../../store/index.js';
import { Cell } from '../components/cell.js';
import { RowProgress } from '../components/row-progress.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { SubList } from './sub-list.js';

// Email is what email sign-up signs users up with, and the layout rules keep it on the page: say so before y.
// Fits 80 columns: the attribute column keeps what is left (custom ids shortened).
const columns = { label: 23, input: 12, required: 9 };

const emailWarning =
	' Warning: email sign-up needs the email attribute; without it new users cannot sign up with their email address (the page layout rules keep email on the page).';

function removeQuestion(
	row: { readonly id: string; readonly label: string; readonly idText: string },
	flow: string,
) {
	const warning = row.id.toLowerCase() === 'email' ? emailWarning : '';
	return `Stop collecting ${row.label} (${row.idText}) on “${flow}”? Its input leaves the sign-up page.${warning}`;
}

/** Props of the attributes screen. */
export type AttributeListScreenProps = { readonly flowId: string };

/** A flow's attributes in page order with label, required and input type; `a` adds, `d` removes after y/n. */
export function AttributeListScreen({ flowId }: AttributeListScreenProps) {
	const store = useStore();
	const theme = useTheme();
	const resource = useAppState((state) => selectResource(state, 'attributes', flowId));
	const flow = useAppState((state) => flowById(state, flowId));
	const flowName = useAppState((state) => flowLabel(state, flowId));
	const rows = useMemo(
		() => (resource.data ? attributeRows(resource.data, flow) : undefined),
		[resource.data, flow],
	);
	useKeyActions(['attributes'], {
		'flow.layout': () => store.dispatch({ type: 'route/pushed', route: { id: 'user-flow/layout', flowId } }),
	});
	useEffect(() => {
		void store.run(loadAttributes(flowId));
		// Page order and labels come from the flow, which the detail screen has already read (no request).
		void store.run(loadUserFlow(flowId));
	}, [store, flowId]);
	return (
		<SubList
			rows={rows}
			error={resource.error}
			loadingText="Loading attributes…"
			emptyText="This flow collects no attributes — press a to add."
			header={
				<Box>
					<Cell width={2}> </Cell>
					<Cell width={columns.label} bold>
						Label
					</Cell>
					<Cell width={columns.input} bold>
						Input
					</Cell>
					<Cell width={columns.required} bold>
						Required
					</Cell>
					<Cell grow bold>
						Attribute
					</Cell>
				</Box>
			}
			rowKey={(row) => row.id}
			target={(row) => targets.attribute(flowId, row.id)}
			renderRow={(row, selected, verb) => (
				<>
					<Cell width={2} color={theme.accent}>
						{selected ? '❯' : ' '}
					</Cell>
					<Cell width={columns.label} inverse={selected}>
						{row.label}
					</Cell>
					{verb ? (
						<RowProgress verb={verb} />
					) : (
						<>
							<Cell width={columns.input}>{shortInputType(row.inputType) || '—'}</Cell>
							<Cell width={columns.required}>{row.required ? 'yes' : 'no'}</Cell>
							<Cell grow color={theme.muted}>
								{shortAttribute(row.idText)}
								{row.dataType ? ` (${row.dataType})` : ''}
							</Cell>
						</>
					)}
				</>
			)}
			onAdd={() => {
				store.dispatch({ type: 'overlay/opened', overlay: { kind: 'picker', picker: 'attributes', flowId } });
				void store.run(loadTenantAttributes());
			}}
			onRemove={(row) =>
				store.dispatch({
					type: 'overlay/opened',
					overlay: {
						kind: 'confirm',
						message: removeQuestion(row, flowName),
						intent: { type: 'removeAttribute', flowId, attributeId: row.id },
					},
				})
			}
			// Reads the flow again, once: it carries the attributes, their page order and labels.
			onRefresh={() => void store.run(loadAttributes(flowId, { force: true }))}
		/>
	);
}
