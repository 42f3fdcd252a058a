import { checkQuery, collectionReply, filterItems, orderItems } from '../odata.js';
import type { FilterSchema } from '../odata-filter.js';
import type { Reply, Route, RouteContext } from '../router.js';
import type { AuditRecord, JsonObject } from '../types.js';

// GET /auditLogs/directoryAudits with the documented $filter subset (eq, ge, le, startswith, and
// targetResources/any), $orderby on activityDateTime, $top and $skiptoken. Newest first unless ordered.

const auditType = 'microsoft.graph.directoryAudit';
const schema: FilterSchema = {
	typeName: auditType,
	properties: [
		'id',
		'category',
		'correlationId',
		'activityDisplayName',
		'activityDateTime',
		'loggedByService',
		'result',
		'initiatedBy/user/id',
		'initiatedBy/user/displayName',
		'initiatedBy/user/userPrincipalName',
		'initiatedBy/app/appId',
		'initiatedBy/app/displayName',
	],
	collections: [{ paths: [['targetResources']], key: 'targetResources', properties: ['id', 'displayName'] }],
	ordered: ['activityDateTime'],
};

function filterView(entry: AuditRecord): JsonObject {
	const by = (entry.initiatedBy ?? {}) as { user?: JsonObject | null; app?: JsonObject | null };
	const view: JsonObject = { ...entry };
	for (const [who, keys] of [
		['user', ['id', 'displayName', 'userPrincipalName']],
		['app', ['appId', 'displayName']],
	] as const) {
		for (const key of keys) view[`initiatedBy/${who}/${key}`] = by[who]?.[key] ?? null;
	}
	return view;
}

function listAudits(context: RouteContext): Reply {
	checkQuery(context.query, ['$filter', '$top', '$skiptoken', '$orderby']);
	const filtered = filterItems(context.query, context.tenant.directoryAudits, schema, filterView);
	const newestFirst = [...filtered].reverse();
	const ordered = orderItems(
		context.query,
		newestFirst,
		{ activityDateTime: (entry) => entry.activityDateTime },
		auditType,
	);
	return collectionReply(context, ordered, (entry) => entry, 'auditLogs/directoryAudits');
}

/** The directory audit log (read-only). */
export const auditLogRoutes: Route[] = [
	{
		pattern: ['auditLogs', 'directoryAudits'],
		methods: { GET: { permission: 'AuditLog.Read.All', write: false, handler: listAudits } },
	},
];
