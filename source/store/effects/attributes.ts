import * as api from '../../graph/flow-attributes.js';
import { isGraphError } from '../../graph/graph-error.js';
import { sameId } from '../../graph/ids.js';
import { listTenantAttributes } from '../../graph/tenant-attributes.js';
import { display } from '../../text/sanitize.js';
import { isUnauthenticated, toAppError } from '../errors.js';
import { flowById, flowLabel, selectResource, targets } from '../selectors.js';
import type { AppState } from '../state.js';
import type { Effect } from '../store.js';
import { type LoadOptions, load, write } from './common.js';
import { loadUserFlow } from './flows.js';

/** A flow's attributes (page order and labels come from the flow itself). */
export function loadAttributes(flowId: string, options?: LoadOptions): Effect {
	return load(
		'attributes',
		flowId,
		'Loading attributes',
		(graph) => api.listFlowAttributes(graph, flowId),
		options,
	);
}

/** The tenant's user-flow attributes, built-in and custom. */
export function loadTenantAttributes(options?: LoadOptions): Effect {
	return load(
		'tenantAttributes',
		'',
		'Loading the tenant’s attributes',
		(graph) => listTenantAttributes(graph),
		options,
	);
}

function attributeName(state: AppState, flowId: string, attributeId: string): string {
	const known =
		selectResource(state, 'attributes', flowId).data?.find((a) => a.id === attributeId) ??
		selectResource(state, 'tenantAttributes').data?.find((a) => a.id === attributeId);
	return display(known?.displayName ?? attributeId);
}

/** True when the flow, as last read, collects the attribute (ids compare ignoring case). */
function collects(state: AppState, flowId: string, attributeId: string): boolean {
	const collected = flowById(state, flowId)?.onAttributeCollection?.attributes ?? [];
	return collected.some((attribute) => sameId(attribute.id, attributeId));
}

async function reread(context: Parameters<Effect>[0], flowId: string) {
	await Promise.all([
		context.run(loadAttributes(flowId, { force: true })),
		context.run(loadUserFlow(flowId, { force: true })),
	]);
}

/** Collects a tenant attribute on the flow's sign-up page (the service appends its input). */
export function addAttribute(flowId: string, attributeId: string): Effect {
	const self: Effect = async (context) => {
		const name = attributeName(context.getState(), flowId, attributeId);
		const flow = flowLabel(context.getState(), flowId);
		await write(
			context,
			self,
			{
				id: `add-attribute:${flowId}:${attributeId}`,
				verb: `Adding ${name} to “${flow}”`,
				failure: `Could not add ${name}`,
				target: targets.attribute(flowId, attributeId),
				explain: async () => {
					await reread(context, flowId);
					return collects(context.getState(), flowId, attributeId)
						? `“${flow}” collects it already (added meanwhile)`
						: undefined;
				},
			},
			async () => {
				await api.addFlowAttribute(context.deps.graph, flowId, attributeId);
				await reread(context, flowId);
				return `Added ${attributeName(context.getState(), flowId, attributeId)} to “${flow}”`;
			},
		);
	};
	return self;
}

/** Stops collecting an attribute (and takes its input off the page if the service left it). */
export function removeAttribute(flowId: string, attributeId: string): Effect {
	const self: Effect = async (context) => {
		const name = attributeName(context.getState(), flowId, attributeId);
		const flow = flowLabel(context.getState(), flowId);
		await write(
			context,
			self,
			{
				id: `remove-attribute:${flowId}:${attributeId}`,
				verb: `Removing ${name} from “${flow}”`,
				failure: `Could not remove ${name}`,
				target: targets.attribute(flowId, attributeId),
				explain: async () => {
					await reread(context, flowId);
					return collects(context.getState(), flowId, attributeId)
						? undefined
						: `“${flow}” no longer collects it (removed meanwhile)`;
				},
			},
			async () => {
				try {
					await api.removeFlowAttribute(context.deps.graph, flowId, attributeId);
				} catch (error) {
					// The removal itself failed (the $ref DELETE): nothing was done, and explain says why.
					if (isUnauthenticated(error) || (isGraphError(error) && error.method === 'DELETE')) throw error;
					// The $ref removal may have worked and only the page-input PATCH failed: say exactly that.
					await reread(context, flowId);
					const still = selectResource(context.getState(), 'attributes', flowId).data?.some(
						(attribute) => attribute.id === attributeId,
					);
					if (still !== false) throw error;
					context.dispatch({
						type: 'flash/shown',
						level: 'warning',
						text: `Removed ${name} from “${flow}”, but its page input could not be taken off the page.`,
						error: toAppError(error),
					});
					return undefined;
				}
				await reread(context, flowId);
				return `Removed ${name} from “${flow}”`;
			},
		);
	};
	return self;
}
