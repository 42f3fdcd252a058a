// Saving a flow's sign-up page: the whole inputs array in one PATCH (the service replaces it), only when it
// keeps the flow's inputs, passes the page's rules, and the page has not changed since the caller's base.
import { getUserFlow, updateUserFlow } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import type { UserFlow } from '../graph/types.js';
import {
	diffLayouts,
	isEmptyDiff,
	type Layout,
	type LayoutDiff,
	layoutFingerprint,
	layoutFromFlow,
	layoutUpdate,
	validateLayout,
} from '../layout/index.js';
import { done, type Outcome, refused, unchanged } from './outcome.js';
import { type ReadBackPace, readBack } from './read-back.js';
import type { RefusalOf } from './refusals.js';
import { sendWrite } from './send-write.js';

type LayoutRefusal = RefusalOf<'layoutInputsDiffer' | 'layoutInvalid' | 'layoutChangedSinceBase'>;

/** What the save needs: the page to store and what the caller's edit started from. */
export type LayoutSave = {
	readonly flowId: string;
	readonly layout: Layout;
	/** Fingerprint of the page the edit started from; a page changed since is refused unless `force`. */
	readonly base?: string;
	/** The page as the caller just read it; read fresh when undefined. */
	readonly current?: Layout;
	/** Save even when the page changed since `base` (overwrites that change). */
	readonly force?: boolean;
};

/** What a save stored. */
export type SavedLayout = {
	/** The flow as read back after the save; undefined in a dry run or when the read-back failed. */
	readonly flow?: UserFlow;
	/** How what the service stored differs from what was sent (it may normalise); undefined when equal or unread. */
	readonly storedDifferently?: LayoutDiff;
};

/** The refusal a save would get against the page as it is (`current`), or undefined when it may go. */
export function layoutRefusal(save: LayoutSave, current: Layout): LayoutRefusal | undefined {
	const diff = diffLayouts(current, save.layout);
	if (diff.added.length > 0 || diff.removed.length > 0) return { rule: 'layoutInputsDiffer', diff };
	const problems = validateLayout(save.layout, { baseline: current });
	if (problems.length > 0) return { rule: 'layoutInvalid', problems };
	const fingerprint = layoutFingerprint(current);
	if (save.base !== undefined && save.base !== fingerprint && !save.force && !isEmptyDiff(diff))
		return { rule: 'layoutChangedSinceBase', base: save.base, current, fingerprint };
	return undefined;
}

/** Saves a sign-up page; the same page as stored already is nothing to do. `readBack: false` leaves reading the
 * stored page to the caller (readStoredLayout), so the app can show the save at once and confirm it after. */
export async function saveLayout(
	client: GraphClient,
	save: LayoutSave,
	{ readBack: reads = true }: { readonly readBack?: boolean } = {},
): Promise<Outcome<SavedLayout, LayoutRefusal>> {
	const current = save.current ?? layoutFromFlow(await getUserFlow(client, save.flowId));
	const refusal = layoutRefusal(save, current);
	if (refusal) return refused(refusal);
	if (isEmptyDiff(diffLayouts(current, save.layout))) return unchanged('already');
	const sent = await sendWrite<void, never>(
		() => updateUserFlow(client, save.flowId, layoutUpdate(save.layout)),
		async () => (storedAs(save.layout)(await getUserFlow(client, save.flowId)) ? 'done' : undefined),
	);
	if (!sent.ok) return sent.outcome;
	const lost = sent.answerLost === true;
	if (client.dryRun || !reads) return done({}, [], lost);
	return done(await readStoredLayout(client, save.flowId, save.layout), [], lost);
}

const storedAs = (layout: Layout) => (flow: UserFlow) =>
	isEmptyDiff(diffLayouts(layout, layoutFromFlow(flow)));

/**
 * The flow as read after a save of `layout`, and how the stored page differs from it. A read right after the
 * PATCH may still show the page before it, so it is judged once it shows the change (or the tries run out).
 */
export async function readStoredLayout(
	client: GraphClient,
	flowId: string,
	layout: Layout,
	pace?: ReadBackPace,
): Promise<SavedLayout> {
	const flow = await readBack(() => getUserFlow(client, flowId), storedAs(layout), pace).catch(
		() => undefined,
	);
	if (!flow) return {};
	const stored = diffLayouts(layout, layoutFromFlow(flow));
	return isEmptyDiff(stored) ? { flow } : { flow, storedDifferently: stored };
}
