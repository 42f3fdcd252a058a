// The tenant's identity providers: configure a new one (Google, Facebook, Apple, custom OIDC), change one
// (only the fields that change: secrets are write-only and read back masked, so a read is never sent back),
// delete one once no flow offers it.
import { getUserFlow, listUserFlows } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { sameId } from '../graph/ids.js';
import {
	type ConfiguredProvider,
	createTenantIdentityProvider,
	deleteTenantIdentityProvider,
	type ProviderBody,
	providerODataTypes,
	updateTenantIdentityProvider,
} from '../graph/tenant-provider-writes.js';
import { listTenantIdentityProviders } from '../graph/tenant-providers.js';
import type { IdentityProvider, UserFlow } from '../graph/types.js';
import { done, type Outcome, refused, unchanged } from './outcome.js';
import type { FlowRef, RefusalOf } from './refusals.js';
import { sendWrite } from './send-write.js';
import { flowRef } from './tenant-reads.js';

/** How a custom OIDC provider proves who it is to the other side's token endpoint. */
export type OidcClientAuthentication =
	| { readonly kind: 'clientSecret'; readonly clientSecret: string }
	| { readonly kind: 'privateKeyJwt' };

/** A provider to configure, by kind (the service's required properties, and no more). */
export type NewTenantProvider =
	| {
			readonly kind: 'Google' | 'Facebook';
			readonly displayName?: string;
			readonly clientId: string;
			readonly clientSecret: string;
	  }
	| {
			readonly kind: 'Apple';
			readonly displayName?: string;
			readonly developerId: string;
			readonly serviceId: string;
			readonly keyId: string;
			readonly certificateData: string;
	  }
	| {
			readonly kind: 'OIDC';
			readonly displayName: string;
			readonly clientId: string;
			readonly issuer: string;
			readonly wellKnownEndpoint: string;
			readonly scope: string;
			readonly clientAuthentication: OidcClientAuthentication;
			readonly claimsMapping: Readonly<Record<string, unknown>>;
	  };

/** The claims mapping the CIAM page's example uses: the standard OIDC claims, each to itself. */
export const standardClaimsMapping: Readonly<Record<string, unknown>> = {
	sub: 'sub',
	name: 'name',
	given_name: 'given_name',
	family_name: 'family_name',
	email: 'email',
	email_verified: 'email_verified',
};

/** What a provider's kind is, from its `@odata.type` (undefined for built-in local accounts). */
export function providerKind(provider: IdentityProvider): 'social' | 'apple' | 'oidc' | undefined {
	const type = provider['@odata.type']?.toLowerCase() ?? '';
	if (type.endsWith('socialidentityprovider')) return 'social';
	if (type.endsWith('applemanagedidentityprovider')) return 'apple';
	if (type.endsWith('oidcidentityprovider')) return 'oidc';
	return undefined;
}

function clientAuthenticationBody(auth: OidcClientAuthentication): Record<string, unknown> {
	return auth.kind === 'clientSecret'
		? { '@odata.type': providerODataTypes.clientSecret, clientSecret: auth.clientSecret }
		: { '@odata.type': providerODataTypes.privateKeyJwt };
}

/** The create body for a provider (the CIAM page: every listed property is required). */
export function newProviderBody(provider: NewTenantProvider): ProviderBody {
	switch (provider.kind) {
		case 'Google':
		case 'Facebook':
			return {
				'@odata.type': providerODataTypes.social,
				displayName: provider.displayName ?? provider.kind,
				identityProviderType: provider.kind,
				clientId: provider.clientId,
				clientSecret: provider.clientSecret,
			};
		case 'Apple':
			return {
				'@odata.type': providerODataTypes.apple,
				displayName: provider.displayName ?? 'Apple',
				developerId: provider.developerId,
				serviceId: provider.serviceId,
				keyId: provider.keyId,
				certificateData: provider.certificateData,
			};
		case 'OIDC':
			return {
				'@odata.type': providerODataTypes.oidc,
				displayName: provider.displayName,
				clientId: provider.clientId,
				issuer: provider.issuer,
				wellKnownEndpoint: provider.wellKnownEndpoint,
				// Only `code` is supported by the service today.
				responseType: 'code',
				scope: provider.scope,
				clientAuthentication: clientAuthenticationBody(provider.clientAuthentication),
				inboundClaimMapping: provider.claimsMapping,
			};
		default: {
			const never: never = provider;
			return never;
		}
	}
}

