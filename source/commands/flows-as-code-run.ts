// The flows-as-code verbs, loaded only when one of them runs (the YAML reader stays out of every other command).

import { exportFlowSet } from '../flow-files/export.js';
import type { LoadedFiles } from '../flow-files/load.js';
import type { FlowSet } from '../flow-files/model.js';
import { flowFileSchema } from '../flow-files/schema.js';
import {
	definitionsDocument,
	definitionsStem,
	documentText,
	flowDocument,
	flowFileNames,
	schemaFileName,
} from '../flow-files/serialize.js';
import type { FileFormat } from '../flow-files/source-text.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import { type ApplyReport, applyPlan, type StepResult } from '../operations/apply.js';
import { isExtensionRefusal } from '../operations/extension-refusals.js';
import { cloneFlow } from '../operations/flow-code.js';
import { type Plan, planChanges } from '../operations/plan.js';
import { filesSide, tenantSide } from '../operations/plan-side.js';
import { resolveAmong } from '../operations/resolve.js';
import { readTenant, type TenantSnapshot } from '../operations/snapshot.js';
import { type CommandContext, CommandFailure, printJson, stringFlag, UsageError } from './command.js';
import { extensionRefusalFailure } from './extension-words.js';
import { loadFlowPath, writeFolder } from './flow-files-io.js';
import { planLines, problemLine, resultLine } from './plan-words.js';
import { askPerson } from './prompt.js';
import { refusalFailure } from './refusal-words.js';

function formatFlag(context: CommandContext): FileFormat {
	const format = stringFlag(context.flags, 'format') ?? 'yaml';
	if (format !== 'yaml' && format !== 'json')
		throw new UsageError(`--format must be yaml or json, not "${format}".`);
	return format;
}

/** `export`: flows of the tenant as files. */
export async function runExport(context: CommandContext): Promise<void> {
	const format = formatFlag(context);
	const all = context.flags.all === true;
	const out = stringFlag(context.flags, 'out');
	if (all === context.args.length > 0)
		throw new UsageError(
			all ? 'Give flow names or --all, not both.' : 'Name the flows to export, or give --all.',
		);
	if (!out && (all || context.args.length > 1))
		throw new UsageError('Several flows go into a folder: add --out DIR (one file per flow).');
	const snapshot = await readTenant(await context.graph());
	const flows = all ? snapshot.flows : context.args.map((wanted) => pickFlow(snapshot, wanted));
	const set = exportFlowSet(flows, snapshot);
	if (!out) {
		const [flow] = set.flows;
		if (!flow) throw new Error('no flow to export');
		// On its own, a flow file brings the custom attributes it needs along.
		const document = flowDocument(flow, set.customAttributes);
		// As data (--json, -o yaml, --query) it goes through the shared output, escaped like every other.
		if (context.json) return printJson(context, { $schema: schemaFileName, ...document });
		return context.stdout(documentText(document, format));
	}
	const names = flowFileNames(set.flows, format);
	const files = [
		...set.flows.map((flow, index) => ({
			name: names[index] ?? '',
			text: documentText(flowDocument(flow), format),
		})),
		...(set.customAttributes.length > 0
			? [
					{
						name: `${definitionsStem}.${format}`,
						text: documentText(definitionsDocument(set.customAttributes), format),
					},
				]
			: []),
		{ name: schemaFileName, text: `${JSON.stringify(flowFileSchema(), null, 2)}\n` },
	];
	const written = writeFolder(out, files);
	if (context.json) return printJson(context, { folder: out, flows: set.flows.length, files: written });
	context.stdout(
		`Exported ${set.flows.length} flow(s) and ${set.customAttributes.length} custom attribute definition(s) to ${out.replace(/\/+$/, '')}/ (${written.length} files).\n`,
	);
}

function pickFlow(snapshot: TenantSnapshot, wanted: string) {
	const found = resolveAmong(snapshot.flows, wanted, (flow) => ({ id: flow.id, names: [flow.displayName] }));
	if (found.kind === 'found') return found.item;
	if (found.kind === 'ambiguous')
		throw new CommandFailure(
			`"${wanted}" names ${found.matches.length} flows.`,
			'Give the id of the one you mean.',
		);
	const guess = found.suggestions.map((flow) => `"${flow.displayName}"`).join(' or ');
	throw new CommandFailure(
		`No user flow is named "${wanted}".`,
		guess ? `Did you mean ${guess}?` : 'List them with `entra-flows flows list`.',
	);
}

