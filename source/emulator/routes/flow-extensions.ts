import { GraphError, invalid, notFound } from '../errors.js';
import { renderExtension } from '../extensions.js';
import { checkQuery, metadata } from '../odata.js';
import { flowType, odataTypes } from '../paths.js';
import type { Reply, Route, RouteContext } from '../router.js';
import type { FlowRecord } from '../types.js';
import { flowRead, flowWrite } from './permissions.js';
import { refTarget } from './ref-body.js';

/** The two attribute-collection events a flow can call an extension at. */
type Event = {
	key: 'onAttributeCollectionStart' | 'onAttributeCollectionSubmit';
	handlerType: string;
	extensionKind: string;
};

const events: Event[] = [
	{
		key: 'onAttributeCollectionStart',
		handlerType: odataTypes.attributeStart.slice(1),
		extensionKind: 'onAttributeCollectionStartCustomExtension',
	},
	{
		key: 'onAttributeCollectionSubmit',
		handlerType: odataTypes.attributeSubmit.slice(1),
		extensionKind: 'onAttributeCollectionSubmitCustomExtension',
	},
];

function linkedExtension(context: RouteContext, event: Event): Reply {
	checkQuery(context.query, ['$select']);
	const flow = context.tenant.requireFlow(context.params.fid!);
	const id = flow[event.key]?.customExtensionId;
	const extension = id ? context.tenant.findExtension(id) : undefined;
	// No handler, a handler without an extension, or one pointing at a deleted extension: nothing to read.
	if (!extension) throw notFound(id ?? `${flow.id}/${event.key}/customExtension`);
	return {
		status: 200,
		body: {
			'@odata.context': metadata(context, 'identity/customAuthenticationExtensions/$entity'),
			...renderExtension(extension),
		},
	};
}

function setExtension(context: RouteContext, event: Event): Reply {
	const flow: FlowRecord = context.tenant.requireFlow(context.params.fid!);
	const id = refTarget(context, 'customAuthenticationExtensions');
	const extension = context.tenant.findExtension(id);
	if (!extension) {
		throw invalid(
			`The custom authentication extension '${id}' does not exist in this tenant (see GET /identity/customAuthenticationExtensions).`,
		);
	}
	if (extension.kind !== event.extensionKind && context.quirks.extensionTypeCheck === 'refuse') {
		throw invalid(
			`The custom authentication extension '${extension.displayName}' is a ${extension.kind}; ${event.key} takes a ${event.extensionKind}.`,
		);
	}
	const handler = flow[event.key];
	if (!handler && context.quirks.extensionRefUnset === 'require-handler') {
		throw invalid(
			`The user flow has no ${event.key} handler. PATCH the flow with {"${event.key}": {"@odata.type": "#${event.handlerType}"}} first.`,
		);
	}
	flow[event.key] = { configuration: handler?.configuration ?? null, customExtensionId: extension.id };
	context.tenant.touch();
	return { status: 204 };
}

// No DELETE of this $ref is documented: the extension-clear quirk decides whether it detaches or is a 405.
function clearExtension(context: RouteContext, event: Event): Reply {
	const flow = context.tenant.requireFlow(context.params.fid!);
	if (context.quirks.extensionClear !== 'delete-ref') {
		throw new GraphError(
			405,
			'Request_BadRequest',
			'Specified HTTP method is not allowed for the request target.',
			{
				Allow: 'PUT',
			},
		);
	}
	if (!flow[event.key]?.customExtensionId) throw notFound(`${flow.id}/${event.key}/customExtension`);
	flow[event.key] = null;
	context.tenant.touch();
	return { status: 204 };
}

function routesFor(event: Event): Route[] {
	const path = [
		'identity',
		'authenticationEventsFlows',
		':fid',
		flowType,
		event.key,
		event.handlerType,
		'customExtension',
	];
	return [
		{ pattern: path, methods: { GET: flowRead((context) => linkedExtension(context, event)) } },
		{
			pattern: [...path, '$ref'],
			methods: {
				PUT: flowWrite((context) => setExtension(context, event)),
				DELETE: flowWrite((context) => clearExtension(context, event)),
			},
		},
	];
}

/** The flow-level extension paths (GET the extension, PUT its $ref) for the start and submit events. */
export const flowExtensionRoutes: Route[] = events.flatMap(routesFor);
