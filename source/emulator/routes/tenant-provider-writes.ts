import { randomUUID } from 'node:crypto';
import { GraphError, invalid, notFound } from '../errors.js';
import { type Body, isObject, objectBody, onlyKeys, requiredString, sameType } from '../json-check.js';
import { checkQuery, metadata } from '../odata.js';
import { renderProvider } from '../render.js';
import { providerTypes } from '../render-provider.js';
import type { Reply, RouteContext } from '../router.js';
import type { JsonObject, OidcProviderRecord, ProviderRecord } from '../types.js';

// Creating, changing and deleting the tenant's identity providers, with the rules of the beta CIAM page: every
// listed property is required on create, secrets are write-only, ids are fixed per social type and GUIDs for
// OIDC, only `code` is a supported response type, and a PATCH names the provider's own type.

const socialKeys = ['displayName', 'identityProviderType', 'clientId', 'clientSecret'];
const appleKeys = ['displayName', 'developerId', 'serviceId', 'keyId', 'certificateData'];
const oidcKeys = [
	'displayName',
	'clientId',
	'issuer',
	'wellKnownEndpoint',
	'responseType',
	'scope',
	'clientAuthentication',
	'inboundClaimMapping',
];
// External and workforce tenants may create these two social types only.
const socialTypes = ['Google', 'Facebook'];

function httpsUrl(body: Body, key: string): string {
	const value = requiredString(body, key, 'the identity provider');
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw invalid(`The property '${key}' must be an absolute https URL, not '${value}'.`);
	}
	if (url.protocol !== 'https:') throw invalid(`The property '${key}' must be an https URL, not '${value}'.`);
	return value;
}

function responseType(body: Body): string {
	const value = requiredString(body, 'responseType', 'the identity provider');
	// A flags enum on the wire; only `code` is supported today ("id_token … not supported at the moment").
	if (value !== 'code') {
		throw invalid(`The responseType '${value}' is not supported; only 'code' is supported at the moment.`);
	}
	return value;
}

function clientAuthentication(body: Body): OidcProviderRecord['clientAuthentication'] {
	const value = body.clientAuthentication;
	if (!isObject(value)) {
		throw invalid(
			"The property 'clientAuthentication' of the identity provider is required and must be an object.",
		);
	}
	if (sameType(value['@odata.type'], providerTypes.clientSecret)) {
		onlyKeys(value, ['clientSecret'], 'microsoft.graph.oidcClientSecretAuthentication');
		return {
			kind: 'clientSecret',
			clientSecret: requiredString(value, 'clientSecret', 'clientAuthentication'),
		};
	}
	if (sameType(value['@odata.type'], providerTypes.privateKeyJwt)) {
		onlyKeys(value, [], 'microsoft.graph.oidcPrivateJwtKeyClientAuthentication');
		return { kind: 'privateKeyJwt' };
	}
	throw invalid(
		`The clientAuthentication type '${String(value['@odata.type'])}' is not supported; send '${providerTypes.clientSecret}' or '${providerTypes.privateKeyJwt}' (client_secret_basic is not supported).`,
	);
}

function claimMapping(body: Body): JsonObject {
	const value = body.inboundClaimMapping;
	if (!isObject(value)) {
		throw invalid(
			"The property 'inboundClaimMapping' of the identity provider is required and must be an object.",
		);
	}
	if (typeof value.sub !== 'string' || value.sub === '') {
		throw invalid("The inboundClaimMapping must map 'sub' to the claim that identifies the user.");
	}
	return value as JsonObject;
}

function oidcFields(body: Body): OidcProviderRecord {
	return {
		issuer: httpsUrl(body, 'issuer'),
		wellKnownEndpoint: httpsUrl(body, 'wellKnownEndpoint'),
		responseType: responseType(body),
		scope: requiredString(body, 'scope', 'the identity provider'),
		clientAuthentication: clientAuthentication(body),
		inboundClaimMapping: claimMapping(body),
	};
}

function required(body: Body, keys: readonly string[]): void {
	for (const key of keys) {
		if (key === 'clientAuthentication' || key === 'inboundClaimMapping') continue;
		requiredString(body, key, 'the identity provider');
	}
}

