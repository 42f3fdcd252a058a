// The keyboard app's flows-as-code: one flow as file text, files planned against the tenant, a flow cloned.
// The same models and the same plan/apply the commands use; what comes back is data the store words.
import { exportFlowSet, flowSpecFrom } from '../flow-files/export.js';
import { type LoadedFiles, lineNear, loadFlowFiles, type SourceFile } from '../flow-files/load.js';
import { flowFileStem, nameKey } from '../flow-files/model.js';
import type { FileProblem } from '../flow-files/problems.js';
import { documentText, flowDocument, flowFileNames } from '../flow-files/serialize.js';
import type { FileFormat } from '../flow-files/source-text.js';
import type { GraphClient } from '../graph/graph-client.js';
import { type ApplyReport, applyPlan } from './apply.js';
import { type Plan, type PlanProblem, planChanges } from './plan.js';
import { tenantSide } from './plan-side.js';
import type { Refusal } from './refusals.js';
import { readTenant, type TenantSnapshot } from './snapshot.js';

export type { SourceFile } from '../flow-files/load.js';
export type { FileProblem } from '../flow-files/problems.js';

/** The file name export gives a flow of this name. */
export function flowFileName(name: string, format: FileFormat = 'yaml'): string {
	return `${flowFileStem(name)}.${format}`;
}

/** One flow as a file: its text and the name export would give it. */
export type FlowFileText = { readonly fileName: string; readonly text: string; readonly flowName: string };

/** A flow of the tenant as a tenant-independent file, with the custom attribute definitions it needs. */
export async function exportFlowText(
	client: GraphClient,
	flowId: string,
	format: FileFormat = 'yaml',
): Promise<FlowFileText | undefined> {
	const snapshot = await readTenant(client);
	const flow = snapshot.flows.find((candidate) => candidate.id === flowId);
	if (!flow) return undefined;
	const set = exportFlowSet([flow], snapshot);
	const [spec] = set.flows;
	if (!spec) return undefined;
	return {
		fileName: flowFileNames([spec], format)[0] ?? `${flowId}.${format}`,
		text: documentText(flowDocument(spec, set.customAttributes), format),
		flowName: spec.name,
	};
}

/** A plan problem with the file and line of the flow it is about, when the files say. */
export type LocatedProblem = PlanProblem & { readonly file?: string; readonly line?: number };

/** Files against the tenant: bad files (nothing read), what cannot be done, or the plan with what it was made from. */
export type FilesPlan =
	| { readonly kind: 'badFiles'; readonly problems: readonly FileProblem[] }
	| { readonly kind: 'cannot'; readonly problems: readonly LocatedProblem[]; readonly plan: Plan }
	| { readonly kind: 'plan'; readonly plan: Plan; readonly snapshot: TenantSnapshot };

function locate(problem: PlanProblem, loaded: LoadedFiles): LocatedProblem {
	const origin = problem.flow ? loaded.origins.get(nameKey(problem.flow)) : undefined;
	if (!origin) return problem;
	const line = problem.field ? lineNear(origin.lineOf, problem.field) : undefined;
	return { ...problem, file: origin.file, ...(line === undefined ? {} : { line }) };
}

/** Checks the files, reads the tenant once and plans; bad files stop before any request. */
export async function planFiles(
	client: GraphClient,
	sources: readonly SourceFile[],
	options: { readonly prune?: boolean } = {},
): Promise<FilesPlan> {
	const loaded = loadFlowFiles(sources);
	if (loaded.problems.length > 0) return { kind: 'badFiles', problems: loaded.problems };
	const snapshot = await readTenant(client);
	const plan = planChanges(tenantSide(snapshot), loaded.set, options);
	if (plan.problems.length > 0)
		return { kind: 'cannot', plan, problems: plan.problems.map((problem) => locate(problem, loaded)) };
	return { kind: 'plan', plan, snapshot };
}

/** What a clone became: refused before anything was sent, cannot be done there, or the apply's report. */
export type CloneOutcome =
	| { readonly kind: 'noSuchFlow' }
	| { readonly kind: 'refused'; readonly refusal: Refusal }
	| { readonly kind: 'cannot'; readonly problems: readonly PlanProblem[] }
	| {
			readonly kind: 'applied';
			readonly report: ApplyReport;
			readonly source: { readonly id: string; readonly name: string };
			/** The copy's id, when it was made and the service said. */
			readonly flowId?: string;
	  };

/** A copy inside the tenant from the flow's file model, without its apps (an app uses one flow). */
export async function cloneFlow(
	client: GraphClient,
	source: { readonly flowId: string } | { readonly snapshot: TenantSnapshot; readonly flowId: string },
	name: string,
): Promise<CloneOutcome> {
	const snapshot = 'snapshot' in source ? source.snapshot : await readTenant(client);
	const flow = snapshot.flows.find((candidate) => candidate.id === source.flowId);
	if (!flow) return { kind: 'noSuchFlow' };
	const taken = snapshot.flows.find((other) => nameKey(other.displayName ?? '') === nameKey(name));
	if (taken)
		return {
			kind: 'refused',
			refusal: {
				rule: 'nameTaken',
				name,
				taken: { id: taken.id, displayName: taken.displayName ?? taken.id },
			},
		};
	const copy = { ...flowSpecFrom(flow, snapshot), name, applications: [] };
	const plan = planChanges(tenantSide(snapshot), { customAttributes: [], flows: [copy] });
	if (plan.problems.length > 0) return { kind: 'cannot', problems: plan.problems };
	const report = await applyPlan(client, plan, snapshot);
	const created = report.results.find((result) => result.step.kind === 'createFlow')?.flowId;
	return {
		kind: 'applied',
		report,
		source: { id: flow.id, name: flow.displayName ?? flow.id },
		...(created ? { flowId: created } : {}),
	};
}
