import { GraphError, invalid, notFound } from '../errors.js';
import { defaultInput } from '../inputs.js';
import { checkQuery, collectionReply, parseSelect, project } from '../odata.js';
import { castAttr } from '../paths.js';
import { attributesOf, renderAttribute } from '../render.js';
import type { Reply, Route, RouteContext } from '../router.js';
import type { FlowRecord } from '../types.js';
import { flowRead, flowWrite } from './permissions.js';
import { refTarget } from './ref-body.js';

/** Properties an attribute can be projected to with `$select`. */
export const attributeSelectable = ['id', 'displayName', 'description', 'userFlowAttributeType', 'dataType'];

function listAttributes(context: RouteContext): Reply {
	checkQuery(context.query, ['$select', '$top', '$skiptoken', '$count', '$expand']);
	const fields = parseSelect(context.query, attributeSelectable, 'microsoft.graph.identityUserFlowAttribute');
	const flow = context.tenant.requireFlow(context.params.fid!);
	const attributes = attributesOf(flow, context.tenant);
	// Documented, if unusual: listing a flow without attributes answers 400, not an empty list.
	if (attributes.length === 0 && context.quirks.emptyAttributes === '400') {
		throw invalid(
			`The user flow '${flow.displayName}' has no attributes: it has no onAttributeCollection attributes to list.`,
		);
	}
	return collectionReply(
		context,
		attributes,
		(attribute) => project(renderAttribute(attribute), fields),
		'Collection(microsoft.graph.identityUserFlowAttribute)',
	);
}

function addAttribute(context: RouteContext): Reply {
	const flow = context.tenant.requireFlow(context.params.fid!);
	const id = refTarget(context, 'userFlowAttributes');
	const attribute = context.tenant.findAttribute(id);
	if (!attribute) {
		throw invalid(
			`The user flow attribute '${id}' does not exist in this tenant (see GET /identity/userFlowAttributes).`,
		);
	}
	// A flow created without onAttributeCollection gets one on its first attribute.
	flow.attributeCollection ??= { attributeIds: [], views: [], customStringsFileId: null };
	const collection = flow.attributeCollection;
	if (collection.attributeIds.includes(attribute.id)) {
		throw invalid(
			"One or more added object references already exist for the following modified properties: 'attributes'.",
		);
	}
	collection.attributeIds.push(attribute.id);
	if (collection.views.length === 0) collection.views.push({ title: null, description: null, inputs: [] });
	// Current v1.0: adding appends an input with default settings; PATCH afterwards to customise it.
	collection.views.at(-1)!.inputs.push(defaultInput(attribute));
	context.tenant.touch();
	return { status: 204 };
}

function detach(flow: FlowRecord, id: string, context: RouteContext): void {
	const collection = flow.attributeCollection;
	const index =
		collection?.attributeIds.findIndex((candidate) => candidate.toLowerCase() === id.toLowerCase()) ?? -1;
	if (!collection || index < 0) throw notFound(id);
	const [removed] = collection.attributeIds.splice(index, 1);
	if (!context.quirks.removeAttributeKeepsInput) {
		for (const view of collection.views)
			view.inputs = view.inputs.filter((input) => input.attribute !== removed);
	}
	context.tenant.touch();
}

function removeAttribute(context: RouteContext): Reply {
	const flow = context.tenant.requireFlow(context.params.fid!);
	detach(flow, context.params.aid!, context);
	return { status: 204 };
}

// The older beta page removes with DELETE …/attributes/$ref and an @odata.id body; v1.0 has only {id}/$ref.
function removeAttributeByBody(context: RouteContext): Reply {
	if (context.version !== 'beta') {
		throw new GraphError(
			405,
			'Request_BadRequest',
			'Specified HTTP method is not allowed for the request target.',
			{
				Allow: 'POST',
			},
		);
	}
	const flow = context.tenant.requireFlow(context.params.fid!);
	detach(flow, refTarget(context, 'userFlowAttributes'), context);
	return { status: 204 };
}

const base = ['identity', 'authenticationEventsFlows', ':fid', ...castAttr, 'attributes'];

/** A flow's attributes: list, add and remove by reference. */
export const flowAttributeRoutes: Route[] = [
	{ pattern: base, methods: { GET: flowRead(listAttributes) } },
	{
		pattern: [...base, '$ref'],
		methods: { POST: flowWrite(addAttribute), DELETE: flowWrite(removeAttributeByBody) },
	},
	{ pattern: [...base, ':aid', '$ref'], methods: { DELETE: flowWrite(removeAttribute) } },
];
