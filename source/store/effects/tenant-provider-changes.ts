// The tenant providers screen's delete: refused at once while a flow offers the provider (the flows are on
// screen already), else asked y/n; the operation checks the flows again before it deletes.

import { removeTenantProvider } from '../../operations/tenant-providers.js';
import { display } from '../../text/sanitize.js';
import { selectResource } from '../selectors.js';
import type { AppState } from '../state.js';
import type { Effect, EffectContext } from '../store.js';
import { operate } from './common.js';
import { loadTenantIdentityProviders } from './providers.js';
import { refusalText } from './refusal-text.js';
import { loadTenantOverview } from './tenant.js';

const permission = 'IdentityProvider.ReadWrite.All';

function providerOf(state: AppState, providerId: string) {
	const provider = selectResource(state, 'tenantIdentityProviders').data?.find(
		(item) => item.id === providerId,
	);
	return provider?.id ? { ...provider, id: provider.id } : undefined;
}

function offeringFlows(state: AppState, providerId: string): readonly string[] {
	return (
		selectResource(state, 'tenantOverview').data?.providers.find((item) => item.id === providerId)?.flows ??
		[]
	);
}

const named = (provider: { displayName?: string; id: string }) =>
	`“${display(provider.displayName ?? provider.id)}”`;

// The overview carries who offers what, and the pickers read the tenant's providers: both change.
function reread(context: EffectContext) {
	return Promise.all([
		context.run(loadTenantOverview({ force: true })),
		context.run(loadTenantIdentityProviders({ force: true })),
	]);
}

/** Asks y/n before deleting a provider; refused at once, naming the flows, while a flow offers it. */
export function askDeleteProvider(providerId: string): Effect {
	return async (context) => {
		const provider = providerOf(context.getState(), providerId);
		if (!provider) return;
		const flows = offeringFlows(context.getState(), providerId);
		if (flows.length > 0) {
			const refusal = {
				rule: 'providerInUse',
				providerId,
				flows: flows.map((displayName) => ({ id: '', displayName })),
				onlyProvider: [],
			} as const;
			return context.dispatch({
				type: 'flash/shown',
				level: 'error',
				text: `Could not delete ${named(provider)}: ${refusalText(refusal, { flow: '' })}; remove it from them first`,
			});
		}
		context.dispatch({
			type: 'overlay/opened',
			overlay: {
				kind: 'confirm',
				message: `Delete the identity provider ${named(provider)} (${display(provider.id)})? No flow offers it; users who signed in with it can no longer do so.`,
				intent: { type: 'deleteTenantProvider', providerId },
			},
		});
	};
}

/** Deletes a provider (the operation checks again that no flow offers it). */
export function deleteTenantProvider(providerId: string): Effect {
	const self: Effect = async (context) => {
		const provider = providerOf(context.getState(), providerId);
		if (!provider) return;
		await operate(
			context,
			self,
			{
				id: `provider:delete:${providerId}`,
				verb: `Deleting ${named(provider)}`,
				failure: `Could not delete ${named(provider)}`,
				target: `tenant-provider:${providerId}`,
				permission,
			},
			() => removeTenantProvider(context.deps.graph, provider),
			{
				done: () => `Deleted the identity provider ${named(provider)}`,
				unchanged: () => `${named(provider)} was deleted meanwhile; nothing to do`,
				refused: (refusal) => refusalText(refusal, { flow: '' }),
			},
			() => reread(context),
		);
	};
	return self;
}
