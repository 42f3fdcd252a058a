import type { GraphClient } from './graph-client.js';
import { segment } from './paths.js';
import { fits, identityProviderShape } from './shapes.js';
import type { IdentityProvider } from './types.js';

// The tenant's identity providers, written: create, change (only what changes), delete. Secrets go out in the
// body and never come back: the service reads them back masked.

const providersPath = '/identity/identityProviders';
const write = 'IdentityProvider.ReadWrite.All';
const checkProvider = fits(identityProviderShape);

/** The `@odata.type` of each provider kind an external tenant can create. */
export const providerODataTypes = {
	social: '#microsoft.graph.socialIdentityProvider',
	apple: '#microsoft.graph.appleManagedIdentityProvider',
	oidc: '#microsoft.graph.oidcIdentityProvider',
	clientSecret: '#microsoft.graph.oidcClientSecretAuthentication',
	privateKeyJwt: '#microsoft.graph.oidcPrivateJwtKeyClientAuthentication',
} as const;

/** A tenant provider with the properties Apple and OIDC providers add (secrets read back masked). */
export type ConfiguredProvider = IdentityProvider & {
	readonly developerId?: string;
	readonly serviceId?: string;
	readonly keyId?: string;
	readonly issuer?: string;
	readonly wellKnownEndpoint?: string;
	readonly responseType?: string;
	readonly scope?: string;
	readonly clientAuthentication?: { readonly '@odata.type'?: string } | null;
	readonly inboundClaimMapping?: Readonly<Record<string, unknown>> | null;
};

/** A create or update body: `@odata.type` and the properties to set. */
export type ProviderBody = { readonly '@odata.type': string } & Readonly<Record<string, unknown>>;

/** Reads one tenant identity provider. */
export async function getTenantIdentityProvider(
	client: GraphClient,
	providerId: string,
): Promise<ConfiguredProvider> {
	const body = await client.request<ConfiguredProvider>('GET', `${providersPath}/${segment(providerId)}`, {
		permission: 'IdentityProvider.Read.All',
		checkBody: checkProvider,
	});
	return body ?? {};
}

/** Creates a tenant identity provider; the answer carries its id (fixed per social type, a GUID for OIDC). */
export async function createTenantIdentityProvider(
	client: GraphClient,
	body: ProviderBody,
): Promise<ConfiguredProvider> {
	const created = await client.request<ConfiguredProvider>('POST', providersPath, {
		body,
		permission: write,
		checkBody: checkProvider,
	});
	return created ?? {};
}

/** Changes the properties in `body` (with the provider's own `@odata.type`). */
export async function updateTenantIdentityProvider(
	client: GraphClient,
	providerId: string,
	body: ProviderBody,
): Promise<void> {
	await client.request('PATCH', `${providersPath}/${segment(providerId)}`, { body, permission: write });
}

/** Deletes a tenant identity provider. */
export async function deleteTenantIdentityProvider(client: GraphClient, providerId: string): Promise<void> {
	await client.request('DELETE', `${providersPath}/${segment(providerId)}`, { permission: write });
}
