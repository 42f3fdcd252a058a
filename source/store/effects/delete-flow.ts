import { deleteFlow } from '../../operations/delete-flow.js';
import { display } from '../../text/sanitize.js';
import { toAppError } from '../errors.js';
import { flowLabel, selectResource, targets } from '../selectors.js';
import type { AppState } from '../state.js';
import type { Effect } from '../store.js';
import { answerLostNote, handleExpiry } from './common.js';
import { loadUserFlow } from './flows.js';
import { refuseWithoutPermission } from './preflight.js';
import { refusalText } from './refusal-text.js';

function appLabel(state: AppState, appId: string): string {
	const name = selectResource(state, 'applications').data?.find((app) => app.appId === appId)?.displayName;
	return name ? `${display(name)} (${display(appId)})` : display(appId);
}

/** `d`: opens the typed confirmation, unless the sign-in cannot delete (said before the dialog reads anything). */
export function openDeleteFlow(flowId: string): Effect {
	return async (context) => {
		const name = flowLabel(context.getState(), flowId);
		if (await refuseWithoutPermission(context, `“${name}” cannot be deleted with this sign-in`)) return;
		context.dispatch({
			type: 'overlay/opened',
			overlay: { kind: 'deleteFlow', flowId, text: '', mismatch: false },
		});
	};
}

/**
 * Unlinks the flow's apps, then deletes it (as `flows delete` does); a stop half way says what was done.
 * `confirmedApps` are the apps the dialog named: one linked since is not unlinked without asking again.
 */
export function deleteUserFlow(flowId: string, confirmedApps?: readonly string[]): Effect {
	const self: Effect = async (context) => {
		const name = flowLabel(context.getState(), flowId);
		const id = `delete:${flowId}`;
		const label = (appId: string) => appLabel(context.getState(), appId);
		if (await refuseWithoutPermission(context, `“${name}” was NOT deleted`)) return;
		context.dispatch({
			type: 'activity/started',
			activity: { id, verb: `Deleting “${name}”`, target: targets.flow(flowId), write: true },
		});
		try {
			const outcome = await deleteFlow(context.deps.graph, { flowId, confirmedApps });
			switch (outcome.kind) {
				case 'done':
				case 'unchanged': {
					context.dispatch({ type: 'userFlows/flowRemoved', flowId });
					context.dispatch({ type: 'route/reset', route: { id: 'user-flows' } });
					const unlinked = outcome.kind === 'done' ? outcome.value.unlinkedApps : [];
					const tail = unlinked.length > 0 ? ` Unlinked first: ${unlinked.map(label).join(', ')}.` : '';
					const lost = outcome.kind === 'done' && outcome.answerLost ? ` ${answerLostNote}` : '';
					const text =
						outcome.kind === 'done'
							? `Deleted user flow “${name}”.${tail}${lost}`
							: `User flow “${name}” was deleted meanwhile.`;
					context.dispatch({ type: 'flash/shown', level: 'success', text });
					return;
				}
				case 'refused': {
					await context.run(loadUserFlow(flowId, { force: true }));
					const why = refusalText(outcome.refusal, { flow: name, appName: label });
					context.dispatch({ type: 'flash/shown', level: 'warning', text: `Nothing was deleted: ${why}` });
					if (outcome.refusal.rule === 'appsLinkedSinceConfirmed') {
						context.dispatch({
							type: 'overlay/opened',
							overlay: { kind: 'deleteFlow', flowId, text: '', mismatch: false },
						});
					}
					return;
				}
				case 'partial': {
					const step = outcome.failed;
					const doing =
						step.call === 'unlinkApp' ? `unlinking ${label(step.appId)}` : 'deleting the flow itself';
					const made = outcome.done.flatMap((done) => (done.call === 'unlinkApp' ? [label(done.appId)] : []));
					const why = outcome.refusal
						? ` (${refusalText(outcome.refusal, { flow: name, appName: label })})`
						: '';
					context.dispatch({
						type: 'flash/shown',
						level: 'error',
						text: `Stopped while ${doing}; “${name}” was NOT deleted${why}. Done: unlinked ${made.join(', ')}.`,
						error: toAppError(outcome.error),
					});
					await context.run(loadUserFlow(flowId, { force: true }));
					return;
				}
				default: {
					const never: never = outcome;
					return never;
				}
			}
		} catch (error) {
			if (handleExpiry(context, self, error)) return;
			context.dispatch({
				type: 'flash/shown',
				level: 'error',
				text: `Stopped; “${name}” was NOT deleted. Nothing was changed.`,
				error: toAppError(error),
			});
		} finally {
			context.dispatch({ type: 'activity/finished', id });
		}
	};
	return self;
}
