import * as api from '../../graph/flow-providers.js';
import { sameId } from '../../graph/ids.js';
import { listTenantIdentityProviders } from '../../graph/tenant-providers.js';
import type { Outcome } from '../../operations/outcome.js';
import { addProvider, removeProvider } from '../../operations/providers.js';
import { display } from '../../text/sanitize.js';
import { flowById, flowLabel, selectResource, targets } from '../selectors.js';
import type { AppState, ResourceData } from '../state.js';
import type { Effect } from '../store.js';
import { type LoadOptions, load, operate, type ReadBackOptions, readBackAfter } from './common.js';
import { loadSection } from './flow-sections.js';
import { refusalText } from './refusal-text.js';

/** A flow's identity providers, from the flow (held: no request; forced: the flow read again). */
export function loadIdentityProviders(
	flowId: string,
	options?: ReadBackOptions<ResourceData['identityProviders']>,
): Effect {
	return loadSection(
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

/** The provider's name as read; else `shownName` (already sanitized), else its id. */
function providerName(state: AppState, flowId: string, providerId: string, shownName?: string): string {
	const known =
		selectResource(state, 'identityProviders', flowId).data?.find((p) => p.id === providerId) ??
		selectResource(state, 'tenantIdentityProviders').data?.find((p) => p.id === providerId);
	return known ? display(known.displayName) : (shownName ?? display(providerId));
}

/**
 * Re-reads what a provider change touched: the flow, once, which carries the sub-list and the counts; after a
 * change that was made, patiently until the flow shows it (`offers`: whether it should offer the provider now).
 */
async function reread(
	context: Parameters<Effect>[0],
	flowId: string,
	outcome: Outcome<unknown, unknown>,
	change: { readonly providerId: string; readonly offers: boolean },
) {
	const shows = (list: ResourceData['identityProviders']) =>
		list.some((provider) => sameId(provider.id, change.providerId)) === change.offers;
	await context.run(loadIdentityProviders(flowId, readBackAfter(outcome, shows)));
}

/** The flow's providers as last read: its sub-list, else the flow's own. */
function offered(state: AppState, flowId: string) {
	return (
		selectResource(state, 'identityProviders', flowId).data ??
		flowById(state, flowId)?.onAuthenticationMethodLoadStart?.identityProviders
	);
}

/**
 * Adds a tenant identity provider to a flow. `shownName` (sanitized) names a provider just configured, which the
 * catalogue, still being read back, may not hold yet.
 */
export function addIdentityProvider(flowId: string, providerId: string, shownName?: string): Effect {
	const self: Effect = async (context) => {
		const state = context.getState();
		const name = providerName(state, flowId, providerId, shownName);
		const flow = flowLabel(state, flowId);
		await operate(
			context,
			self,
			{
				id: `add-provider:${flowId}:${providerId}`,
				verb: `Adding ${name} to “${flow}”`,
				failure: `Could not add ${name}`,
				target: targets.provider(flowId, providerId),
			},
			() => addProvider(context.deps.graph, { flowId, providerId, offered: offered(state, flowId) }),
			{
				done: () => `Added ${providerName(context.getState(), flowId, providerId, shownName)} to “${flow}”`,
				unchanged: (why) =>
					why === 'meanwhile'
						? `“${flow}” offers ${name} already (added meanwhile)`
						: `“${flow}” offers ${name} already`,
				refused: (refusal) => refusalText(refusal, { flow }),
			},
			(outcome) => reread(context, flowId, outcome, { providerId, offers: true }),
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
		const current = offered(state, flowId);
		// Said before the write starts, with no request: the list on screen shows it is the last one.
		if (current?.length === 1 && current[0]?.id === providerId) {
			context.dispatch({ type: 'flash/shown', level: 'warning', text: lastProviderReason(name, flow) });
			return;
		}
		await operate(
			context,
			self,
			{
				id: `remove-provider:${flowId}:${providerId}`,
				verb: `Removing ${name} from “${flow}”`,
				failure: `Could not remove ${name}`,
				target: targets.provider(flowId, providerId),
			},
			() => removeProvider(context.deps.graph, { flowId, providerId, offered: current }),
			{
				done: () => `Removed ${name} from “${flow}”`,
				unchanged: (why) =>
					why === 'meanwhile'
						? `“${flow}” no longer offers ${name} (removed meanwhile)`
						: `“${flow}” does not offer ${name}`,
				refused: (refusal) => refusalText(refusal, { flow }),
			},
			(outcome) => reread(context, flowId, outcome, { providerId, offers: false }),
		);
	};
	return self;
}

/** Why the last identity provider cannot go (a user flow needs at least one). */
export function lastProviderReason(name: string, flow: string): string {
	return `${name} is the only identity provider of “${flow}”; a user flow needs at least one. Add another first (a).`;
}
