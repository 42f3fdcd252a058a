import type { UserFlow } from '../graph/types.js';

/** Counts and flags of a flow, all read from the one list response (no request per row). */
export type FlowSummary = {
	readonly id: string;
	readonly name: string;
	readonly description: string;
	readonly signUp: boolean;
	readonly providers: number;
	readonly attributes: number;
	readonly apps: number;
};

/** Summarises a flow for tables and lists. */
export function summarizeFlow(flow: UserFlow): FlowSummary {
	return {
		id: flow.id ?? '',
		name: flow.displayName ?? '',
		description: flow.description ?? '',
		signUp: flow.onInteractiveAuthFlowStart?.isSignUpAllowed ?? false,
		providers: flow.onAuthenticationMethodLoadStart?.identityProviders?.length ?? 0,
		attributes: flow.onAttributeCollection?.attributes?.length ?? 0,
		apps: flow.conditions?.applications?.includeApplications?.length ?? 0,
	};
}