/** The new provider a create body describes (not yet stored). */
function buildProvider(body: Body, context: RouteContext): ProviderRecord {
	const type = body['@odata.type'];
	if (type === undefined) {
		throw invalid(
			`The property '@odata.type' is required on an identity provider; send one of ${Object.values(providerTypes).slice(0, 3).join(', ')}.`,
		);
	}
	if (sameType(type, providerTypes.social)) {
		onlyKeys(body, socialKeys, 'microsoft.graph.socialIdentityProvider');
		required(body, socialKeys);
		const kind = String(body.identityProviderType);
		const known = socialTypes.find((name) => name.toLowerCase() === kind.toLowerCase());
		if (!known) {
			throw invalid(
				`The identityProviderType '${kind}' is not supported in this tenant; use ${socialTypes.join(' or ')}.`,
			);
		}
		return {
			id: `${known}-OAUTH`,
			displayName: String(body.displayName),
			kind: 'social',
			identityProviderType: known,
			clientId: String(body.clientId),
			clientSecret: String(body.clientSecret),
		};
	}
	if (sameType(type, providerTypes.apple)) {
		onlyKeys(body, appleKeys, 'microsoft.graph.appleManagedIdentityProvider');
		required(body, appleKeys);
		return {
			id: 'Apple-Managed-OIDC',
			displayName: String(body.displayName),
			kind: 'apple',
			identityProviderType: 'AppleManaged',
			apple: {
				developerId: String(body.developerId),
				serviceId: String(body.serviceId),
				keyId: String(body.keyId),
				certificateData: String(body.certificateData),
			},
		};
	}
	if (sameType(type, providerTypes.oidc)) {
		onlyKeys(body, oidcKeys, 'microsoft.graph.oidcIdentityProvider');
		required(body, ['displayName', 'clientId']);
		const displayName = String(body.displayName);
		const clash = context.tenant.providers.find(
			(provider) => provider.displayName.toLowerCase() === displayName.toLowerCase(),
		);
		if (clash) throw invalid(`An identity provider named '${displayName}' already exists (${clash.id}).`);
		return {
			id: randomUUID(),
			displayName,
			kind: 'oidc',
			identityProviderType: 'OpenIdConnect',
			clientId: String(body.clientId),
			oidc: oidcFields(body),
		};
	}
	throw invalid(`The type '${String(type)}' cannot be created as an identity provider in this tenant.`);
}

/** POST /identity/identityProviders → 201 with the provider, secrets masked. */
export function createProvider(context: RouteContext): Reply {
	checkQuery(context.query, []);
	const body = objectBody(context.body);
	for (const key of ['id', 'state', 'supportedTenantTypes']) {
		if (body[key] !== undefined) throw invalid(`The property '${key}' is read-only; the service sets it.`);
	}
	const provider = buildProvider(body, context);
	const taken = context.tenant.findProvider(provider.id);
	if (taken) {
		throw invalid(
			`An identity provider of type '${provider.identityProviderType}' already exists in this tenant ('${taken.id}'); change it instead.`,
		);
	}
	context.tenant.providers.push(provider);
	context.tenant.touch();
	return {
		status: 201,
		headers: {
			Location: `${context.origin}/${context.version}/identity/identityProviders('${provider.id}')`,
		},
		body: {
			'@odata.context': metadata(context, 'identity/identityProviders/$entity'),
			...renderProvider(provider, context),
		},
	};
}

const typeOf: Record<Exclude<ProviderRecord['kind'], 'builtIn'>, string> = {
	social: providerTypes.social,
	apple: providerTypes.apple,
	oidc: providerTypes.oidc,
};

function changeable(context: RouteContext): ProviderRecord {
	const provider = context.tenant.findProvider(context.params.pid!);
	if (!provider) throw notFound(context.params.pid!);
	if (provider.kind === 'builtIn') {
		throw invalid(
			`'${provider.id}' is a built-in identity provider; it cannot be changed or deleted, only offered by flows or not.`,
		);
	}
	return provider;
}

