// The tenant at a glance, for the keyboard app's tenant screen: password reset, the lint findings, and the
// attributes and providers with the flows that use each, from one read of the tenant.
import { type EmailMethodConfiguration, getEmailMethodConfiguration } from '../graph/auth-methods.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import { sameId } from '../graph/ids.js';
import { type PasswordResetStatus, passwordResetOf } from './password-reset.js';
import { readTenant } from './snapshot.js';
import { type LintReport, lintTenant, type SkippedCheck } from './tenant-lint.js';
import { offeredIds } from './tenant-providers.js';

/** A row of the tenant's attributes or providers, with the names of the flows that use it. */
export type TenantItem = {
	readonly id: string;
	readonly displayName: string;
	/** `custom`/`builtIn` for attributes, the provider type for providers. */
	readonly kind: string;
	readonly dataType?: string;
	readonly description?: string;
	readonly flows: readonly string[];
};

export type TenantOverview = {
	/** Undefined when the token may not read the email method (`passwordResetUnavailable` says why). */
	readonly passwordReset?: PasswordResetStatus;
	readonly passwordResetUnavailable?: string;
	readonly lint: LintReport;
	readonly attributes: readonly TenantItem[];
	readonly providers: readonly TenantItem[];
};

/** Reads the tenant once and the email method policy, and puts the overview together. */
export async function readTenantOverview(client: GraphClient): Promise<TenantOverview> {
	let unavailable: string | undefined;
	const [tenant, method] = await Promise.all([
		readTenant(client, { extensions: false }),
		getEmailMethodConfiguration(client).catch((error: unknown): EmailMethodConfiguration | undefined => {
			if (!isGraphError(error) || error.kind !== 'forbidden') throw error;
			unavailable = `needs ${error.requiredPermission ?? 'Policy.Read.AuthenticationMethod'}`;
			return undefined;
		}),
	]);
	const skipped: SkippedCheck[] = unavailable
		? [
				{
					check: 'passwordResetUnreachable',
					reason: `reading the email one-time passcode method ${unavailable}`,
				},
			]
		: [];
	const name = (flow: { displayName?: string; id: string }) => flow.displayName ?? flow.id;
	return {
		...(method ? { passwordReset: passwordResetOf(method, tenant.flows) } : {}),
		...(unavailable ? { passwordResetUnavailable: unavailable } : {}),
		lint: { findings: lintTenant(tenant, method), skipped },
		attributes: tenant.attributes.map((attribute) => ({
			id: attribute.id ?? '',
			displayName: attribute.displayName ?? attribute.id ?? '',
			kind: attribute.userFlowAttributeType ?? '',
			dataType: attribute.dataType ?? '',
			description: attribute.description ?? '',
			flows: tenant.flows
				.filter((flow) =>
					(flow.onAttributeCollection?.attributes ?? []).some((item) => sameId(item.id, attribute.id)),
				)
				.map(name),
		})),
		providers: tenant.providers.map((provider) => ({
			id: provider.id ?? '',
			displayName: provider.displayName ?? provider.id ?? '',
			kind: provider.identityProviderType ?? provider['@odata.type']?.replace('#microsoft.graph.', '') ?? '',
			flows: tenant.flows.filter((flow) => offeredIds(flow).some((id) => sameId(id, provider.id))).map(name),
		})),
	};
}
