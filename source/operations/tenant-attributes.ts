// The tenant's custom user-flow attributes: create one (its data type is for ever), describe it again, delete
// it once no flow collects it.
import { findUserFlowsCollecting } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import {
	type AttributeDataType,
	createTenantAttribute,
	deleteTenantAttribute,
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
	return sent.ok ? done(sent.value) : sent.outcome;
}

/** Changes a custom attribute's description (all that can change); the same description is nothing to do. */
export async function describeCustomAttribute(
	client: GraphClient,
	attribute: UserFlowAttribute & { readonly id: string },
	description: string,
): Promise<Outcome<UserFlowAttribute, never>> {
	if ((attribute.description ?? '') === description) return unchanged('already');
	const sent = await sendWrite<void, never>(() =>
		updateTenantAttribute(client, attribute.id, { description }),
	);
	return sent.ok ? done({ ...attribute, description }) : sent.outcome;
}

/** The flows that collect an attribute now, as a refusal to delete it; undefined when none does. */
export async function attributeInUse(
	client: GraphClient,
	attributeId: string,
): Promise<RefusalOf<'attributeInUse'> | undefined> {
	const flows = await findUserFlowsCollecting(client, attributeId);
	return flows.length > 0 ? { rule: 'attributeInUse', attributeId, flows: flows.map(flowRef) } : undefined;
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
			() => attributeInUse(client, attributeId),
		);
		return sent.ok ? done(undefined) : sent.outcome;
	} catch (error) {
		if ((error as { status?: number }).status === 404) return unchanged('meanwhile');
		throw error;
	}
}
