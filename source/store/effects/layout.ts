import { getUserFlow, updateUserFlow } from '../../graph/flows.js';
import {
	diffLayouts,
	isEmptyDiff,
	type Layout,
	layoutFingerprint,
	layoutFromFlow,
	layoutUpdate,
} from '../../layout/index.js';
import { loadActions } from '../actions.js';
import { toAppError } from '../errors.js';
import { diffLines, draftChanges, isLayoutDirty, saveRefusal } from '../layout-views.js';
import { flowLabel, selectResource, targets } from '../selectors.js';
import type { AppState, UserFlow } from '../state.js';
import type { Effect, EffectContext } from '../store.js';
import { handleExpiry, write } from './common.js';
import { loadUserFlow } from './flows.js';
import { refuseWithoutPermission } from './preflight.js';

/** The flow's page; data types come from the flow's attributes, or from its attribute list when the read lacked them. */
export function flowLayout(state: AppState, flowId: string, flow: UserFlow): Layout {
	const collection = flow.onAttributeCollection;
	const own = collection?.attributes;
	const listed = selectResource(state, 'attributes', flowId).data;
	const typed = own?.some((attribute) => attribute.dataType) ? own : (listed ?? own);
	return layoutFromFlow(
		collection ? { ...flow, onAttributeCollection: { ...collection, attributes: typed } } : flow,
	);
}

const hasPage = (flow: UserFlow) => Boolean(flow.onAttributeCollection?.attributeCollectionPage?.views);

function opened(context: EffectContext, flowId: string, flow: UserFlow): void {
	const layout = flowLayout(context.getState(), flowId, flow);
	context.dispatch({ type: 'layout/opened', flowId, layout, fingerprint: layoutFingerprint(layout) });
}

/**
 * Starts the editor's draft from the cached flow (no request) or one GET; a kept draft is left as it is.
 * While the flow is loading it does nothing: the screen calls again once the load has settled.
 */
export function openLayoutDraft(flowId: string): Effect {
	return async (context) => {
		const state = context.getState();
		if (state.layoutDrafts[flowId]) return;
		const resource = selectResource(state, 'userFlow', flowId);
		if (resource.status === 'loading' || resource.status === 'error') return;
		const cached = resource.status === 'ready' ? resource.data : undefined;
		// A flow that collects attributes but came without its page (a create response) is read once more.
		if (cached && (!cached.onAttributeCollection || hasPage(cached))) return opened(context, flowId, cached);
		await context.run(loadUserFlow(flowId, { force: cached !== undefined }));
		const after = selectResource(context.getState(), 'userFlow', flowId);
		if (after.status === 'ready' && after.data && !context.getState().layoutDrafts[flowId])
			opened(context, flowId, after.data);
	};
}

/**
 * `s`: refuses while validation finds problems; otherwise re-reads the flow (one GET) and opens the diff to
 * confirm, or, when the page changed on the server since the draft began, both changes and the choice.
 */
export function saveLayout(flowId: string): Effect {
	const self: Effect = async (context) => {
		const draft = context.getState().layoutDrafts[flowId];
		if (!draft || draft.saving) return;
		const refusal = saveRefusal(draft);
		if (refusal) return context.dispatch({ type: 'flash/shown', level: 'warning', text: refusal });
		if (!isLayoutDirty(draft)) {
			return context.dispatch({ type: 'flash/shown', level: 'info', text: 'No changes to save.' });
		}
		// A token that cannot write is told so before the re-read, not after the diff.
		if (await refuseWithoutPermission(context, 'Not saved; your draft is kept')) return;
		const id = `layout-read:${flowId}`;
		context.dispatch({ type: 'layout/saveStarted', flowId });
		context.dispatch({
			type: 'activity/started',
			activity: { id, verb: 'Reading the sign-up page as it is now', write: false },
		});
		try {
			const flow = await getUserFlow(context.deps.graph, flowId);
			context.dispatch(loadActions.succeeded('userFlow', flowId, flow, context.now()));
			const current = context.getState().layoutDrafts[flowId];
			if (!current) return;
			const server = flowLayout(context.getState(), flowId, flow);
			const mine = draftChanges(server, current.layout);
			if (layoutFingerprint(server) === current.baseFingerprint) {
				context.dispatch({ type: 'overlay/opened', overlay: { kind: 'layoutSave', flowId, ...mine } });
				return;
			}
			const theirs = diffLines(diffLayouts(current.base, server));
			context.dispatch({
				type: 'overlay/opened',
				overlay: {
					kind: 'layoutConflict',
					flowId,
					server,
					theirs: theirs.lines,
					mine: mine.lines,
					loud: mine.loud,
				},
			});
		} catch (error) {
			if (!handleExpiry(context, self, error)) {
				context.dispatch({
					type: 'flash/shown',
					level: 'error',
					text: 'Not saved: could not read the page as it is now; your draft is kept',
					error: toAppError(error),
				});
			}
		} finally {
			context.dispatch({ type: 'layout/saveEnded', flowId });
			context.dispatch({ type: 'activity/finished', id });
		}
	};
	return self;
}

/** Confirmed: sends the whole inputs array in one PATCH, re-reads the flow and drops the draft. */
export function commitLayout(flowId: string): Effect {
	const self: Effect = async (context) => {
		const draft = context.getState().layoutDrafts[flowId];
		if (!draft) return;
		const { layout } = draft;
		const name = flowLabel(context.getState(), flowId);
		context.dispatch({ type: 'layout/saveStarted', flowId });
		let stored: Layout | undefined;
		await write(
			context,
			self,
			{
				id: `layout-save:${flowId}`,
				verb: `Saving the sign-up page of “${name}”`,
				failure: `The sign-up page of “${name}” was not saved; your draft is kept`,
				target: targets.flow(flowId),
			},
			async () => {
				// The service replaces the whole array: every input goes, in page order.
				await updateUserFlow(context.deps.graph, flowId, layoutUpdate(layout));
				// The reload starts before the draft goes, so the editor waits for it instead of reopening the old page.
				const reread = context.run(loadUserFlow(flowId, { force: true }));
				context.dispatch({ type: 'layout/discarded', flowId });
				await reread;
				const flow = selectResource(context.getState(), 'userFlow', flowId).data;
				stored = flow && flowLayout(context.getState(), flowId, flow);
				return stored && !isEmptyDiff(diffLayouts(layout, stored))
					? undefined
					: `Saved the sign-up page of “${name}” (${layout.inputs.length} inputs)`;
			},
		);
		if (stored && !isEmptyDiff(diffLayouts(layout, stored))) {
			const first = diffLines(diffLayouts(layout, stored)).lines[0] ?? '';
			context.dispatch({
				type: 'flash/shown',
				level: 'warning',
				text: `Saved, but the service stored the page differently: ${first}`,
			});
		}
		context.dispatch({ type: 'layout/saveEnded', flowId });
	};
	return self;
}

/** "Load theirs" after a conflict: the draft starts again from the page as the server has it. */
export function reloadLayoutDraft(flowId: string, server: Layout): Effect {
	return async (context) => {
		context.dispatch({ type: 'layout/discarded', flowId });
		context.dispatch({
			type: 'layout/opened',
			flowId,
			layout: server,
			fingerprint: layoutFingerprint(server),
		});
		context.dispatch({
			type: 'flash/shown',
			level: 'info',
			text: 'Your draft was discarded; this is the page as it is now.',
		});
	};
}
