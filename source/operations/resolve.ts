// Naming things the way people do: a flow, provider, attribute or app by its id or its name, resolved before
// anything is sent. Names that only look alike (hidden characters, another Unicode form) never match silently,
// and a near miss is offered as "did you mean".
import { listApplications } from '../graph/applications.js';
import { getUserFlow, listUserFlowSummaries } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import { attributeShortName } from '../graph/ids.js';
import { listTenantAttributes } from '../graph/tenant-attributes.js';
import { listTenantIdentityProviders } from '../graph/tenant-providers.js';
import type { Application, IdentityProvider, UserFlow, UserFlowAttribute } from '../graph/types.js';
import { lookAlikeKey } from '../text/visible.js';
import { flowsNamed } from './tenant-reads.js';

/** How a wanted name came out. */
export type Resolution<T> =
	| { readonly kind: 'found'; readonly item: T }
	/** Several items carry that name: the caller asks for an id. */
	| { readonly kind: 'ambiguous'; readonly matches: readonly T[] }
	/** Nothing is named so. `lookAlikes` look the same but differ invisibly; `suggestions` are near misses. */
	| { readonly kind: 'none'; readonly lookAlikes: readonly T[]; readonly suggestions: readonly T[] };

/** What an item is called: its id, and the names a person may use for it (display name, short name…). */
export type Naming<T> = (item: T) => {
	readonly id?: string;
	readonly names: readonly (string | undefined)[];
};

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(
				(rows[i - 1]?.[j] ?? 0) + 1,
				(row[j - 1] ?? 0) + 1,
				(rows[i - 1]?.[j - 1] ?? 0) + cost,
			);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
			row.push(best);
		}
		rows.push(row);
	}
	return rows[a.length]?.[b.length] ?? 0;
}

/**
 * Finds `wanted` among `items`: by id (ignoring case), then by exact name, then by name ignoring case. Names
 * that match only once hidden characters and Unicode forms are set aside are look-alikes, not matches.
 */
export function resolveAmong<T>(items: readonly T[], wanted: string, naming: Naming<T>): Resolution<T> {
	const target = wanted.trim();
	const lower = target.toLowerCase();
	const byId = items.filter((item) => naming(item).id?.toLowerCase() === lower);
	if (byId.length === 1) return { kind: 'found', item: byId[0] as T };
	const names = (item: T) => naming(item).names.filter((name): name is string => Boolean(name));
	for (const same of [(name: string) => name === target, (name: string) => name.toLowerCase() === lower]) {
		const matches = items.filter((item) => names(item).some(same));
		if (matches.length === 1) return { kind: 'found', item: matches[0] as T };
		if (matches.length > 1) return { kind: 'ambiguous', matches };
	}
	const key = lookAlikeKey(target);
	const lookAlikes = items.filter((item) => names(item).some((name) => lookAlikeKey(name) === key));
	const limit = Math.max(1, Math.floor(key.length / 4));
	const suggestions = items
		.map((item) => ({
			item,
			distance: Math.min(
				...[naming(item).id, ...names(item)]
					.filter((name): name is string => Boolean(name))
					.map((name) => editDistance(lookAlikeKey(name), key, limit)),
			),
		}))
		.filter(({ item, distance }) => distance <= limit && !lookAlikes.includes(item))
		.sort((a, b) => a.distance - b.distance)
		.slice(0, 3)
		.map(({ item }) => item);
	return { kind: 'none', lookAlikes, suggestions };
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a GUID (how ids of flows and apps look). */
export function isGuid(text: string): boolean {
	return guid.test(text);
}

const flowNaming: Naming<UserFlow> = (flow) => ({ id: flow.id, names: [flow.displayName] });

/**
 * A flow by id (one GET) or by name (the service's filter), whole as the service keeps it, so callers use it
 * without reading it again; when nothing matches, the whole list is read to find look-alikes and near misses.
 */
export async function resolveFlowReference(
	client: GraphClient,
	reference: string,
): Promise<Resolution<UserFlow & { id: string }>> {
	if (isGuid(reference)) {
		try {
			const flow = await getUserFlow(client, reference);
			return { kind: 'found', item: { ...flow, id: flow.id ?? reference } };
		} catch (error) {
			if (!isGraphError(error) || error.status !== 404) throw error;
			// A GUID-looking display name is unlikely but legal; fall through to the name lookup.
		}
	}
	const withIds = (flows: readonly UserFlow[]) =>
		flows.filter((flow): flow is UserFlow & { id: string } => Boolean(flow.id));
	const named = resolveAmong(withIds(await flowsNamed(client, reference)), reference, flowNaming);
	if (named.kind !== 'none') return named;
	const listed = resolveAmong(withIds(await listUserFlowSummaries(client)), reference, flowNaming);
	if (listed.kind !== 'found') return listed;
	// A summary leaves out the sign-up page and provider details: a flow found only in the list is read whole.
	return { kind: 'found', item: { ...(await getUserFlow(client, listed.item.id)), id: listed.item.id } };
}

/** A tenant identity provider by id or display name (`Google` → `Google-OAUTH`). */
export async function resolveTenantProvider(
	client: GraphClient,
	wanted: string,
	known?: readonly IdentityProvider[],
): Promise<Resolution<IdentityProvider> & { readonly all: readonly IdentityProvider[] }> {
	const all = known ?? (await listTenantIdentityProviders(client));
	return {
		...resolveAmong(all, wanted, (provider) => ({ id: provider.id, names: [provider.displayName] })),
		all,
	};
}

/** A tenant attribute by id, display name or a custom attribute's short name (`…_Favoritecolor`). */
export async function resolveTenantAttribute(
	client: GraphClient,
	wanted: string,
	known?: readonly UserFlowAttribute[],
): Promise<Resolution<UserFlowAttribute> & { readonly all: readonly UserFlowAttribute[] }> {
	const all = known ?? (await listTenantAttributes(client));
	return {
		...resolveAmong(all, wanted, (attribute) => ({
			id: attribute.id,
			names: [attribute.displayName, attributeShortName(attribute.id ?? '')],
		})),
		all,
	};
}

/** An application by appId (taken as given: the service checks it) or by display name (one read). */
export async function resolveApplication(
	client: GraphClient,
	wanted: string,
): Promise<Resolution<Application>> {
	if (isGuid(wanted)) return { kind: 'found', item: { appId: wanted } };
	const apps = await listApplications(client);
	return resolveAmong(apps, wanted, (app) => ({ id: app.appId, names: [app.displayName] }));
}
