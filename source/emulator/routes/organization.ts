import { notFound } from '../errors.js';
import { checkQuery, collectionReply, metadata, parseSelect, project } from '../odata.js';
import type { Reply, Route, RouteContext } from '../router.js';
import type { JsonObject } from '../types.js';
import { organizationRead } from './permissions.js';

const typeName = 'microsoft.graph.organization';
const selectable = ['id', 'displayName', 'verifiedDomains', 'tenantType'];

function render(context: RouteContext): JsonObject {
	const { state } = context.tenant;
	return {
		id: state.tenantId,
		displayName: state.displayName,
		tenantType: 'CIAM',
		verifiedDomains: state.verifiedDomains.map((domain) => ({
			capabilities: 'Email, OfficeCommunicationsOnline',
			isDefault: domain.isDefault,
			isInitial: domain.isInitial,
			name: domain.name,
			type: domain.type,
		})),
	};
}

function listOrganization(context: RouteContext): Reply {
	checkQuery(context.query, ['$select']);
	const fields = parseSelect(context.query, selectable, typeName);
	const fragment = fields ? `organization(${fields.join(',')})` : 'organization';
	return collectionReply(context, [context], (item) => project(render(item), fields), fragment);
}

function getOrganization(context: RouteContext): Reply {
	checkQuery(context.query, ['$select']);
	const fields = parseSelect(context.query, selectable, typeName);
	if (context.params.oid!.toLowerCase() !== context.tenant.state.tenantId)
		throw notFound(context.params.oid!);
	return {
		status: 200,
		body: {
			'@odata.context': metadata(context, 'organization/$entity'),
			...project(render(context), fields),
		},
	};
}

/** The tenant's organization object: id, name and verifiedDomains (the initial domain names its sign-in host). */
export const organizationRoutes: Route[] = [
	{ pattern: ['organization'], methods: { GET: organizationRead(listOrganization) } },
	{ pattern: ['organization', ':oid'], methods: { GET: organizationRead(getOrganization) } },
];
