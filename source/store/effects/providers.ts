import * as api from '../../graph/flow-providers.js';
import { sameId } from '../../graph/ids.js';
import { listTenantIdentityProviders } from '../../graph/tenant-providers.js';
import { display } from '../../text/sanitize.js';
import { flowLabel, selectResource, targets } from '../selectors.js';
import type { AppState } from '../state.js';
import type { Effect } from '../store.js';
import { type LoadOptions, load, write } from './common.js';
import { loadUserFlow } from './flows.js';

/** A flow's identity providers. */
export function loadIdentityProviders(flowId: string, options?: LoadOptions): Effect {
	return load(
		'identityProviders',
		flowId,
		'Loading identity providers',
		(graph) => api.listFlowIdentityProviders(graph, flowId),
		options,
	);
}

/** The tenant's identity providers (what the add-picker and the create form offer). */
export function loadTenantIdentityProviders(options?: LoadOptions): Effect {
	return load(
		'tenantIdentityProviders',
		'',
		'Loading the tenant’s identity providers',
		(graph) => listTenantIdentityProviders(graph),
		options,
	);
}

function providerName(state: AppState, flowId: string, providerId: string): string {
	const known =
		selectResource(state, 'identityProviders', flowId).data?.find((p) => p.id === providerId) ??
		selectResource(state, 'tenantIdentityProviders').data?.find((p) => p.id === providerId);
	return display(known?.displayName ?? providerId);
}

/** True when the flow's provider list, as last read, has the provider (ids compare ignoring case). */
function offers(state: AppState, flowId: string, providerId: string): boolean {
	return (selectResource(state, 'identityProviders', flowId).data ?? []).some((provider) =>
		sameId(provider.id, providerId),
	);
}

/** Re-reads what a provider change touched: the sub-list and the flow (its counts). */
async function reread(context: Parameters<Effect>[0], flowId: string) {
	await Promise.all([
		context.run(loadIdentityProviders(flowId, { force: true })),
		context.run(loadUserFlow(flowId, { force: true })),
	]);
}

/** Adds a tenant identity provider to a flow. */
export function addIdentityProvider(flowId: string, providerId: string): Effect {
	const self: Effect = async (context) => {
		const state = context.getState();
		const name = providerName(state, flowId, providerId);
		const flow = flowLabel(state, flowId);
		await write(
			context,
			self,
			{
				id: `add-provider:${flowId}:${providerId}`,
				verb: `Adding ${name} to “${flow}”`,
				failure: `Could not add ${name}`,
				target: targets.provider(flowId, providerId),
				explain: async () => {
					await reread(context, flowId);
					return offers(context.getState(), flowId, providerId)
						? `“${flow}” offers it already (added meanwhile)`
						: undefined;
				},
			},
			async () => {
				await api.addFlowIdentityProvider(context.deps.graph, flowId, providerId);
				await reread(context, flowId);
				return `Added ${providerName(context.getState(), flowId, providerId)} to “${flow}”`;
			},
		);
	};
	return self;
}

/** Removes an identity provider from a flow; the last one is refused before any request. */
export function removeIdentityProvider(flowId: string, providerId: string): Effect {
	const self: Effect = async (context) => {
		const state = context.getState();
		const name = providerName(state, flowId, providerId);
		const flow = flowLabel(state, flowId);
		const onFlow = selectResource(state, 'identityProviders', flowId).data ?? [];
		if (onFlow.length === 1 && onFlow[0]?.id === providerId) {
			context.dispatch({ type: 'flash/shown', level: 'warning', text: lastProviderReason(name, flow) });
			return;
		}
		await write(
			context,
			self,
			{
				id: `remove-provider:${flowId}:${providerId}`,
				verb: `Removing ${name} from “${flow}”`,
				failure: `Could not remove ${name}`,
				target: targets.provider(flowId, providerId),
				explain: async () => {
					await reread(context, flowId);
					const now = selectResource(context.getState(), 'identityProviders', flowId).data ?? [];
					if (!offers(context.getState(), flowId, providerId))
						return `“${flow}” no longer offers it (removed meanwhile)`;
					return now.length === 1
						? `it is the only identity provider of “${flow}” now (another was removed meanwhile); a user flow needs at least one`
						: undefined;
				},
			},
			async () => {
				await api.removeFlowIdentityProvider(context.deps.graph, flowId, providerId);
				await reread(context, flowId);
				return `Removed ${name} from “${flow}”`;
			},
		);
	};
	return self;
}

/** Why the last identity provider cannot go (a user flow needs at least one). */
export function lastProviderReason(name: string, flow: string): string {
	return `${name} is the only identity provider of “${flow}”; a user flow needs at least one. Add another first (a).`;
}
