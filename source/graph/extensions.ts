import type { GraphClient } from './graph-client.js';
import { isGraphError } from './graph-error.js';
import { largestPage } from './paging.js';
import { flowPath, flowType, segment } from './paths.js';
import type { ConfigurationValidation, CustomAuthenticationExtension } from './types.js';

const read = 'CustomAuthenticationExtension.Read.All';
const write = 'CustomAuthenticationExtension.ReadWrite.All';
const flowRead = 'EventListener.Read.All';
const flowWrite = 'EventListener.ReadWrite.All';

export const extensionsPath = '/identity/customAuthenticationExtensions';

/** The two flow events an extension can run at: attribute collection start and submit. */
export type ExtensionEvent = 'start' | 'submit';

/** The `@odata.type` of the extensions each event takes. */
export const extensionTypes: Readonly<Record<ExtensionEvent, string>> = {
	start: '#microsoft.graph.onAttributeCollectionStartCustomExtension',
	submit: '#microsoft.graph.onAttributeCollectionSubmitCustomExtension',
};

const handlers: Readonly<Record<ExtensionEvent, { property: string; type: string }>> = {
	start: {
		property: 'onAttributeCollectionStart',
		type: 'microsoft.graph.onAttributeCollectionStartCustomExtensionHandler',
	},
	submit: {
		property: 'onAttributeCollectionSubmit',
		type: 'microsoft.graph.onAttributeCollectionSubmitCustomExtensionHandler',
	},
};

/** The event an extension serves, from its `@odata.type` (any casing); undefined for the other kinds. */
export function extensionEvent(extension: CustomAuthenticationExtension): ExtensionEvent | undefined {
	const type = (extension['@odata.type'] ?? '').replace(/^#/, '').toLowerCase();
	return (Object.keys(extensionTypes) as ExtensionEvent[]).find(
		(event) => extensionTypes[event].slice(1).toLowerCase() === type,
	);
}

/** A new attribute-collection extension. Timeout 200–2000 ms and 0–1 retries are the documented limits. */
export type NewCustomExtension = {
	readonly event: ExtensionEvent;
	readonly displayName: string;
	readonly description?: string | null;
	/** https URL of the API. */
	readonly targetUrl: string;
	/** `api://{host of targetUrl}/{appId of the API's app registration}`. */
	readonly resourceId: string;
	readonly timeoutInMilliseconds?: number | null;
	readonly maximumRetries?: number | null;
};

/** What an update may change; absent fields stay as they are. */
export type CustomExtensionChanges = Partial<Omit<NewCustomExtension, 'event'>>;

function configurations(fields: CustomExtensionChanges): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	if (fields.displayName !== undefined) body.displayName = fields.displayName;
	if (fields.description !== undefined) body.description = fields.description;
	if (fields.resourceId !== undefined) {
		body.authenticationConfiguration = {
			'@odata.type': '#microsoft.graph.azureAdTokenAuthentication',
			resourceId: fields.resourceId,
		};
	}
	if (fields.targetUrl !== undefined) {
		body.endpointConfiguration = {
			'@odata.type': '#microsoft.graph.httpRequestEndpoint',
			targetUrl: fields.targetUrl,
		};
	}
	if (fields.timeoutInMilliseconds !== undefined || fields.maximumRetries !== undefined) {
		body.clientConfiguration = {
			timeoutInMilliseconds: fields.timeoutInMilliseconds ?? null,
			maximumRetries: fields.maximumRetries ?? null,
		};
	}
	return body;
}

/** The create body the v1.0 page documents. */
export function customExtensionCreateBody(extension: NewCustomExtension): Record<string, unknown> {
	return { '@odata.type': extensionTypes[extension.event], ...configurations(extension) };
}

/** The update body: the extension's own `@odata.type` (the service requires it) and the changed fields. */
export function customExtensionUpdateBody(
	odataType: string,
	changes: CustomExtensionChanges,
): Record<string, unknown> {
	return { '@odata.type': odataType, ...configurations(changes) };
}

/** Every custom authentication extension of the tenant, of every kind. */
export function listCustomExtensions(
	client: GraphClient,
	options: { signal?: AbortSignal } = {},
): Promise<CustomAuthenticationExtension[]> {
	return client.list<CustomAuthenticationExtension>(extensionsPath, {
		top: largestPage,
		permission: read,
		signal: options.signal,
	});
}

/** One extension by id. */
export async function getCustomExtension(
	client: GraphClient,
	extensionId: string,
	options: { signal?: AbortSignal } = {},
): Promise<CustomAuthenticationExtension> {
	const path = `${extensionsPath}/${segment(extensionId)}`;
	return (
		(await client.request<CustomAuthenticationExtension>('GET', path, {
			permission: read,
			signal: options.signal,
		})) ?? {}
	);
}

