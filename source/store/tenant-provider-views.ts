// What the tenant's identity providers screen shows, as sanitized rows: the screen only lays them out.

import { sameId } from '../graph/ids.js';
import type { IdentityProvider } from '../graph/types.js';
import type { TenantItem } from '../operations/tenant-overview.js';
import { providerKind } from '../operations/tenant-providers.js';
import { display } from '../text/sanitize.js';

/** One provider as the providers screen shows it. */
export type TenantProviderRow = {
	readonly id: string;
	readonly name: string;
	/** Google, Facebook, Apple, custom OIDC, or the built-in kind. */
	readonly type: string;
	/** Built-in providers (local accounts) belong to the service: they cannot be changed or deleted. */
	readonly configurable: boolean;
	readonly offeredBy: string;
};

function typeOf(provider: IdentityProvider): string {
	const kind = providerKind(provider);
	if (kind === 'apple') return 'Apple';
	if (kind === 'oidc') return 'custom OIDC';
	return display(
		provider.identityProviderType ?? provider['@odata.type']?.replace('#microsoft.graph.', '') ?? '',
	);
}

/** The providers screen's rows: the tenant's providers, with the flows that offer each (from the overview). */
export function tenantProviderRows(
	providers: readonly IdentityProvider[],
	overview: readonly TenantItem[],
): TenantProviderRow[] {
	return providers.map((provider) => {
		const flows = overview.find((item) => sameId(item.id, provider.id))?.flows ?? [];
		return {
			id: display(provider.id ?? ''),
			name: display(provider.displayName ?? provider.id ?? ''),
			type: typeOf(provider),
			configurable: providerKind(provider) !== undefined,
			offeredBy: flows.map((name) => `“${display(name)}”`).join(', ') || 'no flow',
		};
	});
}
