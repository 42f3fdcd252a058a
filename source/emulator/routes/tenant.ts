import { invalid, notFound } from '../errors.js';
import { objectBody, onlyKeys, optionalString, requiredString } from '../json-check.js';
import { checkQuery, collectionReply, filterItems, metadata, parseSelect, project } from '../odata.js';
import type { FilterSchema } from '../odata-filter.js';
import { renderAttribute, renderProvider } from '../render.js';
import type { Reply, Route, RouteContext } from '../router.js';
import type { AttributeRecord, FlowRecord, JsonObject } from '../types.js';
import { attributeSelectable } from './flow-attributes.js';
import { providerSelectable } from './flow-providers.js';
import { attributeRead, attributeWrite, providerRead, providerWrite } from './permissions.js';
import {
	availableProviderTypes,
	createProvider,
	deleteProvider,
	updateProvider,
} from './tenant-provider-writes.js';

const attributeType = 'microsoft.graph.identityUserFlowAttribute';
const attributeFilter: FilterSchema = {
	typeName: attributeType,
	properties: ['id', 'displayName', 'userFlowAttributeType', 'dataType'],
	collections: [],
};

function listProviders(context: RouteContext): Reply {
	checkQuery(context.query, ['$select', '$top', '$skiptoken', '$count']);
	const fields = parseSelect(context.query, providerSelectable, 'microsoft.graph.identityProviderBase');
	// The beta CIAM example carries this tip; clients must ignore unknown annotations.
	const extra: JsonObject =
		context.version === 'beta'
			? {
					'@microsoft.graph.tips':
						'Use $select to choose only the properties your app needs, as this can lead to performance improvements. For example: GET identity/identityProviders?$select=displayName',
				}
			: {};
	return collectionReply(
		context,
		context.tenant.providers,
		(provider) => project(renderProvider(provider, context), fields),
		'identity/identityProviders',
		extra,
	);
}

function getProvider(context: RouteContext): Reply {
	checkQuery(context.query, ['$select']);
	const fields = parseSelect(context.query, providerSelectable, 'microsoft.graph.identityProviderBase');
	const provider = context.tenant.findProvider(context.params.pid!);
	if (!provider) throw notFound(context.params.pid!);
	const body = project(renderProvider(provider, context), fields);
	return {
		status: 200,
		body: { '@odata.context': metadata(context, 'identity/identityProviders/$entity'), ...body },
	};
}

function listAttributes(context: RouteContext): Reply {
	checkQuery(context.query, ['$select', '$top', '$skiptoken', '$count', '$filter']);
	const fields = parseSelect(context.query, attributeSelectable, attributeType);
	const items = filterItems(context.query, context.tenant.attributes, attributeFilter, renderAttribute);
	// The docs print this context without "identity/" (perhaps a doc defect); served as documented.
	return collectionReply(
		context,
		items,
		(item) => project(renderAttribute(item), fields),
		'userFlowAttributes',
	);
}

function getAttribute(context: RouteContext): Reply {
	checkQuery(context.query, ['$select']);
	const fields = parseSelect(context.query, attributeSelectable, attributeType);
	const attribute = context.tenant.findAttribute(context.params.aid!);
	if (!attribute) throw notFound(context.params.aid!);
	const body = project(renderAttribute(attribute), fields);
	return {
		status: 200,
		body: { '@odata.context': metadata(context, 'identity/userFlowAttributes/$entity'), ...body },
	};
}

function createAttribute(context: RouteContext): Reply {
	checkQuery(context.query, []);
	const { tenant } = context;
	const body = objectBody(context.body);
	onlyKeys(body, ['displayName', 'description', 'dataType', 'id', 'userFlowAttributeType'], attributeType);
	for (const key of ['id', 'userFlowAttributeType']) {
		if (body[key] !== undefined) throw invalid(`The property '${key}' is read-only; the service sets it.`);
	}
	const displayName = requiredString(body, 'displayName', 'the attribute');
	const name = displayName.replace(/\s+/g, '');
	if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
		throw invalid(
			`The displayName '${displayName}' is not valid: use letters, digits, spaces and underscores, starting with a letter.`,
		);
	}
	const rawType = requiredString(body, 'dataType', 'the attribute');
	const dataType = (['string', 'boolean', 'int64'] as const).find((type) => type === rawType.toLowerCase());
	if (!dataType) {
		throw invalid(
			`The dataType '${rawType}' cannot be used to create an attribute. Allowed: string, boolean, int64.`,
		);
	}
	const id = `extension_${tenant.state.extensionsAppId.replaceAll('-', '')}_${name}`;
	const clash = tenant.attributes.find(
		(other) =>
			other.id.toLowerCase() === id.toLowerCase() ||
			other.displayName.toLowerCase() === displayName.toLowerCase(),
	);
	if (clash) throw invalid(`A user flow attribute named '${displayName}' already exists (${clash.id}).`);
	const attribute: AttributeRecord = {
		id,
		displayName,
		description: optionalString(body, 'description', 'the attribute') ?? null,
		userFlowAttributeType: 'custom',
		dataType,
	};
	tenant.attributes.push(attribute);
	tenant.touch();
	return {
		status: 201,
		headers: { Location: `${context.origin}/${context.version}/identity/userFlowAttributes('${id}')` },
		body: {
			'@odata.context': metadata(context, 'identity/userFlowAttributes/$entity'),
			...renderAttribute(attribute),
		},
	};
}

