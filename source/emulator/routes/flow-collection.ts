import { invalid } from '../errors.js';
import { type Body, isObject, onlyKeys } from '../json-check.js';
import { odataTypes } from '../paths.js';
import type { Quirks } from '../quirks.js';
import type { RouteContext } from '../router.js';
import type { TenantStore } from '../tenant.js';
import type { AttributeCollectionRecord, FlowRecord, ViewRecord } from '../types.js';
import { inputAttributes, parsePage, sameIdSet } from './flow-inputs.js';

const handlerKeys = ['attributes', 'attributeCollectionPage', 'accessPackages'];
const handlerTypeName = odataTypes.attributeHandler.slice(1);

/** Attribute ids from an `attributes` array of identityUserFlowAttribute objects; each must exist. */
export function attributeIds(value: unknown, tenant: TenantStore): string[] {
	if (!Array.isArray(value) || value.length === 0) {
		throw invalid("The property 'attributes' of onAttributeCollection must be a non-empty array.");
	}
	const ids: string[] = [];
	for (const [index, item] of value.entries()) {
		const id = isObject(item) ? item.id : undefined;
		if (typeof id !== 'string' || id === '')
			throw invalid(`attributes[${index}] must be an object with an 'id'.`);
		const attribute = tenant.findAttribute(id);
		if (!attribute) {
			throw invalid(
				`The user flow attribute '${id}' does not exist in this tenant (see GET /identity/userFlowAttributes).`,
			);
		}
		if (!ids.includes(attribute.id)) ids.push(attribute.id);
	}
	return ids;
}

// Inputs name attributes loosely (any casing); store the tenant's spelling.
function canonicalize(views: ViewRecord[], ids: string[]): ViewRecord[] {
	for (const view of views) {
		for (const input of view.inputs) {
			input.attribute =
				ids.find((id) => id.toLowerCase() === input.attribute.toLowerCase()) ?? input.attribute;
		}
	}
	return views;
}

function mismatch(attributes: string[], views: ViewRecord[]) {
	return invalid(
		`The page inputs must cover exactly the flow's attributes, one input each. Attributes: [${attributes.join(', ')}]; inputs: [${inputAttributes(views).join(', ')}].`,
	);
}

/** onAttributeCollection of a create body: both attributes and inputs, consistent with each other. */
export function createCollection(
	handler: Body,
	tenant: TenantStore,
	quirks: Pick<Quirks, 'emptyOptions'>,
): AttributeCollectionRecord {
	onlyKeys(handler, handlerKeys, handlerTypeName);
	if (handler.attributes === undefined || handler.attributeCollectionPage === undefined) {
		throw invalid(
			"To set onAttributeCollection when creating a user flow, send both 'attributes' and 'attributeCollectionPage.views[].inputs'.",
		);
	}
	const ids = attributeIds(handler.attributes, tenant);
	const page = parsePage(handler.attributeCollectionPage, quirks.emptyOptions === 'accept');
	if (!sameIdSet(inputAttributes(page.views), ids)) throw mismatch(ids, page.views);
	return {
		attributeIds: ids,
		views: canonicalize(page.views, ids),
		customStringsFileId: page.customStringsFileId ?? null,
	};
}

function refuseSetChange(current: string[]) {
	return invalid(
		`Attributes cannot be added to or removed from a user flow with PATCH; the inputs must list exactly the flow's current attributes [${current.join(', ')}]. To add or remove an attribute use POST …/attributes/$ref or DELETE …/attributes/{id}/$ref, then PATCH the layout.`,
	);
}

/** onAttributeCollection of a PATCH body: layout changes only, unless beta-patch-inputs=allow on beta. */
export function patchCollection(
	handler: Body,
	flow: FlowRecord,
	context: RouteContext,
): AttributeCollectionRecord {
	const current = flow.attributeCollection;
	if (!current) {
		throw invalid(
			'onAttributeCollection cannot be updated on a user flow that was created without it. Add an attribute first with POST …/attributes/$ref, then PATCH the flow.',
		);
	}
	onlyKeys(handler, handlerKeys, handlerTypeName);
	const mayChangeSet = context.version === 'beta' && context.quirks.betaPatchInputs === 'allow';
	let ids = current.attributeIds;
	if (handler.attributes !== undefined) {
		const sent = attributeIds(handler.attributes, context.tenant);
		if (!sameIdSet(sent, ids) && !mayChangeSet) throw refuseSetChange(ids);
		ids = sent;
	}
	if (handler.attributeCollectionPage === undefined) {
		if (!sameIdSet(ids, current.attributeIds)) throw mismatch(ids, current.views);
		return { ...current, attributeIds: ids };
	}
	const page = parsePage(handler.attributeCollectionPage, context.quirks.emptyOptions === 'accept');
	const sentInputs = inputAttributes(page.views);
	if (handler.attributes === undefined && mayChangeSet)
		ids = attributeIds(
			sentInputs.map((id) => ({ id })),
			context.tenant,
		);
	// Without the beta switch `ids` equals the current set here, so a difference means inputs were added or removed.
	if (!sameIdSet(sentInputs, ids)) throw mayChangeSet ? mismatch(ids, page.views) : refuseSetChange(ids);
	return {
		attributeIds: ids,
		views: canonicalize(page.views, ids),
		customStringsFileId:
			page.customStringsFileId === undefined ? current.customStringsFileId : page.customStringsFileId,
	};
}
