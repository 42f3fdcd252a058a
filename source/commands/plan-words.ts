// A plan and an apply report in words: the steps grouped by flow as the plan orders them, layout changes as the
// layout diff says them, and what cannot be done with the file and line it comes from.
import { type LoadedFiles, lineNear } from '../flow-files/load.js';
import { nameKey, slotEvents } from '../flow-files/model.js';
import { formatFieldValue, formatLayoutDiff } from '../layout/index.js';
import type { StepResult } from '../operations/apply.js';
import { type Plan, type PlanProblem, type PlanStep, planSections, stepFlow } from '../operations/plan.js';

const app = (ref: { displayName: string; appId: string }) => `${ref.displayName} (${ref.appId})`;
const value = (text: unknown) => formatFieldValue(text === '' ? null : text);

/** A detach step's caveat, so a refusal at apply time is no surprise. */
export const detachPlanNote =
	'(Microsoft documents no way to detach an extension: apply tries DELETE $ref, then PATCH null, and stops here if the service refuses both; then attach another extension in the file, or detach it in the Entra admin center)';

/** One step as the lines a person reads (the first says what it does, more lines for a page diff). */
export function stepLines(step: PlanStep): string[] {
	switch (step.kind) {
		case 'createAttribute':
			return [
				`+ custom attribute ${step.attribute.name} (${step.attribute.dataType})${step.attribute.description ? `: ${JSON.stringify(step.attribute.description)}` : ''}`,
			];
		case 'describeAttribute':
			return [`~ custom attribute ${step.name} description: ${value(step.before)} → ${value(step.after)}`];
		case 'createFlow': {
			const { flow } = step;
			const custom = flow.inputs.filter((input) => input.custom).length;
			return [
				`+ create the flow: sign-up ${flow.signUp ? 'on' : 'off'}, identity providers ${flow.identityProviders.join(', ')}`,
				`  ${flow.inputs.length} attribute(s) on the page${custom ? ` (${custom} custom)` : ''}: ${flow.inputs.map((input) => input.attribute).join(', ') || 'none'}`,
				...(step.apps.length > 0 ? [`  linked at creation: ${step.apps.map(app).join(', ')}`] : []),
			];
		}
		case 'updateFlow':
			return step.changes.map(
				(change) => `~ ${change.field}: ${value(change.before)} → ${value(change.after)}`,
			);
		case 'addProvider':
			return [`+ identity provider ${step.providerId}`];
		case 'removeProvider':
			return [`- identity provider ${step.providerId}`];
		case 'addAttribute':
			return [`+ attribute ${step.custom ? `${step.attribute} (custom)` : step.attribute}`];
		case 'removeAttribute':
			return [`- attribute ${step.custom ? `${step.attribute} (custom)` : step.attribute}`];
		case 'saveLayout':
			return ['~ sign-up page:', ...formatLayoutDiff(step.diff).map((line) => `    ${line}`)];
		case 'linkApp':
			return [
				step.from ? `> app ${app(step.app)}: moves here from "${step.from}"` : `+ app ${app(step.app)}`,
			];
		case 'unlinkApp':
			return [`- app ${app(step.app)}`];
		case 'attachExtension':
			return [
				step.replaces === undefined
					? `+ ${slotEvents[step.slot]} extension: "${step.extension.displayName}"`
					: `~ ${slotEvents[step.slot]} extension: "${step.replaces}" → "${step.extension.displayName}"`,
			];
		case 'detachExtension':
			return [`- ${slotEvents[step.slot]} extension: "${step.extension}"`, `  ${detachPlanNote}`];
		case 'deleteFlow':
			return [
				`- delete the flow (not in the files)${step.apps.length > 0 ? `; its apps lose their flow: ${step.apps.map(app).join(', ')}` : ''}`,
			];
	}
}

/** The plan for people: tenant-wide steps, then each flow's, then the flows to delete. */
export function planLines(plan: Plan, side: string): string[] {
	if (plan.steps.length === 0) return [`No changes: ${side} is as the files say.`];
	const lines: string[] = [];
	const titles = {
		tenant: () => 'Custom attributes',
		new: (flow?: string) => `Flow "${flow}" (new)`,
		onlyInTenant: (flow?: string) => `Flow "${flow}" (only in ${side})`,
		existing: (flow?: string) => `Flow "${flow}"`,
	};
	for (const section of planSections(plan)) {
		lines.push(titles[section.status](section.flow));
		for (const step of section.steps) lines.push(...stepLines(step).map((line) => `  ${line}`));
	}
	const count = plan.steps.length === 1 ? '1 step' : `${plan.steps.length} steps`;
	const same = plan.unchanged.length > 0 ? `; ${plan.unchanged.length} flow(s) need nothing` : '';
	lines.push('', `${count}${same}.`);
	return lines;
}

/** A problem with the file and line of what it is about. */
export function problemLine(problem: PlanProblem, loaded?: LoadedFiles): string {
	const origin = problem.flow ? loaded?.origins.get(nameKey(problem.flow)) : undefined;
	const line = origin && problem.field ? lineNear(origin.lineOf, problem.field) : undefined;
	const where = origin
		? `${origin.file}${line === undefined ? '' : `:${line}`}: `
		: problem.customAttribute
			? `custom attribute ${problem.customAttribute}: `
			: '';
	return `${where}${problem.field && origin ? `${problem.field}: ` : ''}${problem.message}`;
}

const marks: Record<StepResult['status'], string> = {
	done: '✓',
	unchanged: '=',
	refused: '✗',
	partial: '✗',
	failed: '✗',
	notDone: '·',
};

/** One result as a line: mark, flow, what the step does, and how it ended. */
export function resultLine(result: StepResult): string {
	const flow = stepFlow(result.step);
	const what = stepLines(result.step)[0]?.replace(/^[+~>-] /, '') ?? result.step.kind;
	const how =
		result.status === 'unchanged'
			? ` (already so${result.why === 'meanwhile' ? ': done meanwhile' : ''})`
			: result.status === 'notDone'
				? ' (not done)'
				: result.answerLost
					? ' (the answer was lost; reading back showed it took effect)'
					: result.status === 'done'
						? ''
						: ` (${result.status === 'partial' ? 'partly done' : result.status})`;
	return `${marks[result.status]} ${flow ? `"${flow}": ` : ''}${what}${how}`;
}
