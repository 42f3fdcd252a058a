import { newPools, userFlowSummary } from './flow-summary.js';
import type { GraphClient, ListOptions, ListPage, ShapeCheck } from './graph-client.js';
import { largestPage } from './paging.js';
import {
	flowByAppFilter,
	flowByAttributeFilter,
	flowPath,
	flowsPath,
	flowType,
	odataString,
} from './paths.js';
import { fits, userFlowShape } from './shapes.js';
import type { PageInput, UserFlow } from './types.js';

export { createStringPool, createValuePool, type SummaryPools, userFlowSummary } from './flow-summary.js';

const read = 'EventListener.Read.All';
const write = 'EventListener.ReadWrite.All';
const checkFlow = fits(userFlowShape);

// The docs wrap the GET of one flow in {"value": …}: check whichever form came.
const checkFlowAnswer: ShapeCheck = (body, where) => {
	const value = (body as { value?: unknown }).value;
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? checkFlow(value, `${where}.value`)
		: checkFlow(body, where);
};

/** What a new flow is made of. */
export type NewUserFlow = {
	readonly displayName: string;
	readonly description?: string;
	readonly isSignUpAllowed?: boolean;
	/** Identity provider ids; at least one. */
	readonly identityProviderIds: readonly string[];
	/** Attributes with their page inputs: to collect attributes from creation on, the service needs both. */
	readonly attributes?: readonly { readonly id: string; readonly input: PageInput }[];
	readonly appIds?: readonly string[];
	/** `member` or `guest`; left out, the service decides. */
	readonly userTypeToCreate?: string;
	/** Top-level properties sent as they are (custom extension handlers a flow file keeps verbatim). */
	readonly extra?: Readonly<Record<string, unknown>>;
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
	/** `member` or `guest`. */
	readonly userTypeToCreate?: string;
	/** Top-level properties sent as they are (custom extension handlers a flow file keeps verbatim). */
	readonly extra?: Readonly<Record<string, unknown>>;
};

const userCreateType = '#microsoft.graph.onUserCreateStartExternalUsersSelfServiceSignUp';

/** How a list of flows is read: cancelled by `signal`, each page handed to `onPage` as it arrives. */
export type FlowListOptions = Pick<ListOptions<UserFlow, UserFlow>, 'signal' | 'onPage'>;

// The list-flows page documents $top; the directory's largest page, so 50,000 flows take 51 requests.
export const flowPageSize = largestPage;

/** What every read of the flows collection sends. */
const flowList = { permission: read, checkItem: checkFlow, top: flowPageSize } as const;

/** Lists every user flow, across pages. */
export function listUserFlows(client: GraphClient, options: FlowListOptions = {}): Promise<UserFlow[]> {
	return client.list<UserFlow>(flowsPath, { ...flowList, signal: options.signal, onPage: options.onPage });
}

/**
 * The flows page by page as they arrive, as userFlowSummary rows when `summaries` is set, holding no earlier
 * page: for streaming `flows list --json`. Stop by leaving the loop or with `signal`.
 */
export function userFlowPages(
	client: GraphClient,
	options: { signal?: AbortSignal; summaries?: boolean } = {},
): AsyncIterableIterator<ListPage<UserFlow>> {
	const pools = newPools();
	const listOptions: ListOptions<UserFlow, UserFlow> = {
		...flowList,
		signal: options.signal,
		...(options.summaries ? { mapItem: (flow: UserFlow) => userFlowSummary(flow, pools) } : {}),
	};
	if (client.pages) return client.pages(flowsPath, listOptions);
	// A client without pages (a test's fake) gives everything as one page.
	return (async function* () {
		const items = await client.list(flowsPath, listOptions);
		yield { items, pageNumber: 1, received: items.length };
	})();
}

/** Lists every user flow as userFlowSummary rows, summarised page by page (a list of thousands stays small). */
export function listUserFlowSummaries(
	client: GraphClient,
	options: FlowListOptions = {},
): Promise<UserFlow[]> {
	const pools = newPools();
	return client.list<UserFlow, UserFlow>(flowsPath, {
		...flowList,
		signal: options.signal,
		onPage: options.onPage,
		mapItem: (flow) => userFlowSummary(flow, pools),
	});
}

/** Finds flows whose display name equals `name` exactly (case-insensitive at the service). */
export function findUserFlowsByName(client: GraphClient, name: string): Promise<UserFlow[]> {
	return client.list<UserFlow>(flowsPath, {
		...flowList,
		query: { $filter: `displayName eq ${odataString(name)}` },
	});
}

/** The flow an application is linked to, if any. */
export async function findUserFlowByApp(client: GraphClient, appId: string): Promise<UserFlow | undefined> {
	const flows = await client.list<UserFlow>(flowsPath, {
		...flowList,
		query: { $filter: flowByAppFilter(appId) },
	});
	return flows[0];
}

/** The flows that collect an attribute. */
export function findUserFlowsCollecting(client: GraphClient, attributeId: string): Promise<UserFlow[]> {
	return client.list<UserFlow>(flowsPath, {
		...flowList,
		query: { $filter: flowByAttributeFilter(attributeId) },
	});
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
		checkBody: checkFlowAnswer,
	});
	if (body?.value && typeof body.value === 'object' && !Array.isArray(body.value)) return body.value;
	return body ?? {};
}

/** The create body as the service documents it: the concrete `@odata.type` on the flow and on every handler. */
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
	if (flow.userTypeToCreate !== undefined)
		body.onUserCreateStart = { '@odata.type': userCreateType, userTypeToCreate: flow.userTypeToCreate };
	// Null handlers are what the service has by default: sending them would only say so again.
	for (const [key, value] of Object.entries(flow.extra ?? {})) if (value !== null) body[key] = value;
	return body;
}

/**
 * Creates a flow. A create whose answer was lost (a 504, a dropped connection, a cut-off body) may have taken
 * effect, so it is not sent again blindly: the flow is read back by its display name (unique in a tenant) and
 * adopted when it was created after all.
 */
export async function createUserFlow(client: GraphClient, flow: NewUserFlow): Promise<UserFlow> {
	const created = await client.request<UserFlow>('POST', flowsPath, {
		body: userFlowCreateBody(flow),
		permission: write,
		checkBody: checkFlow,
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
	if (changes.userTypeToCreate !== undefined)
		body.onUserCreateStart = { '@odata.type': userCreateType, userTypeToCreate: changes.userTypeToCreate };
	for (const [key, value] of Object.entries(changes.extra ?? {})) body[key] = value;
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