/** Creates an extension; returns it as the service stored it. */
export async function createCustomExtension(
	client: GraphClient,
	extension: NewCustomExtension,
): Promise<CustomAuthenticationExtension> {
	const body = customExtensionCreateBody(extension);
	return (
		(await client.request<CustomAuthenticationExtension>('POST', extensionsPath, {
			body,
			permission: write,
		})) ?? {}
	);
}

/** Updates an extension; `odataType` is its current `@odata.type`. */
export async function updateCustomExtension(
	client: GraphClient,
	extensionId: string,
	odataType: string,
	changes: CustomExtensionChanges,
): Promise<void> {
	await client.request('PATCH', `${extensionsPath}/${segment(extensionId)}`, {
		body: customExtensionUpdateBody(odataType, changes),
		permission: write,
	});
}

/** Deletes an extension. What this does to a flow still using it is undocumented: detach it first. */
export async function deleteCustomExtension(client: GraphClient, extensionId: string): Promise<void> {
	await client.request('DELETE', `${extensionsPath}/${segment(extensionId)}`, { permission: write });
}

/** validateAuthenticationConfiguration of a saved extension (a POST that needs only the Read permission). */
export async function validateCustomExtension(
	client: GraphClient,
	extensionId: string,
): Promise<ConfigurationValidation> {
	const path = `${extensionsPath}/${segment(extensionId)}/validateAuthenticationConfiguration`;
	return (await client.request<ConfigurationValidation>('POST', path, { permission: read })) ?? {};
}

/** validateAuthenticationConfiguration of a target URL and resource id not saved yet. */
export async function validateExtensionConfiguration(
	client: GraphClient,
	draft: { readonly targetUrl: string; readonly resourceId: string },
): Promise<ConfigurationValidation> {
	const { endpointConfiguration, authenticationConfiguration } = configurations(draft);
	return (
		(await client.request<ConfigurationValidation>(
			'POST',
			`${extensionsPath}/validateAuthenticationConfiguration`,
			{
				body: { endpointConfiguration, authenticationConfiguration },
				permission: read,
			},
		)) ?? {}
	);
}

/** True when a validation found errors: a 200 with errors is a failed validation. */
export function validationFailed(validation: ConfigurationValidation): boolean {
	return (validation.errors ?? []).length > 0;
}

/** `…/{flow}/…/onAttributeCollectionStart/…StartCustomExtensionHandler/customExtension` (and Submit). */
export function flowExtensionPath(flowId: string, event: ExtensionEvent): string {
	const { property, type } = handlers[event];
	return `${flowPath(flowId)}/${flowType.slice(1)}/${property}/${type}/customExtension`;
}

/** The extension a flow runs at the event, or undefined when none is set (the service answers 404). */
export async function getFlowExtension(
	client: GraphClient,
	flowId: string,
	event: ExtensionEvent,
	options: { signal?: AbortSignal } = {},
): Promise<CustomAuthenticationExtension | undefined> {
	try {
		return (
			(await client.request<CustomAuthenticationExtension>('GET', flowExtensionPath(flowId, event), {
				permission: flowRead,
				signal: options.signal,
			})) ?? undefined
		);
	} catch (error) {
		if (isGraphError(error) && error.status === 404) return undefined;
		throw error;
	}
}

/** Attaches (or replaces) the flow's extension for the event: PUT …/customExtension/$ref, as documented. */
export async function setFlowExtension(
	client: GraphClient,
	flowId: string,
	event: ExtensionEvent,
	extensionId: string,
): Promise<void> {
	await client.request('PUT', `${flowExtensionPath(flowId, event)}/$ref`, {
		body: { '@odata.id': `${client.baseUrl}${extensionsPath}/${segment(extensionId)}` },
		permission: flowWrite,
	});
}

/**
 * The two ways a detach could be asked for. Neither is documented: `patch-null` PATCHes the flow with the
 * handler set to null, `delete-ref` DELETEs the $ref. A caller reads the flow back to know whether it worked.
 */
export type ExtensionDetach = 'patch-null' | 'delete-ref';

/** Asks the service to detach the flow's extension for the event, the way `how` names. */
export async function clearFlowExtension(
	client: GraphClient,
	flowId: string,
	event: ExtensionEvent,
	how: ExtensionDetach,
): Promise<void> {
	if (how === 'delete-ref') {
		await client.request('DELETE', `${flowExtensionPath(flowId, event)}/$ref`, { permission: flowWrite });
		return;
	}
	await client.request('PATCH', flowPath(flowId), {
		body: { '@odata.type': flowType, [handlers[event].property]: null },
		permission: flowWrite,
	});
}
