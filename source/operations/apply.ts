// Apply: a plan carried out one write at a time, in its order, each step through the operation that owns its
// rule. It stops at the first step that does not go through, or when asked to stop between steps, and says for
// every step what became of it, so a person knows exactly what was and was not done and the next apply finishes.
import type { GraphClient } from '../graph/graph-client.js';
import { ApplyState } from './apply-state.js';
import { runStep } from './apply-steps.js';
import type { ExtensionRefusal } from './extension-refusals.js';
import type { CreatedFlow } from './flows.js';
import type { Step } from './outcome.js';
import type { Plan, PlanStep } from './plan-types.js';
import type { Refusal } from './refusals.js';
import type { TenantSnapshot } from './snapshot.js';

/** What became of a step. `notDone`: not tried, because an earlier one stopped the apply or it was interrupted. */
export type StepStatus = 'done' | 'unchanged' | 'refused' | 'partial' | 'failed' | 'notDone';

/** One step's result, from the operation's outcome. */
export type StepResult = {
	readonly step: PlanStep;
	readonly status: StepStatus;
	/** done: the answer was lost and reading back showed it took effect. unchanged: `meanwhile` or `already`. */
	readonly answerLost?: boolean;
	readonly why?: 'already' | 'meanwhile';
	/** refused (or partly done): the rule, in the operations' terms. */
	readonly refusal?: Refusal | ExtensionRefusal;
	/** The service's or the transport's error (refused, partial, failed). */
	readonly error?: unknown;
	/** partial: the calls of this step that were made and not. */
	readonly calls?: {
		readonly done: readonly Step[];
		readonly failed: Step;
		readonly notDone: readonly Step[];
	};
	/** createFlow done: the new flow's id (undefined in a dry run, or when the service did not say). */
	readonly flowId?: string;
};

/** The whole apply: every step of the plan with what became of it. */
export type ApplyReport = {
	readonly results: readonly StepResult[];
	/** Why it stopped early; undefined when every step went through. */
	readonly stopped?: 'failed' | 'interrupted';
};

export type ApplyOptions = {
	/** Aborted: no further step is started (the one under way finishes, so the report stays exact). */
	readonly signal?: AbortSignal;
	/** Told as each step ends, for progress. */
	readonly onStep?: (result: StepResult) => void;
};

const stops = (status: StepStatus) => status === 'refused' || status === 'partial' || status === 'failed';

/** Carries out a plan made from `snapshot`; a plan with problems is refused before anything is sent. */
export async function applyPlan(
	client: GraphClient,
	plan: Plan,
	snapshot: TenantSnapshot,
	options: ApplyOptions = {},
): Promise<ApplyReport> {
	if (plan.problems.length > 0) throw new Error('A plan with problems cannot be applied; nothing was sent.');
	const state = new ApplyState(snapshot);
	const results: StepResult[] = [];
	let stopped: ApplyReport['stopped'];
	for (const step of plan.steps) {
		if (stopped || options.signal?.aborted) {
			stopped ??= 'interrupted';
			results.push({ step, status: 'notDone' });
			continue;
		}
		const result = await resultOf(step, () => runStep(client, step, state));
		results.push(result);
		options.onStep?.(result);
		if (stops(result.status)) stopped = 'failed';
	}
	return { results, ...(stopped ? { stopped } : {}) };
}

async function resultOf(step: PlanStep, run: () => ReturnType<typeof runStep>): Promise<StepResult> {
	try {
		const outcome = await run();
		switch (outcome.kind) {
			case 'done': {
				const created = step.kind === 'createFlow' ? (outcome.value as CreatedFlow).flow.id : undefined;
				return {
					step,
					status: 'done',
					...(outcome.answerLost ? { answerLost: true } : {}),
					...(created ? { flowId: created } : {}),
				};
			}
			case 'unchanged':
				return { step, status: 'unchanged', why: outcome.why };
			case 'refused':
				return { step, status: 'refused', refusal: outcome.refusal, error: outcome.error };
			case 'partial':
				return {
					step,
					status: 'partial',
					error: outcome.error,
					...(outcome.refusal ? { refusal: outcome.refusal } : {}),
					calls: { done: outcome.done, failed: outcome.failed, notDone: outcome.notDone },
				};
		}
	} catch (error) {
		return { step, status: 'failed', error };
	}
}
