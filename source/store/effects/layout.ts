import {
	inputSetChange,
	type Layout,
	layoutFingerprint,
	layoutFromFlow,
	rebaseLayout,
	sameInputSet,
} from '../../layout/index.js';
import { saveLayout } from '../../operations/layout.js';
import { loadActions } from '../actions.js';
import { diffLines, rebaseNotice } from '../layout-views.js';
import { flowLabel, selectResource, targets } from '../selectors.js';
import type { AppState, UserFlow } from '../state.js';
import type { Effect, EffectContext } from '../store.js';
import { loadAttributes } from './attributes.js';
import { operate } from './common.js';
import { loadUserFlow } from './flows.js';
import { refusalText } from './refusal-text.js';

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
 * Moves a kept draft onto the page's set of inputs when the flow's attributes changed since it began (inputs
 * gone are dropped, new ones appended; every other edit stays) and says so in the status line.
 * Returns what it said, or undefined when the sets already agree.
 */
export function rebaseDraft(context: EffectContext, flowId: string, page: Layout): string | undefined {
	const draft = context.getState().layoutDrafts[flowId];
	if (!draft || sameInputSet(draft.layout, page)) return undefined;
	const notice = rebaseNotice(inputSetChange(draft.layout, page));
	context.dispatch({
		type: 'layout/rebased',
		flowId,
		page,
		fingerprint: layoutFingerprint(rebaseLayout(draft.base, page)),
	});
	context.dispatch({ type: 'flash/shown', level: 'warning', text: notice });
	// The flow's attributes changed since its attribute list was read: the attributes screen reads it again.
	if (context.getState().resources.attributes[flowId])
		void context.run(loadAttributes(flowId, { force: true }));
	return notice;
}

/**
 * Starts the editor's draft from the cached flow (no request) or one GET. A kept draft keeps its edits, moved
 * onto the flow's attributes as last read if they changed. While the flow is loading it does nothing: the
 * screen calls again once the load has settled.
 */
export function openLayoutDraft(flowId: string): Effect {
	return async (context) => {
		const state = context.getState();
		const resource = selectResource(state, 'userFlow', flowId);
		const kept = state.layoutDrafts[flowId];
		if (kept) {
			const flow = resource.status === 'ready' ? resource.data : undefined;
			// A save in progress reads the page itself and rebases then.
			if (flow && hasPage(flow) && !kept.saving)
				rebaseDraft(context, flowId, flowLayout(state, flowId, flow));
			return;
		}
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

/** Confirmed: sends the whole inputs array in one PATCH, shows the page as read back, and drops the draft. */
export function commitLayout(flowId: string): Effect {
	const self: Effect = async (context) => {
		const draft = context.getState().layoutDrafts[flowId];
		if (!draft) return;
		const { layout } = draft;
		const name = flowLabel(context.getState(), flowId);
		context.dispatch({ type: 'layout/saveStarted', flowId });
		const selected = layout.inputs[draft.cursor]?.attribute;
		// The page the draft is based on was read just before the dialog (and rebased with it): no read before the PATCH.
		const outcome = await operate(
			context,
			self,
			{
				id: `layout-save:${flowId}`,
				verb: `Saving the sign-up page of “${name}”`,
				failure: `The sign-up page of “${name}” was not saved; your draft is kept`,
				target: targets.flow(flowId),
			},
			() => saveLayout(context.deps.graph, { flowId, layout, current: draft.base }),
			{
				done: (saved) =>
					saved.storedDifferently
						? undefined
						: `Saved the sign-up page of “${name}” (${layout.inputs.length} inputs)`,
				unchanged: () => 'No changes to save.',
				refused: (refusal) => refusalText(refusal, { flow: name }),
			},
		);
		if (outcome?.kind === 'done') {
			const flow = outcome.value.flow;
			context.dispatch({ type: 'layout/discarded', flowId });
			if (flow) {
				context.dispatch(loadActions.succeeded('userFlow', flowId, flow, context.now()));
				// The editor shows the saved page with the selection where it was.
				opened(context, flowId, flow);
				const stored = flowLayout(context.getState(), flowId, flow);
				const index = stored.inputs.findIndex((input) => input.attribute === selected);
				if (index > 0) context.dispatch({ type: 'layout/cursorMoved', flowId, index });
			} else {
				await context.run(loadUserFlow(flowId, { force: true }));
			}
			const differs = outcome.value.storedDifferently;
			if (differs) {
				context.dispatch({
					type: 'flash/shown',
					level: 'warning',
					text: `Saved, but the service stored the page differently: ${diffLines(differs).lines[0] ?? ''}`,
				});
			}
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
