import type { JsonObject, ProviderRecord } from './types.js';

// Apple and custom OIDC providers as the beta CIAM page shows them: write-only secrets read back masked, and
// `supportedTenantTypes` (beta JSON, not in v1.0 metadata) carried on both versions, as Woodgrove's outputs show.

/** `@odata.type` of the provider kinds an external tenant can create. */
export const providerTypes = {
	social: '#microsoft.graph.socialIdentityProvider',
	apple: '#microsoft.graph.appleManagedIdentityProvider',
	oidc: '#microsoft.graph.oidcIdentityProvider',
	clientSecret: '#microsoft.graph.oidcClientSecretAuthentication',
	privateKeyJwt: '#microsoft.graph.oidcPrivateJwtKeyClientAuthentication',
} as const;

/** An Apple or OIDC provider; undefined for the other kinds. */
export function renderConfiguredProvider(provider: ProviderRecord): JsonObject | undefined {
	if (provider.kind === 'apple' && provider.apple) {
		return {
			'@odata.type': providerTypes.apple,
			id: provider.id,
			displayName: provider.displayName,
			developerId: provider.apple.developerId,
			serviceId: provider.apple.serviceId,
			keyId: provider.apple.keyId,
			certificateData: '******',
		};
	}
	if (provider.kind === 'oidc' && provider.oidc) {
		const oidc = provider.oidc;
		return {
			'@odata.type': providerTypes.oidc,
			id: provider.id,
			displayName: provider.displayName,
			clientId: provider.clientId ?? null,
			issuer: oidc.issuer,
			wellKnownEndpoint: oidc.wellKnownEndpoint,
			responseType: oidc.responseType,
			scope: oidc.scope,
			clientAuthentication:
				oidc.clientAuthentication.kind === 'clientSecret'
					? { '@odata.type': providerTypes.clientSecret, clientSecret: '*****' }
					: { '@odata.type': providerTypes.privateKeyJwt },
			inboundClaimMapping: oidc.inboundClaimMapping,
			supportedTenantTypes: 'externalId',
		};
	}
	return undefined;
}
