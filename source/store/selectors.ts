import { display } from '../text/sanitize.js';
import type { AppState, Resource, ResourceData, ResourceName, RouteEntry, UserFlow } from './state.js';

const idle = { status: 'idle' } as const;

/** A resource by kind and key ('' for tenant-wide ones); idle when never loaded. */
export function selectResource<K extends ResourceName>(
	state: AppState,
	name: K,
	key = '',
): Resource<ResourceData[K]> {
	return (state.resources[name][key] as Resource<ResourceData[K]> | undefined) ?? idle;
}

/** The top of the navigation stack. */
export function currentEntry(state: AppState): RouteEntry {
	return state.routes[state.routes.length - 1] as RouteEntry;
}

/** The freshest copy of a flow: its own GET if loaded, else its row in the list. */
export function flowById(state: AppState, flowId: string): UserFlow | undefined {
	return (
		state.resources.userFlow[flowId]?.data ??
		state.resources.userFlows['']?.data?.find((flow) => flow.id === flowId)
	);
}

/** A flow's display name, sanitized, for messages. */
export function flowLabel(state: AppState, flowId: string): string {
	return display(flowById(state, flowId)?.displayName ?? flowId);
}

/** The in-flight operation that is changing a row, if any. */
export function pendingFor(state: AppState, target: string) {
	return state.activity.find((activity) => activity.target === target);
}

/** True while any change to the tenant is in flight (quitting then asks first). */
export function writeInFlight(state: AppState): boolean {
	return state.activity.some((activity) => activity.write);
}

/** Row keys for inline progress, so effects and screens agree on them. */
export const targets = {
	flow: (flowId: string) => `flow:${flowId}`,
	provider: (flowId: string, providerId: string) => `provider:${flowId}:${providerId}`,
	attribute: (flowId: string, attributeId: string) => `attribute:${flowId}:${attributeId}`,
	application: (flowId: string, appId: string) => `application:${flowId}:${appId}`,
};
