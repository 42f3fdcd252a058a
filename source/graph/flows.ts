import type { GraphClient } from './graph-client.js';
import { flowByAppFilter, flowPath, flowsPath, flowType, odataString } from './paths.js';
import type { PageInput, UserFlow } from './types.js';

const read = 'EventListener.Read.All';
const write = 'EventListener.ReadWrite.All';

/** What a new flow is made of. */
export type NewUserFlow = {
	readonly displayName: string;
	readonly description?: string;
	readonly isSignUpAllowed?: boolean;
	/** Identity provider ids; at least one. */
	readonly identityProviderIds: readonly string[];
	/** Attributes with their page inputs; both are sent together as graph-api.md §3.1 requires. */
	readonly attributes?: readonly { readonly id: string; readonly input: PageInput }[];
	readonly appIds?: readonly string[];
};

/** The properties `flows update` may change. */
export type UserFlowChanges = {
	readonly displayName?: string;
	readonly description?: string;
	readonly isSignUpAllowed?: boolean;
	/** The complete inputs array (PATCH replaces it); attributes themselves change only through $ref. */
	readonly inputs?: readonly PageInput[];
	/** Title and description of the page view the inputs go in, sent with them so the PATCH keeps them. */
	readonly pageView?: { readonly title?: string | null; readonly description?: string | null };
};

/** Lists every user flow, across pages. */
export function listUserFlows(
	client: GraphClient,
	options: { signal?: AbortSignal } = {},
): Promise<UserFlow[]> {
	return client.list<UserFlow>(flowsPath, { permission: read, signal: options.signal });
}

/**
 * What a row of the flows list needs of a flow: ids, names, sign-up, user type, and the providers, attributes
 * and apps to count. The sign-up page and provider details (client ids) are left out: with thousands of
 * flows they would be most of the memory. Open a flow with getUserFlow for the whole of it.
 */
export function userFlowSummary(flow: UserFlow): UserFlow {
	const applications = flow.conditions?.applications;
	const providers = flow.onAuthenticationMethodLoadStart;
	const collection = flow.onAttributeCollection;
	return {
		'@odata.type': flow['@odata.type'],
		id: flow.id,
		displayName: flow.displayName,
		description: flow.description,
		priority: flow.priority,
		conditions: applications
			? {
					applications: {
						includeAllApplications: applications.includeAllApplications,
						includeApplications: applications.includeApplications?.map((app) => ({ appId: app.appId })),
					},
				}
			: flow.conditions,
		onInteractiveAuthFlowStart: flow.onInteractiveAuthFlowStart,
		onAuthenticationMethodLoadStart: providers
			? {
					'@odata.type': providers['@odata.type'],
					identityProviders: providers.identityProviders?.map((provider) => ({
						'@odata.type': provider['@odata.type'],
						id: provider.id,
						displayName: provider.displayName,
						identityProviderType: provider.identityProviderType,
					})),
				}
			: providers,
		onAttributeCollection: collection
			? {
					'@odata.type': collection['@odata.type'],
					attributes: collection.attributes?.map((attribute) => ({
						id: attribute.id,
						displayName: attribute.displayName,
						dataType: attribute.dataType,
						userFlowAttributeType: attribute.userFlowAttributeType,
					})),
				}
			: collection,
		onUserCreateStart: flow.onUserCreateStart,
	};
}

/** Lists every user flow as userFlowSummary rows, summarised page by page (a list of thousands stays small). */
export function listUserFlowSummaries(
	client: GraphClient,
	options: { signal?: AbortSignal } = {},
): Promise<UserFlow[]> {
	return client.list<UserFlow, UserFlow>(flowsPath, {
		permission: read,
		signal: options.signal,
		mapItem: userFlowSummary,
	});
}

/** Finds flows whose display name equals `name` exactly (case-insensitive at the service). */
export function findUserFlowsByName(client: GraphClient, name: string): Promise<UserFlow[]> {
	return client.list<UserFlow>(flowsPath, {
		permission: read,
		query: { $filter: `displayName eq ${odataString(name)}` },
	});
}

