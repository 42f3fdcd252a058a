import type { NewUserFlow } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { listTenantAttributes } from '../graph/tenant-attributes.js';
import { listTenantIdentityProviders } from '../graph/tenant-providers.js';
import type { TenantKnown } from '../operations/flows.js';
import { type NewFlowChoices, newFlowRequest } from '../operations/new-flow.js';
import { nameTaken } from '../operations/tenant-reads.js';
import { resolveAppId, resolveAttributeId, resolveProviderId } from './resolve.js';

/**
 * Turns the choices into a create request: providers, attributes and apps named by id or name are resolved
 * against the tenant first (one read of each list), so a wrong name is said before anything is sent. What was
 * read comes back as `known`, so a dry run checks against it; a dry run also reads the providers (the default
 * one is checked too) and whether the name is taken, all side by side in one round trip.
 */
export async function buildNewFlow(
	client: GraphClient,
	choices: NewFlowChoices,
): Promise<{ readonly flow: NewUserFlow; readonly known: TenantKnown }> {
	const checking = client.dryRun === true;
	const nameCheck = checking ? nameTaken(client, choices.displayName) : undefined;
	// Settled now too, so a failed read of the lists never leaves this one rejected and unheard.
	nameCheck?.catch(() => undefined);
	const [providers, attributes] = await Promise.all([
		choices.providerIds.length > 0 || checking ? listTenantIdentityProviders(client) : [],
		choices.attributeIds.length > 0 ? listTenantAttributes(client) : [],
	]);
	// A flow offers its providers inline: the tenant's list stands in for one here, so names resolve without reads.
	const asFlow = {
		onAuthenticationMethodLoadStart: { identityProviders: providers },
		onAttributeCollection: { attributes },
	};
	const providerIds = await Promise.all(
		choices.providerIds.map((wanted) => resolveProviderId(client, asFlow, wanted)),
	);
	const attributeIds = await Promise.all(
		choices.attributeIds.map((wanted) => resolveAttributeId(client, asFlow, wanted, attributes)),
	);
	const appIds = await Promise.all((choices.appIds ?? []).map((wanted) => resolveAppId(client, wanted)));
	const flow = newFlowRequest({ ...choices, providerIds, attributeIds, appIds }, attributes);
	return {
		flow,
		known: {
			...(providers.length > 0 || checking ? { providers } : {}),
			...(attributeIds.length > 0 ? { attributes } : {}),
			...(nameCheck ? { nameTaken: nameCheck } : {}),
		},
	};
}
