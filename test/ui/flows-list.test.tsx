import test from 'ava';
import stringWidth from 'string-width';
import { renderApp } from '../helpers/ui-render.js';

test.serial('the flows list shows every flow with sign-up and counts, the account, and ? help', async (t) => {
	const app = await renderApp(t);
	const frame = await app.waitFor('Contoso customers sign-up and sign-in');
	t.regex(frame, /entra-flows · admin@contoso\.test · contoso\.test · User flows/);
	t.regex(frame, /Contoso customers sign-up and sign-in\s+on\s+3\s+7\s+2/);
	t.regex(frame, /Partner portal sign-in only\s+off\s+1\s+2\s+1/);
	t.regex(frame, /\? help\s*$/m);
	const flowReads = app.emulator.log.filter((entry) => entry.path.includes('/authenticationEventsFlows'));
	t.is(flowReads.length, 1, 'one request for the whole list');
	// The catalogues the pickers offer are read beside it, so opening a picker costs nothing.
	t.is(app.emulator.log.length, 4);
});

test.serial('/ filters as you type; enter keeps the filter, esc clears it', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	await app.press('/');
	await app.type('PART');
	let frame = await app.waitFor((f) => !f.includes('Events registration'));
	t.regex(frame, /Partner portal/);
	t.regex(frame, /\/ PART/);
	t.regex(frame, /1\/1 of 4/);
	await app.press('enter');
	await app.press('j');
	frame = await app.waitFor('Partner portal');
	t.false(frame.includes('Events registration'), 'j moves, it is not typed once the filter is kept');
	await app.press('esc');
	frame = await app.waitFor('Events registration');
	t.regex(frame, /1\/4/);
});

test.serial('enter opens a flow; esc goes back without another request', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	await app.press('j');
	await app.press('enter');
	const frame = await app.waitFor('Sections');
	t.regex(frame, /User flows › Partner portal/);
	t.regex(frame, /Name\s+Partner portal sign-in only/);
	t.regex(frame, /Sign-up\s+off/);
	const requests = app.emulator.log.length;
	await app.press('esc');
	await app.waitFor((f) => f.includes('Events registration') && /2\/4/.test(f));
	await app.press('enter');
	await app.waitFor('Sections');
	t.is(app.emulator.log.length, requests, 'back and forth again is served from the cache');
});

test.serial('10,000 flows: only the visible window renders and the ends are one key away', async (t) => {
	const app = await renderApp(t, { emulator: { extraFlows: 10_000, pageSize: 1000 } });
	await app.waitFor('Generated flow 00001', 15_000);
	const started = Date.now();
	await app.press('G');
	let frame = await app.waitFor('Generated flow 10000');
	t.regex(frame, /❯ Generated flow 10000/);
	t.regex(frame, /10,004\/10,004/);
	t.true(frame.split('\n').length <= 24, 'one screen, no more');
	await app.press('pgup');
	frame = await app.waitFor(/❯ Generated flow 09983/);
	t.regex(frame, /9,987\/10,004/);
	await app.press('g');
	await app.waitFor('Contoso customers');
	t.true(Date.now() - started < 3000, `moving took ${Date.now() - started} ms`);
});

test.serial(
	'10,000 flows: the filter narrows and widens again as it is typed and erased, and G finds the last match',
	async (t) => {
		const app = await renderApp(t, { emulator: { extraFlows: 10_000, pageSize: 1000 } });
		await app.waitFor('Generated flow 00001', 15_000);
		const generated = Array.from(
			{ length: 10_000 },
			(_, n) => `Generated flow ${String(n + 1).padStart(5, '0')}`,
		);
		const holding = (text: string) => generated.filter((name) => name.includes(text));
		const matches = holding('0999');
		t.is(matches.length, 11, 'all fit on one screen');
		await app.press('/');
		await app.type('0999');
		let frame = await app.waitFor(/1\/11 of 10,004/);
		for (const name of matches) t.true(frame.includes(name), name);
		await app.type('9');
		frame = await app.waitFor(/1\/1 of 10,004/);
		t.regex(frame, /❯ Generated flow 09999/);
		t.false(frame.includes('Generated flow 00999'));
		await app.press('backspace');
		frame = await app.waitFor(/\/11 of 10,004/);
		for (const name of matches) t.true(frame.includes(name), `${name} again after erasing`);
		// Enter keeps the filter so G moves; / goes back to typing it.
		await app.press('enter');
		await app.press('G');
		frame = await app.waitFor(/11\/11 of 10,004/);
		t.regex(frame, /❯ Generated flow 09999/);
		await app.press('/');
		await app.press('backspace');
		frame = await app.waitFor((now) => /\/ 099(?!9)/.test(now) && now.includes('Generated flow 00099'));
		t.regex(frame, new RegExp(`/${holding('099').length} of 10,004`));
		t.false(frame.includes('Generated flow 00001'), 'still filtered');
	},
);

