import * as api from '../../graph/flows.js';
import type { UserFlow } from '../../graph/types.js';
import {
	type FlowChanges,
	showsChanges,
	signUpLostBy,
	updateFlow,
	withChanges,
} from '../../operations/flows.js';
import type { Outcome } from '../../operations/outcome.js';
import { readBack } from '../../operations/read-back.js';
import { display } from '../../text/sanitize.js';
import { loadActions } from '../actions.js';
import { flowById, flowLabel, selectResource, targets } from '../selectors.js';
import type { Effect } from '../store.js';
import { validateName } from '../validate.js';
import { type LoadOptions, load, operate, type ReadBackOptions } from './common.js';
import { loadUserFlowPages } from './flow-pages.js';
import { prefetchCatalogues } from './prefetch.js';
import { refuseWithoutPermission } from './preflight.js';
import { refusalText } from './refusal-text.js';

/**
 * The flows list: one request (paged), every count read from it; rows keep only what the list shows. The
 * first time, the catalogues the pickers and the create form offer are read beside it, so opening them later
 * costs no round trip.
 */
export function loadUserFlows(options?: LoadOptions): Effect {
	const refresh = load(
		'userFlows',
		'',
		'Loading user flows',
		(graph) => api.listUserFlowSummaries(graph),
		options,
	);
	// With no whole list on screen yet (none, or one stopped half way) the pages show as they arrive; a
	// refresh of a whole list keeps its rows until the new one is complete.
	const list: Effect = (context) => {
		const current = context.getState().resources.userFlows[''];
		if (current?.status === 'loading') return Promise.resolve();
		if (current?.status === 'ready' && !current.partial && !options?.force) return Promise.resolve();
		return context.run(current?.data && !current.partial ? refresh : loadUserFlowPages());
	};
	if (options?.force) return list;
	return async (context) => {
		const first = context.getState().resources.userFlows[''] === undefined;
		await Promise.all([list(context), first ? context.run(prefetchCatalogues()) : undefined]);
	};
}

/** One flow (overview and the sections' counts). */
export function loadUserFlow(flowId: string, options?: ReadBackOptions<UserFlow>): Effect {
	return load(
		'userFlow',
		flowId,
		'Loading the user flow',
		(graph) => api.getUserFlow(graph, flowId),
		options,
	);
}

/**
 * After a flow update: a done one is shown from its answer at once (the held flow with the changes), and read
 * back patiently (reads lag writes) in the background; a read that still shows the flow as it was never
 * replaces the answer. A refusal or "already so" reads the flow again as it is.
 */
function showUpdate(flowId: string, outcome: Outcome<FlowChanges, unknown>): Effect {
	return async (context) => {
		if (outcome.kind !== 'done') return context.run(loadUserFlow(flowId, { force: true }));
		const held = flowById(context.getState(), flowId);
		if (held)
			context.dispatch(
				loadActions.succeeded('userFlow', flowId, withChanges(held, outcome.value), context.now()),
			);
		try {
			const read = await readBack(
				() => api.getUserFlow(context.deps.graph, flowId),
				(flow) => showsChanges(flow, outcome.value),
				{ stop: context.disposed },
			);
			if (showsChanges(read, outcome.value))
				context.dispatch(loadActions.succeeded('userFlow', flowId, read, context.now()));
		} catch {
			// The answer stays on screen; ctrl+r reads the flow again.
		}
	};
}

