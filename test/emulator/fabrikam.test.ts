import test from 'ava';
import { emulatorFor, seed } from '../helpers/emulator.js';

const get = async (url: string) =>
	(await fetch(url, { headers: { authorization: 'Bearer x' } })).json() as Promise<{
		value: { id?: string; appId?: string; displayName?: string; userFlowAttributeType?: string }[];
	}>;

test('the fabrikam seed differs as real tenants do: no flows, other extensions app and appIds, the same providers and app names', async (t) => {
	const contoso = await emulatorFor(t);
	const fabrikam = await emulatorFor(t, { seed: 'fabrikam' });
	t.deepEqual((await get(`${fabrikam.graphUrl}/identity/authenticationEventsFlows`)).value, []);
	t.not(fabrikam.tenant.state.tenantId, contoso.tenant.state.tenantId);
	const providers = async (url: string) =>
		(await get(`${url}/identity/identityProviders`)).value.map((provider) => provider.id);
	t.deepEqual(await providers(fabrikam.graphUrl), await providers(contoso.graphUrl));
	const apps = async (url: string) => (await get(`${url}/applications`)).value;
	const theirs = await apps(fabrikam.graphUrl);
	const ours = await apps(contoso.graphUrl);
	t.deepEqual(
		theirs.map((app) => app.displayName),
		ours.map((app) => app.displayName),
	);
	for (const app of theirs)
		t.false(
			ours.some((other) => other.appId === app.appId),
			app.displayName,
		);
	t.false(Object.values(seed.apps).some((appId) => theirs.some((app) => app.appId === appId)));
	const custom = (await get(`${fabrikam.graphUrl}/identity/userFlowAttributes`)).value.filter(
		(attribute) => attribute.userFlowAttributeType === 'custom',
	);
	t.deepEqual(
		custom.map((attribute) => attribute.id),
		['LoyaltyTier', 'MarketingOptIn', 'ShoeSize'].map(
			(name) => `extension_c7a1e5d32f494b8ea6d095f3b7c1e2a4_${name}`,
		),
	);
	// A custom attribute created there gets that tenant's extensions-app id.
	const created = await fetch(`${fabrikam.graphUrl}/identity/userFlowAttributes`, {
		method: 'POST',
		headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
		body: JSON.stringify({ displayName: 'Favorite color', dataType: 'string' }),
	});
	t.is(
		((await created.json()) as { id: string }).id,
		'extension_c7a1e5d32f494b8ea6d095f3b7c1e2a4_Favoritecolor',
	);
	fabrikam.reset();
	t.is(
		fabrikam.tenant.attributes.filter((attribute) => attribute.userFlowAttributeType === 'custom').length,
		3,
	);
	await t.throwsAsync(emulatorFor(t, { seed: 'nope' as 'fabrikam' }), {
		message: /seed must be one of default, fabrikam/,
	});
});
