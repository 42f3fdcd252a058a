// A flow's identity providers: add one the tenant has, remove one while another stays.
import {
	addFlowIdentityProvider,
	listFlowIdentityProviders,
	removeFlowIdentityProvider,
} from '../graph/flow-providers.js';
import type { GraphClient } from '../graph/graph-client.js';
import { sameId } from '../graph/ids.js';
import type { IdentityProvider } from '../graph/types.js';
import { done, type Outcome, refused, unchanged } from './outcome.js';
import type { RefusalOf } from './refusals.js';
import { sendWrite } from './send-write.js';
import { providerNotInTenant } from './tenant-reads.js';

/** What the caller knows of the flow: its id and, when it has read them, the providers it offers. */
export type ProviderTarget = {
	readonly flowId: string;
	readonly providerId: string;
	/** The flow's providers as last read; the check before sending uses them instead of a read. */
	readonly offered?: readonly IdentityProvider[];
};

const offers = (providers: readonly IdentityProvider[], providerId: string) =>
	providers.some((provider) => sameId(provider.id, providerId));

/** Adds one of the tenant's identity providers to a flow; offered already is nothing to do. */
export async function addProvider(
	client: GraphClient,
	target: ProviderTarget,
): Promise<Outcome<undefined, RefusalOf<'providerNotInTenant'>>> {
	const { flowId, providerId } = target;
	if (target.offered && offers(target.offered, providerId)) return unchanged('already');
	if (client.dryRun) {
		const refusal = await providerNotInTenant(client, [providerId]);
		if (refusal) return refused(refusal);
	}
	const sent = await sendWrite(
		() => addFlowIdentityProvider(client, flowId, providerId),
		async () =>
			offers(await listFlowIdentityProviders(client, flowId), providerId)
				? 'done'
				: providerNotInTenant(client, [providerId]),
	);
	return sent.ok ? done(undefined, [], sent.answerLost) : sent.outcome;
}

/** Removes an identity provider from a flow; the last one is refused (a flow needs one), one not offered is nothing to do. */
export async function removeProvider(
	client: GraphClient,
	target: ProviderTarget,
): Promise<Outcome<undefined, RefusalOf<'lastProvider'>>> {
	const { flowId, providerId } = target;
	const current = target.offered ?? (await listFlowIdentityProviders(client, flowId));
	if (!offers(current, providerId)) return unchanged('already');
	if (current.length === 1) return refused({ rule: 'lastProvider', providerId, meanwhile: false });
	const sent = await sendWrite(
		() => removeFlowIdentityProvider(client, flowId, providerId),
		async (): Promise<'done' | RefusalOf<'lastProvider'> | undefined> => {
			const now = await listFlowIdentityProviders(client, flowId);
			if (!offers(now, providerId)) return 'done';
			return now.length === 1 ? { rule: 'lastProvider', providerId, meanwhile: true } : undefined;
		},
	);
	return sent.ok ? done(undefined, [], sent.answerLost) : sent.outcome;
}
