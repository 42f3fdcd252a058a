// A tenant read once for a plan: every kind of thing in one list call each (flows, identity providers,
// attributes, applications, custom extensions), in parallel, not once per flow; then, in one more round, the
// extension each flow runs at start and submit (a navigation the flow's own answer never expands).
import { listApplications } from '../graph/applications.js';
import { getUserFlow, listUserFlows } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import { listTenantAttributes } from '../graph/tenant-attributes.js';
import { listTenantIdentityProviders } from '../graph/tenant-providers.js';
import type { Application, IdentityProvider, UserFlow, UserFlowAttribute } from '../graph/types.js';
import {
	type FlowExtensions,
	readExtensionsOfFlows,
	readTenantExtensions,
	type SavedExtension,
} from './extensions.js';

/** What a plan compares files with. */
export type TenantSnapshot = {
	readonly flows: readonly (UserFlow & { readonly id: string })[];
	readonly providers: readonly IdentityProvider[];
	readonly attributes: readonly UserFlowAttribute[];
	/** undefined when the token may not read applications: apps are then matched by appId alone. */
	readonly applications?: readonly Application[];
	/** The tenant's custom authentication extensions, of every kind (what flow files name is found here). */
	readonly extensions: readonly SavedExtension[];
	/** The extensions each flow runs, by flow id. */
	readonly flowExtensions: ReadonlyMap<string, FlowExtensions>;
};

// A list entry without its sections (the service need not expand them) is read whole, that flow alone.
const lacksSections = (flow: UserFlow) =>
	flow.onAuthenticationMethodLoadStart?.identityProviders === undefined ||
	(flow.onAttributeCollection != null && flow.onAttributeCollection.attributeCollectionPage === undefined);

/**
 * Reads the tenant: one request per kind of thing, then side by side each flow's two extension handlers (and
 * each flow the list did not give whole). `extensions: false` (lint, the tenant overview: they never look at
 * extensions) skips those reads, so they cost no handler read per flow and no extension permission; the
 * snapshot then says no flow runs one, so it must not be planned against.
 */
export async function readTenant(
	client: GraphClient,
	options: { readonly extensions?: boolean } = {},
): Promise<TenantSnapshot> {
	const withExtensions = options.extensions !== false;
	const [flows, providers, attributes, applications, extensions] = await Promise.all([
		listUserFlows(client),
		listTenantIdentityProviders(client),
		listTenantAttributes(client),
		listApplications(client).catch((error: unknown) => {
			if (isGraphError(error) && error.kind === 'forbidden') return undefined;
			throw error;
		}),
		withExtensions ? readTenantExtensions(client) : { forFlows: [], others: [] },
	]);
	const listed = flows.filter((flow): flow is UserFlow & { id: string } => Boolean(flow.id));
	const [whole, flowExtensions] = await Promise.all([
		Promise.all(
			listed.map(async (flow) =>
				lacksSections(flow) ? { ...(await getUserFlow(client, flow.id)), id: flow.id } : flow,
			),
		),
		withExtensions
			? readExtensionsOfFlows(
					client,
					listed.map((flow) => flow.id),
				)
			: new Map<string, FlowExtensions>(),
	]);
	return {
		flows: whole,
		providers,
		attributes,
		...(applications ? { applications } : {}),
		extensions: [...extensions.forFlows, ...extensions.others],
		flowExtensions,
	};
}
