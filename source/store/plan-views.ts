// A plan and an apply in the keyboard app's words: each line with a marker that reads without colour
// (+ add, - remove, ~ change, > move) and a tone the screen colours; page changes as the layout diff says them.
// Names come from files and from Graph, so every one is sanitized here.
import { isGraphError } from '../graph/graph-error.js';
import { formatFieldValue, formatLayoutDiff } from '../layout/index.js';
import type { StepResult, StepStatus } from '../operations/apply.js';
import { isExtensionRefusal } from '../operations/extension-refusals.js';
import type { FileProblem, LocatedProblem } from '../operations/flow-code.js';
import { type Plan, type PlanStep, planSections, slotEvents, stepFlow } from '../operations/plan.js';
import { display } from '../text/sanitize.js';
import { extensionRefusalText } from './effects/extensions.js';
import { refusalText } from './effects/refusal-text.js';
import { describeError, toAppError } from './errors.js';
import type { PlanLine, PlanTone, StepMark, StepRow } from './flow-code-state.js';

const tones: Record<string, PlanTone> = { '+': 'add', '-': 'remove', '~': 'change', '>': 'move' };
const line = (mark: string, text: string): PlanLine => ({
	mark,
	text: display(text),
	tone: tones[mark] ?? 'plain',
});
const app = (ref: { displayName: string; appId: string }) => `${ref.displayName} (${ref.appId})`;
const value = (text: unknown) => formatFieldValue(text === '' ? null : text);

/** What the docs do not promise, said under a detach step before y is pressed. */
const detachStepNote =
	'not documented by Microsoft: y tries DELETE $ref, then PATCH null, and stops here if the service refuses both';

/** One step's lines: the first says what it does; a page change adds the layout diff's lines. */
export function stepView(step: PlanStep): PlanLine[] {
	switch (step.kind) {
		case 'createAttribute':
			return [line('+', `custom attribute ${step.attribute.name} (${step.attribute.dataType})`)];
		case 'describeAttribute':
			return [
				line('~', `custom attribute ${step.name} description: ${value(step.before)} → ${value(step.after)}`),
			];
		case 'createFlow': {
			const { flow } = step;
			return [
				line(
					'+',
					`create the flow: sign-up ${flow.signUp ? 'on' : 'off'}, ${flow.identityProviders.join(', ')}`,
				),
				line(
					' ',
					`  ${flow.inputs.length} attribute(s): ${flow.inputs.map((input) => input.attribute).join(', ') || 'none'}`,
				),
				...(step.apps.length > 0
					? [line(' ', `  linked at creation: ${step.apps.map(app).join(', ')}`)]
					: []),
			];
		}
		case 'updateFlow':
			return step.changes.map((change) =>
				line('~', `${change.field}: ${value(change.before)} → ${value(change.after)}`),
			);
		case 'addProvider':
			return [line('+', `identity provider ${step.providerId}`)];
		case 'removeProvider':
			return [line('-', `identity provider ${step.providerId}`)];
		case 'addAttribute':
			return [line('+', `attribute ${step.attribute}${step.custom ? ' (custom)' : ''}`)];
		case 'removeAttribute':
			return [line('-', `attribute ${step.attribute}${step.custom ? ' (custom)' : ''}`)];
		case 'saveLayout':
			return [
				line('~', 'sign-up page:'),
				...formatLayoutDiff(step.diff).map((text) =>
					line(text.startsWith('moved') ? '>' : '~', `    ${text}`),
				),
			];
		case 'linkApp':
			return [
				step.from
					? line('>', `app ${app(step.app)}: moves here from "${step.from}"`)
					: line('+', `app ${app(step.app)}`),
			];
		case 'unlinkApp':
			return [line('-', `app ${app(step.app)}`)];
		case 'attachExtension':
			return [
				step.replaces === undefined
					? line('+', `${slotEvents[step.slot]} extension: "${step.extension.displayName}"`)
					: line(
							'~',
							`${slotEvents[step.slot]} extension: "${step.replaces}" → "${step.extension.displayName}"`,
						),
			];
		case 'detachExtension':
			return [
				line('-', `${slotEvents[step.slot]} extension: "${step.extension}"`),
				line(' ', `    ${detachStepNote}`),
			];
		case 'deleteFlow':
			return [line('-', 'delete the flow (not in the files)')];
	}
}

/** The plan under headings per flow, as `entra-flows plan` orders it. */
export function planView(plan: Plan, tenant: string): PlanLine[] {
	if (plan.steps.length === 0) return [line(' ', `No changes: ${tenant} is as the files say.`)];
	const lines: PlanLine[] = [];
	for (const section of planSections(plan)) {
		const title =
			section.status === 'tenant'
				? 'Custom attributes'
				: `Flow "${section.flow}"${section.status === 'new' ? ' (new)' : ''}`;
		lines.push({ mark: ' ', text: display(title), tone: 'heading' });
		for (const step of section.steps)
			lines.push(...stepView(step).map((item) => ({ ...item, text: `  ${item.text}` })));
	}
	const same = plan.unchanged.length > 0 ? `; ${plan.unchanged.length} flow(s) need nothing` : '';
	lines.push(line(' ', `${plan.steps.length} step(s)${same}. Press y to apply them to ${tenant}.`));
	return lines;
}