/** The plan of a path's files against the command's tenant; problems stop it before anything is sent. */
async function planFor(context: CommandContext, client: GraphClient) {
	const path = context.args[0] ?? '';
	const loaded = loadFlowPath(path);
	const snapshot = await readTenant(client);
	const plan = planChanges(tenantSide(snapshot), loaded.set, { prune: context.flags.prune === true });
	if (plan.problems.length > 0) throw cannotBeDone(plan, loaded);
	return { loaded, snapshot, plan };
}

function cannotBeDone(plan: Plan, loaded?: LoadedFiles): CommandFailure {
	const details = plan.problems.map((problem) => problemLine(problem, loaded));
	return new CommandFailure(
		`The tenant cannot be made as the files say (${details.length} problem(s)); nothing was sent:\n  ${details.join('\n  ')}`,
		'Change the files, or prepare the tenant (identity providers, applications, custom extensions), then plan again.',
		undefined,
		details,
	);
}

const stepsJson = (plan: Plan) => ({
	changes: plan.steps.length > 0,
	steps: plan.steps,
	unchanged: plan.unchanged,
});

/** `plan`: what apply would do. */
export async function runPlan(context: CommandContext): Promise<void> {
	const { plan } = await planFor(context, await context.graph());
	if (context.json) return printJson(context, stepsJson(plan));
	context.stdout(`${planLines(plan, 'the tenant').join('\n')}\n`);
	if (plan.steps.length > 0)
		context.stdout('Run `entra-flows apply` with the same files to make these changes.\n');
}

/** `apply`: the plan, asked for, carried out. */
export async function runApply(context: CommandContext): Promise<void> {
	const client = await context.graph();
	const { plan, snapshot } = await planFor(context, client);
	if (!context.json) context.stdout(`${planLines(plan, 'the tenant').join('\n')}\n`);
	if (plan.steps.length === 0) {
		if (context.json && !context.dryRun) printJson(context, { applied: false, results: [] });
		return;
	}
	await confirm(context, plan);
	const signal = context.dryRun ? undefined : context.interruption?.();
	const report = await applyPlan(client, plan, snapshot, {
		...(signal ? { signal } : {}),
		onStep: (result) => {
			if (!context.json && !context.dryRun) context.stdout(`${resultLine(result)}\n`);
		},
	});
	if (context.json && !context.dryRun) printJson(context, reportJson(report));
	if (report.stopped) throw stoppedFailure(report);
	if (!context.json && !context.dryRun) context.stdout(`Applied ${plan.steps.length} step(s).\n`);
}

async function confirm(context: CommandContext, plan: Plan): Promise<void> {
	if (context.flags.yes === true || context.dryRun) return;
	if (!context.ask) throw new UsageError('Refusing to apply without a terminal to confirm on; add --yes.');
	const deletes = plan.steps.filter((step) => step.kind === 'deleteFlow').length;
	const answer = await askPerson(
		context.ask,
		`Apply these ${plan.steps.length} step(s)${deletes ? `, deleting ${deletes} flow(s)` : ''}? Type yes to go on: `,
		'nothing was sent',
	);
	if (answer.trim().toLowerCase() !== 'yes' && answer.trim().toLowerCase() !== 'y')
		throw new CommandFailure('Not applied: nothing was sent.', 'Answer yes to apply, or add --yes.');
}

/** Why a step did not go through, in words. */
export function causeOf(result: StepResult): string {
	const flow = 'flow' in result.step && typeof result.step.flow === 'string' ? result.step.flow : undefined;
	if (result.refusal && isExtensionRefusal(result.refusal)) {
		const failure = extensionRefusalFailure(result.refusal);
		return failure.hint ? `${failure.message} ${failure.hint}` : failure.message;
	}
	if (result.refusal) return refusalFailure(result.refusal, flow ? { flow } : {}).message;
	const error = result.error;
	if (isGraphError(error)) {
		const lost =
			error.status === 504 || (error.status === 0 && error.kind !== 'cancelled' && error.method !== 'GET');
		return `${error.method} ${error.path}: ${error.status || error.code} ${error.code}: ${error.message}${error.requestId ? ` (request-id ${error.requestId})` : ''}${lost ? '. The answer was lost: the write may have taken effect; the next apply reads the tenant again and finishes either way' : ''}`;
	}
	return error instanceof Error ? error.message : String(error);
}