/** The tenant's provider that a new one would collide with: the same social type or Apple, or an OIDC name. */
export async function providerExists(
	client: GraphClient,
	provider: NewTenantProvider,
	known?: readonly IdentityProvider[],
): Promise<RefusalOf<'providerExists'> | undefined> {
	const providers = known ?? (await listTenantIdentityProviders(client));
	const wanted =
		provider.kind === 'OIDC' ? provider.displayName : provider.kind === 'Apple' ? 'Apple' : provider.kind;
	const taken = providers.find((candidate) =>
		provider.kind === 'OIDC'
			? candidate.displayName?.toLowerCase() === provider.displayName.toLowerCase()
			: provider.kind === 'Apple'
				? providerKind(candidate) === 'apple'
				: sameId(candidate.id, `${provider.kind}-OAUTH`),
	);
	return taken
		? { rule: 'providerExists', wanted, taken: { id: taken.id ?? '', displayName: taken.displayName ?? '' } }
		: undefined;
}

/** Configures a new provider; one that the tenant has already (by type, or OIDC name) is refused. */
export async function configureProvider(
	client: GraphClient,
	provider: NewTenantProvider,
): Promise<Outcome<ConfiguredProvider, RefusalOf<'providerExists'>>> {
	if (client.dryRun) {
		const refusal = await providerExists(client, provider);
		if (refusal) return refused(refusal);
	}
	const sent = await sendWrite(
		() => createTenantIdentityProvider(client, newProviderBody(provider)),
		() => providerExists(client, provider),
	);
	return sent.ok ? done(sent.value) : sent.outcome;
}

/** Fields an update may set, per kind; secrets are given only when they change (they cannot be compared). */
export type ProviderChanges = {
	readonly displayName?: string;
	readonly clientId?: string;
	readonly clientSecret?: string;
	readonly developerId?: string;
	readonly serviceId?: string;
	readonly keyId?: string;
	readonly certificateData?: string;
	readonly issuer?: string;
	readonly wellKnownEndpoint?: string;
	readonly scope?: string;
	readonly clientAuthentication?: OidcClientAuthentication;
	readonly claimsMapping?: Readonly<Record<string, unknown>>;
};

const fieldsOf = {
	social: ['displayName', 'clientId', 'clientSecret'],
	apple: ['displayName', 'developerId', 'serviceId', 'keyId', 'certificateData'],
	oidc: [
		'displayName',
		'clientId',
		'issuer',
		'wellKnownEndpoint',
		'scope',
		'clientAuthentication',
		'claimsMapping',
	],
} as const;
const secretFields = new Set(['clientSecret', 'certificateData', 'clientAuthentication']);

/** A change that does not fit the provider's kind. */
export class ProviderChangeError extends Error {
	readonly fields: readonly string[];
	constructor(message: string, fields: readonly string[]) {
		super(message);
		this.name = 'ProviderChangeError';
		this.fields = fields;
	}
}

/**
 * The PATCH body for `changes` against the provider as read: only fields that differ from what was read,
 * secrets whenever given. Undefined when nothing would change. Throws ProviderChangeError for a field the
 * provider's kind does not have.
 */
export function providerPatch(
	provider: ConfiguredProvider,
	changes: ProviderChanges,
): ProviderBody | undefined {
	const kind = providerKind(provider);
	if (!kind) throw new ProviderChangeError(`${provider.id} is a built-in provider.`, []);
	const allowed: readonly string[] = fieldsOf[kind];
	const given = Object.entries(changes).filter(([, value]) => value !== undefined);
	const foreign = given.map(([key]) => key).filter((key) => !allowed.includes(key));
	if (foreign.length > 0) {
		throw new ProviderChangeError(
			`${foreign.join(', ')} cannot be set on a ${kind === 'social' ? provider.identityProviderType : kind === 'apple' ? 'Apple' : 'custom OIDC'} provider; it has ${allowed.join(', ')}.`,
			foreign,
		);
	}
	const read = provider as Record<string, unknown>;
	const body: Record<string, unknown> = {};
	for (const [key, value] of given) {
		if (key === 'clientAuthentication') {
			body.clientAuthentication = clientAuthenticationBody(value as OidcClientAuthentication);
		} else if (key === 'claimsMapping') {
			if (JSON.stringify(value) !== JSON.stringify(provider.inboundClaimMapping ?? null))
				body.inboundClaimMapping = value;
		} else if (secretFields.has(key) || read[key] !== value) body[key] = value;
	}
	if (Object.keys(body).length === 0) return undefined;
	return { '@odata.type': provider['@odata.type'] ?? '', ...body };
}

