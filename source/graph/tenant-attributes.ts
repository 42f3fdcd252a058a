import type { GraphClient } from './graph-client.js';
import { largestPage } from './paging.js';
import { segment } from './paths.js';
import { fits, userFlowAttributeShape } from './shapes.js';
import type { UserFlowAttribute } from './types.js';

const attributesPath = '/identity/userFlowAttributes';
const write = 'IdentityUserFlow.ReadWrite.All';
const checkAttribute = fits(userFlowAttributeShape);

/** Lists the tenant's user-flow attributes, built-in and custom. */
export function listTenantAttributes(
	client: GraphClient,
	options: { signal?: AbortSignal } = {},
): Promise<UserFlowAttribute[]> {
	return client.list<UserFlowAttribute>(attributesPath, {
		top: largestPage,
		permission: 'IdentityUserFlow.Read.All',
		signal: options.signal,
		checkItem: checkAttribute,
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
	const created = await client.request<UserFlowAttribute>('POST', attributesPath, {
		body: {
			displayName: attribute.displayName,
			description: attribute.description ?? '',
			dataType: attribute.dataType,
		},
		permission: write,
		checkBody: checkAttribute,
		// A create whose answer was lost is looked up by its name (unique, compared ignoring case) before another is sent.
		reconcile: async () =>
			(await listTenantAttributes(client)).find(
				(found) => found.displayName?.toLowerCase() === attribute.displayName.toLowerCase(),
			),
	});
	return created ?? {};
}

/** Reads one user-flow attribute. */
export async function getTenantAttribute(
	client: GraphClient,
	attributeId: string,
): Promise<UserFlowAttribute> {
	const attribute = await client.request<UserFlowAttribute>(
		'GET',
		`${attributesPath}/${segment(attributeId)}`,
		{
			permission: 'IdentityUserFlow.Read.All',
			checkBody: checkAttribute,
		},
	);
	return attribute ?? {};
}

/** Changes a custom attribute's description: the only thing about it that can change. */
export async function updateTenantAttribute(
	client: GraphClient,
	attributeId: string,
	changes: { description: string },
): Promise<void> {
	await client.request('PATCH', `${attributesPath}/${segment(attributeId)}`, {
		body: { description: changes.description },
		permission: write,
	});
}

/** Deletes a custom attribute from the tenant. */
export async function deleteTenantAttribute(client: GraphClient, attributeId: string): Promise<void> {
	await client.request('DELETE', `${attributesPath}/${segment(attributeId)}`, { permission: write });
}
