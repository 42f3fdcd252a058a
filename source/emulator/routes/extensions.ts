import { GraphError, invalid, notFound } from '../errors.js';
import {
	type ConfigurationCheck,
	checkConfiguration,
	flowsUsing,
	parseNewExtension,
	patchedExtension,
	renderExtension,
} from '../extensions.js';
import { isObject, objectBody, onlyKeys } from '../json-check.js';
import { checkQuery, collectionReply, metadata, parseSelect, project } from '../odata.js';
import type { Reply, Route, RouteContext } from '../router.js';
import type { ExtensionRecord } from '../types.js';
import { extensionRead, extensionWrite } from './permissions.js';

const collection = 'identity/customAuthenticationExtensions';
const typeName = 'microsoft.graph.customAuthenticationExtension';
const selectable = [
	'id',
	'displayName',
	'description',
	'authenticationConfiguration',
	'clientConfiguration',
	'endpointConfiguration',
	'behaviorOnError',
	'claimsForTokenConfiguration',
];

function requireExtension(context: RouteContext): ExtensionRecord {
	const extension = context.tenant.findExtension(context.params.eid!);
	if (!extension) throw notFound(context.params.eid!);
	return extension;
}

function listExtensions(context: RouteContext): Reply {
	checkQuery(context.query, ['$select', '$top', '$skiptoken', '$count']);
	const fields = parseSelect(context.query, selectable, typeName);
	return collectionReply(
		context,
		context.tenant.extensions,
		(extension) => project(renderExtension(extension), fields),
		collection,
	);
}

function getExtension(context: RouteContext): Reply {
	checkQuery(context.query, ['$select']);
	const fields = parseSelect(context.query, selectable, typeName);
	const extension = requireExtension(context);
	return {
		status: 200,
		body: {
			'@odata.context': metadata(context, `${collection}/$entity`),
			...project(renderExtension(extension), fields),
		},
	};
}

function createExtension(context: RouteContext): Reply {
	checkQuery(context.query, []);
	const extension = parseNewExtension(objectBody(context.body), context.tenant);
	context.tenant.extensions.push(extension);
	context.tenant.touch();
	return {
		status: 201,
		headers: { Location: `${context.origin}/${context.version}/${collection}/${extension.id}` },
		body: { '@odata.context': metadata(context, `${collection}/$entity`), ...renderExtension(extension) },
	};
}

function updateExtension(context: RouteContext): Reply {
	checkQuery(context.query, []);
	const extension = requireExtension(context);
	Object.assign(extension, patchedExtension(extension, objectBody(context.body)));
	context.tenant.touch();
	return { status: 204 };
}

// What deleting an extension a flow still uses does is undocumented: the delete-extension-in-use quirk decides.
function deleteExtension(context: RouteContext): Reply {
	const { tenant } = context;
	const extension = requireExtension(context);
	const users = flowsUsing(extension.id, tenant);
	if (users.length > 0 && context.quirks.deleteExtensionInUse === 'refuse') {
		const names = users.map((flow) => `'${flow.displayName}' (${flow.id})`).join(', ');
		throw invalid(
			`The custom authentication extension '${extension.displayName}' is used by the user flows ${names}. Remove it from them first.`,
		);
	}
	if (context.quirks.deleteExtensionInUse === 'detach') {
		for (const flow of users) {
			for (const key of ['onAttributeCollectionStart', 'onAttributeCollectionSubmit'] as const) {
				if (flow[key]?.customExtensionId?.toLowerCase() === extension.id.toLowerCase()) flow[key] = null;
			}
		}
	}
	tenant.extensions.splice(tenant.extensions.indexOf(extension), 1);
	tenant.touch();
	return { status: 204 };
}

function validation(context: RouteContext, check: ConfigurationCheck): Reply {
	const plain = (findings: ConfigurationCheck['errors']) =>
		findings.map((finding) => ({ code: finding.code, message: finding.message }));
	return {
		status: 200,
		body: {
			'@odata.context': metadata(context, 'microsoft.graph.authenticationConfigurationValidation'),
			errors: plain(check.errors),
			warnings: plain(check.warnings),
		},
	};
}

function validateExisting(context: RouteContext): Reply {
	checkQuery(context.query, []);
	const extension = requireExtension(context);
	if (context.body !== undefined && !(isObject(context.body) && Object.keys(context.body).length === 0)) {
		throw invalid('validateAuthenticationConfiguration of an existing extension takes no request body.');
	}
	return validation(context, checkConfiguration(extension.targetUrl, extension.resourceId, context.tenant));
}

// The draft form: the same checks on an endpoint and authentication configuration not saved yet.
function validateDraft(context: RouteContext): Reply {
	checkQuery(context.query, []);
	const body = objectBody(context.body);
	onlyKeys(
		body,
		['endpointConfiguration', 'authenticationConfiguration'],
		'validateAuthenticationConfiguration',
	);
	const endpoint = body.endpointConfiguration;
	const authentication = body.authenticationConfiguration;
	const targetUrl = isObject(endpoint) ? endpoint.targetUrl : undefined;
	const resourceId = isObject(authentication) ? authentication.resourceId : undefined;
	if (typeof targetUrl !== 'string' || typeof resourceId !== 'string') {
		throw new GraphError(
			400,
			'BadRequest',
			"Send {'endpointConfiguration': {'@odata.type': '#microsoft.graph.httpRequestEndpoint', 'targetUrl': …}, 'authenticationConfiguration': {'@odata.type': '#microsoft.graph.azureAdTokenAuthentication', 'resourceId': …}}.",
		);
	}
	return validation(context, checkConfiguration(targetUrl, resourceId, context.tenant));
}

const base = ['identity', 'customAuthenticationExtensions'];
// OData accepts an action by its name or namespace-qualified.
const validate = /^(?:microsoft\.graph\.)?validateAuthenticationConfiguration$/i;

/** Custom authentication extensions: CRUD and both validateAuthenticationConfiguration forms. */
export const extensionRoutes: Route[] = [
	{ pattern: [...base, validate], methods: { POST: extensionRead(validateDraft) } },
	{ pattern: base, methods: { GET: extensionRead(listExtensions), POST: extensionWrite(createExtension) } },
	{
		pattern: [...base, ':eid'],
		methods: {
			GET: extensionRead(getExtension),
			PATCH: extensionWrite(updateExtension),
			DELETE: extensionWrite(deleteExtension),
		},
	},
	{ pattern: [...base, ':eid', validate], methods: { POST: extensionRead(validateExisting) } },
];
