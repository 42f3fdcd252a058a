import { listApplications } from '../../graph/applications.js';
import { sameId } from '../../graph/ids.js';
import { type LinkRefusal, linkApp, unlinkApp } from '../../operations/apps.js';
import type { Outcome } from '../../operations/outcome.js';
import type { FlowRef } from '../../operations/refusals.js';
import { display } from '../../text/sanitize.js';
import { toAppError } from '../errors.js';
import { flowById, flowLabel, selectResource, targets } from '../selectors.js';
import type { AppState } from '../state.js';
import type { Effect, EffectContext } from '../store.js';
import { appOwners, linkedAppIds } from '../views.js';
import { type LoadOptions, load, operate } from './common.js';
import { loadUserFlow } from './flows.js';
import { refusalText } from './refusal-text.js';

/** The tenant's applications: display names for linked appIds, and what the link-picker offers. */
export function loadApplications(options?: LoadOptions): Effect {
	return load('applications', '', 'Loading applications', (graph) => listApplications(graph), options);
}

function appRecord(state: AppState, appId: string) {
	return selectResource(state, 'applications').data?.find((app) => app.appId === appId);
}

function appName(state: AppState, appId: string): string {
	return display(appRecord(state, appId)?.displayName ?? appId);
}

/** Whether a flow, as read after a change that was made, shows the app linked (`uses`) or not. */
type AppChange = { readonly flowId: string; readonly appId: string; readonly uses: boolean };

// The linked apps are read from the flow itself, so re-reading the flow refreshes the sub-list and the counts.
// After a change that was made, the flow is read patiently until it shows it (reads lag writes).
const reread = (context: EffectContext, flowId: string, change?: AppChange) =>
	context.run(
		loadUserFlow(flowId, {
			force: true,
			...(change
				? { shows: (flow) => linkedAppIds(flow).some((id) => sameId(id, change.appId)) === change.uses }
				: {}),
		}),
	);

/** The flow an app uses, as the flows list last showed it (null: none). */
function ownerOf(state: AppState, appId: string): FlowRef | null {
	const owner = appOwners(selectResource(state, 'userFlows').data ?? []).get(appId);
	return owner ? { id: owner.flowId, displayName: owner.name } : null;
}

/** The flows a refusal names: where the app turned out to be, and where it was taken from. */
function namedFlows(outcome: Outcome<unknown, LinkRefusal>): string[] {
	if (outcome.kind !== 'refused') return [];
	const refusal = outcome.refusal;
	if (refusal.rule === 'appUsedElsewhere') return [refusal.owner.id];
	if (refusal.rule === 'appMovedMeanwhile')
		return [refusal.from.id, ...(refusal.now ? [refusal.now.id] : [])];
	return [];
}

/**
 * After a write, the flows it touched are read again (each one GET; their rows follow). After a refusal the app
 * is somewhere else than the list showed: the flows the refusal names and the one the list showed it on are
 * read too, so the picker is right, and never the whole list (thousands of flows, a round trip per page).
 */
function rereadAfter(context: EffectContext, changes: readonly AppChange[], listedOwner?: string) {
	return async (outcome: Outcome<unknown, LinkRefusal>) => {
		const stale = outcome.kind === 'refused' || (outcome.kind === 'unchanged' && outcome.why === 'meanwhile');
		const made = outcome.kind === 'done';
		const touched = [
			...changes.map((change) => change.flowId),
			...(stale ? [...namedFlows(outcome), listedOwner ?? ''] : []),
		];
		const unique = touched.filter(
			(id, index) => id && touched.findIndex((other) => sameId(other, id)) === index,
		);
		const changeOf = (flowId: string) =>
			made ? changes.find((change) => sameId(change.flowId, flowId)) : undefined;
		await Promise.all(unique.map((flowId) => reread(context, flowId, changeOf(flowId))));
	};
}

/** Links an application to a flow. */
export function linkApplication(flowId: string, appId: string): Effect {
	const self: Effect = async (context) => {
		const state = context.getState();
		const name = appName(state, appId);
		const flow = flowLabel(state, flowId);
		await operate(
			context,
			self,
			{
				id: `link:${flowId}:${appId}`,
				verb: `Linking ${name} to “${flow}”`,
				failure: `Could not link ${name}`,
				target: targets.application(flowId, appId),
			},
			() =>
				linkApp(context.deps.graph, {
					flowId,
					appId,
					move: false,
					owner: ownerOf(state, appId),
					app: appRecord(state, appId),
				}),
			{
				done: () => `Linked ${name} to “${flow}”`,
				unchanged: (why) =>
					why === 'meanwhile'
						? `${name} uses “${flow}” already (linked meanwhile)`
						: `${name} uses “${flow}” already`,
				refused: (refusal) => refusalText(refusal, { flow }),
			},
			rereadAfter(context, [{ flowId, appId, uses: true }], ownerOf(state, appId)?.id),
		);
	};
	return self;
}

/** Unlinks an application from a flow. */
export function unlinkApplication(flowId: string, appId: string): Effect {
	const self: Effect = async (context) => {
		const state = context.getState();
		const name = appName(state, appId);
		const flow = flowLabel(state, flowId);
		await operate(
			context,
			self,
			{
				id: `unlink:${flowId}:${appId}`,
				verb: `Unlinking ${name} from “${flow}”`,
				failure: `Could not unlink ${name}`,
				target: targets.application(flowId, appId),
			},
			() => unlinkApp(context.deps.graph, { flowId, appId, linked: linkedAppIds(flowById(state, flowId)) }),
			{
				done: () => `Unlinked ${name} from “${flow}”; it has no user flow now`,
				unchanged: (why) =>
					why === 'meanwhile'
						? `${name} no longer uses “${flow}” (unlinked meanwhile)`
						: `${name} does not use “${flow}”`,
			},
			(outcome) =>
				reread(context, flowId, outcome.kind === 'done' ? { flowId, appId, uses: false } : undefined),
		);
	};
	return self;
}

/** Moves an app that another flow uses: unlink there, then link here (an app has one flow at most). */
export function moveApplication(flowId: string, appId: string, fromFlowId: string): Effect {
	const self: Effect = async (context) => {
		const state = context.getState();
		const name = appName(state, appId);
		const flow = flowLabel(state, flowId);
		const from = flowLabel(state, fromFlowId);
		await operate(
			context,
			self,
			{
				id: `move:${flowId}:${appId}`,
				verb: `Moving ${name} from “${from}” to “${flow}”`,
				failure: `Could not move ${name}`,
				target: targets.application(flowId, appId),
			},
			() =>
				linkApp(context.deps.graph, {
					flowId,
					appId,
					move: true,
					owner: { id: fromFlowId, displayName: from },
					app: appRecord(state, appId),
				}),
			{
				done: () => `Moved ${name} from “${from}” to “${flow}”`,
				unchanged: () => `${name} uses “${flow}” already (moved meanwhile)`,
				refused: (refusal) => refusalText(refusal, { flow }),
				partial: (partly) =>
					`Unlinked ${name} from “${from}”, but linking it to “${flow}” failed (${describeCause(partly.error)}). The app now has no user flow.`,
			},
			rereadAfter(context, [
				{ flowId, appId, uses: true },
				{ flowId: fromFlowId, appId, uses: false },
			]),
		);
	};
	return self;
}

function describeCause(error: unknown): string {
	const appError = toAppError(error);
	return `${appError.code}: ${appError.message}`;
}