/** Changes a provider: only what differs is sent; the same values again are nothing to do. */
export async function changeProvider(
	client: GraphClient,
	provider: ConfiguredProvider & { readonly id: string },
	changes: ProviderChanges,
): Promise<Outcome<ProviderBody, RefusalOf<'providerBuiltIn'>>> {
	if (!providerKind(provider)) return refused({ rule: 'providerBuiltIn', providerId: provider.id });
	const body = providerPatch(provider, changes);
	if (!body) return unchanged('already');
	const sent = await sendWrite<void, never>(() => updateTenantIdentityProvider(client, provider.id, body));
	return sent.ok ? done(body) : sent.outcome;
}

/** Every flow with the providers it offers (the list entry, or the flow read whole when the list left them out). */
export async function flowsWithProviders(
	client: GraphClient,
): Promise<(UserFlow & { readonly id: string })[]> {
	const flows = (await listUserFlows(client)).filter((flow): flow is UserFlow & { id: string } =>
		Boolean(flow.id),
	);
	return Promise.all(
		flows.map(async (flow) =>
			flow.onAuthenticationMethodLoadStart?.identityProviders === undefined
				? { ...(await getUserFlow(client, flow.id)), id: flow.id }
				: flow,
		),
	);
}

/** The providers a flow offers, by id. */
export function offeredIds(flow: UserFlow): string[] {
	return (flow.onAuthenticationMethodLoadStart?.identityProviders ?? []).flatMap((provider) =>
		provider.id ? [provider.id] : [],
	);
}

/** The flows offering a provider now, as a refusal to delete it; undefined when none does. */
export async function providerInUse(
	client: GraphClient,
	providerId: string,
	known?: readonly UserFlow[],
): Promise<RefusalOf<'providerInUse'> | undefined> {
	const flows = known ?? (await flowsWithProviders(client));
	const offering = flows.filter((flow) => offeredIds(flow).some((id) => sameId(id, providerId)));
	if (offering.length === 0) return undefined;
	const only: FlowRef[] = offering.filter((flow) => offeredIds(flow).length === 1).map(flowRef);
	return { rule: 'providerInUse', providerId, flows: offering.map(flowRef), onlyProvider: only };
}

/** Why a provider cannot be deleted now (built in, or flows offer it); undefined when it can. */
export async function deletionRefusal(
	client: GraphClient,
	provider: IdentityProvider & { readonly id: string },
): Promise<RefusalOf<'providerInUse' | 'providerBuiltIn'> | undefined> {
	if (!providerKind(provider)) return { rule: 'providerBuiltIn', providerId: provider.id };
	return providerInUse(client, provider.id);
}

/**
 * Deletes a provider no flow offers (checked first: what the service does to flows that still offer it is
 * undocumented). Built-in ones are refused; gone already (404) is nothing to do.
 */
export async function removeTenantProvider(
	client: GraphClient,
	provider: IdentityProvider & { readonly id: string },
): Promise<Outcome<undefined, RefusalOf<'providerInUse' | 'providerBuiltIn'>>> {
	const refusal = await deletionRefusal(client, provider);
	if (refusal) return refused(refusal);
	try {
		const sent = await sendWrite(
			() => deleteTenantIdentityProvider(client, provider.id),
			() => providerInUse(client, provider.id),
		);
		return sent.ok ? done(undefined) : sent.outcome;
	} catch (error) {
		if ((error as { status?: number }).status === 404) return unchanged('meanwhile');
		throw error;
	}
}
