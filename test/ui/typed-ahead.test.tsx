import { setTimeout as delay } from 'node:timers/promises';
import test from 'ava';
import { currentEntry } from '../../source/store/index.js';
import { renderApp } from '../helpers/ui-render.js';

test.serial(
	'keys typed one at a time while a screen loads wait for it, like keys read together',
	async (t) => {
		const app = await renderApp(t, {
			emulator: { faults: 'F-L1:min=1200:max=1200:method=GET:path=authenticationEventsFlows:times=1' },
		});
		t.regex(app.frame(), /Loading/);
		// 150 ms apart, as a person types while the list is still on its way.
		for (const key of ['j', 'j', 'enter']) {
			await app.press(key);
			await delay(150);
		}
		t.regex(app.frame(), /Loading/, 'the keys arrived before the list');
		await app.waitFor(() => currentEntry(app.store.getState()).route.id === 'user-flow');
		const state = app.store.getState();
		t.is(state.routes[0].cursor, 2, 'both j moved the cursor once the rows were there');
		const rows = state.resources.userFlows['']?.data ?? [];
		t.true(rows.length > 2);
	},
);

test.serial('an enter queued behind ctrl+s on the create form never reaches the new flow', async (t) => {
	const app = await renderApp(t, { emulator: { faults: 'F-L1:min=400:max=400:method=POST' } });
	await app.waitFor('Events registration');
	await app.press('n');
	await app.waitFor('Email with password');
	await app.type('Queued enter');
	// One read: save, then an enter typed while the save is sent.
	await app.press('\u0013\r');
	await app.waitFor(/Created user flow “Queued enter”/);
	await delay(300);
	await app.waitFor(/Created user flow/);
	const state = app.store.getState();
	t.is(currentEntry(state).route.id, 'user-flow', "the new flow's detail shows");
	t.is(state.edit, undefined, 'the rename field did not open');
});

test.serial('ten ctrl+r while a reload runs make at most one more reload', async (t) => {
	const app = await renderApp(t, {
		emulator: { faults: 'F-L1:min=1500:max=1500:method=GET:path=authenticationEventsFlows' },
	});
	await app.waitFor('Events registration');
	const listReads = () =>
		app.emulator.log.filter(
			(entry) => entry.method === 'GET' && /authenticationEventsFlows(\?|$)/.test(entry.path),
		).length;
	const before = listReads();
	// A held key: one ctrl+r, then nine more as the terminal repeats it, then a burst of three in one read.
	for (let press = 0; press < 10; press++) await app.press('ctrl+r');
	await app.press('\u0012\u0012\u0012');
	// Queued keys go on one frame apart after each reload, so wait until the reads have stopped for a while.
	let seen = -1;
	while (seen !== listReads()) {
		seen = listReads();
		await app.waitFor('Events registration');
		await delay(300);
	}
	const reloads = listReads() - before;
	t.true(reloads >= 1 && reloads <= 2, `the running reload and at most one more (saw ${reloads})`);
});
