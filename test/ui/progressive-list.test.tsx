import test from 'ava';
import { renderApp } from '../helpers/ui-render.js';

// 2,504 flows are three pages at $top=999; the emulator never answers the third (F-L2), so the screen is
// caught between pages.
const thirdPageHangs = { extraFlows: 2_500, faults: 'F-L2:nth=3:path=authenticationEventsFlows' };
const busy = { idle: false } as const;

test.serial(
	'the flows list shows the pages that came, says more are coming, and takes keys meanwhile',
	async (t) => {
		const app = await renderApp(t, { emulator: thirdPageHangs });
		let frame = await app.waitFor('1,998 loaded, more coming (esc stops)', 5000, busy);
		t.regex(frame, /1\/1,998/);
		await app.press('j');
		frame = await app.waitFor('2/1,998', 5000, busy);
		await app.press('/');
		await app.type('Partner portal');
		frame = await app.waitFor(/1\/1 of 1,998 · more coming/, 5000, busy);
		t.true(frame.includes('Partner portal sign-in only'));
		await app.press('enter');
		await app.press('esc');
		frame = await app.waitFor('/1,998 · 1,998 loaded, more coming', 5000, busy);
		t.false(frame.includes('/ Partner'), 'esc cleared the filter first');
		await app.press('esc');
		frame = await app.waitFor('partial: 1,998 loaded, the rest not read (ctrl+r reads all)', 5000, busy);
		t.false(frame.includes('more coming'));
		t.true(app.listening(), 'esc stopped the load; it did not quit');
	},
);

test.serial('q while the pages arrive stops the load instead of quitting; then q quits', async (t) => {
	const app = await renderApp(t, { emulator: thirdPageHangs });
	// Both pages that come, not the first alone: 'more coming' shows from the first page on.
	await app.waitFor('1,998 loaded, more coming', 5000, busy);
	await app.press('q');
	await app.waitFor('partial: 1,998 loaded');
	t.true(app.listening());
	await app.press('q');
	await app.waitFor(() => !app.listening() || undefined);
	t.false(app.listening());
});
