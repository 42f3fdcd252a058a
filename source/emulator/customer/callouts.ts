import { createHash } from 'node:crypto';
import type { SecureContext } from 'node:tls';
import { checkConfiguration } from '../extensions.js';
import { servicePrincipalId } from '../identity/tokens.js';
import type { Quirks } from '../quirks.js';
import type { TenantStore } from '../tenant.js';
import type { ApplicationRecord, AttributeRecord, FlowRecord, JsonObject } from '../types.js';
import { type CallResult, callExtension, type ExtensionEvent } from './extension-call.js';

/** A collected value as the directory stores it and the extension receives it. */
export type TypedValue = string | boolean | number;

/** Everything a callout needs to know about the sign-up in progress. */
export type CalloutContext = {
	readonly tenant: TenantStore;
	readonly flow: FlowRecord;
	readonly application: ApplicationRecord;
	readonly correlationId: string;
	readonly locale: string;
	readonly ip: string;
	readonly email: string;
	readonly quirks: Quirks;
	readonly trust: SecureContext;
	/** A bearer token for the extension's resource app. */
	readonly token: (audience: string) => string;
};

/** The outcome: no extension on this event, or the call's result and which extension it was. */
export type CalloutOutcome =
	| { readonly called: false }
	| { readonly called: true; readonly extensionId: string; readonly result: CallResult };

// The service defaults when neither the flow's handler nor the extension says (1000 ms is documented).
const defaultTimeoutMs = 1000;

const handlerKey = (event: ExtensionEvent) =>
	event === 'attributeCollectionStart' ? 'onAttributeCollectionStart' : 'onAttributeCollectionSubmit';

/** A stable GUID-shaped id, so a flow's listener keeps its id across restarts. */
function derivedId(...parts: string[]): string {
	const hex = createHash('sha256').update(parts.join('/')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function principal(application: ApplicationRecord | undefined, appId: string) {
	const name = application?.displayName ?? appId;
	return { id: servicePrincipalId(appId), appId, appDisplayName: name, displayName: name };
}

function directoryValue(attribute: AttributeRecord, value: TypedValue): JsonObject {
	const type =
		attribute.dataType === 'boolean'
			? 'microsoft.graph.booleanDirectoryAttributeValue'
			: attribute.dataType === 'int64'
				? 'microsoft.graph.int64DirectoryAttributeValue'
				: 'microsoft.graph.stringDirectoryAttributeValue';
	return {
		'@odata.type': type,
		value,
		attributeType: attribute.userFlowAttributeType === 'custom' ? 'directorySchemaExtension' : 'builtIn',
	};
}

/** The documented request body: only the flow's attributes, with values where there are any; never the password. */
export function calloutPayload(
	event: ExtensionEvent,
	context: CalloutContext,
	extensionId: string,
	resourceAppId: string,
	values: Readonly<Record<string, TypedValue>>,
) {
	const { tenant, flow, application } = context;
	const attributes: JsonObject = {};
	for (const id of flow.attributeCollection?.attributeIds ?? []) {
		const attribute = tenant.findAttribute(id);
		const value = values[id];
		if (attribute && value !== undefined) attributes[attribute.id] = directoryValue(attribute, value);
	}
	const tenantId = tenant.state.tenantId;
	const initial = tenant.state.verifiedDomains.find((domain) => domain.isInitial)?.name ?? tenantId;
	const dataType = `microsoft.graph.on${event[0]!.toUpperCase()}${event.slice(1)}CalloutData`;
	return {
		type: `microsoft.graph.authenticationEvent.${event}`,
		source: `/tenants/${tenantId}/applications/${resourceAppId}`,
		data: {
			'@odata.type': dataType,
			tenantId,
			authenticationEventListenerId: derivedId(flow.id, handlerKey(event)),
			customAuthenticationExtensionId: extensionId,
			authenticationContext: {
				correlationId: context.correlationId,
				client: { ip: context.ip, locale: context.locale, market: context.locale },
				protocol: 'OAUTH2.0',
				clientServicePrincipal: principal(application, application.appId),
				resourceServicePrincipal: principal(tenant.findApplicationByAppId(resourceAppId), resourceAppId),
			},
			userSignUpInfo: {
				attributes,
				identities: [{ signInType: 'email', issuer: initial, issuerAssignedId: context.email }],
			},
		},
	};
}

type Failed = { ok: false; code: number; name: string; detail: string; attempts: number; durationMs: number };
const failed = (code: number, name: string, detail: string): Failed => ({
	ok: false,
	code,
	name,
	detail,
	attempts: 0,
	durationMs: 0,
});

/**
 * Calls the flow's extension for the event, if it has one. A configuration the service would refuse at sign-in
 * (extension gone, bad target or resource id, permission not granted) fails before any request, with its code.
 */
export async function runCallout(
	event: ExtensionEvent,
	context: CalloutContext,
	values: Readonly<Record<string, TypedValue>>,
): Promise<CalloutOutcome> {
	const handler = context.flow[handlerKey(event)];
	const extensionId = handler?.customExtensionId;
	if (!extensionId) return { called: false };
	const extension = context.tenant.findExtension(extensionId);
	if (!extension) {
		return {
			called: true,
			extensionId,
			result: failed(1003011, 'CustomExtensionNotFound', `The extension ${extensionId} no longer exists.`),
		};
	}
	const check = checkConfiguration(extension.targetUrl, extension.resourceId, context.tenant);
	const problem = check.errors[0] ?? check.warnings[0];
	if (problem)
		return { called: true, extensionId, result: failed(problem.signInCode, problem.code, problem.message) };
	const resourceAppId = extension.resourceId.slice(extension.resourceId.lastIndexOf('/') + 1);
	const override = handler?.configuration?.clientConfiguration as Record<string, unknown> | null | undefined;
	const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
	const result = await callExtension(event, {
		url: extension.targetUrl,
		timeoutMs:
			number(override?.timeoutInMilliseconds) ??
			extension.clientConfiguration?.timeoutInMilliseconds ??
			defaultTimeoutMs,
		retries:
			number(override?.maximumRetries) ??
			extension.clientConfiguration?.maximumRetries ??
			context.quirks.extensionDefaultRetries,
		token: context.token(resourceAppId),
		payload: calloutPayload(event, context, extension.id, resourceAppId, values),
		trust: context.trust,
		actionCase: context.quirks.extensionActionCase,
	});
	return { called: true, extensionId: extension.id, result };
}
