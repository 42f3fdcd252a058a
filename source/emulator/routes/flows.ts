import { invalid } from '../errors.js';
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
import { appsNav, castAttr, castIdp, flowType } from '../paths.js';
import { flowFilterView, renderCreatedFlow, renderFlow } from '../render.js';
import type { Reply, Route, RouteContext } from '../router.js';
import type { FlowRecord } from '../types.js';
import { buildFlow, patchFlow } from './flow-write.js';
import { flowRead, flowWrite } from './permissions.js';

/** `$filter` support: the documented lambda paths (type casts required) plus simple properties. */
export const flowFilterSchema: FilterSchema = {
	typeName: 'microsoft.graph.authenticationEventsFlow',
	properties: ['id', 'displayName', 'description', 'priority'],
	collections: [
		{ paths: [[...castIdp, 'identityProviders']], key: 'identityProviders', properties: ['id'] },
		{ paths: [[...castAttr, 'attributes']], key: 'attributes', properties: ['id'] },
		// `conditions` sits on the base type, so the leading cast is optional.
		{ paths: [[flowType, ...appsNav], appsNav], key: 'includeApplications', properties: ['appId'] },
	],
};

const selectable = [
	'id',
	'displayName',
	'description',
	'priority',
	'conditions',
	'onInteractiveAuthFlowStart',
	'onAuthenticationMethodLoadStart',
	'onAttributeCollection',
	'onAttributeCollectionStart',
	'onAttributeCollectionSubmit',
	'onUserCreateStart',
];

function select(context: RouteContext): string[] | null {
	const names = context.version === 'beta' ? selectable : selectable.filter((name) => name !== 'priority');
	return parseSelect(context.query, names, flowType);
}

function listFlows(context: RouteContext): Reply {
	checkQuery(context.query, ['$filter', '$select', '$top', '$skiptoken', '$orderby', '$expand', '$count']);
	const fields = select(context);
	const filtered = filterItems(context.query, context.tenant.flows, flowFilterSchema, flowFilterView);
	const ordered = orderItems(
		context.query,
		filtered,
		{ displayName: (flow: FlowRecord) => flow.displayName, id: (flow: FlowRecord) => flow.id },
		flowType,
	);
	return collectionReply(
		context,
		ordered,
		(flow) => project(renderFlow(flow, context, context.tenant), fields),
		'identity/authenticationEventsFlows',
	);
}

function getFlow(context: RouteContext): Reply {
	checkQuery(context.query, ['$select', '$expand']);
	const fields = select(context);
	const flow = context.tenant.requireFlow(context.params.fid!);
	const entity = project(renderFlow(flow, context, context.tenant), fields);
	// Quirk get-wrapped: the docs show {"value": flow}; standard OData returns the bare entity.
	if (context.quirks.getWrapped) return { status: 200, body: { value: entity } };
	return {
		status: 200,
		body: { '@odata.context': metadata(context, 'identity/authenticationEventsFlows/$entity'), ...entity },
	};
}

function createFlow(context: RouteContext): Reply {
	checkQuery(context.query, []);
	const flow = buildFlow(context);
	context.tenant.flows.push(flow);
	context.tenant.touch();
	return {
		status: 201,
		body: renderCreatedFlow(flow, context),
		headers: {
			Location: `${context.origin}/${context.version}/identity/authenticationEventsFlows/${flow.id}`,
		},
	};
}

function updateFlow(context: RouteContext): Reply {
	patchFlow(context, context.tenant.requireFlow(context.params.fid!));
	context.tenant.touch();
	return { status: 204 };
}

function deleteFlow(context: RouteContext): Reply {
	const { tenant } = context;
	const flow = tenant.requireFlow(context.params.fid!);
	// Deleting a flow with linked apps is undocumented: refuse by default (the safe reading), or unlink silently
	// with delete-with-apps=unlink.
	if (flow.appIds.length > 0 && context.quirks.deleteWithApps === 'refuse') {
		const names = flow.appIds.map((appId) => {
			const application = tenant.findApplicationByAppId(appId);
			return application ? `'${application.displayName}' (${appId})` : appId;
		});
		throw invalid(
			`The user flow '${flow.displayName}' still has linked applications: ${names.join(', ')}. Unlink them first with DELETE …/conditions/applications/includeApplications/{appId}.`,
		);
	}
	tenant.flows.splice(tenant.flows.indexOf(flow), 1);
	tenant.touch();
	return { status: 204 };
}

const base = ['identity', 'authenticationEventsFlows'];

/** List/create and get/update/delete of user flows. */
export const flowRoutes: Route[] = [
	{ pattern: base, methods: { GET: flowRead(listFlows), POST: flowWrite(createFlow) } },
	{
		pattern: [...base, ':fid'],
		methods: { GET: flowRead(getFlow), PATCH: flowWrite(updateFlow), DELETE: flowWrite(deleteFlow) },
	},
];
