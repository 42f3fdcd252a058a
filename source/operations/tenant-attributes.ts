// The tenant's custom user-flow attributes: create one (its data type is for ever), describe it again, delete
// it once no flow collects it.
import { findUserFlowsCollecting } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import {
	type AttributeDataType,
	createTenantAttribute,
	deleteTenantAttribute,
	getTenantAttribute,
	updateTenantAttribute,
} from '../graph/tenant-attributes.js';
import type { UserFlowAttribute } from '../graph/types.js';
import { done, type Outcome, refused, unchanged } from './outcome.js';
import type { RefusalOf } from './refusals.js';
import { sendWrite } from './send-write.js';
import { attributeNameTaken, flowRef } from './tenant-reads.js';

/** Creates a custom attribute; a name the tenant has already is refused. */
export async function createCustomAttribute(
	client: GraphClient,
	attribute: {
		readonly displayName: string;
		readonly description?: string;
		readonly dataType: AttributeDataType;
	},
): Promise<Outcome<UserFlowAttribute, RefusalOf<'attributeNameTaken'>>> {
	if (client.dryRun) {
		const refusal = await attributeNameTaken(client, attribute.displayName);
		if (refusal) return refused(refusal);
	}
	const sent = await sendWrite(
		() => createTenantAttribute(client, attribute),
		() => attributeNameTaken(client, attribute.displayName),
	);
	return sent.ok ? done(sent.value, [], sent.answerLost) : sent.outcome;
}

/** Changes a custom attribute's description (all that can change); the same description is nothing to do. */
export async function describeCustomAttribute(
	client: GraphClient,
	attribute: UserFlowAttribute & { readonly id: string },
	description: string,
): Promise<Outcome<UserFlowAttribute, never>> {
	if ((attribute.description ?? '') === description) return unchanged('already');
	const sent = await sendWrite<void, never>(
		() => updateTenantAttribute(client, attribute.id, { description }),
		async () =>
			(await getTenantAttribute(client, attribute.id)).description === description ? 'done' : undefined,
	);
	return sent.ok ? done({ ...attribute, description }, [], sent.answerLost) : sent.outcome;
}

/** The flows that collect an attribute now, as a refusal to delete it; undefined when none does. */
export async function attributeInUse(
	client: GraphClient,
	attributeId: string,
): Promise<RefusalOf<'attributeInUse'> | undefined> {
	const flows = await findUserFlowsCollecting(client, attributeId);
	return flows.length > 0 ? { rule: 'attributeInUse', attributeId, flows: flows.map(flowRef) } : undefined;
}

/** True when the tenant no longer has the attribute (a read of it answers 404). */
async function attributeGone(client: GraphClient, attributeId: string): Promise<boolean> {
	try {
		await getTenantAttribute(client, attributeId);
		return false;
	} catch (error) {
		if (isGraphError(error) && error.status === 404) return true;
		throw error;
	}
}

/**
 * Deletes a custom attribute no flow collects (checked first: what the service does to flows that still
 * collect it is undocumented). Gone already (404) is nothing to do.
 */
export async function deleteCustomAttribute(
	client: GraphClient,
	attributeId: string,
): Promise<Outcome<undefined, RefusalOf<'attributeInUse'>>> {
	const inUse = await attributeInUse(client, attributeId);
	if (inUse) return refused(inUse);
	try {
		const sent = await sendWrite(
			() => deleteTenantAttribute(client, attributeId),
			async () => ((await attributeGone(client, attributeId)) ? 'done' : attributeInUse(client, attributeId)),
		);
		return sent.ok ? done(undefined, [], sent.answerLost) : sent.outcome;
	} catch (error) {
		// Gone: sent again after its answer was lost, this delete did it; else someone else did meanwhile.
		if (isGraphError(error) && error.status === 404)
			return error.retriedAfterLostAnswer ? done(undefined, [], true) : unchanged('meanwhile');
		throw error;
	}
}
