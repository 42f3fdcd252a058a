import { notFound } from '../errors.js';
import {
	checkQuery,
	collectionReply,
	filterItems,
	metadata,
	orderItems,
	parseSelect,
	project,
} from '../odata.js';
import type { FilterSchema } from '../odata-filter.js';
import { renderApplication } from '../render.js';
import type { Reply, Route, RouteContext } from '../router.js';
import type { ApplicationRecord } from '../types.js';
import { applicationRead } from './permissions.js';

const typeName = 'microsoft.graph.application';
const selectable = [
	'id',
	'deletedDateTime',
	'appId',
	'displayName',
	'description',
	'createdDateTime',
	'publisherDomain',
	'signInAudience',
	'publicClient',
	'spa',
	'web',
];
const filterSchema: FilterSchema = {
	typeName,
	properties: ['id', 'appId', 'displayName', 'signInAudience', 'publisherDomain'],
	collections: [],
};

function listApplications(context: RouteContext): Reply {
	checkQuery(context.query, ['$select', '$top', '$skiptoken', '$filter', '$count', '$orderby']);
	const fields = parseSelect(context.query, selectable, typeName);
	const filtered = filterItems(context.query, context.tenant.applications, filterSchema, renderApplication);
	const ordered = orderItems(
		context.query,
		filtered,
		{ displayName: (application: ApplicationRecord) => application.displayName },
		typeName,
	);
	// Graph names the selected properties in the context: #applications(appId,displayName).
	const fragment = fields ? `applications(${fields.join(',')})` : 'applications';
	return collectionReply(
		context,
		ordered,
		(application) => project(renderApplication(application), fields),
		fragment,
	);
}

function entity(context: RouteContext, application: ApplicationRecord | undefined, key: string): Reply {
	checkQuery(context.query, ['$select']);
	const fields = parseSelect(context.query, selectable, typeName);
	if (!application) throw notFound(key);
	const fragment = fields ? `applications(${fields.join(',')})/$entity` : 'applications/$entity';
	return {
		status: 200,
		body: {
			'@odata.context': metadata(context, fragment),
			...project(renderApplication(application), fields),
		},
	};
}

function getByAppId(context: RouteContext): Reply {
	const appId = context.params.appId!.replaceAll("''", "'");
	return entity(context, context.tenant.findApplicationByAppId(appId), appId);
}

function getById(context: RouteContext): Reply {
	const id = context.params.id!;
	return entity(context, context.tenant.findApplicationById(id), id);
}

/** App registrations: list, and get by object id or by the appId alternate key. */
export const applicationRoutes: Route[] = [
	{ pattern: ['applications'], methods: { GET: applicationRead(listApplications) } },
	{
		pattern: [/^applications\(appId='(?<appId>(?:[^']|'')*)'\)$/i],
		methods: { GET: applicationRead(getByAppId) },
	},
	{ pattern: ['applications', ':id'], methods: { GET: applicationRead(getById) } },
];
