import { getUserFlow, updateUserFlow } from './flows.js';
import type { GraphClient } from './graph-client.js';
import { isGraphError } from './graph-error.js';
import { flowAttributesPath, segment } from './paths.js';
import type { PageInput, UserFlow, UserFlowAttribute } from './types.js';

const read = 'EventListener.Read.All';
const write = 'EventListener.ReadWrite.All';

/** The inputs of a flow's sign-up page, in display order (all views flattened). */
export function pageInputs(flow: UserFlow): PageInput[] {
	const views = flow.onAttributeCollection?.attributeCollectionPage?.views ?? [];
	return views.flatMap((view) => [...(view.inputs ?? [])]);
}

/** Lists a flow's attributes; the documented 400-for-none becomes an empty list once the flow confirms it. */
export async function listFlowAttributes(
	client: GraphClient,
	flowId: string,
	options: { signal?: AbortSignal } = {},
): Promise<UserFlowAttribute[]> {
	try {
		return await client.list<UserFlowAttribute>(flowAttributesPath(flowId), {
			permission: read,
			signal: options.signal,
		});
	} catch (error) {
		if (!isGraphError(error) || error.status !== 400) throw error;
		// Only an empty onAttributeCollection turns the 400 into "no attributes"; any other 400 is real.
		const flow = await getUserFlow(client, flowId, options);
		if ((flow.onAttributeCollection?.attributes ?? []).length === 0) return [];
		throw error;
	}
}

/** The canonical address of a tenant user-flow attribute. */
export function attributeReference(client: GraphClient, attributeId: string): string {
	return `${client.baseUrl}/identity/userFlowAttributes/${segment(attributeId)}`;
}

/** Adds a tenant attribute to a flow via `$ref`; the service appends a default page input. */
export async function addFlowAttribute(
	client: GraphClient,
	flowId: string,
	attributeId: string,
): Promise<void> {
	await client.request('POST', `${flowAttributesPath(flowId)}/$ref`, {
		body: { '@odata.id': attributeReference(client, attributeId) },
		permission: write,
	});
}

/** What removing an attribute did, step by step. */
export type RemoveAttributeResult = {
	/** True when the input stayed on the page after the $ref removal and a PATCH took it off. */
	readonly inputRemovedByPatch: boolean;
};

/**
 * Removes an attribute via `{id}/$ref`, then re-reads the flow and drops its page input only if the
 * service left it there (graph-api.md §3.3 documents both behaviours).
 */
export async function removeFlowAttribute(
	client: GraphClient,
	flowId: string,
	attributeId: string,
): Promise<RemoveAttributeResult> {
	await client.request('DELETE', `${flowAttributesPath(flowId)}/${segment(attributeId)}/$ref`, {
		permission: write,
	});
	const flow = await getUserFlow(client, flowId);
	const inputs = pageInputs(flow);
	if (!inputs.some((input) => input.attribute === attributeId)) return { inputRemovedByPatch: false };
	// In a dry run the $ref removal was not sent, so the re-read always shows the input: say when this applies.
	await updateUserFlow(
		client,
		flowId,
		{ inputs: inputs.filter((input) => input.attribute !== attributeId) },
		{ note: 'only if the service leaves the input on the page after removing the attribute' },
	);
	return { inputRemovedByPatch: true };
}
