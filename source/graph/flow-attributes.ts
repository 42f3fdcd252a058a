import { getUserFlow } from './flows.js';
import type { GraphClient } from './graph-client.js';
import { isGraphError } from './graph-error.js';
import { flowAttributesPath, segment } from './paths.js';
import { fits, userFlowAttributeShape } from './shapes.js';
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
		// No $top: the v1.0 page lists the query options this takes and $top is not among them (beta adds it);
		// a flow's attributes are a handful, one page at any size.
		return await client.list<UserFlowAttribute>(flowAttributesPath(flowId), {
			permission: read,
			signal: options.signal,
			checkItem: fits(userFlowAttributeShape),
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

/** Stops collecting an attribute via `{id}/$ref` (the service may leave its page input behind). */
export async function removeFlowAttributeRef(
	client: GraphClient,
	flowId: string,
	attributeId: string,
): Promise<void> {
	await client.request('DELETE', `${flowAttributesPath(flowId)}/${segment(attributeId)}/$ref`, {
		permission: write,
	});
}
