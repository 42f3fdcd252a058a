import { invalid, notFound } from '../errors.js';
import { objectBody, onlyKeys, requiredString, requireType } from '../json-check.js';
import { checkQuery, collectionReply, metadata } from '../odata.js';
import { appsNav, odataTypes } from '../paths.js';
import type { Reply, Route, RouteContext } from '../router.js';
import type { FlowRecord } from '../types.js';
import { checkLinkable } from './flow-parts.js';
import { flowRead, flowWrite } from './permissions.js';

const fragment = (flow: FlowRecord) =>
	`identity/authenticationEventsFlows('${flow.id}')/conditions/applications/includeApplications`;

function linkedIndex(flow: FlowRecord, appId: string): number {
	return flow.appIds.findIndex((candidate) => candidate.toLowerCase() === appId.toLowerCase());
}

function listApps(context: RouteContext): Reply {
	checkQuery(context.query, ['$top', '$skiptoken', '$count']);
	const flow = context.tenant.requireFlow(context.params.fid!);
	return collectionReply(context, flow.appIds, (appId) => ({ appId }), fragment(flow));
}

function linkApp(context: RouteContext): Reply {
	const flow = context.tenant.requireFlow(context.params.fid!);
	const body = objectBody(context.body);
	onlyKeys(body, ['appId'], odataTypes.conditionApplication.slice(1));
	// The docs send @odata.type; the type is not abstract, so it may be left out but must be right if sent.
	if (body['@odata.type'] !== undefined)
		requireType(body, odataTypes.conditionApplication, 'the application link');
	const appId = requiredString(body, 'appId', 'the application link');
	if (linkedIndex(flow, appId) >= 0) {
		throw invalid(
			`The application with appId '${appId}' is already linked to the user flow '${flow.displayName}'.`,
		);
	}
	const stored = checkLinkable(appId, context.tenant, flow.id);
	flow.appIds.push(stored);
	context.tenant.touch();
	return {
		status: 201,
		body: { '@odata.context': metadata(context, `${fragment(flow)}/$entity`), appId: stored },
	};
}

function getApp(context: RouteContext): Reply {
	checkQuery(context.query, []);
	const flow = context.tenant.requireFlow(context.params.fid!);
	const index = linkedIndex(flow, context.params.appId!);
	if (index < 0) throw notFound(context.params.appId!);
	return {
		status: 200,
		body: { '@odata.context': metadata(context, `${fragment(flow)}/$entity`), appId: flow.appIds[index]! },
	};
}

function unlinkApp(context: RouteContext): Reply {
	const flow = context.tenant.requireFlow(context.params.fid!);
	const index = linkedIndex(flow, context.params.appId!);
	if (index < 0) throw notFound(context.params.appId!);
	flow.appIds.splice(index, 1);
	context.tenant.touch();
	return { status: 204 };
}

const base = ['identity', 'authenticationEventsFlows', ':fid', ...appsNav];

/** Applications linked to a flow: list, link (201) and unlink. */
export const flowAppRoutes: Route[] = [
	{ pattern: base, methods: { GET: flowRead(listApps), POST: flowWrite(linkApp) } },
	{ pattern: [...base, ':appId'], methods: { GET: flowRead(getApp), DELETE: flowWrite(unlinkApp) } },
];
