import { randomUUID } from 'node:crypto';
import { invalid } from './errors.js';
import {
	type Body,
	isObject,
	onlyKeys,
	optionalString,
	requiredString,
	requireType,
	sameType,
} from './json-check.js';
import type { TenantStore } from './tenant.js';
import type { ClientConfigurationRecord, ExtensionRecord, JsonObject } from './types.js';

/** The derived types of customAuthenticationExtension in Graph's v1.0 metadata. */
export const extensionKinds = [
	'onAttributeCollectionStartCustomExtension',
	'onAttributeCollectionSubmitCustomExtension',
	'onTokenIssuanceStartCustomExtension',
	'onOtpSendCustomExtension',
	'onPasswordSubmitCustomExtension',
	'onVerifiedIdClaimValidationCustomExtension',
] as const;

/** The documented limit of custom extensions per tenant. */
export const maxExtensions = 100;

/** The Graph app role the extension's API must be granted to receive calls (matched by value, either spelling). */
export const receivePayloadRole = 'CustomAuthenticationExtension.Receive.Payload';

const typeName = 'microsoft.graph.customAuthenticationExtension';
const keys = [
	'displayName',
	'description',
	'endpointConfiguration',
	'authenticationConfiguration',
	'clientConfiguration',
	'behaviorOnError',
	'claimsForTokenConfiguration',
	'id',
];

/** The metadata casing of a derived type name (any casing, `#microsoft.graph.` optional); undefined if unknown. */
export function extensionKind(odataType: unknown): string | undefined {
	return extensionKinds.find((kind) => sameType(odataType, `microsoft.graph.${kind}`));
}

function integerIn(value: unknown, key: string, min: number, max: number): number | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw invalid(`The property '${key}' must be an integer from ${min} to ${max}, or null for the default.`);
	}
	return value;
}

// Timeout 200–2000 ms and 0–1 retries are the documented limits for authentication extensions.
function clientConfiguration(value: unknown): ClientConfigurationRecord | null {
	if (value === null) return null;
	if (!isObject(value)) throw invalid("The property 'clientConfiguration' must be an object or null.");
	onlyKeys(
		value,
		['timeoutInMilliseconds', 'maximumRetries'],
		'microsoft.graph.customExtensionClientConfiguration',
	);
	return {
		timeoutInMilliseconds: integerIn(value.timeoutInMilliseconds, 'timeoutInMilliseconds', 200, 2000),
		maximumRetries: integerIn(value.maximumRetries, 'maximumRetries', 0, 1),
	};
}

function targetUrl(value: unknown): string {
	if (!isObject(value)) throw invalid("The property 'endpointConfiguration' must be an object.");
	requireType(value, '#microsoft.graph.httpRequestEndpoint', "'endpointConfiguration'");
	onlyKeys(value, ['targetUrl'], 'microsoft.graph.httpRequestEndpoint');
	const url = requiredString(value, 'targetUrl', "'endpointConfiguration'");
	try {
		new URL(url);
	} catch {
		throw invalid(`The targetUrl '${url}' is not an absolute URL.`);
	}
	return url;
}

function resourceId(value: unknown): string {
	if (!isObject(value)) throw invalid("The property 'authenticationConfiguration' must be an object.");
	requireType(value, '#microsoft.graph.azureAdTokenAuthentication', "'authenticationConfiguration'");
	onlyKeys(value, ['resourceId'], 'microsoft.graph.azureAdTokenAuthentication');
	return requiredString(value, 'resourceId', "'authenticationConfiguration'");
}

function optionalObject(value: unknown, key: string): JsonObject | null {
	if (value === undefined || value === null) return null;
	if (!isObject(value)) throw invalid(`The property '${key}' must be an object or null.`);
	return JSON.parse(JSON.stringify(value)) as JsonObject;
}

