import test from 'ava';
import { currentEntry } from '../../source/store/index.js';
import { seed } from '../helpers/emulator.js';
import { renderApp } from '../helpers/ui-render.js';

test.serial('a text field moves its cursor and erases words and lines where the cursor is', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	const filter = () => currentEntry(app.store.getState()).filter;
	await app.press('/');
	await app.type('partner portal');
	await app.press('ctrl+w');
	t.is(filter(), 'partner ', 'ctrl+w erases the word before the cursor');
	await app.press('home');
	await app.press('x');
	t.is(filter(), 'xpartner ', 'home goes to the start');
	await app.press('ctrl+e');
	await app.press('p');
	t.is(filter(), 'xpartner p', 'ctrl+e goes to the end');
	await app.press('left');
	await app.press('left');
	await app.press('backspace');
	t.is(filter(), 'xpartne p', 'backspace erases before the cursor, not at the end');
	await app.press('ctrl+a');
	await app.press('right');
	await app.press('ctrl+u');
	t.is(filter(), 'partne p', 'ctrl+u erases what is before the cursor');
	await app.press('end');
	await app.press('ctrl+u');
	t.is(filter(), '');
	// A paste reaches the field whole, at the cursor.
	await app.type('ab');
	await app.press('left');
	await app.press('XYZ');
	const frame = await app.waitFor('aXYZb');
	t.is(filter(), 'aXYZb');
	t.regex(frame, /aXYZb/);
});

test.serial('a rename opens with the name selected: typing replaces it', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Partner portal sign-in only');
	await app.press('/');
	await app.type('partner');
	await app.press('enter');
	await app.press('enter');
	await app.waitFor(/Name\s+Partner portal sign-in only/);
	await app.press('e');
	await app.type('B2B portal');
	await app.press('enter');
	await app.waitFor(/Renamed/);
	t.is(app.emulator.tenant.requireFlow(seed.flows.partners.id).displayName, 'B2B portal');
});