/** Saves the in-place edit of a name or description, after checking it locally. */
export function saveEdit(): Effect {
	const self: Effect = async (context) => {
		const edit = context.getState().edit;
		if (!edit) return;
		const state = context.getState();
		const text = edit.field === 'displayName' ? edit.text.trim() : edit.text;
		if (edit.field === 'displayName') {
			const problem = validateName(text, state.resources.userFlows['']?.data ?? [], edit.flowId);
			if (problem) return context.dispatch({ type: 'edit/rejected', error: problem });
		}
		const what = edit.field === 'displayName' ? 'name' : 'description';
		const before = flowLabel(state, edit.flowId);
		const flow = { ...(flowById(state, edit.flowId) ?? {}), id: edit.flowId };
		const outcome = await operate(
			context,
			self,
			{
				id: `edit:${edit.flowId}`,
				verb: `Saving the ${what} of “${before}”`,
				failure: `Could not change the ${what}`,
				target: targets.flow(edit.flowId),
			},
			() => updateFlow(context.deps.graph, flow, { [edit.field]: text }),
			{
				done: () =>
					edit.field === 'displayName'
						? `Renamed “${before}” to “${display(text)}”`
						: `Changed the description of “${before}”`,
				unchanged: (why) =>
					why === 'meanwhile'
						? `The ${what} of “${before}” was already changed so (meanwhile)`
						: 'No change to save.',
				refused: (refusal) => refusalText(refusal, { flow: before }),
			},
			(result) =>
				result.kind === 'refused' ? Promise.resolve() : context.run(showUpdate(edit.flowId, result)),
		);
		if (outcome?.kind === 'done' || outcome?.kind === 'unchanged')
			return context.dispatch({ type: 'edit/closed' });
		if (context.getState().session.status !== 'signedIn') return;
		// The field keeps the typed text and says why; a refusal's reason is ours, the service's stays in the status line.
		const reason =
			outcome?.kind === 'refused'
				? refusalText(outcome.refusal, { flow: before })
				: context.getState().flash?.error?.message;
		if (reason) context.dispatch({ type: 'edit/rejected', error: capitalize(reason) });
	};
	return self;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * `s` on a flow: switching sign-up off for a flow that apps use asks first (their new customers can no longer
 * sign up), as unlinking does; anything else switches at once.
 */
export function switchSignUp(flowId: string): Effect {
	return async (context) => {
		const state = context.getState();
		const flow = flowById(state, flowId);
		const next = !(flow?.onInteractiveAuthFlowStart?.isSignUpAllowed ?? false);
		const losing = flow ? signUpLostBy(flow, { isSignUpAllowed: next }) : [];
		if (losing.length === 0) return context.run(toggleSignUp(flowId));
		// Refused as s is pressed, as the switch itself would be: no question for a change that cannot be sent.
		if (await refuseWithoutPermission(context, 'Could not switch sign-up')) return;
		const apps = selectResource(state, 'applications').data ?? [];
		const names = losing.map((appId) =>
			display(apps.find((app) => app.appId === appId)?.displayName ?? appId),
		);
		const which =
			losing.length === 1 ? `its app ${names[0]}` : `its ${losing.length} apps (${names.join(', ')})`;
		context.dispatch({
			type: 'overlay/opened',
			overlay: {
				kind: 'confirm',
				message: `Switch sign-up off for “${flowLabel(state, flowId)}”? New customers of ${which} can no longer sign up; existing accounts still sign in.`,
				intent: { type: 'toggleSignUp', flowId },
			},
		});
	};
}

/** Switches self-service sign-up on or off. */
export function toggleSignUp(flowId: string): Effect {
	const self: Effect = async (context) => {
		const state = context.getState();
		const flow = flowById(state, flowId);
		const next = !(flow?.onInteractiveAuthFlowStart?.isSignUpAllowed ?? false);
		const name = flowLabel(state, flowId);
		await operate(
			context,
			self,
			{
				id: `signup:${flowId}`,
				verb: `Switching sign-up ${next ? 'on' : 'off'} for “${name}”`,
				failure: 'Could not switch sign-up',
				target: targets.flow(flowId),
			},
			() => updateFlow(context.deps.graph, { ...(flow ?? {}), id: flowId }, { isSignUpAllowed: next }),
			{
				done: () => `Sign-up is now ${next ? 'on' : 'off'} for “${name}”`,
				unchanged: () => `Sign-up is ${next ? 'on' : 'off'} for “${name}” already`,
			},
			(result) => context.run(showUpdate(flowId, result)),
		);
	};
	return self;
}
