import {
	diffLayouts,
	inputSetChange,
	isEmptyDiff,
	type Layout,
	layoutFingerprint,
	layoutFromFlow,
	rebaseLayout,
	sameInputSet,
	withLayout,
} from '../../layout/index.js';
import { readStoredLayout, saveLayout } from '../../operations/layout.js';
import { loadActions } from '../actions.js';
import { diffLines, isLayoutDirty, rebaseNotice } from '../layout-views.js';
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

/**
 * Opens the editor's draft on `flow`'s page, the selection on `selected` when given (going on after a save);
 * `confirming` marks a page shown from a save's answer. Returns the new draft's fingerprint.
 */
function opened(
	context: EffectContext,
	flowId: string,
	flow: UserFlow,
	options: { selected?: string; confirming?: boolean } = {},
): string {
	const layout = flowLayout(context.getState(), flowId, flow);
	const fingerprint = layoutFingerprint(layout);
	context.dispatch({
		type: 'layout/opened',
		flowId,
		layout,
		fingerprint,
		...(options.confirming ? { confirming: true } : {}),
	});
	const index = layout.inputs.findIndex((input) => input.attribute === options.selected);
	if (index > 0) context.dispatch({ type: 'layout/cursorMoved', flowId, index });
	return fingerprint;
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
		if (cached && (!cached.onAttributeCollection || hasPage(cached)))
			return void opened(context, flowId, cached);
		await context.run(loadUserFlow(flowId, { force: cached !== undefined }));
		const after = selectResource(context.getState(), 'userFlow', flowId);
		if (after.status === 'ready' && after.data && !context.getState().layoutDrafts[flowId])
			opened(context, flowId, after.data);
	};
}

/**
 * Confirmed: sends the whole inputs array in one PATCH and shows the page as sent at once (the service answers a
 * PATCH with no body); the read-back goes on in the background and says so if the service stored it otherwise.
 * `onto` is the server's page an overwrite replaces, when the draft's base is not the page the save goes onto.
 */
export function commitLayout(flowId: string, onto?: Layout): Effect {
	const self: Effect = async (context) => {
		const draft = context.getState().layoutDrafts[flowId];
		if (!draft) return;
		const { layout } = draft;
		const name = flowLabel(context.getState(), flowId);
		context.dispatch({ type: 'layout/saveStarted', flowId });
		const selected = layout.inputs[draft.cursor]?.attribute;
		// The page the save goes onto: the draft's base, or the server's page an overwrite chose to replace.
		const current = onto ?? draft.base;
		const save: SaveShown = { flowId, layout, before: current };
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
			() => saveLayout(context.deps.graph, { flowId, layout, current }, { readBack: false }),
			{
				done: () => `Saved the sign-up page of “${name}” (${layout.inputs.length} inputs)`,
				unchanged: () => 'No changes to save.',
				refused: (refusal) => refusalText(refusal, { flow: name }),
			},
			(saved) => (saved.kind === 'done' ? confirmStored(context, save) : Promise.resolve()),
		);
		if (outcome?.kind === 'done') {
			const held = selectResource(context.getState(), 'userFlow', flowId).data;
			context.dispatch({ type: 'layout/discarded', flowId });
			if (held) {
				const flow = withLayout(held, layout);
				context.dispatch(loadActions.succeeded('userFlow', flowId, flow, context.now()));
				// Set before the read-back's first answer can arrive, which is when confirmStored looks at it.
				save.opened = opened(context, flowId, flow, { selected, confirming: true });
			}
		}
		context.dispatch({ type: 'layout/saveEnded', flowId });
	};
	return self;
}

/** A save shown from its answer, for its read-back: what was sent, the page before it, and the draft it opened. */
type SaveShown = { flowId: string; layout: Layout; before: Layout; opened?: string };

/**
 * The read-back after a save shown from its answer. It speaks only for the draft that save opened: after a
 * later save (or "load theirs") that draft's own read-back tells. The flow as stored replaces the page as
 * sent and an editor with nothing unsaved goes on from it; a page stored otherwise is said. A read that still
 * shows the page before the save is lag, not the service's answer: what the save showed stays, and the next
 * save reads patiently again (the draft stays `confirming`). A failed read leaves what the save showed.
 */
async function confirmStored(context: EffectContext, save: SaveShown): Promise<void> {
	const { flowId, layout } = save;
	const stored = await readStoredLayout(context.deps.graph, flowId, layout, { stop: context.disposed });
	const state = context.getState();
	const draft = state.layoutDrafts[flowId];
	if (draft ? draft.baseFingerprint !== save.opened : save.opened === undefined) return;
	const page = stored.flow && flowLayout(state, flowId, stored.flow);
	const lagging = page && stored.storedDifferently && isEmptyDiff(diffLayouts(save.before, page));
	if (lagging) return;
	if (stored.flow && state.resources.userFlow[flowId]) {
		context.dispatch(loadActions.succeeded('userFlow', flowId, stored.flow, context.now()));
		if (draft && !isLayoutDirty(draft) && !draft.saving) {
			context.dispatch({ type: 'layout/discarded', flowId });
			opened(context, flowId, stored.flow, { selected: draft.layout.inputs[draft.cursor]?.attribute });
		}
	}
	context.dispatch({ type: 'layout/confirmed', flowId });
	if (stored.storedDifferently) {
		context.dispatch({
			type: 'flash/shown',
			level: 'warning',
			text: `Saved, but the service stored the page differently: ${diffLines(stored.storedDifferently).lines[0] ?? ''}`,
		});
	}
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