function claims(value: unknown, kind: string): JsonObject[] | null {
	if (value === undefined || value === null) return null;
	if (kind !== 'onTokenIssuanceStartCustomExtension') {
		throw invalid(
			`The property 'claimsForTokenConfiguration' does not exist on type 'microsoft.graph.${kind}'.`,
		);
	}
	if (!Array.isArray(value) || !value.every(isObject)) {
		throw invalid("The property 'claimsForTokenConfiguration' must be an array of objects.");
	}
	return JSON.parse(JSON.stringify(value)) as JsonObject[];
}

function typedBody(body: Body): string {
	const sent = body['@odata.type'];
	if (sent === undefined) {
		throw invalid(
			`The property '@odata.type' is required; send one of ${extensionKinds.map((kind) => `'#microsoft.graph.${kind}'`).join(', ')}.`,
		);
	}
	const kind = extensionKind(sent);
	if (!kind) {
		throw invalid(
			`The type '${String(sent)}' is not valid for a custom authentication extension (${typeName} is abstract); use one of ${extensionKinds.join(', ')}.`,
		);
	}
	return kind;
}

/** Validates a create body; the record is not stored yet. Bad target URLs and resource ids are stored as sent. */
export function parseNewExtension(body: Body, tenant: TenantStore): ExtensionRecord {
	const kind = typedBody(body);
	onlyKeys(body, keys, `microsoft.graph.${kind}`);
	if (body.id !== undefined) throw invalid("The property 'id' is read-only; the service sets it.");
	if (tenant.extensions.length >= maxExtensions) {
		throw invalid(
			`The tenant already has ${tenant.extensions.length} custom authentication extensions, the most allowed (${maxExtensions}). Delete one first.`,
		);
	}
	return {
		id: randomUUID(),
		kind,
		displayName: requiredString(body, 'displayName', 'the custom extension'),
		description: optionalString(body, 'description', 'the custom extension') ?? null,
		targetUrl: targetUrl(body.endpointConfiguration),
		resourceId: resourceId(body.authenticationConfiguration),
		clientConfiguration:
			body.clientConfiguration === undefined ? null : clientConfiguration(body.clientConfiguration),
		behaviorOnError: optionalObject(body.behaviorOnError, 'behaviorOnError'),
		claimsForTokenConfiguration: claims(body.claimsForTokenConfiguration, kind),
	};
}

/** Validates a PATCH body (it must name the extension's own type) and returns the updated copy. */
export function patchedExtension(record: ExtensionRecord, body: Body): ExtensionRecord {
	const kind = typedBody(body);
	if (kind !== record.kind) {
		throw invalid(
			`The @odata.type '${String(body['@odata.type'])}' does not match the extension's type '#microsoft.graph.${record.kind}'; the type cannot change.`,
		);
	}
	onlyKeys(body, keys, `microsoft.graph.${kind}`);
	if (body.id !== undefined && String(body.id).toLowerCase() !== record.id.toLowerCase()) {
		throw invalid("The property 'id' is read-only.");
	}
	const next: ExtensionRecord = structuredClone(record);
	if (body.displayName !== undefined)
		next.displayName = requiredString(body, 'displayName', 'the custom extension');
	const description = optionalString(body, 'description', 'the custom extension');
	if (description !== undefined) next.description = description;
	if (body.endpointConfiguration !== undefined) next.targetUrl = targetUrl(body.endpointConfiguration);
	if (body.authenticationConfiguration !== undefined)
		next.resourceId = resourceId(body.authenticationConfiguration);
	if (body.clientConfiguration !== undefined)
		next.clientConfiguration = clientConfiguration(body.clientConfiguration);
	if (body.behaviorOnError !== undefined)
		next.behaviorOnError = optionalObject(body.behaviorOnError, 'behaviorOnError');
	if (body.claimsForTokenConfiguration !== undefined)
		next.claimsForTokenConfiguration = claims(body.claimsForTokenConfiguration, kind);
	return next;
}

