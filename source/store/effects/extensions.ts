import { type ExtensionEvent, extensionEvent } from '../../graph/extensions.js';
import { sameId } from '../../graph/ids.js';
import type { ExtensionRefusal } from '../../operations/extension-refusals.js';
import {
	attachFlowExtension,
	detachFlowExtension,
	type FlowExtensions,
	readFlowExtensions,
	readTenantExtensions,
	type SavedExtension,
	validateExtension,
} from '../../operations/extensions.js';
import type { Outcome } from '../../operations/outcome.js';
import { display } from '../../text/sanitize.js';
import { flowLabel } from '../selectors.js';
import type { Effect } from '../store.js';
import { type LoadOptions, load, operate, type ReadBackOptions, readBackAfter } from './common.js';

/** The events as the screen names them. */
export const eventNames: Readonly<Record<ExtensionEvent, string>> = {
	start: 'attribute collection start',
	submit: 'attribute collection submit',
};

/** What the docs do not promise, said on the screen where detach is offered. */
export const detachNote =
	'Microsoft documents no way to detach an extension from a flow: d tries DELETE $ref, then PATCH null, and reads back.';

/** A flow's start and submit extensions. */
export function loadFlowExtensions(flowId: string, options?: ReadBackOptions<FlowExtensions>): Effect {
	return load(
		'flowExtensions',
		flowId,
		'Loading the custom extensions',
		(graph) => readFlowExtensions(graph, flowId),
		options,
	);
}

/** The tenant's attribute collection extensions (what can be attached). */
export function loadCustomExtensions(options?: LoadOptions): Effect {
	return load(
		'customExtensions',
		'',
		'Loading the tenant’s custom extensions',
		async (graph) => (await readTenantExtensions(graph)).forFlows,
		options,
	);
}

/** The status line's words for an extension rule. */
export function extensionRefusalText(refusal: ExtensionRefusal): string {
	switch (refusal.rule) {
		case 'extensionInUse':
			return `flows still run it: ${refusal.flows.map((flow) => `“${display(flow.displayName)}”`).join(', ')}; detach it there first`;
		case 'extensionWrongEvent':
			return refusal.serves
				? `it is an ${eventNames[refusal.serves]} extension, not ${eventNames[refusal.event]}`
				: 'it is not an attribute collection extension';
		case 'extensionNotForFlows':
			return 'only attribute collection extensions are changed here';
		case 'detachUnsupported':
			return `the service refused every way of detaching (${refusal.tried
				.map((tried) => `${tried.how}: ${tried.answer === 'ignored' ? 'ignored' : `HTTP ${tried.answer}`}`)
				.join(', ')}); attach another one instead`;
		default: {
			const never: never = refusal;
			return never;
		}
	}
}

/**
 * Re-reads the flow's extensions after a change; after one that was made, patiently until the flow runs
 * `runs` (an extension's id, or null for none) at `event`.
 */
function reread(
	context: Parameters<Effect>[0],
	flowId: string,
	outcome: Outcome<unknown, unknown>,
	change: { readonly event: ExtensionEvent; readonly runs: string | null },
) {
	const shows = (read: FlowExtensions) =>
		change.runs === null ? !read[change.event] : sameId(read[change.event]?.id, change.runs);
	return context.run(loadFlowExtensions(flowId, readBackAfter(outcome, shows)));
}

/** Attaches (or replaces) the flow's extension at `event`. */
export function attachExtension(flowId: string, event: ExtensionEvent, extension: SavedExtension): Effect {
	const self: Effect = async (context) => {
		const flow = flowLabel(context.getState(), flowId);
		const name = display(extension.displayName ?? extension.id);
		await operate(
			context,
			self,
			{
				id: `attach-extension:${flowId}:${event}`,
				verb: `Attaching ${name} to “${flow}”`,
				failure: `Could not attach ${name}`,
				target: `extension:${flowId}:${event}`,
			},
			() => attachFlowExtension(context.deps.graph, { id: flowId, displayName: flow }, event, extension),
			{
				done: (value) =>
					`“${flow}” runs ${name} at ${eventNames[event]}${value.previous ? ` (replacing ${display(value.previous.displayName ?? '')})` : ''}`,
				unchanged: () => `“${flow}” runs ${name} at ${eventNames[event]} already`,
				refused: extensionRefusalText,
			},
			(outcome) => reread(context, flowId, outcome, { event, runs: extension.id }),
		);
	};
	return self;
}

/** Detaches the flow's extension at `event`, where the service allows it. */
export function detachExtension(flowId: string, event: ExtensionEvent): Effect {
	const self: Effect = async (context) => {
		const flow = flowLabel(context.getState(), flowId);
		await operate(
			context,
			self,
			{
				id: `detach-extension:${flowId}:${event}`,
				verb: `Detaching the ${eventNames[event]} extension of “${flow}”`,
				failure: 'Could not detach the extension',
				target: `extension:${flowId}:${event}`,
			},
			() => detachFlowExtension(context.deps.graph, { id: flowId, displayName: flow }, event),
			{
				done: (value) =>
					`Detached ${display(value.detached.displayName ?? '')} from “${flow}” (by ${value.how}, read back)`,
				unchanged: () => `“${flow}” runs no extension at ${eventNames[event]}`,
				refused: extensionRefusalText,
			},
			(outcome) => reread(context, flowId, outcome, { event, runs: null }),
		);
	};
	return self;
}

/** The tenant's extensions an event takes (attribute collection start ones for start, submit ones for submit). */
export function extensionsOfEvent(
	extensions: readonly SavedExtension[] | undefined,
	event: ExtensionEvent,
): SavedExtension[] {
	return (extensions ?? []).filter((extension) => extensionEvent(extension) === event);
}

/** Asks the service to validate an extension's target URL and resource id (a read: nothing changes). */
export function validateExtensionOf(extensionId: string): Effect {
	return load(
		'extensionValidation',
		extensionId,
		'Validating the extension',
		(graph) => validateExtension(graph, { id: extensionId }),
		{ force: true },
	);
}
