import { invalid, notFound } from '../errors.js';
import { checkQuery, collectionReply, parseSelect, project } from '../odata.js';
import { castIdp } from '../paths.js';
import { providersOf, renderProvider } from '../render.js';
import type { Reply, Route, RouteContext } from '../router.js';
import { flowRead, flowWrite } from './permissions.js';
import { refTarget } from './ref-body.js';

/** Properties a provider can be projected to with `$select`. */
export const providerSelectable = [
	'id',
	'displayName',
	'identityProviderType',
	'state',
	'clientId',
	'clientSecret',
];

function listProviders(context: RouteContext): Reply {
	checkQuery(context.query, ['$select', '$top', '$skiptoken', '$count']);
	const fields = parseSelect(context.query, providerSelectable, 'microsoft.graph.identityProviderBase');
	const flow = context.tenant.requireFlow(context.params.fid!);
	return collectionReply(
		context,
		providersOf(flow, context.tenant),
		(provider) => project(renderProvider(provider, context), fields),
		'Collection(microsoft.graph.identityProviderBase)',
	);
}

function addProvider(context: RouteContext): Reply {
	const flow = context.tenant.requireFlow(context.params.fid!);
	const id = refTarget(context, 'identityProviders');
	const provider = context.tenant.findProvider(id);
	if (!provider) {
		throw invalid(
			`The identity provider '${id}' is not configured in this tenant. Configure it first (see GET /identity/identityProviders).`,
		);
	}
	if (flow.providerIds.includes(provider.id)) {
		throw invalid(
			"One or more added object references already exist for the following modified properties: 'identityProviders'.",
		);
	}
	flow.providerIds.push(provider.id);
	context.tenant.touch();
	return { status: 204 };
}

function removeProvider(context: RouteContext): Reply {
	const flow = context.tenant.requireFlow(context.params.fid!);
	const id = context.params.pid!;
	const index = flow.providerIds.findIndex((candidate) => candidate.toLowerCase() === id.toLowerCase());
	if (index < 0) throw notFound(id);
	if (flow.providerIds.length === 1) {
		throw invalid(
			`A user flow needs at least one identity provider; '${flow.providerIds[0]}' is the last one on '${flow.displayName}'. Add another provider before removing it.`,
		);
	}
	flow.providerIds.splice(index, 1);
	context.tenant.touch();
	return { status: 204 };
}

const base = ['identity', 'authenticationEventsFlows', ':fid', ...castIdp, 'identityProviders'];

/** A flow's identity providers: list, add and remove by reference. */
export const flowProviderRoutes: Route[] = [
	{ pattern: base, methods: { GET: flowRead(listProviders) } },
	{ pattern: [...base, '$ref'], methods: { POST: flowWrite(addProvider) } },
	{ pattern: [...base, ':pid', '$ref'], methods: { DELETE: flowWrite(removeProvider) } },
];
