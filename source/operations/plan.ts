// The plan: desired files against what is (a tenant read once, or other files) → ordered steps, and what cannot
// be done named before anything is sent. Pure: no request is made here.
import { builtInDataType } from '../flow-files/load.js';
import { type FlowSet, type FlowSpec, type InputSpec, nameKey, specLayout } from '../flow-files/model.js';
import { validateLayout } from '../layout/index.js';
import { extensionSteps, resolveExtensions } from './plan-extensions.js';
import { planFlowChanges } from './plan-flow.js';
import type { AppRef, KnownAttribute, Plan, PlanProblem, PlanStep, Side } from './plan-types.js';

/** The event of each extension slot a step names, for the faces that word it. */
export { slotEvents } from '../flow-files/model.js';
export type { Plan, PlanProblem, PlanStep, Side } from './plan-types.js';

/** How a plan treats what the files lack. */
export type PlanOptions = {
	/** Delete the flows the files do not have. */
	readonly prune?: boolean;
};

/** What a desired input's attribute is on the side being changed, once definitions and that side are joined. */
export type AttributeLookup = (input: Pick<InputSpec, 'attribute' | 'custom'>) => KnownAttribute | undefined;

/** The steps that make `current` what `desired` says, in apply order, with what cannot be done. */
export function planChanges(current: Side, desired: FlowSet, options: PlanOptions = {}): Plan {
	const problems: PlanProblem[] = [];
	const steps: PlanStep[] = [];
	const known = (custom: boolean) => current.attributes.filter((attribute) => attribute.custom === custom);
	const find = (list: readonly KnownAttribute[], name: string) =>
		list.find((attribute) => nameKey(attribute.name) === nameKey(name));

	for (const spec of desired.customAttributes) {
		const there = find(known(true), spec.name);
		if (!there) steps.push({ kind: 'createAttribute', attribute: spec });
		else if (there.dataType !== spec.dataType)
			problems.push({
				customAttribute: spec.name,
				field: 'dataType',
				message: `the custom attribute ${spec.name} is ${there.dataType} there, not ${spec.dataType}; a data type never changes (create one under another name)`,
			});
		else if (there.description !== spec.description)
			steps.push({
				kind: 'describeAttribute',
				name: spec.name,
				before: there.description,
				after: spec.description,
			});
	}

	const lookup: AttributeLookup = (input) => {
		if (!input.custom) return find(known(false), input.attribute);
		const defined = desired.customAttributes.find((spec) => nameKey(spec.name) === nameKey(input.attribute));
		return defined ? { ...defined, custom: true } : find(known(true), input.attribute);
	};
	for (const flow of desired.flows) problems.push(...referenceProblems(flow, current, lookup));

	const currentFlows = new Map(current.set.flows.map((flow) => [nameKey(flow.name), flow]));
	const resolved = new Map(
		desired.flows.map((flow) => [nameKey(flow.name), resolveApps(flow, current, problems)]),
	);
	const extensions = new Map(
		desired.flows.map((flow) => [nameKey(flow.name), resolveExtensions(flow, current, problems)]),
	);
	// Where each app is now, and which apps a flow of the files takes: those move, they are not just unlinked.
	const owners = new Map<string, string>();
	for (const flow of current.set.flows)
		for (const app of flow.applications) owners.set(app.appId.toLowerCase(), flow.name);
	const claimed = new Set([...resolved.values()].flat().map((app) => app.appId.toLowerCase()));
	const unchanged: string[] = [];
	for (const flow of desired.flows) {
		const apps = resolved.get(nameKey(flow.name)) ?? [];
		const before = currentFlows.get(nameKey(flow.name));
		const ownerOf = (app: AppRef) => owners.get(app.appId.toLowerCase());
		const wantedExtensions = extensions.get(nameKey(flow.name));
		if (!before) {
			steps.push({ kind: 'createFlow', flow, apps: apps.filter((app) => !ownerOf(app)) });
			// The extensions are attached once the flow exists: the create body cannot name them.
			steps.push(...extensionSteps(flow.name, {}, wantedExtensions));
			for (const app of apps.filter((app) => ownerOf(app)))
				steps.push({ kind: 'linkApp', flow: flow.name, app, from: ownerOf(app) });
			continue;
		}
		const flowSteps = planFlowChanges(before, flow, {
			apps,
			ownerOf,
			claimed: (app) => claimed.has(app.appId.toLowerCase()),
			lookup,
			known: (input) => find(known(input.custom), input.attribute),
			extensions: wantedExtensions,
		});
		if (flowSteps.length === 0) unchanged.push(flow.name);
		steps.push(...flowSteps);
	}
	if (options.prune) {
		const wanted = new Set(desired.flows.map((flow) => nameKey(flow.name)));
		for (const flow of current.set.flows)
			if (!wanted.has(nameKey(flow.name)))
				steps.push({ kind: 'deleteFlow', flow: flow.name, apps: flow.applications });
	}
	return { steps, problems, unchanged };
}

