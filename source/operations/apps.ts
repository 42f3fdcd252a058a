// Applications and the one user flow each may use: link, unlink, and move from the flow it uses now.
import { listApplications } from '../graph/applications.js';
import { linkFlowApplication, listFlowApplications, unlinkFlowApplication } from '../graph/flow-apps.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import { sameId } from '../graph/ids.js';
import type { Application } from '../graph/types.js';
import { done, type Outcome, refused, type Step, unchanged } from './outcome.js';
import type { FlowRef, RefusalOf } from './refusals.js';
import { sendWrite } from './send-write.js';
import { isSystemApp } from './system-apps.js';
import { appOwner, noSuchApp } from './tenant-reads.js';

export type LinkRefusal = RefusalOf<'noSuchApp' | 'systemApp' | 'appUsedElsewhere' | 'appMovedMeanwhile'>;

/** What linking an app did. */
export type Linked = {
	/** The flow it was unlinked from first (a move), if any. */
	readonly movedFrom?: FlowRef;
};

/** What the caller asks and knows. */
export type LinkRequest = {
	readonly flowId: string;
	readonly appId: string;
	/** Unlink the app from the flow it uses now first; without it, an app used elsewhere is refused. */
	readonly move: boolean;
	/** The flow the app uses, as the caller last read it (null: none); read when undefined. */
	readonly owner?: FlowRef | null;
	/** The app as the caller read it (its name decides whether it is a system app); read when undefined. */
	readonly app?: Application;
};

/** The app with this appId, or undefined when it cannot be read (no such app, or no permission to list apps). */
async function readApp(client: GraphClient, appId: string): Promise<Application | undefined> {
	try {
		return (await listApplications(client, { appId })).find((app) => sameId(app.appId, appId));
	} catch (error) {
		if (isGraphError(error) && error.kind === 'forbidden') return undefined;
		throw error;
	}
}

/** Where the app is now, read after a refusal, as the recheck of a link sees it. */
async function recheckLink(
	client: GraphClient,
	flowId: string,
	appId: string,
	move: boolean,
): Promise<'done' | LinkRefusal | undefined> {
	const missing = await noSuchApp(client, appId);
	if (missing) return missing;
	const owner = await appOwner(client, appId);
	if (sameId(owner?.id, flowId)) return 'done';
	return owner && !move ? { rule: 'appUsedElsewhere', appId, owner, meanwhile: true } : undefined;
}

/**
 * Links an application to a flow. Linked already is nothing to do; used by another flow is refused unless
 * `move`, which unlinks it there first: a link that then fails is partly done (the app has no user flow).
 */
export async function linkApp(
	client: GraphClient,
	request: LinkRequest,
): Promise<Outcome<Linked, LinkRefusal>> {
	const { flowId, appId } = request;
	const app = request.app ?? (await readApp(client, appId));
	if (app && isSystemApp(app))
		return refused({ rule: 'systemApp', appId, displayName: app.displayName ?? appId });
	const owner = request.owner === undefined ? await appOwner(client, appId) : (request.owner ?? undefined);
	if (sameId(owner?.id, flowId)) return unchanged('already');
	if (owner && !request.move) return refused({ rule: 'appUsedElsewhere', appId, owner, meanwhile: false });
	if (client.dryRun) {
		const missing = await noSuchApp(client, appId);
		if (missing) return refused(missing);
	}
	const link = () => linkFlowApplication(client, flowId, appId);
	if (!owner) {
		const sent = await sendWrite(link, () => recheckLink(client, flowId, appId, false));
		return sent.ok ? done({}, [], sent.answerLost) : sent.outcome;
	}
	const unlinkStep: Step = { call: 'unlinkApp', flowId: owner.id, appId };
	const linkStep: Step = { call: 'linkApp', flowId, appId };
	const uses = async (id: string) => sameId((await appOwner(client, appId))?.id, id);
	const unlinked = await sendWrite<void, never>(
		() => unlinkFlowApplication(client, owner.id, appId),
		async () => ((await uses(owner.id)) ? undefined : 'done'),
	);
	if (!unlinked.ok) {
		// Not on the old flow any more: another admin moved or unlinked it meanwhile. The person confirmed a
		// move from there, so nothing more is done; they are told where it is.
		const now = await appOwner(client, appId);
		if (sameId(now?.id, flowId)) return unchanged('meanwhile');
		return refused({ rule: 'appMovedMeanwhile', appId, from: owner, ...(now ? { now } : {}) });
	}
	try {
		const linked = await sendWrite(link, async () => ((await uses(flowId)) ? 'done' : undefined));
		const lost = unlinked.answerLost === true || (linked.ok && linked.answerLost === true);
		return done({ movedFrom: owner }, [unlinkStep, linkStep], lost);
	} catch (error) {
		return { kind: 'partial', done: [unlinkStep], failed: linkStep, notDone: [], error };
	}
}

/** Unlinks an application from a flow; not linked is nothing to do. */
export async function unlinkApp(
	client: GraphClient,
	request: { readonly flowId: string; readonly appId: string; readonly linked?: readonly string[] },
): Promise<Outcome<undefined, never>> {
	const { flowId, appId } = request;
	const isLinked = (ids: readonly string[]) => ids.some((id) => sameId(id, appId));
	const linkedNow = async () =>
		(await listFlowApplications(client, flowId)).map((app) => app.appId ?? '').filter(Boolean);
	if (!isLinked(request.linked ?? (await linkedNow()))) return unchanged('already');
	const sent = await sendWrite<void, never>(
		() => unlinkFlowApplication(client, flowId, appId),
		async () => (isLinked(await linkedNow()) ? undefined : 'done'),
	);
	return sent.ok ? done(undefined, [], sent.answerLost) : sent.outcome;
}
