import type { GraphClient } from './graph-client.js';
import { isGraphError } from './graph-error.js';
import { largestPage } from './paging.js';
import { flowProvidersPath, segment } from './paths.js';
import { fits, identityProviderShape } from './shapes.js';
import type { IdentityProvider } from './types.js';

const read = 'EventListener.Read.All';
const write = 'EventListener.ReadWrite.All';

/** Lists the identity providers offered by a flow. */
export function listFlowIdentityProviders(
	client: GraphClient,
	flowId: string,
	options: { signal?: AbortSignal } = {},
): Promise<IdentityProvider[]> {
	return client.list<IdentityProvider>(flowProvidersPath(flowId), {
		top: largestPage,
		permission: read,
		signal: options.signal,
		checkItem: fits(identityProviderShape),
	});
}

/** The canonical address of a tenant identity provider on this client's service root. */
export function identityProviderReference(client: GraphClient, providerId: string): string {
	return `${client.baseUrl}/identity/identityProviders/${segment(providerId)}`;
}

/** Adds a tenant identity provider to a flow via `$ref`, sending the provider's canonical address first. */
export async function addFlowIdentityProvider(
	client: GraphClient,
	flowId: string,
	providerId: string,
): Promise<void> {
	const path = `${flowProvidersPath(flowId)}/$ref`;
	try {
		await client.request('POST', path, {
			body: { '@odata.id': identityProviderReference(client, providerId) },
			permission: write,
		});
	} catch (error) {
		// The docs' own example uses a beta URL without /identity/; try it once if the canonical form is refused.
		if (!isGraphError(error) || error.status !== 400 || !/odata\.id|reference|uri/i.test(error.message))
			throw error;
		const documented = `https://graph.microsoft.com/beta/identityProviders/${segment(providerId)}`;
		await client.request('POST', path, { body: { '@odata.id': documented }, permission: write });
	}
}

/** Removes an identity provider from a flow via `{id}/$ref`. */
export async function removeFlowIdentityProvider(
	client: GraphClient,
	flowId: string,
	providerId: string,
): Promise<void> {
	await client.request('DELETE', `${flowProvidersPath(flowId)}/${segment(providerId)}/$ref`, {
		permission: write,
	});
}