test.serial('a hostile flow name is shown without its control sequences', async (t) => {
	const app = await renderApp(t, {
		state: (state) => state,
		emulator: {},
	});
	app.emulator.tenant.requireFlow('04ae684f-8cfb-4cef-912a-556fdee3c3fd').displayName =
		'Evil\u001B[2J\u001B]0;owned\u0007\u202E name';
	await app.press('ctrl+r');
	const frame = await app.waitFor('Evil');
	t.regex(frame, /Evil name/);
	t.false(app.writes().some((write) => write.includes('\u001B[2J') || write.includes(']0;owned')));
});

test.serial('resizing re-lays the screen', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	app.resize(120, 30);
	const frame = await app.waitFor((f) => f.split('\n').length >= 28);
	t.true(frame.split('\n').some((line) => line.length > 100));
	app.resize(60, 15);
	const small = await app.waitFor((f) => f.split('\n').length <= 14);
	t.true(small.split('\n').every((line) => line.length <= 60));
});

test.serial(
	'keys typed faster than the screen changes (one read, as over SSH) all land where they were aimed',
	async (t) => {
		const app = await renderApp(t);
		await app.waitFor('Events registration');
		await app.press('jjj'); // one write: three keys in one read
		let frame = await app.waitFor(/4\/4/);
		t.regex(frame, /❯ Events registration/);
		await app.press('gnBurst flow\x7f\x7fows');
		frame = await app.waitFor(/Name\s+Burst flows/);
		t.regex(frame, /New user flow|Create/i);
	},
);

test.serial(
	'a failed refresh of the list keeps its rows, marked stale, and the detail marks it too',
	async (t) => {
		const app = await renderApp(t);
		await app.waitFor('Events registration');
		app.emulator.setFaults('F-S4:status=500:method=GET');
		await app.press('ctrl+r');
		let frame = await app.waitFor(/stale: reading the list again failed/);
		t.regex(frame, /Events registration/);
		app.emulator.setFaults('');
		await app.press('enter');
		await app.waitFor('Sections');
		app.emulator.setFaults('F-S4:status=500:method=GET');
		await app.press('ctrl+r');
		frame = await app.waitFor(/stale: reading this again failed/);
		t.regex(frame, /Sections/);
	},
);

test.serial(
	'a long name never squeezes the columns, and a narrow terminal keeps every row within its width',
	async (t) => {
		const longName = `Contoso customers sign-up and sign-in for the ${'very '.repeat(12)}long campaign`;
		const app = await renderApp(t, {
			setUp: (emulator) => {
				const flow = emulator.tenant.flows.find(
					(each) => each.displayName === 'Contoso customers sign-up and sign-in',
				);
				if (flow) flow.displayName = longName;
			},
		});
		let frame = await app.waitFor('Events registration');
		t.regex(frame, /Name\s+Sign-up\s+Providers\s+Attributes\s+Apps/);
		t.regex(frame, /Contoso customers sign-up and sign-in[^\n]*…\s+on\s+3\s+7\s+2/);
		app.resize(34, 24);
		// Rows are not cut sideways (a line wider than the terminal would wrap onto the next one): they must fit.
		// waitFor fails with the last frame if no frame fits.
		frame = await app.waitFor((each) => each.split('\n').every((line) => stringWidth(line) <= 34));
		t.regex(frame, /❯\s+on\s+3\s+7\s+2/, 'the selected row keeps its counts');
	},
);
