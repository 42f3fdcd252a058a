import { defaultInputFor } from '../graph/default-input.js';
import type { NewUserFlow } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { listTenantAttributes } from '../graph/tenant-attributes.js';
import { CommandFailure } from './command.js';

/** The choices `flows create` was given. */
export type NewFlowChoices = {
	readonly displayName: string;
	readonly description?: string;
	readonly isSignUpAllowed: boolean;
	readonly providerIds: readonly string[];
	readonly attributeIds: readonly string[];
	readonly appIds: readonly string[];
};

/** Default provider when none is named: email with password, the portal's first choice. */
export const defaultProviderId = 'EmailPassword-OAUTH';

/** Turns the choices into a create request, checking attribute ids against the tenant first. */
export async function buildNewFlow(client: GraphClient, choices: NewFlowChoices): Promise<NewUserFlow> {
	const providerIds = choices.providerIds.length > 0 ? unique(choices.providerIds) : [defaultProviderId];
	let attributes: NewUserFlow['attributes'] = [];
	if (choices.attributeIds.length > 0) {
		const tenant = await listTenantAttributes(client);
		const byId = new Map(tenant.map((attribute) => [attribute.id ?? '', attribute]));
		const unknown = choices.attributeIds.filter((id) => !byId.has(id));
		if (unknown.length > 0) {
			throw new CommandFailure(
				`Unknown attribute${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
				`The tenant has: ${[...byId.keys()].join(', ')}. Create a custom one with \`entra-flows tenant attributes create\`.`,
			);
		}
		// Email sign-up always collects email, so it leads the page even when not named.
		const ids = unique(['email', ...choices.attributeIds]).filter((id) => byId.has(id));
		attributes = ids.map((id) => ({ id, input: defaultInputFor(byId.get(id) ?? { id }) }));
	}
	return {
		displayName: choices.displayName,
		description: choices.description,
		isSignUpAllowed: choices.isSignUpAllowed,
		identityProviderIds: providerIds,
		attributes,
		appIds: unique(choices.appIds),
	};
}

function unique(values: readonly string[]): string[] {
	return [...new Set(values)];
}
