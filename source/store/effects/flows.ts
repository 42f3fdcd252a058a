import * as api from '../../graph/flows.js';
import { display } from '../../text/sanitize.js';
import { isRefusal } from '../errors.js';
import { flowById, flowLabel, targets } from '../selectors.js';
import type { Effect } from '../store.js';
import { validateName } from '../validate.js';
import { type LoadOptions, load, write } from './common.js';

/** The flows list: one request (paged), every count read from it; rows keep only what the list shows. */
export function loadUserFlows(options?: LoadOptions): Effect {
	return load('userFlows', '', 'Loading user flows', (graph) => api.listUserFlowSummaries(graph), options);
}

/** One flow (overview and the sections' counts). */
export function loadUserFlow(flowId: string, options?: LoadOptions): Effect {
	return load(
		'userFlow',
		flowId,
		'Loading the user flow',
		(graph) => api.getUserFlow(graph, flowId),
		options,
	);
}

/** Saves the in-place edit of a name or description, after checking it locally. */
export function saveEdit(): Effect {
	const self: Effect = async (context) => {
		const edit = context.getState().edit;
		if (!edit) return;
		// A refused rename is most likely a name taken meanwhile: the service's message need not say so.
		const explainEditRefusal = async (error: { status: number; message: string }) => {
			if (edit.field !== 'displayName' || !isRefusal(error)) return error.message;
			await context.run(loadUserFlows({ force: true }));
			const flows = context.getState().resources.userFlows['']?.data ?? [];
			return validateName(edit.text.trim(), flows, edit.flowId) ?? error.message;
		};
		const state = context.getState();
		const text = edit.field === 'displayName' ? edit.text.trim() : edit.text;
		if (edit.field === 'displayName') {
			const problem = validateName(text, state.resources.userFlows['']?.data ?? [], edit.flowId);
			if (problem) return context.dispatch({ type: 'edit/rejected', error: problem });
		}
		const what = edit.field === 'displayName' ? 'name' : 'description';
		const before = flowLabel(state, edit.flowId);
		const ok = await write(
			context,
			self,
			{
				id: `edit:${edit.flowId}`,
				verb: `Saving the ${what} of “${before}”`,
				failure: `Could not change the ${what}`,
				target: targets.flow(edit.flowId),
			},
			async () => {
				await api.updateUserFlow(context.deps.graph, edit.flowId, { [edit.field]: text });
				await context.run(loadUserFlow(edit.flowId, { force: true }));
				return edit.field === 'displayName'
					? `Renamed “${before}” to “${display(text)}”`
					: `Changed the description of “${before}”`;
			},
		);
		if (ok) context.dispatch({ type: 'edit/closed' });
		else if (context.getState().session.status === 'signedIn') {
			const error = context.getState().flash?.error;
			if (error) context.dispatch({ type: 'edit/rejected', error: await explainEditRefusal(error) });
		}
	};
	return self;
}

/** Switches self-service sign-up on or off. */
export function toggleSignUp(flowId: string): Effect {
	const self: Effect = async (context) => {
		const flow = flowById(context.getState(), flowId);
		const next = !(flow?.onInteractiveAuthFlowStart?.isSignUpAllowed ?? false);
		const name = flowLabel(context.getState(), flowId);
		await write(
			context,
			self,
			{
				id: `signup:${flowId}`,
				verb: `Switching sign-up ${next ? 'on' : 'off'} for “${name}”`,
				failure: 'Could not switch sign-up',
				target: targets.flow(flowId),
			},
			async () => {
				await api.updateUserFlow(context.deps.graph, flowId, { isSignUpAllowed: next });
				await context.run(loadUserFlow(flowId, { force: true }));
				return `Sign-up is now ${next ? 'on' : 'off'} for “${name}”`;
			},
		);
	};
	return self;
}