/** PATCH /identity/identityProviders/{id} → 204; only the properties sent change. */
export function updateProvider(context: RouteContext): Reply {
	checkQuery(context.query, []);
	const provider = changeable(context);
	const body = objectBody(context.body);
	const kind = provider.kind as keyof typeof typeOf;
	const expected = typeOf[kind];
	if (body['@odata.type'] === undefined)
		throw invalid(`The property '@odata.type' is required on an update; send '${expected}'.`);
	if (!sameType(body['@odata.type'], expected)) {
		throw invalid(
			`The type '${String(body['@odata.type'])}' does not match '${provider.id}', which is '${expected}'; the type of a provider cannot change.`,
		);
	}
	const keys = kind === 'social' ? socialKeys : kind === 'apple' ? appleKeys : oidcKeys;
	onlyKeys(body, keys, expected.slice(1));
	if (body.identityProviderType !== undefined)
		throw invalid("The property 'identityProviderType' cannot be changed after creation.");
	const text = (key: string) =>
		body[key] === undefined ? undefined : requiredString(body, key, 'the identity provider');
	const displayName = text('displayName');
	if (displayName !== undefined) provider.displayName = displayName;
	const clientId = text('clientId');
	if (clientId !== undefined) provider.clientId = clientId;
	if (kind === 'social') {
		// Write-only: a client that sends back the masked value it read stores asterisks, as the service would.
		const secret = text('clientSecret');
		if (secret !== undefined) provider.clientSecret = secret;
	}
	if (kind === 'apple' && provider.apple) {
		for (const key of ['developerId', 'serviceId', 'keyId', 'certificateData'] as const) {
			const value = text(key);
			if (value !== undefined) provider.apple[key] = value;
		}
	}
	if (kind === 'oidc' && provider.oidc) {
		const oidc = provider.oidc;
		if (body.issuer !== undefined) oidc.issuer = httpsUrl(body, 'issuer');
		if (body.wellKnownEndpoint !== undefined) oidc.wellKnownEndpoint = httpsUrl(body, 'wellKnownEndpoint');
		if (body.responseType !== undefined) oidc.responseType = responseType(body);
		const scope = text('scope');
		if (scope !== undefined) oidc.scope = scope;
		if (body.clientAuthentication !== undefined) oidc.clientAuthentication = clientAuthentication(body);
		if (body.inboundClaimMapping !== undefined) oidc.inboundClaimMapping = claimMapping(body);
	}
	context.tenant.touch();
	return { status: 204 };
}

/** DELETE /identity/identityProviders/{id} → 204; what happens to flows that offer it is a quirk. */
export function deleteProvider(context: RouteContext): Reply {
	checkQuery(context.query, []);
	const { tenant } = context;
	const provider = changeable(context);
	const same = (id: string) => id.toLowerCase() === provider.id.toLowerCase();
	const offering = tenant.flows.filter((flow) => flow.providerIds.some(same));
	if (offering.length > 0 && context.quirks.deleteProviderInUse === 'refuse') {
		throw invalid(
			`The identity provider '${provider.id}' is used by ${offering.length} user flow(s): ${offering
				.map((flow) => flow.id)
				.join(', ')}. Remove it from them first.`,
		);
	}
	const last = offering.find((flow) => flow.providerIds.length === 1);
	if (last) {
		throw new GraphError(
			400,
			'Request_BadRequest',
			`The identity provider '${provider.id}' is the only one of the user flow '${last.id}'; a user flow needs at least one.`,
		);
	}
	for (const flow of offering) flow.providerIds = flow.providerIds.filter((id) => !same(id));
	tenant.providers.splice(tenant.providers.indexOf(provider), 1);
	tenant.touch();
	return { status: 204 };
}

/** GET /identity/identityProviders/availableProviderTypes: the types this tenant can still create. */
export function availableProviderTypes(context: RouteContext): Reply {
	checkQuery(context.query, []);
	return {
		status: 200,
		body: {
			'@odata.context': metadata(context, 'Collection(Edm.String)'),
			value: ['Google', 'Facebook', 'AppleManaged', 'OpenIdConnect', 'EmailPassword', 'EmailOTP'],
		},
	};
}