/** The extension as Graph returns it. */
export function renderExtension(record: ExtensionRecord): JsonObject {
	const body: JsonObject = {
		'@odata.type': `#microsoft.graph.${record.kind}`,
		id: record.id,
		displayName: record.displayName,
		description: record.description,
		authenticationConfiguration: {
			'@odata.type': '#microsoft.graph.azureAdTokenAuthentication',
			resourceId: record.resourceId,
		},
		clientConfiguration: record.clientConfiguration ? { ...record.clientConfiguration } : null,
		endpointConfiguration: {
			'@odata.type': '#microsoft.graph.httpRequestEndpoint',
			targetUrl: record.targetUrl,
		},
		behaviorOnError: record.behaviorOnError,
	};
	if (record.kind === 'onTokenIssuanceStartCustomExtension') {
		body.claimsForTokenConfiguration = record.claimsForTokenConfiguration ?? [];
	}
	return body;
}

/** One finding of validateAuthenticationConfiguration (genericError), with the 10030xx code a sign-in would log. */
export type ConfigurationFinding = { code: string; message: string; signInCode: number };

/** errors and warnings as validateAuthenticationConfiguration reports them. */
export type ConfigurationCheck = { errors: ConfigurationFinding[]; warnings: ConfigurationFinding[] };

const resourcePattern = /^api:\/\/([^/]+)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The documented checks of an extension's endpoint and authentication: https target, resourceId of the form
 * api://{host of targetUrl}/{appId}, that appId a real app of the tenant, which should be granted Receive.Payload.
 */
export function checkConfiguration(
	targetUrl: string,
	resourceId: string,
	tenant: TenantStore,
): ConfigurationCheck {
	const errors: ConfigurationFinding[] = [];
	const warnings: ConfigurationFinding[] = [];
	let host: string | undefined;
	try {
		const url = new URL(targetUrl);
		host = url.hostname.toLowerCase();
		if (url.protocol !== 'https:') {
			errors.push({
				code: 'IncorrectTargetUrlFormat',
				message: 'The targetUrl should be an absolute URL that uses https.',
				signInCode: 1003020,
			});
		}
	} catch {
		errors.push({
			code: 'IncorrectTargetUrlFormat',
			message: 'The targetUrl should be an absolute URL that uses https.',
			signInCode: 1003020,
		});
	}
	const match = resourcePattern.exec(resourceId);
	if (!match) {
		errors.push({
			code: 'IncorrectResourceIdFormat',
			message: "ResourceId should be in the format of 'api://{fully qualified domain name}/{appid}'",
			signInCode: 1003014,
		});
		return { errors, warnings };
	}
	if (host !== undefined && match[1]!.toLowerCase() !== host) {
		errors.push({
			code: 'DomainNameDoesNotMatch',
			message: 'The fully qualified domain name in resourceId should match that of the targetUrl',
			signInCode: 1003015,
		});
	}
	const application = tenant.findApplicationByAppId(match[2]!);
	if (!application) {
		errors.push({
			code: 'ServicePrincipalNotFound',
			message: 'The appId of the resourceId should correspond to a real service principal in the tenant',
			signInCode: 1003016,
		});
	} else if (
		!application.grantedGraphAppRoles.some((role) =>
			/^CustomAuthenticationExtensions?\.Receive\.Payload$/i.test(role),
		)
	) {
		warnings.push({
			code: 'PermissionNotGrantedToServicePrincipal',
			message:
				'The permission CustomAuthenticationExtensions.Receive.Payload is not granted to the service principal of the resource app',
			signInCode: 1003021,
		});
	}
	return { errors, warnings };
}

/** The flows whose start or submit handler points at the extension. */
export function flowsUsing(extensionId: string, tenant: TenantStore) {
	const same = (id: string | null | undefined) => id?.toLowerCase() === extensionId.toLowerCase();
	return tenant.flows.filter(
		(flow) =>
			same(flow.onAttributeCollectionStart?.customExtensionId) ||
			same(flow.onAttributeCollectionSubmit?.customExtensionId),
	);
}