/** The flow an application is linked to, if any. */
export async function findUserFlowByApp(client: GraphClient, appId: string): Promise<UserFlow | undefined> {
	const flows = await client.list<UserFlow>(flowsPath, {
		permission: read,
		query: { $filter: flowByAppFilter(appId) },
	});
	return flows[0];
}

/** Reads one flow; accepts both the bare entity and the documented `{"value": …}` wrapper. */
export async function getUserFlow(
	client: GraphClient,
	flowId: string,
	options: { signal?: AbortSignal } = {},
): Promise<UserFlow> {
	const body = await client.request<UserFlow & { value?: UserFlow }>('GET', flowPath(flowId), {
		permission: read,
		signal: options.signal,
	});
	if (body?.value && typeof body.value === 'object' && !Array.isArray(body.value)) return body.value;
	return body ?? {};
}

/** The create body graph-api.md §3.1 documents. */
export function userFlowCreateBody(flow: NewUserFlow): Record<string, unknown> {
	const body: Record<string, unknown> = {
		'@odata.type': flowType,
		displayName: flow.displayName,
		...(flow.description === undefined ? {} : { description: flow.description }),
		onInteractiveAuthFlowStart: {
			'@odata.type': '#microsoft.graph.onInteractiveAuthFlowStartExternalUsersSelfServiceSignUp',
			isSignUpAllowed: flow.isSignUpAllowed ?? true,
		},
		onAuthenticationMethodLoadStart: {
			'@odata.type': '#microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp',
			identityProviders: flow.identityProviderIds.map((id) => ({ id })),
		},
	};
	if (flow.attributes && flow.attributes.length > 0) {
		body.onAttributeCollection = {
			'@odata.type': '#microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp',
			attributes: flow.attributes.map((attribute) => ({ id: attribute.id })),
			attributeCollectionPage: { views: [{ inputs: flow.attributes.map((attribute) => attribute.input) }] },
		};
	}
	if (flow.appIds && flow.appIds.length > 0) {
		body.conditions = { applications: { includeApplications: flow.appIds.map((appId) => ({ appId })) } };
	}
	return body;
}

/** Creates a flow; after a gateway timeout it adopts the flow if it was created after all (reliability R9). */
export async function createUserFlow(client: GraphClient, flow: NewUserFlow): Promise<UserFlow> {
	const created = await client.request<UserFlow>('POST', flowsPath, {
		body: userFlowCreateBody(flow),
		permission: write,
		reconcile: async () => (await findUserFlowsByName(client, flow.displayName))[0],
	});
	return created ?? {};
}

/** The PATCH body for a change: only what changes, plus @odata.type. */
export function userFlowUpdateBody(changes: UserFlowChanges): Record<string, unknown> {
	const body: Record<string, unknown> = { '@odata.type': flowType };
	if (changes.displayName !== undefined) body.displayName = changes.displayName;
	if (changes.description !== undefined) body.description = changes.description;
	if (changes.isSignUpAllowed !== undefined) {
		body.onInteractiveAuthFlowStart = {
			'@odata.type': '#microsoft.graph.onInteractiveAuthFlowStartExternalUsersSelfServiceSignUp',
			isSignUpAllowed: changes.isSignUpAllowed,
		};
	}
	if (changes.inputs !== undefined) {
		body.onAttributeCollection = {
			'@odata.type': '#microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp',
			attributeCollectionPage: {
				views: [
					{
						...(changes.pageView?.title == null ? {} : { title: changes.pageView.title }),
						...(changes.pageView?.description == null ? {} : { description: changes.pageView.description }),
						inputs: changes.inputs,
					},
				],
			},
		};
	}
	return body;
}

/** Changes name, description, sign-up on/off or the page inputs; `note` tells a dry run when it applies. */
export async function updateUserFlow(
	client: GraphClient,
	flowId: string,
	changes: UserFlowChanges,
	options: { note?: string } = {},
): Promise<void> {
	await client.request('PATCH', flowPath(flowId), {
		body: userFlowUpdateBody(changes),
		permission: write,
		...(options.note ? { note: options.note } : {}),
	});
}

/** Deletes a flow. */
export async function deleteUserFlow(client: GraphClient, flowId: string): Promise<void> {
	await client.request('DELETE', flowPath(flowId), { permission: write });
}
