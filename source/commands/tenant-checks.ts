// The rules the service applies to a write, checked by reading: up front in a dry run (nothing is sent, so the
// service cannot refuse), and after a refusal, to say in our words what was wrong instead of the service's.
import { listApplications } from '../graph/applications.js';
import { findUserFlowByApp } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import { attributeShortName, sameId } from '../graph/ids.js';
import { listTenantAttributes } from '../graph/tenant-attributes.js';
import { listTenantIdentityProviders } from '../graph/tenant-providers.js';
import { CommandFailure, UsageError } from './command.js';
import { flowsNamed } from './resolve-flow.js';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an explanation finds when the change a refused write asked for is there after all (made meanwhile). */
export class AlreadyDone extends Error {
	constructor() {
		super('already done');
		this.name = 'AlreadyDone';
	}
}

/**
 * An application (client) id must be a GUID: anything else is a usage error, refused before any request.
 * `flowWord` is the word before it: a word there too usually means a flow name with spaces, unquoted.
 */
export function requireAppId(appId: string, flowWord?: string): void {
	if (!guid.test(appId)) {
		const unquoted =
			flowWord && /^[^\d-]+$/.test(appId)
				? ` If "${flowWord} ${appId}" is the flow's name, put it in quotes.`
				: '';
		throw new UsageError(
			`"${appId}" is not an application (client) id: expected a GUID such as 3f50bdf7-1afb-4192-97ec-327636846440. List them with \`entra-flows tenant apps\`.${unquoted}`,
		);
	}
}

/** Refuses an identity provider the tenant does not have, naming the ones it has. */
export async function requireTenantProvider(client: GraphClient, providerId: string): Promise<void> {
	const ids = (await listTenantIdentityProviders(client)).map((provider) => provider.id ?? '');
	if (!ids.some((id) => sameId(id, providerId))) {
		throw new CommandFailure(
			`${providerId} is not an identity provider of this tenant.`,
			`It has: ${ids.join(', ') || 'none'} (\`entra-flows tenant providers\`). Configure a new one in the Entra admin center first.`,
		);
	}
}

/** Refuses a user-flow attribute the tenant does not have, naming the ones it has. */
export async function requireTenantAttribute(client: GraphClient, attributeId: string): Promise<void> {
	const ids = (await listTenantAttributes(client)).map((attribute) => attribute.id ?? '');
	if (!ids.some((id) => sameId(id, attributeId))) {
		throw new CommandFailure(
			`${attributeId} is not a user-flow attribute of this tenant.`,
			`It has: ${ids.join(', ')}. Create a custom one with \`entra-flows tenant attributes create\`.`,
		);
	}
}

/** Refuses a custom attribute name the tenant already has (compared as the service does, ignoring case). */
export async function requireFreeAttributeName(client: GraphClient, name: string): Promise<void> {
	const wanted = name.toLowerCase();
	// A custom attribute's id is extension_<appId>_<name without spaces>: the name is taken if either matches.
	const taken = (await listTenantAttributes(client)).find(
		(attribute) =>
			attribute.displayName?.toLowerCase() === wanted ||
			sameId(attributeShortName(attribute.id ?? ''), wanted.replace(/\s+/g, '')),
	);
	if (taken) {
		throw new CommandFailure(
			`The tenant already has an attribute named "${taken.displayName}" (${taken.id}).`,
			'Use it as it is (`entra-flows attributes add <flow> <attributeId>`), or choose another name.',
		);
	}
}

/** Refuses an appId no application of the tenant has (skipped when the token may not read applications). */
export async function requireApplication(client: GraphClient, appId: string): Promise<void> {
	let appIds: string[];
	try {
		appIds = (await listApplications(client)).map((app) => app.appId ?? '');
	} catch (error) {
		if (isGraphError(error) && error.kind === 'forbidden') return;
		throw error;
	}
	if (!appIds.some((id) => sameId(id, appId))) {
		throw new CommandFailure(
			`No application of this tenant has the appId ${appId}.`,
			'List them with `entra-flows tenant apps`; register the app first if it is new.',
		);
	}
}

/** Refuses a display name another user flow already has (names are unique in a tenant). */
export async function requireFreeName(
	client: GraphClient,
	name: string,
	exceptFlowId?: string,
): Promise<void> {
	const taken = (await flowsNamed(client, name)).find(
		(flow) => flow.id !== exceptFlowId && flow.displayName?.toLowerCase() === name.toLowerCase(),
	);
	if (taken) {
		throw new CommandFailure(
			`A user flow named "${taken.displayName}" already exists (${taken.id}); names are unique in a tenant.`,
			'Choose another name, or change that flow with `entra-flows flows update`.',
		);
	}
}

/** Refuses an app another user flow already uses (an application can use only one). */
export async function requireAppFree(client: GraphClient, appId: string): Promise<void> {
	const owner = await findUserFlowByApp(client, appId);
	if (owner) {
		throw new CommandFailure(
			`${appId} already uses the user flow "${owner.displayName}"; an application can use only one.`,
			`Leave it out here and move it later with \`entra-flows apps link <flow> ${appId} --move\`.`,
		);
	}
}

/** Everything the service checks when a flow is created: a free name, tenant providers, existing free apps. */
export async function requireCreatable(
	client: GraphClient,
	flow: { displayName: string; identityProviderIds: readonly string[]; appIds?: readonly string[] },
): Promise<void> {
	await requireFreeName(client, flow.displayName);
	for (const providerId of flow.identityProviderIds) await requireTenantProvider(client, providerId);
	for (const appId of flow.appIds ?? []) {
		await requireApplication(client, appId);
		await requireAppFree(client, appId);
	}
}

/** Runs an explained write; true when its explanation found what was asked already there (made meanwhile). */
export async function foundAlreadyDone(write: () => Promise<unknown>): Promise<boolean> {
	try {
		await write();
		return false;
	} catch (error) {
		if (error instanceof AlreadyDone) return true;
		throw error;
	}
}

/**
 * Runs a write; if the service refuses it with 400, 404 or 409, runs `explain` (which throws our own words when it
 * finds the cause, or AlreadyDone when what was asked is there now) before letting the service's error through.
 */
export async function explainRefusal<T>(write: () => Promise<T>, explain: () => Promise<void>): Promise<T> {
	try {
		return await write();
	} catch (error) {
		// 404 too: what the write names may have gone meanwhile (a $ref removal of something already removed).
		if (isGraphError(error) && [400, 404, 409].includes(error.status)) {
			try {
				await explain();
			} catch (explained) {
				// Only our own finding replaces the service's error; a failed check leaves it as it was.
				if (explained instanceof CommandFailure)
					throw new CommandFailure(explained.message, explained.hint, error);
				if (explained instanceof AlreadyDone) throw explained;
			}
		}
		throw error;
	}
}
