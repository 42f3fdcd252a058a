import type { UserFlow } from './types.js';

// What the flows list keeps of each flow, with repeated parts shared: with thousands of flows those were most
// of the memory.

/** Returns one shared copy of each string it is given, so thousands of rows hold each repeated text once. */
export function createStringPool(): <T extends string | null | undefined>(text: T) => T {
	const pool = new Map<string, string>();
	return (text) => {
		if (typeof text !== 'string') return text;
		const shared = pool.get(text);
		if (shared !== undefined) return shared as typeof text;
		pool.set(text, text);
		return text;
	};
}

/** Returns one shared copy of each equal value (by its JSON), so thousands of rows hold each repeated part once. */
export function createValuePool(): <T>(value: T) => T {
	const pool = new Map<string, unknown>();
	return (value) => {
		if (value === null || typeof value !== 'object') return value;
		const key = JSON.stringify(value);
		const shared = pool.get(key);
		if (shared !== undefined) return shared as typeof value;
		pool.set(key, value);
		return value;
	};
}

/** The pools a list of summaries shares: one for texts, one for the parts many flows have alike. */
export type SummaryPools = {
	readonly text: ReturnType<typeof createStringPool>;
	readonly value: ReturnType<typeof createValuePool>;
};

export const newPools = (): SummaryPools => ({ text: createStringPool(), value: createValuePool() });

/**
 * What a row of the flows list needs of a flow: ids, names, sign-up, user type, and the providers, attributes
 * and apps to count and name. The sign-up page and provider details (client ids) are left out, and repeated
 * parts (types, providers, attributes, sign-up settings, whole provider lists) are shared through `pools`:
 * with thousands of flows those were most of the memory. Summaries are read-only, so sharing is safe. Open a
 * flow with getUserFlow for the whole of it.
 */
export function userFlowSummary(flow: UserFlow, pools: SummaryPools = newPools()): UserFlow {
	const { text: share, value: same } = pools;
	const applications = flow.conditions?.applications;
	const providers = flow.onAuthenticationMethodLoadStart;
	const collection = flow.onAttributeCollection;
	const signUp = flow.onInteractiveAuthFlowStart;
	const userCreate = flow.onUserCreateStart;
	return {
		'@odata.type': share(flow['@odata.type']),
		id: flow.id,
		displayName: flow.displayName,
		description: flow.description,
		priority: flow.priority,
		conditions: applications
			? same({
					applications: {
						includeAllApplications: applications.includeAllApplications,
						includeApplications: applications.includeApplications?.map((app) => ({
							appId: share(app.appId),
						})),
					},
				})
			: flow.conditions,
		onInteractiveAuthFlowStart: signUp
			? same({ '@odata.type': share(signUp['@odata.type']), isSignUpAllowed: signUp.isSignUpAllowed })
			: signUp,
		onAuthenticationMethodLoadStart: providers
			? same({
					'@odata.type': share(providers['@odata.type']),
					identityProviders: providers.identityProviders?.map((provider) =>
						same({
							'@odata.type': share(provider['@odata.type']),
							id: share(provider.id),
							displayName: share(provider.displayName),
							identityProviderType: share(provider.identityProviderType),
						}),
					),
				})
			: providers,
		onAttributeCollection: collection
			? same({
					'@odata.type': share(collection['@odata.type']),
					attributes: collection.attributes?.map((attribute) =>
						same({
							id: share(attribute.id),
							displayName: share(attribute.displayName),
							dataType: share(attribute.dataType),
							userFlowAttributeType: share(attribute.userFlowAttributeType),
						}),
					),
				})
			: collection,
		onUserCreateStart: userCreate
			? same({
					'@odata.type': share(userCreate['@odata.type']),
					userTypeToCreate: share(userCreate.userTypeToCreate),
				})
			: userCreate,
	};
}
