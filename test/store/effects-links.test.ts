import test from 'ava';
import {
	addAttribute,
	addIdentityProvider,
	attributeRows,
	flowById,
	linkApplication,
	loadAttributes,
	loadIdentityProviders,
	loadTenantIdentityProviders,
	loadUserFlow,
	loadUserFlows,
	moveApplication,
	removeAttribute,
	removeIdentityProvider,
	selectResource,
	unlinkApplication,
} from '../../source/store/index.js';
import { seed } from '../helpers/emulator.js';
import { storeFor } from '../helpers/ui-store.js';

const { customers, partners, support, events } = seed.flows;
const ids = (list: readonly { id?: string }[] | undefined) => (list ?? []).map((item) => item.id);

test('adding a provider re-reads the sub-list and the flow (its count)', async (t) => {
	const { store } = await storeFor(t);
	await store.run(loadUserFlows());
	await store.idle();
	await store.run(loadIdentityProviders(partners.id));
	await store.idle();
	await store.run(addIdentityProvider(partners.id, 'Google-OAUTH'));
	await store.idle();
	const state = store.getState();
	t.deepEqual(ids(selectResource(state, 'identityProviders', partners.id).data), [
		'EmailPassword-OAUTH',
		'Google-OAUTH',
	]);
	t.is(flowById(state, partners.id)?.onAuthenticationMethodLoadStart?.identityProviders?.length, 2);
	t.regex(state.flash?.text ?? '', /Added Google to/);
	t.deepEqual(state.activity, []);
});

test('removing the last provider is refused before any request, with the reason', async (t) => {
	const { store, requests } = await storeFor(t);
	await store.run(loadIdentityProviders(support.id));
	await store.idle();
	const before = requests().length;
	await store.run(removeIdentityProvider(support.id, 'EmailOtpSignup-OAUTH'));
	await store.idle();
	t.is(requests().length, before);
	t.is(store.getState().flash?.level, 'warning');
	t.regex(store.getState().flash?.text ?? '', /only identity provider .* needs at least one/);
});

test('removing a provider sends the $ref delete and the row goes', async (t) => {
	const { store, requests } = await storeFor(t);
	await store.run(loadIdentityProviders(customers.id));
	await store.idle();
	const before = requests().length;
	await store.run(removeIdentityProvider(customers.id, 'Facebook-OAUTH'));
	await store.idle();
	t.true(requests(before)[0]?.endsWith('/identityProviders/Facebook-OAUTH/$ref'));
	t.false(
		ids(selectResource(store.getState(), 'identityProviders', customers.id).data).includes('Facebook-OAUTH'),
	);
});

test('attributes come in page order with labels; add and remove re-read them', async (t) => {
	const { store } = await storeFor(t);
	await store.run(loadUserFlow(support.id));
	await store.idle();
	await store.run(loadAttributes(support.id));
	await store.idle();
	const rows = () =>
		attributeRows(
			selectResource(store.getState(), 'attributes', support.id).data ?? [],
			flowById(store.getState(), support.id),
		);
	t.deepEqual(
		rows().map((row) => row.id),
		['email', 'displayName', 'city', 'jobTitle'],
	);
	t.true(rows()[0]?.required);
	await store.run(addAttribute(support.id, 'country'));
	await store.idle();
	t.is(rows().at(-1)?.id, 'country');
	await store.run(removeAttribute(support.id, 'city'));
	await store.idle();
	t.false(rows().some((row) => row.id === 'city'));
	t.is(flowById(store.getState(), support.id)?.onAttributeCollection?.attributes?.length, 4);
});

test('link and unlink re-read the flow; the list row follows', async (t) => {
	const { store } = await storeFor(t);
	await store.run(loadUserFlows());
	await store.idle();
	await store.run(linkApplication(events.id, seed.apps.loyaltyApi));
	await store.idle();
	const apps = () =>
		(flowById(store.getState(), events.id)?.conditions?.applications?.includeApplications ?? []).map(
			(a) => a.appId,
		);
	t.deepEqual(apps(), [seed.apps.loyaltyApi]);
	const row = selectResource(store.getState(), 'userFlows').data?.find((flow) => flow.id === events.id);
	t.is(row?.conditions?.applications?.includeApplications?.length, 1);
	await store.run(unlinkApplication(events.id, seed.apps.loyaltyApi));
	await store.idle();
	t.deepEqual(apps(), []);
});

test('moving an app unlinks it from its flow, then links it here', async (t) => {
	const { store, requests } = await storeFor(t);
	await store.run(loadUserFlows());
	await store.idle();
	const before = requests().length;
	await store.run(moveApplication(events.id, seed.apps.mobile, customers.id));
	await store.idle();
	const writes = requests(before).filter((line) => !line.startsWith('GET'));
	t.deepEqual(writes, [
		`DELETE /v1.0/identity/authenticationEventsFlows/${customers.id}/conditions/applications/includeApplications/${seed.apps.mobile}`,
		`POST /v1.0/identity/authenticationEventsFlows/${events.id}/conditions/applications/includeApplications`,
	]);
	t.regex(store.getState().flash?.text ?? '', /Moved/);
});

test('linking an app another flow uses shows the service refusal with code and request-id', async (t) => {
	const { store } = await storeFor(t);
	await store.run(linkApplication(events.id, seed.apps.mobile));
	await store.idle();
	const flash = store.getState().flash;
	t.is(flash?.level, 'error');
	t.truthy(flash?.error?.code);
	t.truthy(flash?.error?.requestId);
});

test('adding a provider just configured names it, though the catalogue read before it does not hold it yet', async (t) => {
	const { store, emulator } = await storeFor(t);
	await store.run(loadUserFlows());
	await store.run(loadTenantIdentityProviders());
	await store.idle();
	// Configured after the catalogue was read, as when the provider form's read-back has not come back yet.
	const id = 'b54bee6c-cf1a-4373-9213-0d9c1e0f5a11';
	emulator.tenant.providers.push({
		id,
		displayName: 'Fabrikam ID',
		kind: 'oidc',
		identityProviderType: 'OpenIdConnect',
		clientId: 'fabrikam-client',
		oidc: {
			issuer: 'https://login.fabrikam.example',
			wellKnownEndpoint: 'https://login.fabrikam.example/.well-known/openid-configuration',
			responseType: 'code',
			scope: 'openid profile email',
			clientAuthentication: { kind: 'clientSecret', clientSecret: 'not-a-real-secret' },
			inboundClaimMapping: null,
		},
	});
	await store.run(addIdentityProvider(partners.id, id, 'Fabrikam ID'));
	await store.idle();
	t.regex(store.getState().flash?.text ?? '', /Added Fabrikam ID to/);
});