function stoppedFailure(report: ApplyReport): CommandFailure {
	const done = report.results.filter((result) => result.status === 'done' || result.status === 'unchanged');
	const failed = report.results.find((result) => ['refused', 'partial', 'failed'].includes(result.status));
	const left = report.results.filter((result) => result.status === 'notDone');
	const details = [
		...done.map(resultLine),
		...(failed ? [resultLine(failed), `  cause: ${causeOf(failed)}`] : []),
		...(failed?.calls
			? [
					`  of that step, done: ${failed.calls.done.map((call) => call.call).join(', ') || 'nothing'}; not done: ${[failed.calls.failed, ...failed.calls.notDone].map((call) => call.call).join(', ')}`,
				]
			: []),
		...left.map(resultLine),
	];
	const headline =
		report.stopped === 'interrupted'
			? `Interrupted after ${done.length} of ${report.results.length} step(s).`
			: `Stopped at step ${done.length + 1} of ${report.results.length}.`;
	return new CommandFailure(
		`${headline} Done ${done.length}, not done ${left.length + (failed ? 1 : 0)}:\n  ${details.join('\n  ')}`,
		'Fix the cause if there is one and run the same apply again: it reads the tenant afresh and does only what is left.',
		undefined,
		details,
	);
}

function reportJson(report: ApplyReport) {
	return {
		applied: !report.stopped,
		...(report.stopped ? { stopped: report.stopped } : {}),
		results: report.results.map((result) => ({
			step: result.step,
			status: result.status,
			...(result.why ? { why: result.why } : {}),
			...(result.answerLost ? { answerLost: true } : {}),
			...(result.refusal ? { refusal: result.refusal } : {}),
			...(result.error ? { cause: causeOf(result) } : {}),
		})),
	};
}

/** One side of a diff: `@profile` (a tenant, read once) or a file or folder. */
async function sideOf(context: CommandContext, argument: string) {
	if (argument.startsWith('@')) {
		const name = argument.slice(1);
		const snapshot = await readTenant(await context.graphFor(name));
		return { label: argument, snapshot, set: exportFlowSet(snapshot.flows, snapshot) };
	}
	const loaded = loadFlowPath(argument);
	return { label: argument, loaded, set: loaded.set };
}

/** `diff a b`: what would change to make a what b says, in the plan's words. */
export async function runDiff(context: CommandContext): Promise<void> {
	const [left, right] = [context.args[0] ?? '', context.args[1] ?? ''];
	const [a, b] = await Promise.all([sideOf(context, left), sideOf(context, right)]);
	const from = 'snapshot' in a && a.snapshot ? tenantSide(a.snapshot) : filesSide(a.set as FlowSet);
	const plan = planChanges(from, b.set, { prune: true });
	const notes = plan.problems.map((problem) => problemLine(problem, 'loaded' in b ? b.loaded : undefined));
	if (context.json)
		return printJson(context, { same: plan.steps.length === 0, ...stepsJson(plan), cannotBeDone: notes });
	if (plan.steps.length === 0 && notes.length === 0)
		return context.stdout(`No differences: ${left} and ${right} hold the same flows.\n`);
	context.stdout(`From ${left} to ${right}:\n${planLines(plan, left).join('\n')}\n`);
	if (notes.length > 0) context.stdout(`Cannot be done in ${left}:\n  ${notes.join('\n  ')}\n`);
}

/** `flows clone`: a copy inside the tenant, made from the flow's file model (without its apps). */
export async function runClone(context: CommandContext): Promise<void> {
	const name = stringFlag(context.flags, 'name')?.trim();
	if (!name) throw new UsageError('flows clone needs --name NEW (the name of the copy).');
	const client = await context.graph();
	const snapshot = await readTenant(client);
	const source = pickFlow(snapshot, context.args[0] ?? '');
	const outcome = await cloneFlow(client, { snapshot, flowId: source.id }, name);
	if (outcome.kind === 'noSuchFlow')
		throw new CommandFailure(`The user flow "${source.displayName}" is gone.`);
	if (outcome.kind === 'refused') throw refusalFailure(outcome.refusal);
	if (outcome.kind === 'cannot') throw cannotBeDone({ steps: [], unchanged: [], problems: outcome.problems });
	if (outcome.report.stopped) throw stoppedFailure(outcome.report);
	if (context.dryRun) return;
	const created = outcome.flowId;
	if (context.json) return printJson(context, { cloned: source.id, id: created ?? null, displayName: name });
	context.stdout(
		`Cloned "${source.displayName}" as "${name}"${created ? ` (${created})` : ''}; it has no apps yet.\n`,
	);
}

/** `schema`: the JSON Schema of flow files. */
export async function runSchema(context: CommandContext): Promise<void> {
	// Through the shared output: JSON by default, -o yaml or a --query when asked.
	printJson(context, flowFileSchema());
}
