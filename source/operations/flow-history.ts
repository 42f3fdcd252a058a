// Who changed a flow, and what: the directory audit log's entries that name the flow as their target, for
// the flow's own activities and its extension handlers', newest first. Reading the log needs its own
// permission; without it the history says so and nothing else is affected.
import { auditFilter, type DirectoryAudit, listDirectoryAudits } from '../graph/audit-logs.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import { sameId } from '../graph/ids.js';

/** The activities that change a flow (prefixes: the handler activities name the extension kind). */
export const flowActivities = [
	'Create authenticationEventsFlow',
	'Update authenticationEventsFlow',
	'Delete authenticationEventsFlow',
	'Update OnAttributeCollection',
] as const;

export const auditPermission = 'AuditLog.Read.All';

/** One change as the history shows it. */
export type HistoryEntry = {
	readonly when: string;
	readonly who: { readonly kind: 'user' | 'app' | 'unknown'; readonly name: string };
	readonly activity: string;
	readonly result: string;
	readonly changes: readonly { readonly property: string; readonly old: string; readonly new: string }[];
};

/** The flow's history, or why it cannot be read (the permission, and how to get it). */
export type FlowHistory =
	| { readonly kind: 'entries'; readonly entries: readonly HistoryEntry[] }
	| {
			readonly kind: 'forbidden';
			readonly permission: string;
			readonly message: string;
			readonly hint?: string;
	  };

// Values come as JSON text; a string shows without its quotes, anything else compactly.
function value(text: string | null | undefined): string {
	if (text === null || text === undefined || text === '') return '(none)';
	try {
		const parsed: unknown = JSON.parse(text);
		return typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
	} catch {
		return text;
	}
}

function who(entry: DirectoryAudit): HistoryEntry['who'] {
	const user = entry.initiatedBy?.user;
	if (user?.userPrincipalName || user?.displayName)
		return { kind: 'user', name: user.userPrincipalName ?? user.displayName ?? '' };
	const app = entry.initiatedBy?.app;
	if (app?.displayName || app?.appId) return { kind: 'app', name: app.displayName ?? app.appId ?? '' };
	return { kind: 'unknown', name: '' };
}

/** An audit entry as a history line, with the flow's own changes old → new. */
export function historyEntry(entry: DirectoryAudit, flowId: string): HistoryEntry {
	const target =
		entry.targetResources?.find((resource) => sameId(resource.id ?? '', flowId)) ??
		entry.targetResources?.[0];
	return {
		when: entry.activityDateTime ?? '',
		who: who(entry),
		activity: entry.activityDisplayName ?? '',
		result: entry.result ?? '',
		changes: (target?.modifiedProperties ?? []).map((property) => ({
			property: property.displayName ?? '',
			old: value(property.oldValue),
			new: value(property.newValue),
		})),
	};
}

const isFlowActivity = (entry: DirectoryAudit) =>
	flowActivities.some((prefix) => (entry.activityDisplayName ?? '').startsWith(prefix));
const namesFlow = (entry: DirectoryAudit, flowId: string) =>
	(entry.targetResources ?? []).some((resource) => sameId(resource.id ?? '', flowId));

/** Reads a flow's history, newest first, at most `limit` entries, from `since` on. */
export async function readFlowHistory(
	client: GraphClient,
	flowId: string,
	options: { readonly since?: Date; readonly limit?: number; readonly signal?: AbortSignal } = {},
): Promise<FlowHistory> {
	const limit = options.limit ?? 50;
	try {
		let entries: DirectoryAudit[];
		try {
			entries = await listDirectoryAudits(client, {
				filter: auditFilter(flowActivities, { targetId: flowId, since: options.since }),
				limit,
				signal: options.signal,
			});
		} catch (error) {
			// The lambda over targetResources is common practice, not on the resource page: if the service
			// refuses it, ask by activity and time alone and match the target here.
			if (!isGraphError(error) || error.status !== 400) throw error;
			const wide = await listDirectoryAudits(client, {
				filter: auditFilter(flowActivities, { since: options.since }),
				limit: 999,
				signal: options.signal,
			});
			entries = wide.filter((entry) => namesFlow(entry, flowId)).slice(0, limit);
		}
		return {
			kind: 'entries',
			entries: entries.filter(isFlowActivity).map((entry) => historyEntry(entry, flowId)),
		};
	} catch (error) {
		if (isGraphError(error) && error.kind === 'forbidden') {
			return {
				kind: 'forbidden',
				permission: error.requiredPermission ?? auditPermission,
				message: error.message,
				...(error.hint ? { hint: error.hint } : {}),
			};
		}
		throw error;
	}
}
