import type { GraphClient } from './graph-client.js';
import { fits, organizationShape } from './shapes.js';
import type { Organization } from './types.js';

/** The tenant's organization: id and verifiedDomains, whose initial domain names its customer sign-in host. */
export async function getOrganization(
	client: GraphClient,
	options: { signal?: AbortSignal } = {},
): Promise<Organization> {
	const organizations = await client.list<Organization>('/organization', {
		// Delegated sign-ins pass with User.Read too (see permissions.ts).
		permission: 'Organization.Read.All',
		query: { $select: 'id,verifiedDomains' },
		checkItem: fits(organizationShape),
		signal: options.signal,
	});
	return organizations[0] ?? {};
}

/** The initial domain (`contoso.onmicrosoft.com`), or undefined when the organization names none. */
export function initialDomain(organization: Organization): string | undefined {
	return organization.verifiedDomains?.find((domain) => domain.isInitial === true)?.name;
}
