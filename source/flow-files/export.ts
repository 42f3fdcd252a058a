// A tenant's flows as the file model: Graph's objects with every tenant id taken out (custom attributes by short
// name, apps by display name plus this tenant's appId), and what this version does not model kept verbatim.
import { attributeShortName, sameId } from '../graph/ids.js';
import type {
	Application,
	CustomAuthenticationExtension,
	UserFlow,
	UserFlowAttribute,
} from '../graph/types.js';
import { layoutFromFlow } from '../layout/index.js';
import {
	type AppSpec,
	type CustomAttributeSpec,
	type ExtensionsSpec,
	extensionSlots,
	type FlowSet,
	type FlowSpec,
	inputSpecFrom,
	nameKey,
	plainHandlerAsNull,
	slotEvents,
	verbatimHandlers,
} from './model.js';

/** What export needs of the tenant besides the flows: attribute definitions and app names. */
export type ExportCatalogue = {
	readonly attributes: readonly UserFlowAttribute[];
	/** undefined when the token may not read applications: apps are then named by appId. */
	readonly applications?: readonly Application[];
	/** The extensions each flow runs (by flow id), read from its two handlers; a flow not in it runs none. */
	readonly flowExtensions?: ReadonlyMap<
		string,
		{ readonly start?: CustomAuthenticationExtension; readonly submit?: CustomAuthenticationExtension }
	>;
};

/** True for a custom attribute's id (`extension_<app id without dashes>_<Name>`). */
export function isCustomAttributeId(id: string): boolean {
	return /^extension_[0-9a-f]+_./i.test(id);
}

// The properties the file models; everything else a flow carries is kept verbatim (annotations aside).
const modelled = new Set([
	'@odata.type',
	'id',
	'displayName',
	'description',
	'priority',
	'conditions',
	'onInteractiveAuthFlowStart',
	'onAuthenticationMethodLoadStart',
	'onAttributeCollection',
	'onUserCreateStart',
]);
const isAnnotation = (key: string) => key.includes('@odata.') || key.includes('@microsoft.graph.');

/** The properties of a flow this version does not model, as the service sent them. */
export function verbatimOf(flow: UserFlow): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(flow as Record<string, unknown>)) {
		if (!modelled.has(key) && !isAnnotation(key)) result[key] = value ?? null;
	}
	for (const handler of verbatimHandlers) result[handler] = plainHandlerAsNull(result[handler] ?? null);
	return result;
}

/** The names of the extensions a flow runs (an extension without a name goes by its id: nothing else names it). */
function extensionsOf(flow: UserFlow, catalogue: ExportCatalogue): ExtensionsSpec {
	const read = flow.id ? catalogue.flowExtensions?.get(flow.id) : undefined;
	if (!read) return {};
	return Object.fromEntries(
		extensionSlots.flatMap((slot) => {
			const extension = read[slotEvents[slot]];
			const name = extension?.displayName || extension?.id;
			return name ? [[slot, name]] : [];
		}),
	);
}

/** One flow as the file model. */
export function flowSpecFrom(flow: UserFlow, catalogue: ExportCatalogue): FlowSpec {
	const layout = layoutFromFlow(flow);
	const appName = (appId: string) =>
		catalogue.applications?.find((app) => sameId(app.appId, appId))?.displayName ?? appId;
	const applications: AppSpec[] = (flow.conditions?.applications?.includeApplications ?? []).flatMap((app) =>
		app.appId ? [{ displayName: appName(app.appId), appId: app.appId }] : [],
	);
	const userType = flow.onUserCreateStart?.userTypeToCreate;
	return {
		name: flow.displayName ?? flow.id ?? '',
		description: flow.description ?? '',
		signUp: flow.onInteractiveAuthFlowStart?.isSignUpAllowed === true,
		...(userType ? { userType } : {}),
		...(typeof flow.priority === 'number' ? { priority: flow.priority } : {}),
		identityProviders: (flow.onAuthenticationMethodLoadStart?.identityProviders ?? []).flatMap((provider) =>
			provider.id ? [provider.id] : [],
		),
		page: { title: layout.view?.title ?? null, description: layout.view?.description ?? null },
		inputs: layout.inputs.map((input) =>
			isCustomAttributeId(input.attribute)
				? inputSpecFrom(input, attributeShortName(input.attribute), true)
				: inputSpecFrom(input, input.attribute, false),
		),
		applications,
		extensions: extensionsOf(flow, catalogue),
		verbatim: verbatimOf(flow),
	};
}

/** The definition of a tenant's custom attribute. */
export function customAttributeSpecFrom(attribute: UserFlowAttribute): CustomAttributeSpec {
	const name = attributeShortName(attribute.id ?? '');
	return {
		name,
		displayName: attribute.displayName ?? name,
		dataType: attribute.dataType ?? 'string',
		description: attribute.description ?? '',
	};
}

/** Flows as the file model, with the definitions of the custom attributes they collect (in the tenant's order). */
export function exportFlowSet(flows: readonly UserFlow[], catalogue: ExportCatalogue): FlowSet {
	const specs = flows.map((flow) => flowSpecFrom(flow, catalogue));
	const used = new Set(
		specs.flatMap((spec) =>
			spec.inputs.filter((input) => input.custom).map((input) => nameKey(input.attribute)),
		),
	);
	const customAttributes = catalogue.attributes
		.filter((attribute) => isCustomAttributeId(attribute.id ?? ''))
		.map(customAttributeSpecFrom)
		.filter((spec) => used.has(nameKey(spec.name)));
	return { customAttributes, flows: specs };
}
