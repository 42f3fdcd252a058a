// The two things a plan can compare files with, as one shape: a tenant read once, or another set of files.
import { customAttributeSpecFrom, exportFlowSet, isCustomAttributeId } from '../flow-files/export.js';
import { builtInDataType } from '../flow-files/load.js';
import { extensionSlots, type FlowSet, nameKey, slotEvents } from '../flow-files/model.js';
import { extensionEvent } from '../graph/extensions.js';
import type { KnownAttribute, KnownExtension, Side } from './plan-types.js';
import type { TenantSnapshot } from './snapshot.js';

/** A tenant as a plan sees it: its flows as the file model, and everything it has. */
export function tenantSide(snapshot: TenantSnapshot): Side {
	const catalogue = {
		attributes: snapshot.attributes,
		...(snapshot.applications ? { applications: snapshot.applications } : {}),
		flowExtensions: snapshot.flowExtensions,
	};
	const exported = exportFlowSet(snapshot.flows, catalogue);
	const attributes = snapshot.attributes.flatMap((attribute): KnownAttribute[] => {
		const id = attribute.id ?? '';
		if (!id) return [];
		if (!isCustomAttributeId(id))
			return [
				{
					name: id,
					custom: false,
					displayName: attribute.displayName ?? id,
					dataType: attribute.dataType ?? builtInDataType,
					description: attribute.description ?? '',
				},
			];
		return [{ ...customAttributeSpecFrom(attribute), custom: true, id }];
	});
	return {
		set: {
			flows: exported.flows,
			customAttributes: attributes.filter((attribute) => attribute.custom),
		},
		providers: snapshot.providers.flatMap((provider) => (provider.id ? [provider.id] : [])),
		attributes,
		...(snapshot.applications
			? {
					applications: snapshot.applications.flatMap((app) =>
						app.appId ? [{ appId: app.appId, displayName: app.displayName ?? '' }] : [],
					),
				}
			: {}),
		extensions: snapshot.extensions.map((extension): KnownExtension => {
			const event = extensionEvent(extension);
			const slot = extensionSlots.find((each) => slotEvents[each] === event);
			return { id: extension.id, displayName: extension.displayName ?? '', ...(slot ? { slot } : {}) };
		}),
		tenant: true,
	};
}

/** Files as a plan sees them: only what they say is known (providers and apps are taken as given). */
export function filesSide(set: FlowSet): Side {
	const builtIns = new Map<string, KnownAttribute>();
	for (const flow of set.flows)
		for (const input of flow.inputs)
			if (!input.custom)
				builtIns.set(nameKey(input.attribute), {
					name: input.attribute,
					custom: false,
					displayName: input.label,
					dataType: builtInDataType,
					description: '',
				});
	const apps = new Map(
		set.flows.flatMap((flow) => flow.applications).map((app) => [app.appId.toLowerCase(), app]),
	);
	return {
		set,
		attributes: [
			...builtIns.values(),
			...set.customAttributes.map((spec): KnownAttribute => ({ ...spec, custom: true })),
		],
		applications: [...apps.values()],
		tenant: false,
	};
}
