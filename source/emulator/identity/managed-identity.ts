import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { graphAppId, graphAudience } from './model.js';

/*
The two managed identity endpoints msal-node's ManagedIdentityApplication calls, as Azure serves them: App
Service / Functions / Container Apps (`IDENTITY_ENDPOINT` with the `X-IDENTITY-HEADER` secret, api-version
2019-08-01) and the VM instance metadata service (IMDS, `Metadata: true`, api-version 2018-02-01). Both take
`resource` (not a scope) and an optional user-assigned id, and answer with expiry times as strings.
*/

/** A managed identity of the emulated machine: its client id and the app roles granted to it. */
export type EmulatedManagedIdentity = {
	readonly clientId: string;
	readonly objectId: string;
	readonly roles: readonly string[];
};

/** The machine's identities: one system-assigned, any number user-assigned. */
export type ManagedIdentities = {
	readonly systemAssigned: EmulatedManagedIdentity;
	readonly userAssigned: readonly EmulatedManagedIdentity[];
	/** The App Service secret (`IDENTITY_HEADER`). */
	readonly identityHeader: string;
};

/** Where a request came in. */
export type ManagedIdentitySource = 'app-service' | 'imds';

/** What the endpoint decided: a token for an identity, or an error body in that source's shape. */
export type ManagedIdentityAnswer =
	| { readonly ok: true; readonly identity: EmulatedManagedIdentity; readonly resource: string }
	| { readonly ok: false; readonly status: number; readonly body: Record<string, unknown> };

/** The paths, as Azure has them (App Service's is whatever IDENTITY_ENDPOINT says; this is its usual form). */
export const managedIdentityPaths = { appService: '/msi/token', imds: '/metadata/identity/oauth2/token' };

const graphResources = new Set([graphAudience, `${graphAudience}/`, graphAppId]);

const header = (headers: IncomingHttpHeaders, name: string) => {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
};

const sameSecret = (given: string, wanted: string) =>
	given.length === wanted.length && timingSafeEqual(Buffer.from(given), Buffer.from(wanted));

function appServiceError(status: number, message: string): ManagedIdentityAnswer {
	return { ok: false, status, body: { statusCode: status, message, correlationId: randomUUID() } };
}

function imdsError(status: number, error: string, description: string): ManagedIdentityAnswer {
	return { ok: false, status, body: { error, error_description: description } };
}

/** The identity a request names: by client id, object (principal) id or none (system-assigned). */
function pick(identities: ManagedIdentities, query: URLSearchParams, objectIdName: string) {
	const clientId = query.get('client_id')?.toLowerCase();
	const objectId = query.get(objectIdName)?.toLowerCase();
	if (query.get('mi_res_id') || query.get('msi_res_id')) return null;
	if (!clientId && !objectId) return identities.systemAssigned;
	return (
		identities.userAssigned.find(
			(identity) => identity.clientId === clientId || (objectId && identity.objectId === objectId),
		) ?? null
	);
}

/** Decides a managed identity token request; the caller mints the token. */
export function answerManagedIdentity(
	source: ManagedIdentitySource,
	identities: ManagedIdentities,
	query: URLSearchParams,
	headers: IncomingHttpHeaders,
): ManagedIdentityAnswer {
	const resource = query.get('resource') ?? '';
	if (source === 'app-service') {
		const secret = header(headers, 'x-identity-header') ?? '';
		if (!sameSecret(secret, identities.identityHeader))
			return appServiceError(401, 'The X-IDENTITY-HEADER is missing or does not match IDENTITY_HEADER.');
		if (query.get('api-version') !== '2019-08-01')
			return appServiceError(400, 'The api-version is missing or not supported; use 2019-08-01.');
		if (!resource) return appServiceError(400, 'The resource parameter is required.');
		const identity = pick(identities, query, 'principal_id') ?? pick(identities, query, 'object_id');
		if (!identity)
			return appServiceError(
				400,
				'No User Assigned or Delegated Managed Identity found for specified ClientId/ResourceId/PrincipalId.',
			);
		if (!graphResources.has(resource))
			return appServiceError(400, `AADSTS500011: The resource principal named ${resource} was not found.`);
		return { ok: true, identity, resource };
	}
	if (header(headers, 'metadata') !== 'true')
		return imdsError(400, 'invalid_request', 'Required metadata header not specified');
	if (header(headers, 'x-forwarded-for'))
		return imdsError(400, 'invalid_request', 'Request should not be forwarded by a proxy');
	if (query.get('api-version') !== '2018-02-01')
		return imdsError(400, 'invalid_request', 'Invalid or missing api-version (2018-02-01 is served here)');
	if (!resource) return imdsError(400, 'invalid_request', 'Required audience parameter not specified');
	const identity = pick(identities, query, 'object_id');
	if (!identity) return imdsError(400, 'invalid_request', 'Identity not found');
	if (!graphResources.has(resource))
		return imdsError(
			400,
			'invalid_resource',
			`AADSTS500011: The resource principal named ${resource} was not found.`,
		);
	return { ok: true, identity, resource };
}

/** The success body each source sends (every number a string, as Azure's are). */
export function managedIdentityBody(
	source: ManagedIdentitySource,
	token: string,
	identity: EmulatedManagedIdentity,
	resource: string,
	lifetimeSeconds: number,
): Record<string, string> {
	const now = Math.floor(Date.now() / 1000);
	const common = {
		access_token: token,
		expires_on: String(now + lifetimeSeconds),
		resource,
		token_type: 'Bearer',
		client_id: identity.clientId,
	};
	if (source === 'app-service') return common;
	return {
		...common,
		expires_in: String(lifetimeSeconds),
		ext_expires_in: String(lifetimeSeconds),
		not_before: String(now),
	};
}
