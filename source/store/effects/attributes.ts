import * as api from '../../graph/flow-attributes.js';
import { listTenantAttributes } from '../../graph/tenant-attributes.js';
import * as ops from '../../operations/attributes.js';
import type { Outcome } from '../../operations/outcome.js';
import { display } from '../../text/sanitize.js';
import { flowById, flowLabel, selectResource, targets } from '../selectors.js';
import type { AppState, ResourceData } from '../state.js';
import type { Effect } from '../store.js';
import { type LoadOptions, load, operate, type ReadBackOptions, readBackAfter } from './common.js';
import { loadSection } from './flow-sections.js';
import { refusalText } from './refusal-text.js';

/** A flow's attributes, from the flow (held: no request; forced: the flow read again, with page order and labels). */
export function loadAttributes(
	flowId: string,
	options?: ReadBackOptions<ResourceData['attributes']>,
): Effect {
	return loadSection(
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

/**
 * Re-reads what an attribute change touched: the flow, once, which carries the sub-list and the page; after a
 * change that was made, patiently until the flow shows it (`collects`: whether it should collect it now).
 */
async function reread(
	context: Parameters<Effect>[0],
	flowId: string,
	outcome: Outcome<unknown, unknown>,
	change: { readonly attributeId: string; readonly collects: boolean },
) {
	const shows = (list: ResourceData['attributes']) =>
		list.some((attribute) => attribute.id === change.attributeId) === change.collects;
	await context.run(loadAttributes(flowId, readBackAfter(outcome, shows)));
}

/** The flow's attributes as last read. */
const collected = (state: AppState, flowId: string) =>
	flowById(state, flowId)?.onAttributeCollection?.attributes;

/** Collects a tenant attribute on the flow's sign-up page (the service appends its input). */
export function addAttribute(flowId: string, attributeId: string): Effect {
	const self: Effect = async (context) => {
		const state = context.getState();
		const name = attributeName(state, flowId, attributeId);
		const flow = flowLabel(state, flowId);
		await operate(
			context,
			self,
			{
				id: `add-attribute:${flowId}:${attributeId}`,
				verb: `Adding ${name} to “${flow}”`,
				failure: `Could not add ${name}`,
				target: targets.attribute(flowId, attributeId),
			},
			() =>
				ops.addAttribute(context.deps.graph, { flowId, attributeId, collected: collected(state, flowId) }),
			{
				done: () => `Added ${attributeName(context.getState(), flowId, attributeId)} to “${flow}”`,
				unchanged: (why) =>
					why === 'meanwhile'
						? `“${flow}” collects ${name} already (added meanwhile)`
						: `“${flow}” collects ${name} already`,
				refused: (refusal) => refusalText(refusal, { flow }),
			},
			(outcome) => reread(context, flowId, outcome, { attributeId, collects: true }),
		);
	};
	return self;
}

/** Stops collecting an attribute (and takes its input off the page if the service left it). */
export function removeAttribute(flowId: string, attributeId: string): Effect {
	const self: Effect = async (context) => {
		const state = context.getState();
		const name = attributeName(state, flowId, attributeId);
		const flow = flowLabel(state, flowId);
		await operate(
			context,
			self,
			{
				id: `remove-attribute:${flowId}:${attributeId}`,
				verb: `Removing ${name} from “${flow}”`,
				failure: `Could not remove ${name}`,
				target: targets.attribute(flowId, attributeId),
			},
			() =>
				ops.removeAttribute(context.deps.graph, { flowId, attributeId, collected: collected(state, flowId) }),
			{
				done: () => `Removed ${name} from “${flow}”`,
				unchanged: (why) =>
					why === 'meanwhile'
						? `“${flow}” no longer collects ${name} (removed meanwhile)`
						: `“${flow}” does not collect ${name}`,
				partial: () => `Removed ${name} from “${flow}”, but its page input could not be taken off the page.`,
			},
			(outcome) => reread(context, flowId, outcome, { attributeId, collects: false }),
		);
	};
	return self;
}
