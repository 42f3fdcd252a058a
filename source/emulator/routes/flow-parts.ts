import { GraphError, invalid } from '../errors.js';
import { type Body, isObject, onlyKeys, optionalBoolean, requireType } from '../json-check.js';
import { odataTypes } from '../paths.js';
import type { Quirks } from '../quirks.js';
import type { TenantStore } from '../tenant.js';
import type { JsonObject } from '../types.js';

/** The handler object under `key`, type-checked; undefined when absent, null when sent as null. */
export function handlerObject(body: Body, key: string, type: string): Body | null | undefined {
	const value = body[key];
	if (value === undefined || value === null) return value;
	if (!isObject(value)) throw invalid(`The property '${key}' must be an object.`);
	requireType(value, type, `'${key}'`);
	return value;
}

/** isSignUpAllowed from onInteractiveAuthFlowStart; must be a JSON boolean (entra-docs#777). */
export function signUpAllowed(handler: Body): boolean | undefined {
	onlyKeys(handler, ['isSignUpAllowed'], odataTypes.interactive.slice(1));
	const value = optionalBoolean(handler, 'isSignUpAllowed', "'onInteractiveAuthFlowStart'");
	if (value === null) throw invalid("The property 'isSignUpAllowed' cannot be null.");
	return value;
}

/** Provider ids from onAuthenticationMethodLoadStart: at least one, each configured; undefined if absent and optional. */
export function providerIds(handler: Body, tenant: TenantStore, required: boolean): string[] | undefined {
	onlyKeys(handler, ['identityProviders'], odataTypes.idpHandler.slice(1));
	const list = handler.identityProviders;
	if (list === undefined && !required) return undefined;
	if (!Array.isArray(list) || list.length === 0) {
		throw invalid(
			'A user flow needs at least one identity provider in onAuthenticationMethodLoadStart.identityProviders.',
		);
	}
	const ids: string[] = [];
	for (const [index, item] of list.entries()) {
		const id = isObject(item) ? item.id : undefined;
		if (typeof id !== 'string' || id === '') {
			throw invalid(`identityProviders[${index}] must be an object with an 'id'.`);
		}
		const provider = tenant.findProvider(id);
		if (!provider) {
			throw invalid(
				`The identity provider '${id}' is not configured in this tenant. Configure it first (see GET /identity/identityProviders).`,
			);
		}
		if (!ids.includes(provider.id)) ids.push(provider.id);
	}
	return ids;
}

/** userTypeToCreate from onUserCreateStart (enum member | guest). */
export function userType(handler: Body): string {
	onlyKeys(handler, ['userTypeToCreate', 'accessPackages'], odataTypes.userCreate.slice(1));
	const value = handler.userTypeToCreate;
	if (typeof value !== 'string' || !['member', 'guest'].includes(value.toLowerCase())) {
		throw invalid(
			`The property 'userTypeToCreate' must be 'member' or 'guest', got ${JSON.stringify(value)}.`,
		);
	}
	return value.toLowerCase();
}

/**
 * A custom-extension handler (onAttributeCollectionStart/Submit) in a create or PATCH body: its configuration
 * after a type check; undefined when absent, null when sent as null. The extension itself is a navigation
 * property, so naming it here is refused: it is set with PUT …/customExtension/$ref.
 */
export function extensionHandlerConfiguration(
	body: Body,
	key: string,
	type: string,
): { configuration: JsonObject | null } | null | undefined {
	const handler = handlerObject(body, key, type);
	if (handler === undefined || handler === null) return handler;
	if (handler.customExtension !== undefined) {
		throw invalid(
			`'customExtension' of '${key}' is a navigation property and cannot be set in the body; use PUT …/${key}/${type.slice(1)}/customExtension/$ref with {"@odata.id": …}.`,
		);
	}
	onlyKeys(handler, ['configuration'], type.slice(1));
	const configuration = handler.configuration;
	if (configuration !== undefined && configuration !== null && !isObject(configuration)) {
		throw invalid(`The property 'configuration' of '${key}' must be an object or null.`);
	}
	return { configuration: configuration ? (JSON.parse(JSON.stringify(configuration)) as JsonObject) : null };
}

/** App ids from conditions.applications.includeApplications; each must exist and be free of other flows. */
export function appIdsFromConditions(
	body: Body,
	tenant: TenantStore,
	flowId: string | null,
): string[] | undefined {
	const conditions = body.conditions;
	if (conditions === undefined || conditions === null) return undefined;
	if (!isObject(conditions)) throw invalid("The property 'conditions' must be an object.");
	onlyKeys(conditions, ['applications'], 'microsoft.graph.authenticationConditions');
	const applications = conditions.applications;
	if (applications === undefined || applications === null) return undefined;
	if (!isObject(applications)) throw invalid("The property 'conditions.applications' must be an object.");
	onlyKeys(
		applications,
		['includeApplications', 'includeAllApplications'],
		'microsoft.graph.authenticationConditionsApplications',
	);
	if (applications.includeAllApplications === true) {
		throw invalid('includeAllApplications cannot be true for a user flow; link applications one by one.');
	}
	const list = applications.includeApplications;
	if (list === undefined) return undefined;
	if (!Array.isArray(list)) throw invalid("The property 'includeApplications' must be an array.");
	const ids: string[] = [];
	for (const [index, item] of list.entries()) {
		const appId = isObject(item) ? item.appId : undefined;
		if (typeof appId !== 'string' || appId === '') {
			throw invalid(`includeApplications[${index}] must be an object with an 'appId'.`);
		}
		const canonical = checkLinkable(appId, tenant, flowId);
		if (!ids.includes(canonical)) ids.push(canonical);
	}
	return ids;
}

/** Checks an app exists and is not linked to another flow; returns its stored appId. */
export function checkLinkable(appId: string, tenant: TenantStore, flowId: string | null): string {
	const application = tenant.findApplicationByAppId(appId);
	if (!application) {
		throw invalid(
			`The application with appId '${appId}' was not found in this tenant. Only applications registered in the tenant can be linked.`,
		);
	}
	const other = tenant.flowForApp(application.appId);
	if (other && other.id !== flowId) {
		throw invalid(
			`The application '${application.displayName}' (${application.appId}) is already linked to the user flow '${other.displayName}' (${other.id}). An application can be linked to only one user flow; unlink it there first.`,
		);
	}
	return application.appId;
}

/** Refuses a display name another flow already uses (case-insensitive). */
export function checkUniqueName(name: string, tenant: TenantStore, quirks: Quirks, exceptId?: string): void {
	const other = tenant.flowNamed(name, exceptId);
	if (!other) return;
	const message = `A user flow with the display name '${name}' already exists (${other.id}). Display names must be unique in the tenant.`;
	throw quirks.duplicateStatus === 409
		? new GraphError(409, 'nameAlreadyExists', message)
		: new GraphError(400, 'Request_BadRequest', message);
}
