import test from 'ava';
import { listUserFlowSummaries, listUserFlows } from '../../source/graph/flows.js';
import { createGraphClient } from '../../source/graph/graph-client.js';
import type { UserFlow } from '../../source/graph/types.js';
import { emulatorFor } from '../helpers/emulator.js';

// The flows list holds thousands of summaries: what a row needs, with the parts flows have alike held once.

const counts = (flow: UserFlow) => ({
	id: flow.id,
	name: flow.displayName,
	signUp: flow.onInteractiveAuthFlowStart?.isSignUpAllowed,
	userType: flow.onUserCreateStart?.userTypeToCreate,
	providers: flow.onAuthenticationMethodLoadStart?.identityProviders?.map((provider) => provider.id),
	attributes: flow.onAttributeCollection?.attributes?.map((attribute) => attribute.id),
	apps: flow.conditions?.applications?.includeApplications?.map((app) => app.appId),
});

test('summaries across pages keep what each row shows, drop the page layout, and share equal parts', async (t) => {
	const emulator = await emulatorFor(t, { extraFlows: 300, pageSize: 50 });
	const client = createGraphClient({
		baseUrl: emulator.graphUrl,
		tokenProvider: { getToken: async () => 'token' },
		userAgent: 'entra-flows/test',
	});
	const [full, summaries] = await Promise.all([listUserFlows(client), listUserFlowSummaries(client)]);
	t.is(summaries.length, full.length);
	t.deepEqual(summaries.map(counts), full.map(counts));
	t.true(summaries.every((flow) => flow.onAttributeCollection?.attributeCollectionPage === undefined));
	const alike = (pick: (flow: UserFlow) => unknown) => {
		const byJson = new Map<string, Set<unknown>>();
		for (const flow of summaries) {
			const part = pick(flow);
			const key = JSON.stringify(part);
			byJson.set(key, (byJson.get(key) ?? new Set()).add(part));
		}
		return [...byJson.values()];
	};
	for (const pick of [
		(flow: UserFlow) => flow.onInteractiveAuthFlowStart,
		(flow: UserFlow) => flow.onAuthenticationMethodLoadStart,
		(flow: UserFlow) => flow.onAttributeCollection,
		(flow: UserFlow) => flow.onUserCreateStart,
	]) {
		const groups = alike(pick);
		t.true(groups.length < summaries.length / 10, 'many flows have this part alike');
		t.true(
			groups.every((group) => group.size === 1),
			'equal parts are one shared object',
		);
	}
	const [first, second] = summaries;
	t.not(first?.id, second?.id, 'each flow keeps its own id');
});
