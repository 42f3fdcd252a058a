// Deleting a user flow together with its apps: they are unlinked first (the service may refuse to delete a
// flow that apps use), one at a time, and only the apps the person was told about.
import { listFlowApplications, unlinkFlowApplication } from '../graph/flow-apps.js';
import { deleteUserFlow } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import { sameId } from '../graph/ids.js';
import { done, type Outcome, refused, type Step, unchanged } from './outcome.js';
import type { RefusalOf } from './refusals.js';
import { isRefusedWrite, sendWrite } from './send-write.js';

type DeleteRefusal = RefusalOf<'appsLinkedSinceConfirmed' | 'appsLinkedMeanwhile'>;

/** What deleting a flow did. */
export type DeletedFlow = { readonly unlinkedApps: readonly string[] };

/** The appIds of the apps a flow has now (read fresh: unlinking from a stale list could miss one). */
export async function linkedAppIds(client: GraphClient, flowId: string): Promise<string[]> {
	return (await listFlowApplications(client, flowId)).map((app) => app.appId ?? '').filter(Boolean);
}

/**
 * Unlinks the flow's apps, then deletes it. `confirmedApps` are the apps the person was shown when asked: an
 * app linked since is not unlinked without asking again (refused, nothing done). `linked` are the flow's apps
 * as the caller read them a moment ago (no one was asked meanwhile): used instead of reading them again; an
 * app linked since then makes the service refuse the delete, which is explained by reading again. A stop half
 * way is partly done, with the unlinks that were made.
 */
export async function deleteFlow(
	client: GraphClient,
	request: {
		readonly flowId: string;
		readonly confirmedApps?: readonly string[];
		readonly linked?: readonly string[];
	},
): Promise<Outcome<DeletedFlow, DeleteRefusal>> {
	const { flowId, confirmedApps } = request;
	const linked = confirmedApps || !request.linked ? await linkedAppIds(client, flowId) : request.linked;
	const unnamed = confirmedApps
		? linked.filter((appId) => !confirmedApps.some((named) => sameId(named, appId)))
		: [];
	if (unnamed.length > 0) return refused({ rule: 'appsLinkedSinceConfirmed', appIds: unnamed });
	const steps: Step[] = [
		...linked.map((appId): Step => ({ call: 'unlinkApp', flowId, appId })),
		{ call: 'deleteFlow', flowId },
	];
	const made: Step[] = [];
	let answerLost = false;
	for (const [index, step] of steps.entries()) {
		try {
			// A lost answer is read back: the app no longer linked, or the flow gone, is the step made.
			const sent = await sendWrite<void, never>(
				() =>
					step.call === 'unlinkApp'
						? unlinkFlowApplication(client, flowId, step.appId)
						: deleteUserFlow(client, flowId),
				async () => ((await stepMade(client, flowId, step)) ? 'done' : undefined),
			);
			// Made so by someone else meanwhile (refused, and reading again shows it so): an app unlinked is as good
			// as unlinked here; a flow deleted is what was asked.
			if (!sent.ok && step.call === 'deleteFlow')
				return made.length > 0
					? done({ unlinkedApps: unlinked(made) }, made, answerLost)
					: unchanged('meanwhile');
			if (!sent.ok) continue;
			answerLost ||= sent.answerLost === true;
			made.push(step);
		} catch (error) {
			const refusedError = isRefusedWrite(error) ? error : undefined;
			const found = refusedError ? await whyRefused(client, flowId, linked, step) : undefined;
			// An app unlinked meanwhile is as good as unlinked here: go on with the next step.
			if (found === 'unlinked') continue;
			if (found === 'gone')
				return made.length > 0
					? done({ unlinkedApps: unlinked(made) }, made, answerLost)
					: unchanged('meanwhile');
			if (made.length === 0 && found) return refused(found, refusedError);
			if (made.length === 0) throw error;
			return {
				kind: 'partial',
				done: made,
				failed: step,
				notDone: steps.slice(index + 1),
				error,
				refusal: found,
			};
		}
	}
	return done({ unlinkedApps: unlinked(made) }, made, answerLost);
}

/** True when a step of the delete is so now: its app not linked any more, or the flow gone. */
async function stepMade(client: GraphClient, flowId: string, step: Step): Promise<boolean> {
	try {
		const now = await linkedAppIds(client, flowId);
		return step.call === 'unlinkApp' && !now.some((id) => sameId(id, step.appId));
	} catch (error) {
		if (isGraphError(error) && error.status === 404) return true;
		throw error;
	}
}

const unlinked = (steps: readonly Step[]) =>
	steps.flatMap((step) => (step.call === 'unlinkApp' ? [step.appId] : []));

/**
 * After a refused call, read again: the flow is gone already, the app to unlink is not linked any more, or
 * apps were linked to the flow since it was read (which stop a delete); undefined when the read does not tell.
 */
async function whyRefused(
	client: GraphClient,
	flowId: string,
	linkedBefore: readonly string[],
	step: Step,
): Promise<'gone' | 'unlinked' | RefusalOf<'appsLinkedMeanwhile'> | undefined> {
	try {
		const now = await linkedAppIds(client, flowId);
		if (step.call === 'unlinkApp' && !now.some((id) => sameId(id, step.appId))) return 'unlinked';
		const late = now.filter((appId) => !linkedBefore.some((id) => sameId(id, appId)));
		return late.length > 0 ? { rule: 'appsLinkedMeanwhile', appIds: late } : undefined;
	} catch (error) {
		return isRefusedWrite(error) && error.status === 404 ? 'gone' : undefined;
	}
}
