import type { GraphClient } from './graph-client.js';
import { odataString } from './paths.js';

// The directory audit log, filtered to what changed one object: activities that start with one of the
// prefixes given, the object as a target, and a lower bound on the time.

/** A directoryAudit as read (the fields entra-flows shows). */
export type DirectoryAudit = {
	readonly id?: string;
	readonly activityDateTime?: string;
	readonly activityDisplayName?: string;
	readonly category?: string;
	readonly result?: string;
	readonly resultReason?: string;
	readonly loggedByService?: string;
	readonly initiatedBy?: {
		readonly user?: {
			readonly id?: string | null;
			readonly displayName?: string | null;
			readonly userPrincipalName?: string | null;
		} | null;
		readonly app?: {
			readonly appId?: string | null;
			readonly displayName?: string | null;
			readonly servicePrincipalId?: string | null;
		} | null;
	} | null;
	readonly targetResources?: readonly {
		readonly id?: string | null;
		readonly displayName?: string | null;
		readonly type?: string | null;
		readonly modifiedProperties?: readonly {
			readonly displayName?: string | null;
			readonly oldValue?: string | null;
			readonly newValue?: string | null;
		}[];
	}[];
};

/** The `$filter` for entries whose activity starts with one of `activities`, about `targetId` when given. */
export function auditFilter(
	activities: readonly string[],
	options: { readonly targetId?: string; readonly since?: Date } = {},
): string {
	const names = activities.map((name) => `startswith(activityDisplayName,${odataString(name)})`);
	const parts = [
		options.targetId ? `targetResources/any(t:t/id eq ${odataString(options.targetId)})` : '',
		names.length > 1 ? `(${names.join(' or ')})` : (names[0] ?? ''),
		options.since ? `activityDateTime ge ${options.since.toISOString()}` : '',
	];
	return parts.filter((part) => part !== '').join(' and ');
}

/** Audit entries about one object, newest first, at most `limit` (one page of the service's). */
export async function listDirectoryAudits(
	client: GraphClient,
	options: { readonly filter: string; readonly limit: number; readonly signal?: AbortSignal },
): Promise<DirectoryAudit[]> {
	const entries: DirectoryAudit[] = [];
	if (!client.pages) {
		return client
			.list<DirectoryAudit>('/auditLogs/directoryAudits', {
				permission: 'AuditLog.Read.All',
				query: { $filter: options.filter, $orderby: 'activityDateTime desc' },
				top: options.limit,
				signal: options.signal,
			})
			.then((all) => all.slice(0, options.limit));
	}
	for await (const page of client.pages<DirectoryAudit>('/auditLogs/directoryAudits', {
		permission: 'AuditLog.Read.All',
		query: { $filter: options.filter, $orderby: 'activityDateTime desc' },
		top: Math.min(options.limit, 999),
		signal: options.signal,
	})) {
		entries.push(...page.items);
		if (entries.length >= options.limit) break;
	}
	return entries.slice(0, options.limit);
}
