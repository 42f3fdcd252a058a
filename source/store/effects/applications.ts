import { listApplications } from '../../graph/applications.js';
import * as api from '../../graph/flow-apps.js';
import { sameId } from '../../graph/ids.js';
import { display } from '../../text/sanitize.js';
import { flowById, flowLabel, selectResource, targets } from '../selectors.js';
import type { AppState } from '../state.js';
import type { Effect, EffectContext } from '../store.js';
import { appOwners, linkedAppIds } from '../views.js';
import { type LoadOptions, load, write } from './common.js';
import { loadUserFlow, loadUserFlows } from './flows.js';

/** The tenant's applications: display names for linked appIds, and what the link-picker offers. */
export function loadApplications(options?: LoadOptions): Effect {
	return load('applications', '', 'Loading applications', (graph) => listApplications(graph), options);
}

function appName(state: AppState, appId: string): string {
	const name = selectResource(state, 'applications').data?.find((app) => app.appId === appId)?.displayName;
	return display(name ?? appId);
}

// The linked apps are read from the flow itself, so re-reading the flow refreshes the sub-list and the counts.
const reread = (context: EffectContext, flowId: string) => context.run(loadUserFlow(flowId, { force: true }));

/** Links an application to a flow. */
export function linkApplication(flowId: string, appId: string): Effect {
	const self: Effect = async (context) => {
		const name = appName(context.getState(), appId);
		const flow = flowLabel(context.getState(), flowId);
		await write(
			context,
			self,
			{
				id: `link:${flowId}:${appId}`,
				verb: `Linking ${name} to “${flow}”`,
				failure: `Could not link ${name}`,
				target: targets.application(flowId, appId),
				explain: async () => {
					// An application uses at most one flow: find which one it uses now.
					await context.run(loadUserFlows({ force: true }));
					const owner = appOwners(selectResource(context.getState(), 'userFlows').data ?? []).get(appId);
					if (!owner) return undefined;
					return owner.flowId === flowId
						? `it uses “${flow}” already (linked meanwhile)`
						: `it uses “${owner.name}” now (linked meanwhile); an application can use only one user flow, so pick it again with a to move it`;
				},
			},
			async () => {
				await api.linkFlowApplication(context.deps.graph, flowId, appId);
				await reread(context, flowId);
				return `Linked ${name} to “${flow}”`;
			},
		);
	};
	return self;
}

/** Unlinks an application from a flow. */
export function unlinkApplication(flowId: string, appId: string): Effect {
	const self: Effect = async (context) => {
		const name = appName(context.getState(), appId);
		const flow = flowLabel(context.getState(), flowId);
		await write(
			context,
			self,
			{
				id: `unlink:${flowId}:${appId}`,
				verb: `Unlinking ${name} from “${flow}”`,
				failure: `Could not unlink ${name}`,
				target: targets.application(flowId, appId),
				explain: async () => {
					await reread(context, flowId);
					const linked = linkedAppIds(flowById(context.getState(), flowId));
					return linked.some((id) => sameId(id, appId))
						? undefined
						: `it no longer uses “${flow}” (unlinked meanwhile)`;
				},
			},
			async () => {
				await api.unlinkFlowApplication(context.deps.graph, flowId, appId);
				await reread(context, flowId);
				return `Unlinked ${name} from “${flow}”`;
			},
		);
	};
	return self;
}

/** Moves an app that another flow uses: unlink there, then link here (an app has one flow at most). */
export function moveApplication(flowId: string, appId: string, fromFlowId: string): Effect {
	const self: Effect = async (context) => {
		const name = appName(context.getState(), appId);
		const flow = flowLabel(context.getState(), flowId);
		const from = flowLabel(context.getState(), fromFlowId);
		let unlinked = false;
		await write(
			context,
			self,
			{
				id: `move:${flowId}:${appId}`,
				verb: `Moving ${name} from “${from}” to “${flow}”`,
				failure: `Could not move ${name}`,
				target: targets.application(flowId, appId),
				// The unlink from the old flow was refused: find where the app is now (the picker reads this too).
				explain: async () => {
					await context.run(loadUserFlows({ force: true }));
					const owner = appOwners(selectResource(context.getState(), 'userFlows').data ?? []).get(appId);
					if (owner?.flowId === fromFlowId) return undefined;
					if (!owner) return `it no longer uses “${from}” (unlinked meanwhile); press a to link it here`;
					return owner.flowId === flowId
						? `it uses “${flow}” already (moved meanwhile)`
						: `it uses “${owner.name}” now (moved meanwhile)`;
				},
			},
			async () => {
				try {
					await api.unlinkFlowApplication(context.deps.graph, fromFlowId, appId);
					unlinked = true;
					await api.linkFlowApplication(context.deps.graph, flowId, appId);
				} catch (error) {
					if (!unlinked) throw error;
					const reason = error instanceof Error ? display(error.message) : display(error);
					throw new Error(
						`Unlinked ${name} from “${from}”, but linking it to “${flow}” failed (${reason}). The app now has no user flow.`,
					);
				} finally {
					await Promise.all([reread(context, flowId), reread(context, fromFlowId)]);
				}
				return `Moved ${name} from “${from}” to “${flow}”`;
			},
		);
	};
	return self;
}
