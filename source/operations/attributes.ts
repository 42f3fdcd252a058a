// A flow's sign-up attributes: collect one the tenant has, stop collecting one (and take its page input off
// the page when the service leaves it there: the docs describe both behaviours).
import { addFlowAttribute, pageInputs, removeFlowAttributeRef } from '../graph/flow-attributes.js';
import { getUserFlow, updateUserFlow } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { sameId } from '../graph/ids.js';
import type { UserFlow, UserFlowAttribute } from '../graph/types.js';
import { done, type Outcome, type PartlyDone, refused, type Step, unchanged } from './outcome.js';
import { readBack } from './read-back.js';
import type { RefusalOf } from './refusals.js';
import { sendWrite } from './send-write.js';
import { attributeNotInTenant } from './tenant-reads.js';

/** What the caller knows of the flow: its id and, when it has read them, the attributes it collects. */
export type AttributeTarget = {
	readonly flowId: string;
	readonly attributeId: string;
	/** The flow's attributes as last read; the check before sending uses them instead of a read. */
	readonly collected?: readonly UserFlowAttribute[];
	/** The tenant's attributes as last read; a dry run checks against them instead of reading. */
	readonly tenantAttributes?: readonly UserFlowAttribute[];
};

const collects = (flow: UserFlow, attributeId: string) =>
	(flow.onAttributeCollection?.attributes ?? []).some((attribute) => sameId(attribute.id, attributeId));

/** Collects a tenant attribute on a flow's sign-up page (the service appends its input); collected already is nothing to do. */
export async function addAttribute(
	client: GraphClient,
	target: AttributeTarget,
): Promise<Outcome<undefined, RefusalOf<'attributeNotInTenant'>>> {
	const { flowId, attributeId } = target;
	if (target.collected?.some((attribute) => sameId(attribute.id, attributeId))) return unchanged('already');
	if (client.dryRun) {
		const refusal = await attributeNotInTenant(client, [attributeId], target.tenantAttributes);
		if (refusal) return refused(refusal);
	}
	const sent = await sendWrite(
		() => addFlowAttribute(client, flowId, attributeId),
		async () =>
			collects(await getUserFlow(client, flowId), attributeId)
				? 'done'
				: attributeNotInTenant(client, [attributeId]),
	);
	return sent.ok ? done(undefined, [], sent.answerLost) : sent.outcome;
}

/** What removing an attribute did. */
export type RemovedAttribute = {
	/** True when the input stayed on the page after the $ref removal and a PATCH took it off. */
	readonly inputRemovedByPatch: boolean;
};

/**
 * Stops collecting an attribute via its `$ref`, then re-reads the flow and drops its page input only if the
 * service left it there. Not collected is nothing to do; a failed PATCH after the removal is partly done.
 */
export async function removeAttribute(
	client: GraphClient,
	target: AttributeTarget,
): Promise<Outcome<RemovedAttribute, never>> {
	const { flowId, attributeId } = target;
	const collected = target.collected ?? (await getUserFlow(client, flowId)).onAttributeCollection?.attributes;
	if (!(collected ?? []).some((attribute) => sameId(attribute.id, attributeId))) return unchanged('already');
	const removal: Step = { call: 'removeAttribute', flowId, attributeId };
	const cleanup: Step = { call: 'removePageInput', flowId, attributeId };
	const sent = await sendWrite<void, never>(
		() => removeFlowAttributeRef(client, flowId, attributeId),
		async () => (collects(await getUserFlow(client, flowId), attributeId) ? undefined : 'done'),
	);
	if (!sent.ok) return sent.outcome;
	const lost = sent.answerLost === true;
	const hasInput = (flow: UserFlow) => pageInputs(flow).some((input) => sameId(input.attribute, attributeId));
	try {
		// A read right after the removal may still show the attribute: the page is judged once it does not.
		const after = await readBack(
			() => getUserFlow(client, flowId),
			(flow) => client.dryRun === true || !collects(flow, attributeId),
		);
		if (!hasInput(after)) return done({ inputRemovedByPatch: false }, [removal], lost);
		const inputs = pageInputs(after);
		// In a dry run the $ref removal was not sent, so the re-read always shows the input: say when this applies.
		const patched = await sendWrite<void, never>(
			() =>
				updateUserFlow(
					client,
					flowId,
					{ inputs: inputs.filter((input) => !sameId(input.attribute, attributeId)) },
					{ note: 'only if the service leaves the input on the page after removing the attribute' },
				),
			async () => (hasInput(await getUserFlow(client, flowId)) ? undefined : 'done'),
		);
		const answerLost = lost || (patched.ok && patched.answerLost === true);
		return done({ inputRemovedByPatch: true }, [removal, cleanup], answerLost);
	} catch (error) {
		const partly: PartlyDone<never> = {
			kind: 'partial',
			done: [removal],
			failed: cleanup,
			notDone: [],
			error,
		};
		return partly;
	}
}
