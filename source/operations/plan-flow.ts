// One flow that exists on both sides: the steps from what it is to what the file says, in the safe order
// (fields, providers added before any is removed so one stays, attributes, the page, extensions, apps).

import { builtInDataType } from '../flow-files/load.js';
import { type FlowSpec, type InputSpec, inputSpecFrom, nameKey, specLayout } from '../flow-files/model.js';
import { defaultInputFor } from '../graph/default-input.js';
import { diffLayouts, isEmptyDiff, layoutInputFrom } from '../layout/index.js';
import type { AttributeLookup } from './plan.js';
import { extensionSteps, type ResolvedExtensions } from './plan-extensions.js';
import type { AppRef, FieldChange, KnownAttribute, PlanStep } from './plan-types.js';

/** What planning one flow needs to know beyond the two specs. */
export type FlowPlanContext = {
	/** The flow's apps as the side being changed knows them (resolved from the file's). */
	readonly apps: readonly AppRef[];
	/** The flow that uses an app now, by name. */
	readonly ownerOf: (app: AppRef) => string | undefined;
	/** True when some flow of the files takes the app (it moves there rather than being unlinked). */
	readonly claimed: (app: AppRef) => boolean;
	/** An attribute as the files and the side together define it. */
	readonly lookup: AttributeLookup;
	/** An attribute as the side being changed has it. */
	readonly known: (input: InputSpec) => KnownAttribute | undefined;
	/** The extensions the file names, as the side being changed has them; undefined: the file leaves them be. */
	readonly extensions: ResolvedExtensions | undefined;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const attributeKey = (input: Pick<InputSpec, 'attribute' | 'custom'>) =>
	`${input.custom ? 'custom' : 'builtIn'}:${nameKey(input.attribute)}`;

function fieldChanges(before: FlowSpec, after: FlowSpec): FieldChange[] {
	const changes: FieldChange[] = [];
	const add = (field: FieldChange['field'], old: unknown, next: unknown) => {
		if (!same(old, next)) changes.push({ field, before: old ?? null, after: next ?? null });
	};
	add('name', before.name, after.name);
	add('description', before.description, after.description);
	add('signUp', before.signUp, after.signUp);
	if (after.userType !== undefined) add('userType', before.userType, after.userType);
	if (after.priority !== undefined && before.priority !== undefined)
		add('priority', before.priority, after.priority);
	const keys = new Set([...Object.keys(before.verbatim), ...Object.keys(after.verbatim)]);
	for (const key of [...keys].sort()) add(`verbatim.${key}`, before.verbatim[key], after.verbatim[key]);
	return changes;
}

/** The page the service will have once the attributes are added (its default input appended) and removed. */
function pageAfterAttributeSteps(
	before: FlowSpec,
	added: readonly InputSpec[],
	removed: ReadonlySet<string>,
	lookup: AttributeLookup,
): InputSpec[] {
	const kept = before.inputs.filter((input) => !removed.has(attributeKey(input)));
	const appended = added.map((input) => {
		const attribute = lookup(input);
		const dataType = attribute?.dataType ?? builtInDataType;
		const page = defaultInputFor({
			id: input.attribute,
			displayName: attribute?.displayName ?? input.attribute,
			dataType,
		});
		return inputSpecFrom(layoutInputFrom(page, dataType), input.attribute, input.custom);
	});
	return [...kept, ...appended];
}

/** The steps for one flow, or none when it is as the file says. */
export function planFlowChanges(before: FlowSpec, after: FlowSpec, context: FlowPlanContext): PlanStep[] {
	const flow = after.name;
	const steps: PlanStep[] = [];
	const changes = fieldChanges(before, after);
	if (changes.length > 0) steps.push({ kind: 'updateFlow', flow, changes });

	const offers = (list: readonly string[], id: string) => list.some((have) => nameKey(have) === nameKey(id));
	for (const providerId of after.identityProviders)
		if (!offers(before.identityProviders, providerId)) steps.push({ kind: 'addProvider', flow, providerId });
	for (const providerId of before.identityProviders)
		if (!offers(after.identityProviders, providerId))
			steps.push({ kind: 'removeProvider', flow, providerId });

	const beforeKeys = new Set(before.inputs.map(attributeKey));
	const afterKeys = new Set(after.inputs.map(attributeKey));
	const added = after.inputs.filter((input) => !beforeKeys.has(attributeKey(input)));
	const removed = new Set([...beforeKeys].filter((key) => !afterKeys.has(key)));
	for (const input of added)
		steps.push({ kind: 'addAttribute', flow, attribute: input.attribute, custom: input.custom });
	for (const input of before.inputs.filter((input) => removed.has(attributeKey(input))))
		steps.push({ kind: 'removeAttribute', flow, attribute: input.attribute, custom: input.custom });

	const dataTypeOf = (input: InputSpec) =>
		context.lookup(input)?.dataType ?? context.known(input)?.dataType ?? builtInDataType;
	const predicted = { ...before, inputs: pageAfterAttributeSteps(before, added, removed, context.lookup) };
	const diff = diffLayouts(specLayout(predicted, dataTypeOf), specLayout(after, dataTypeOf));
	if (!isEmptyDiff(diff))
		steps.push({ kind: 'saveLayout', flow, diff, inputs: after.inputs, page: after.page });
	steps.push(...extensionSteps(flow, before.extensions, context.extensions));

	const linked = (list: readonly AppRef[], app: AppRef) =>
		list.some((other) => other.appId.toLowerCase() === app.appId.toLowerCase());
	for (const app of context.apps) {
		if (linked(before.applications, app)) continue;
		const owner = context.ownerOf(app);
		steps.push({ kind: 'linkApp', flow, app, ...(owner ? { from: owner } : {}) });
	}
	for (const app of before.applications)
		if (!linked(context.apps, app) && !context.claimed(app)) steps.push({ kind: 'unlinkApp', flow, app });
	return steps;
}
