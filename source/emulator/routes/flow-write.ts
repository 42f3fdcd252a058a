import { randomUUID } from 'node:crypto';
import { invalid } from '../errors.js';
import { objectBody, onlyKeys, optionalString, requiredString, requireType } from '../json-check.js';
import { flowType, odataTypes } from '../paths.js';
import type { RouteContext } from '../router.js';
import type { ExtensionHandlerRecord, FlowRecord } from '../types.js';
import { createCollection, patchCollection } from './flow-collection.js';
import {
	appIdsFromConditions,
	checkUniqueName,
	extensionHandlerConfiguration,
	handlerObject,
	providerIds,
	signUpAllowed,
	userType,
} from './flow-parts.js';

// `id` is read-only but clients echo it back; `priority` is beta-only yet on the v1.0 create page (ignored there).
const flowKeys = [
	'id',
	'displayName',
	'description',
	'priority',
	'conditions',
	'onInteractiveAuthFlowStart',
	'onAuthenticationMethodLoadStart',
	'onAttributeCollection',
	'onAttributeCollectionStart',
	'onAttributeCollectionSubmit',
	'onUserCreateStart',
];
const what = 'a user flow (authenticationEventsFlow is abstract)';

function priority(body: Record<string, unknown>, context: RouteContext): number | undefined {
	const value = body.priority;
	if (value === undefined || context.version !== 'beta') return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value))
		throw invalid("The property 'priority' must be an integer.");
	return value;
}

function required<T>(value: T | null | undefined, key: string): T {
	if (value === undefined || value === null)
		throw invalid(`The property '${key}' is required to create a user flow.`);
	return value;
}

function newHandler(body: Record<string, unknown>, key: string, type: string): ExtensionHandlerRecord | null {
	const sent = extensionHandlerConfiguration(body, key, type);
	return sent ? { configuration: sent.configuration, customExtensionId: null } : null;
}

// The extension-clear quirk decides whether `null` detaches; a handler object changes only its configuration.
function patchedHandler(
	body: Record<string, unknown>,
	key: string,
	type: string,
	current: ExtensionHandlerRecord | null,
	context: RouteContext,
): ExtensionHandlerRecord | null {
	const sent = extensionHandlerConfiguration(body, key, type);
	if (sent === undefined) return current;
	if (sent === null) {
		if (current === null || context.quirks.extensionClear === 'patch-null') return null;
		throw invalid(
			`The property '${key}' cannot be set to null; no way to remove a custom extension from a user flow is supported.`,
		);
	}
	return { configuration: sent.configuration, customExtensionId: current?.customExtensionId ?? null };
}

/** Validates a create body and returns the new flow (not yet stored). */
export function buildFlow(context: RouteContext): FlowRecord {
	const { tenant } = context;
	const body = objectBody(context.body);
	requireType(body, odataTypes.flow, what);
	onlyKeys(body, flowKeys, flowType);
	const displayName = requiredString(body, 'displayName', 'the user flow');
	const interactive = required(
		handlerObject(body, 'onInteractiveAuthFlowStart', odataTypes.interactive),
		'onInteractiveAuthFlowStart',
	);
	const idp = required(
		handlerObject(body, 'onAuthenticationMethodLoadStart', odataTypes.idpHandler),
		'onAuthenticationMethodLoadStart',
	);
	const attributeHandler = handlerObject(body, 'onAttributeCollection', odataTypes.attributeHandler);
	const userCreate = handlerObject(body, 'onUserCreateStart', odataTypes.userCreate);
	const flow: FlowRecord = {
		id: randomUUID(),
		displayName,
		description: optionalString(body, 'description', 'the user flow') ?? null,
		priority: priority(body, context) ?? 500,
		// The docs call isSignUpAllowed optional with default false.
		isSignUpAllowed: signUpAllowed(interactive) ?? false,
		providerIds: providerIds(idp, tenant, true) ?? [],
		attributeCollection: attributeHandler ? createCollection(attributeHandler, tenant, context.quirks) : null,
		userTypeToCreate: userCreate ? userType(userCreate) : null,
		appIds: appIdsFromConditions(body, tenant, null) ?? [],
		onAttributeCollectionStart: newHandler(body, 'onAttributeCollectionStart', odataTypes.attributeStart),
		onAttributeCollectionSubmit: newHandler(body, 'onAttributeCollectionSubmit', odataTypes.attributeSubmit),
	};
	checkUniqueName(displayName, tenant, context.quirks);
	return flow;
}

/** Validates a PATCH body against the flow and applies it; nothing changes unless all of it is valid. */
export function patchFlow(context: RouteContext, flow: FlowRecord): void {
	const { tenant } = context;
	const body = objectBody(context.body);
	requireType(body, odataTypes.flow, what);
	onlyKeys(body, flowKeys, flowType);
	if (
		body.id !== undefined &&
		(typeof body.id !== 'string' || body.id.toLowerCase() !== flow.id.toLowerCase())
	) {
		throw invalid("The property 'id' is read-only.");
	}
	const next: FlowRecord = structuredClone(flow);
	if (body.displayName !== undefined) next.displayName = requiredString(body, 'displayName', 'the user flow');
	const description = optionalString(body, 'description', 'the user flow');
	if (description !== undefined) next.description = description;
	next.priority = priority(body, context) ?? next.priority;
	const interactive = handlerObject(body, 'onInteractiveAuthFlowStart', odataTypes.interactive);
	if (interactive === null) throw invalid("The property 'onInteractiveAuthFlowStart' cannot be null.");
	if (interactive) next.isSignUpAllowed = signUpAllowed(interactive) ?? next.isSignUpAllowed;
	const idp = handlerObject(body, 'onAuthenticationMethodLoadStart', odataTypes.idpHandler);
	if (idp === null)
		throw invalid(
			'A user flow needs at least one identity provider; onAuthenticationMethodLoadStart cannot be null.',
		);
	if (idp) next.providerIds = providerIds(idp, tenant, false) ?? next.providerIds;
	const attributeHandler = handlerObject(body, 'onAttributeCollection', odataTypes.attributeHandler);
	if (attributeHandler === null) {
		throw invalid(
			'onAttributeCollection cannot be removed with PATCH; remove attributes with DELETE …/attributes/{id}/$ref.',
		);
	}
	if (attributeHandler) next.attributeCollection = patchCollection(attributeHandler, flow, context);
	const userCreate = handlerObject(body, 'onUserCreateStart', odataTypes.userCreate);
	if (userCreate !== undefined) next.userTypeToCreate = userCreate ? userType(userCreate) : null;
	next.appIds = appIdsFromConditions(body, tenant, flow.id) ?? next.appIds;
	next.onAttributeCollectionStart = patchedHandler(
		body,
		'onAttributeCollectionStart',
		odataTypes.attributeStart,
		flow.onAttributeCollectionStart,
		context,
	);
	next.onAttributeCollectionSubmit = patchedHandler(
		body,
		'onAttributeCollectionSubmit',
		odataTypes.attributeSubmit,
		flow.onAttributeCollectionSubmit,
		context,
	);
	if (body.displayName !== undefined) checkUniqueName(next.displayName, tenant, context.quirks, flow.id);
	Object.assign(flow, next);
}
