import type { NewUserFlow } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { listTenantAttributes } from '../graph/tenant-attributes.js';
import { type NewFlowChoices, newFlowRequest, unknownAttributes } from '../operations/new-flow.js';
import { refusalFailure } from './refusal-words.js';

/** Turns the choices into a create request, checking attribute ids against the tenant first. */
export async function buildNewFlow(client: GraphClient, choices: NewFlowChoices): Promise<NewUserFlow> {
	const tenant = choices.attributeIds.length > 0 ? await listTenantAttributes(client) : [];
	const unknown = unknownAttributes(choices, tenant);
	if (unknown.length > 0) {
		throw refusalFailure(
			{
				rule: 'attributeNotInTenant',
				attributeIds: unknown,
				tenantAttributeIds: tenant.map((attribute) => attribute.id ?? ''),
			},
			{ creating: true },
		);
	}
	return newFlowRequest(choices, tenant);
}
