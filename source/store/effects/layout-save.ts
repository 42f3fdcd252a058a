import { getUserFlow } from '../../graph/flows.js';
import type { UserFlow } from '../../graph/types.js';
import { diffLayouts, type Layout, layoutFingerprint } from '../../layout/index.js';
import { readBack } from '../../operations/read-back.js';
import { loadActions } from '../actions.js';
import { toAppError } from '../errors.js';
import { diffLines, draftChanges, isLayoutDirty, refusalTopic, saveRefusal } from '../layout-views.js';
import type { Effect, EffectContext } from '../store.js';
import { handleExpiry } from './common.js';
import { commitLayout, flowLayout, rebaseDraft } from './layout.js';
import { refuseWithoutPermission } from './preflight.js';

/**
 * Reads the flow (one GET) while the draft is marked saving; the page as it is now, or undefined (said why).
 * Right after a save whose read-back has not ended, reads lag the write: it reads until the page shows the save.
 */
async function readPage(context: EffectContext, flowId: string, self: Effect): Promise<Layout | undefined> {
	const kept = context.getState().layoutDrafts[flowId];
	const showsSave = (flow: UserFlow) =>
		!kept?.confirming ||
		layoutFingerprint(flowLayout(context.getState(), flowId, flow)) === kept.baseFingerprint;
	const id = `layout-read:${flowId}`;
	context.dispatch({ type: 'layout/saveStarted', flowId });
	context.dispatch({
		type: 'activity/started',
		activity: { id, verb: 'Reading the sign-up page as it is now', write: false },
	});
	try {
		const flow = await readBack(() => getUserFlow(context.deps.graph, flowId), showsSave, {
			stop: context.disposed,
		});
		context.dispatch(loadActions.succeeded('userFlow', flowId, flow, context.now()));
		return flowLayout(context.getState(), flowId, flow);
	} catch (error) {
		if (!handleExpiry(context, self, error)) {
			context.dispatch({
				type: 'flash/shown',
				level: 'error',
				text: 'Not saved: could not read the page as it is now; your draft is kept',
				error: toAppError(error),
			});
		}
		return undefined;
	} finally {
		context.dispatch({ type: 'layout/saveEnded', flowId });
		context.dispatch({ type: 'activity/finished', id });
	}
}

/**
 * `s`: refuses while validation finds problems; otherwise re-reads the flow (one GET), moves the draft onto
 * the flow's attributes if they changed, and opens the diff to confirm, or, when the page changed on the
 * server since the draft began, both changes and the choice.
 * `over` is the server page a conflict dialog showed when `o` chose to overwrite it: the PATCH goes only
 * if the page is still exactly that; a newer change opens the conflict again (never a blind overwrite).
 */
export function saveLayout(flowId: string, over?: Layout): Effect {
	const self: Effect = async (context) => {
		const draft = context.getState().layoutDrafts[flowId];
		if (!draft || draft.saving) return;
		const refusal = saveRefusal(draft);
		if (refusal) {
			const topic = refusalTopic(flowId);
			return context.dispatch({ type: 'flash/shown', level: 'warning', text: refusal, topic });
		}
		if (!isLayoutDirty(draft)) {
			return context.dispatch({ type: 'flash/shown', level: 'info', text: 'No changes to save.' });
		}
		// A token that cannot write is told so before the re-read, not after the diff.
		if (await refuseWithoutPermission(context, 'Not saved; your draft is kept')) return;
		const server = await readPage(context, flowId, self);
		if (!server || !context.getState().layoutDrafts[flowId]) return;
		const notice = rebaseDraft(context, flowId, server);
		const current = context.getState().layoutDrafts[flowId] ?? draft;
		const fingerprint = layoutFingerprint(server);
		if (over && fingerprint === layoutFingerprint(over))
			return void (await context.run(commitLayout(flowId, server)));
		if (notice && !isLayoutDirty(current)) {
			return context.dispatch({
				type: 'flash/shown',
				level: 'warning',
				text: `${notice} Nothing else to save.`,
			});
		}
		const mine = draftChanges(server, current);
		if (fingerprint === current.baseFingerprint) {
			context.dispatch({ type: 'overlay/opened', overlay: { kind: 'layoutSave', flowId, ...mine } });
			return;
		}
		// What happened there is told from the draft's base as it was, attributes added or removed included.
		const theirs = diffLines(diffLayouts(draft.base, server), { tense: 'happened' });
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
	};
	return self;
}