/** The plan's steps as rows the apply marks one by one. */
export function stepRows(plan: Plan): StepRow[] {
	return plan.steps.map((step) => {
		const flow = stepFlow(step);
		const what = stepView(step)[0]?.text ?? step.kind;
		return { text: display(`${flow ? `"${flow}": ` : ''}${what}`), mark: 'waiting' };
	});
}

const marks: Record<StepStatus, StepMark> = {
	done: 'done',
	unchanged: 'unchanged',
	refused: 'failed',
	partial: 'failed',
	failed: 'failed',
	notDone: 'notDone',
};

/** A result's mark and, for what did not simply go through, a note saying how it ended. */
export function resultMark(result: StepResult): { mark: StepMark; note?: string } {
	const mark = marks[result.status];
	if (result.status === 'unchanged')
		return { mark, note: result.why === 'meanwhile' ? 'already so: done meanwhile' : 'already so' };
	if (result.status === 'done' && result.answerLost)
		return { mark, note: 'the answer was lost; reading back showed it took effect' };
	if (mark !== 'failed') return { mark };
	return { mark, note: `${result.status === 'partial' ? 'partly done: ' : ''}${causeText(result)}` };
}

/** Why a step did not go through. */
export function causeText(result: StepResult): string {
	const flow = stepFlow(result.step);
	if (result.refusal && isExtensionRefusal(result.refusal)) return extensionRefusalText(result.refusal);
	if (result.refusal) return refusalText(result.refusal, { flow: display(flow ?? '') });
	const error = toAppError(result.error);
	const lost = error.status === 504 || (error.status === 0 && error.kind !== 'cancelled');
	// Which request failed, as the request inspector (ctrl+g) lists it.
	const call = isGraphError(result.error)
		? `${result.error.method} ${display(result.error.path)}: ${result.error.status ? `${result.error.status} ` : ''}`
		: '';
	return `${call}${describeError(error)}${lost ? ' (the answer was lost: it may have taken effect; apply again to finish either way)' : ''}`;
}

/** What a stopped or finished apply came to: counts, the failed step with its cause, and what of it was made. */
export function reportView(
	results: readonly StepResult[],
	stopped: 'failed' | 'interrupted' | undefined,
): PlanLine[] {
	const done = results.filter((result) => result.status === 'done' || result.status === 'unchanged').length;
	if (!stopped) return [line('+', `Applied ${results.length} step(s).`)];
	const failed = results.find((result) => marks[result.status] === 'failed');
	const left = results.filter((result) => result.status === 'notDone').length;
	const lines: PlanLine[] = [
		{
			mark: '!',
			text:
				stopped === 'interrupted'
					? `Interrupted after ${done} of ${results.length} step(s): done ${done}, not done ${left}.`
					: `Stopped at step ${done + 1} of ${results.length}: done ${done}, failed 1, not done ${left}.`,
			tone: 'problem',
		},
	];
	if (failed) lines.push({ mark: '!', text: display(`Cause: ${causeText(failed)}`), tone: 'problem' });
	if (failed?.calls)
		lines.push(
			line(
				' ',
				`Of that step, done: ${failed.calls.done.map((call) => call.call).join(', ') || 'nothing'}; not done: ${[failed.calls.failed, ...failed.calls.notDone].map((call) => call.call).join(', ')}.`,
			),
		);
	lines.push(
		line(
			' ',
			'Fix the cause and press y again after ctrl+r: the plan is read afresh and only what is left is done.',
		),
	);
	return lines;
}

/** Bad files: every problem with file, line and field; nothing was read or sent. */
export function fileProblemsView(problems: readonly FileProblem[]): PlanLine[] {
	return [
		{ mark: '!', text: `The files have ${problems.length} problem(s); nothing was sent:`, tone: 'problem' },
		...problems.map((problem) => ({
			mark: '!',
			text: display(
				`  ${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`,
			),
			tone: 'problem' as const,
		})),
	];
}

/** What the tenant lacks for the files; nothing was sent. */
export function cannotView(problems: readonly LocatedProblem[], tenant: string): PlanLine[] {
	return [
		{
			mark: '!',
			text: display(`${tenant} cannot be made as the files say; nothing was sent:`),
			tone: 'problem',
		},
		...problems.map((problem) => {
			const where = problem.file
				? `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.field ? `${problem.field}: ` : ''}`
				: problem.customAttribute
					? `custom attribute ${problem.customAttribute}: `
					: '';
			return { mark: '!', text: display(`  ${where}${problem.message}`), tone: 'problem' as const };
		}),
	];
}
