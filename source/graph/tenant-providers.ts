import type { GraphClient } from './graph-client.js';
import { largestPage } from './paging.js';
import { fits, identityProviderShape } from './shapes.js';
import type { IdentityProvider } from './types.js';

/** Lists the identity providers configured in the tenant. */
export function listTenantIdentityProviders(
	client: GraphClient,
	options: { signal?: AbortSignal } = {},
): Promise<IdentityProvider[]> {
	return client.list<IdentityProvider>('/identity/identityProviders', {
		top: largestPage,
		permission: 'IdentityProvider.Read.All',
		signal: options.signal,
		checkItem: fits(identityProviderShape),
	});
}
