import test from 'ava';
import {
	addAttribute,
	addIdentityProvider,
	createUserFlow,
	deleteUserFlow,
	type Effect,
	linkApplication,
	loadUserFlows,
	moveApplication,
	removeAttribute,
	removeIdentityProvider,
	type Store,
	saveEdit,
	toggleSignUp,
	unlinkApplication,
} from '../../source/store/index.js';
import { fakeJwt, readOnlyScopes } from '../graph/fake-jwt.js';
import { seed } from '../helpers/emulator.js';
import { storeFor } from '../helpers/ui-store.js';

const { customers, partners, support, events } = seed.flows;
const readOnly = fakeJwt({ scp: readOnlyScopes, tid: 't', upn: 'reader@contoso.example' });
const appReadOnly = fakeJwt({ roles: ['EventListener.Read.All'], appid: 'app-1', idtyp: 'app' });

// Every write the keyboard app can make, each set up the way its screen sets it up.
const writes: readonly (readonly [string, (store: Store) => Effect])[] = [
	['add provider', () => addIdentityProvider(partners.id, 'Google-OAUTH')],
	['remove provider', () => removeIdentityProvider(customers.id, 'Google-OAUTH')],
	['add attribute', () => addAttribute(support.id, 'country')],
	['remove attribute', () => removeAttribute(support.id, 'city')],
	['link app', () => linkApplication(events.id, seed.apps.loyaltyApi)],
	['unlink app', () => unlinkApplication(customers.id, seed.apps.mobile)],
	['move app', () => moveApplication(events.id, seed.apps.mobile, customers.id)],
	['sign-up on/off', () => toggleSignUp(partners.id)],
	[
		'rename',
		(store) => {
			store.dispatch({ type: 'edit/opened', flowId: partners.id, field: 'displayName', text: 'Renamed' });
			return saveEdit();
		},
	],
	[
		'create flow',
		(store) => {
			store.dispatch({ type: 'createDraft/opened', providerIds: ['EmailPassword-OAUTH'] });
			store.dispatch({ type: 'createDraft/changed', patch: { name: 'Web shop' } });
			store.dispatch({ type: 'createDraft/itemToggled', field: 'attributes', id: 'city' });
			return createUserFlow();
		},
	],
	['delete flow', () => deleteUserFlow(events.id)],
];

test('read-only sign-in: every write is refused in the store before any request, naming the permission and the fix', async (t) => {
	const { store, emulator } = await storeFor(t, {
		graph: { tokenProvider: { getToken: async () => readOnly } },
	});
	await store.run(loadUserFlows());
	for (const [label, make] of writes) {
		store.dispatch({ type: 'flash/cleared' });
		emulator.clearLog();
		await store.run(make(store));
		await store.idle();
		t.deepEqual(emulator.log, [], `${label}: nothing reached the service`);
		const flash = store.getState().flash;
		t.is(flash?.level, 'error', label);
		t.regex(flash?.text ?? '', /nothing was sent|NOT deleted/, label);
		t.like(flash?.error, { kind: 'forbidden', code: 'MissingPermission' }, label);
		t.regex(
			flash?.error?.message ?? '',
			/^needs EventListener\.ReadWrite\.All; you are signed in with read-only scopes/,
			label,
		);
		t.is(flash?.error?.hint, 'run `entra-flows login` without --read-only', label);
		t.deepEqual(store.getState().activity, [], `${label}: no spinner left behind`);
	}
	t.regex(store.getState().createDraft?.errors.form ?? '', /needs EventListener\.ReadWrite\.All/);
});

test('an app-only token without the role is told to grant and admin-consent it', async (t) => {
	const { store, emulator } = await storeFor(t, {
		graph: { tokenProvider: { getToken: async () => appReadOnly } },
	});
	await store.run(addIdentityProvider(partners.id, 'Google-OAUTH'));
	t.deepEqual(emulator.log, []);
	t.regex(
		store.getState().flash?.error?.hint ?? '',
		/grant the application permission EventListener\.ReadWrite\.All to the app app-1 and admin-consent it/,
	);
});

test('an opaque token tells nothing, so the write goes and the service decides', async (t) => {
	const { store, requests } = await storeFor(t);
	await store.run(addIdentityProvider(partners.id, 'Google-OAUTH'));
	t.true(requests().some((line) => line.startsWith('POST ')));
	t.regex(store.getState().flash?.text ?? '', /Added Google/);
});
