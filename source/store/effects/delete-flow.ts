import { listFlowApplications, unlinkFlowApplication } from '../../graph/flow-apps.js';
import { deleteUserFlow as deleteFlow } from '../../graph/flows.js';
import { sameId } from '../../graph/ids.js';
import { display } from '../../text/sanitize.js';
import { toAppError } from '../errors.js';
import { flowLabel, selectResource, targets } from '../selectors.js';
import type { AppState } from '../state.js';
import type { Effect } from '../store.js';
import { handleExpiry } from './common.js';
import { loadUserFlow } from './flows.js';
import { refuseWithoutPermission } from './preflight.js';

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
		const unlinked: string[] = [];
		if (await refuseWithoutPermission(context, `“${name}” was NOT deleted`)) return;
		let step = 'listing its applications';
		context.dispatch({
			type: 'activity/started',
			activity: { id, verb: `Deleting “${name}”`, target: targets.flow(flowId), write: true },
		});
		try {
			// Read fresh: unlinking from a stale list could leave an app behind or fail on one already gone.
			const linked = (await listFlowApplications(context.deps.graph, flowId))
				.map((app) => app.appId ?? '')
				.filter(Boolean);
			const unnamed = linked.filter(
				(appId) => confirmedApps && !confirmedApps.some((named) => sameId(named, appId)),
			);
			if (unnamed.length > 0) {
				await context.run(loadUserFlow(flowId, { force: true }));
				context.dispatch({
					type: 'flash/shown',
					level: 'warning',
					text: `Nothing was deleted: ${unnamed.map(label).join(', ')} started using “${name}” after you were asked. Check the list and confirm again.`,
				});
				context.dispatch({
					type: 'overlay/opened',
					overlay: { kind: 'deleteFlow', flowId, text: '', mismatch: false },
				});
				return;
			}
			for (const appId of linked) {
				step = `unlinking ${label(appId)}`;
				await unlinkFlowApplication(context.deps.graph, flowId, appId);
				unlinked.push(appId);
			}
			step = 'deleting the flow itself';
			await deleteFlow(context.deps.graph, flowId);
			context.dispatch({ type: 'userFlows/flowRemoved', flowId });
			context.dispatch({ type: 'route/reset', route: { id: 'user-flows' } });
			const tail = unlinked.length > 0 ? ` Unlinked first: ${unlinked.map(label).join(', ')}.` : '';
			context.dispatch({
				type: 'flash/shown',
				level: 'success',
				text: `Deleted user flow “${name}”.${tail}`,
			});
		} catch (error) {
			if (handleExpiry(context, self, error)) return;
			const appError = toAppError(error);
			const done =
				unlinked.length > 0 ? `Done: unlinked ${unlinked.map(label).join(', ')}.` : 'Nothing was changed.';
			context.dispatch({
				type: 'flash/shown',
				level: 'error',
				text: `Stopped while ${step}; “${name}” was NOT deleted. ${done}`,
				error: appError,
			});
			if (unlinked.length > 0) await context.run(loadUserFlow(flowId, { force: true }));
		} finally {
			context.dispatch({ type: 'activity/finished', id });
		}
	};
	return self;
}
