import type { GraphClient } from './graph-client.js';
import type { UserFlowAttribute } from './types.js';

/** Lists the tenant's user-flow attributes, built-in and custom. */
export function listTenantAttributes(
	client: GraphClient,
	options: { signal?: AbortSignal } = {},
): Promise<UserFlowAttribute[]> {
	return client.list<UserFlowAttribute>('/identity/userFlowAttributes', {
		permission: 'IdentityUserFlow.Read.All',
		signal: options.signal,
	});
}

/** The data types a custom attribute can be created with. */
export const attributeDataTypes = ['string', 'boolean', 'int64'] as const;
export type AttributeDataType = (typeof attributeDataTypes)[number];

/** Creates a custom user-flow attribute; its data type cannot change later. */
export async function createTenantAttribute(
	client: GraphClient,
	attribute: { displayName: string; description?: string; dataType: AttributeDataType },
): Promise<UserFlowAttribute> {
	const created = await client.request<UserFlowAttribute>('POST', '/identity/userFlowAttributes', {
		body: {
			displayName: attribute.displayName,
			description: attribute.description ?? '',
			dataType: attribute.dataType,
		},
		permission: 'IdentityUserFlow.ReadWrite.All',
	});
	return created ?? {};
}