// The service compares attribute ids case-insensitively.
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The custom attribute a PATCH or DELETE names; built-in ones belong to the service. */
function customAttribute(context: RouteContext): AttributeRecord {
	const attribute = context.tenant.findAttribute(context.params.aid!);
	if (!attribute) throw notFound(context.params.aid!);
	if (attribute.userFlowAttributeType !== 'custom') {
		throw invalid(
			`'${attribute.id}' is a built-in user flow attribute; only custom attributes can be changed.`,
		);
	}
	return attribute;
}

function updateAttribute(context: RouteContext): Reply {
	checkQuery(context.query, []);
	const attribute = customAttribute(context);
	const body = objectBody(context.body);
	onlyKeys(body, ['description', 'displayName', 'dataType', 'id', 'userFlowAttributeType'], attributeType);
	// The update page: only the description of a custom attribute can change.
	for (const key of ['displayName', 'dataType', 'id', 'userFlowAttributeType']) {
		if (body[key] !== undefined) throw invalid(`The property '${key}' cannot be changed after creation.`);
	}
	if (body.description !== undefined) {
		attribute.description = optionalString(body, 'description', 'the attribute') ?? null;
		context.tenant.touch();
	}
	return { status: 204 };
}

function deleteAttribute(context: RouteContext): Reply {
	checkQuery(context.query, []);
	const { tenant } = context;
	const attribute = customAttribute(context);
	const collects = (flow: FlowRecord) =>
		flow.attributeCollection?.attributeIds.some((id) => same(id, attribute.id)) ?? false;
	const users = tenant.flows.filter(collects);
	if (users.length > 0 && context.quirks.deleteAttributeInUse === 'refuse') {
		throw invalid(
			`The user flow attribute '${attribute.id}' is used by ${users.length} user flow(s): ${users
				.map((flow) => flow.id)
				.join(', ')}. Remove it from them first.`,
		);
	}
	for (const flow of users) {
		const collection = flow.attributeCollection as NonNullable<FlowRecord['attributeCollection']>;
		collection.attributeIds = collection.attributeIds.filter((id) => !same(id, attribute.id));
		for (const view of collection.views)
			view.inputs = view.inputs.filter((input) => !same(input.attribute, attribute.id));
	}
	tenant.attributes.splice(tenant.attributes.indexOf(attribute), 1);
	tenant.touch();
	return { status: 204 };
}

/** Tenant identity providers (list, get, create, update, delete) and user-flow attributes (list, get, create, update, delete). */
export const tenantRoutes: Route[] = [
	{
		pattern: ['identity', 'identityProviders'],
		methods: { GET: providerRead(listProviders), POST: providerWrite(createProvider) },
	},
	{
		pattern: ['identity', 'identityProviders', 'availableProviderTypes'],
		methods: { GET: providerRead(availableProviderTypes) },
	},
	{
		pattern: ['identity', 'identityProviders', ':pid'],
		methods: {
			GET: providerRead(getProvider),
			PATCH: providerWrite(updateProvider),
			DELETE: providerWrite(deleteProvider),
		},
	},
	{
		pattern: ['identity', 'userFlowAttributes'],
		methods: { GET: attributeRead(listAttributes), POST: attributeWrite(createAttribute) },
	},
	{
		pattern: ['identity', 'userFlowAttributes', ':aid'],
		methods: {
			GET: attributeRead(getAttribute),
			PATCH: attributeWrite(updateAttribute),
			DELETE: attributeWrite(deleteAttribute),
		},
	},
];
