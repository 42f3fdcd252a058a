// The reads a rule is checked against, each as small as the service allows (a $filter, not a whole list),
// returning the refusal they find. Used before a write in a dry run (nothing is sent, so the service cannot
// refuse) and after a refusal, to say which rule was broken.

import { listApplications } from '../graph/applications.js';
import { findUserFlowByApp, findUserFlowsByName, listUserFlows } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import { attributeShortName, sameId } from '../graph/ids.js';
import { listTenantAttributes } from '../graph/tenant-attributes.js';
import { listTenantIdentityProviders } from '../graph/tenant-providers.js';
import type { IdentityProvider, UserFlow, UserFlowAttribute } from '../graph/types.js';
import type { FlowRef, RefusalOf } from './refusals.js';
import { isSystemApp } from './system-apps.js';

/** A flow as refusals name it. */
export function flowRef(flow: UserFlow): FlowRef {
	return { id: flow.id ?? '', displayName: flow.displayName ?? flow.id ?? '' };
}

/** Flows whose name may equal `name` (the service's filter, or the whole list where it refuses the filter). */
export async function flowsNamed(client: GraphClient, name: string): Promise<UserFlow[]> {
	try {
		return await findUserFlowsByName(client, name);
	} catch (error) {
		// Filtering on displayName is undocumented; if the service refuses it, match on the full list instead.
		if (!isGraphError(error) || error.status !== 400) throw error;
		return listUserFlows(client);
	}
}

/** Another flow that has `name` already (names are unique in a tenant, compared ignoring case). */
export async function nameTaken(
	client: GraphClient,
	name: string,
	exceptFlowId?: string,
): Promise<RefusalOf<'nameTaken'> | undefined> {
	const taken = (await flowsNamed(client, name)).find(
		(flow) => !sameId(flow.id, exceptFlowId) && flow.displayName?.toLowerCase() === name.toLowerCase(),
	);
	return taken ? { rule: 'nameTaken', name, taken: flowRef(taken) } : undefined;
}

/** The first of `providerIds` the tenant lacks (one read of the tenant's providers for all of them). */
export async function providerNotInTenant(
	client: GraphClient,
	providerIds: readonly string[],
	known?: readonly IdentityProvider[],
): Promise<RefusalOf<'providerNotInTenant'> | undefined> {
	if (providerIds.length === 0) return undefined;
	const ids = (known ?? (await listTenantIdentityProviders(client))).map((provider) => provider.id ?? '');
	const missing = providerIds.find((wanted) => !ids.some((id) => sameId(id, wanted)));
	return missing ? { rule: 'providerNotInTenant', providerId: missing, tenantProviderIds: ids } : undefined;
}

/** The attribute ids of `attributeIds` the tenant lacks (one read of the tenant's attributes). */
export async function attributeNotInTenant(
	client: GraphClient,
	attributeIds: readonly string[],
	known?: readonly UserFlowAttribute[],
): Promise<RefusalOf<'attributeNotInTenant'> | undefined> {
	if (attributeIds.length === 0) return undefined;
	const ids = (known ?? (await listTenantAttributes(client))).map((attribute) => attribute.id ?? '');
	const missing = attributeIds.filter((wanted) => !ids.some((id) => sameId(id, wanted)));
	return missing.length > 0
		? { rule: 'attributeNotInTenant', attributeIds: missing, tenantAttributeIds: ids }
		: undefined;
}

/** No application of the tenant has `appId` (unknown when the token may not read applications: then no refusal). */
export async function noSuchApp(
	client: GraphClient,
	appId: string,
): Promise<RefusalOf<'noSuchApp'> | undefined> {
	try {
		const apps = await listApplications(client, { appId });
		return apps.some((app) => sameId(app.appId, appId)) ? undefined : { rule: 'noSuchApp', appId };
	} catch (error) {
		if (isGraphError(error) && error.kind === 'forbidden') return undefined;
		throw error;
	}
}

/** The first of these apps that is part of the tenant itself (never a flow's app); none when apps cannot be read. */
export async function systemAppAmong(
	client: GraphClient,
	appIds: readonly string[],
): Promise<RefusalOf<'systemApp'> | undefined> {
	const found = await Promise.all(
		appIds.map(async (appId) => {
			try {
				const app = (await listApplications(client, { appId })).find((each) => sameId(each.appId, appId));
				return app && isSystemApp(app)
					? ({ rule: 'systemApp', appId, displayName: app.displayName ?? appId } as const)
					: undefined;
			} catch (error) {
				if (isGraphError(error) && error.kind === 'forbidden') return undefined;
				throw error;
			}
		}),
	);
	return found.find((refusal) => refusal !== undefined);
}

/** The flow an application uses now, if any. */
export async function appOwner(client: GraphClient, appId: string): Promise<FlowRef | undefined> {
	const owner = await findUserFlowByApp(client, appId);
	return owner ? flowRef(owner) : undefined;
}

/** The tenant's custom attribute that `name` would collide with (same name, or the same id once spaces go). */
export async function attributeNameTaken(
	client: GraphClient,
	name: string,
): Promise<RefusalOf<'attributeNameTaken'> | undefined> {
	const wanted = name.toLowerCase();
	const taken = (await listTenantAttributes(client)).find(
		(attribute) =>
			attribute.displayName?.toLowerCase() === wanted ||
			sameId(attributeShortName(attribute.id ?? ''), wanted.replace(/\s+/g, '')),
	);
	return taken
		? {
				rule: 'attributeNameTaken',
				name,
				taken: { id: taken.id ?? '', displayName: taken.displayName ?? taken.id ?? '' },
			}
		: undefined;
}