/** What a flow names that the tenant lacks: providers, attributes, and inputs that do not fit their data type. */
function referenceProblems(flow: FlowSpec, current: Side, lookup: AttributeLookup): PlanProblem[] {
	if (!current.tenant) return [];
	const problems: PlanProblem[] = [];
	const at = (field: string, message: string) => problems.push({ flow: flow.name, field, message });
	const providers = current.providers;
	flow.identityProviders.forEach((id, index) => {
		if (providers && !providers.some((have) => nameKey(have) === nameKey(id)))
			at(
				`identityProviders[${index}]`,
				`the tenant has no identity provider ${id} (it has ${providers.join(', ') || 'none'}); configure it there first`,
			);
	});
	flow.inputs.forEach((input, index) => {
		if (lookup(input)) return;
		at(
			`attributes[${index}]`,
			input.custom
				? `the custom attribute ${input.attribute} is defined neither in the files nor in the tenant; add it under customAttributes (name, dataType, description)`
				: `the tenant has no built-in attribute ${input.attribute}`,
		);
	});
	if (flow.inputs.length > 0 && problems.length === 0) {
		const dataTypeOf = (input: InputSpec) => lookup(input)?.dataType ?? builtInDataType;
		for (const problem of validateLayout(specLayout(flow, dataTypeOf)))
			at(
				problem.index === undefined
					? 'attributes'
					: `attributes[${problem.index}]${problem.field ? `.${problem.field}` : ''}`,
				problem.message,
			);
	}
	return problems;
}

/** The side's apps for a flow's apps: by appId, then by exact display name; what matches none is a problem. */
function resolveApps(flow: FlowSpec, current: Side, problems: PlanProblem[]): AppRef[] {
	const apps = current.applications;
	if (!apps) return [...flow.applications];
	return flow.applications.flatMap((wanted, index) => {
		const byId = apps.find((app) => app.appId.toLowerCase() === wanted.appId.toLowerCase());
		if (byId) return [byId];
		const named = apps.filter((app) => app.displayName === wanted.displayName);
		if (named.length === 1 && named[0]) return [named[0]];
		if (current.tenant)
			problems.push({
				flow: flow.name,
				field: `applications[${index}]`,
				message:
					named.length > 1
						? `${named.length} applications of the tenant are named "${wanted.displayName}" (${named.map((app) => app.appId).join(', ')}); give the appId of the one you mean`
						: `no application of the tenant matches "${wanted.displayName}": no appId ${wanted.appId} and no app of exactly that name; register it there first`,
			});
		return [];
	});
}

/** The flow a step is about, or undefined for the tenant-wide ones. */
export function stepFlow(step: PlanStep): string | undefined {
	if (step.kind === 'createFlow') return step.flow.name;
	return 'flow' in step && typeof step.flow === 'string' ? step.flow : undefined;
}

/** A run of a plan's steps under one heading: the tenant-wide ones, or one flow's. */
export type PlanSection = {
	/** The flow the steps are about; undefined for the tenant-wide ones (custom attributes). */
	readonly flow?: string;
	/** new: the run creates the flow; onlyInTenant: it deletes a flow the files lack (--prune). */
	readonly status: 'tenant' | 'new' | 'existing' | 'onlyInTenant';
	readonly steps: readonly PlanStep[];
};

/** The plan's steps in the order they run, cut where the flow they are about changes. */
export function planSections(plan: Plan): PlanSection[] {
	const sections: { flow?: string; status: PlanSection['status']; steps: PlanStep[] }[] = [];
	for (const step of plan.steps) {
		const flow = stepFlow(step);
		const last = sections.at(-1);
		if (last && last.flow === flow) {
			last.steps.push(step);
			continue;
		}
		const status =
			flow === undefined
				? 'tenant'
				: step.kind === 'createFlow'
					? 'new'
					: step.kind === 'deleteFlow'
						? 'onlyInTenant'
						: 'existing';
		sections.push({ ...(flow === undefined ? {} : { flow }), status, steps: [step] });
	}
	return sections;
}
