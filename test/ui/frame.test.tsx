import { EventEmitter } from 'node:events';
import test from 'ava';
import { runApp } from '../../source/ui/run-app.js';
import { colorTheme, noColorTheme } from '../../source/ui/theme.js';
import { seed } from '../helpers/emulator.js';
import { renderApp } from '../helpers/ui-render.js';
import { fakeSession } from '../helpers/ui-session.js';
import { storeFor } from '../helpers/ui-store.js';

test.serial('? lists every key of the current screen; esc closes it', async (t) => {
	// Tall enough for every key of the flows list without scrolling.
	const app = await renderApp(t, { rows: 30 });
	await app.waitFor('Events registration');
	await app.press('?');
	let frame = await app.waitFor('Keys on this screen');
	const seen = new Set<string>();
	const wanted = [
		'Create a user flow',
		'Filter by name',
		'Delete the user flow',
		'Quit',
		'Open the selected row',
	];
	// The list is longer than the box: scroll until everything has been on screen.
	for (let scrolled = 0; scrolled < 30; scrolled++) {
		for (const text of wanted) if (frame.includes(text)) seen.add(text);
		if (seen.size === wanted.length || !frame.includes('more below')) break;
		await app.press('down');
		frame = app.frame();
	}
	t.deepEqual([...seen].sort(), [...wanted].sort());
	t.regex(frame, /esc close · (↑↓ scroll · )?\? help/);
	await app.press('esc');
	frame = await app.waitFor('Events registration');
	await app.press('enter');
	await app.waitFor('Sections');
	await app.press('?');
	frame = await app.waitFor('Keys on this screen');
	t.regex(frame, /Rename, or edit the description/);
	t.regex(frame, /more below/);
	await app.press('?');
	await app.waitFor('Sections');
});

test.serial('the footer ends with ? help, except while a field takes ? as text', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	t.regex(app.frame(), /\? help\s*$/m);
	await app.press('/');
	let frame = await app.waitFor('keep filter');
	t.notRegex(frame, /\? help/, 'the filter box takes ? as text');
	await app.press('esc');
	await app.press('d');
	frame = await app.waitFor('Type the flow');
	t.regex(frame, /enter delete · esc cancel/);
	t.notRegex(frame, /\? help/, 'the typed name takes ? as text too');
	await app.press('esc');
	await app.press('enter');
	frame = await app.waitFor('Sections');
	t.regex(frame, /\? help\s*$/m);
});

test.serial('"throttled, retrying in Ns" shows while the client waits', async (t) => {
	// Only the flow list's GET: the catalogues are read beside it, and when one of them reached the emulator first
	// it took the one 429, the list came at once and the notice went with the list's activity.
	const app = await renderApp(t, {
		emulator: { faults: 'F-T1:retry-after=1:times=1:method=GET:path=authenticationEventsFlows' },
		graph: { retry: { random: () => 0 } },
	});
	const frame = await app.waitFor(/throttled, retrying in 1s/, 3000, { idle: false });
	t.regex(frame, /Loading user flows…/);
	await app.waitFor('Events registration');
});

test.serial('quitting while a change is in flight asks first', async (t) => {
	const app = await renderApp(t, { emulator: { faults: 'F-L1:min=800:max=800:method=DELETE' } });
	await app.waitFor('Events registration');
	await app.press('enter');
	await app.press('3');
	await app.waitFor('Contoso Storefront');
	await app.press('d');
	await app.press('y');
	await app.waitFor('unlinking…', 3000, { idle: false });
	await app.press('q');
	const frame = await app.waitFor('Quit anyway?', 3000, { idle: false });
	t.regex(frame, /A change is still being sent/);
	await app.press('n');
	await app.waitFor(/Unlinked Contoso Storefront/);
	t.deepEqual(app.emulator.tenant.requireFlow(seed.flows.customers.id).appIds, [seed.apps.mobile]);
});

test.serial('a write in progress marks its row and blocks keys on it with the reason', async (t) => {
	const app = await renderApp(t, { emulator: { faults: 'F-L1:min=600:max=600:method=DELETE' } });
	await app.waitFor('Events registration');
	await app.press('enter');
	await app.press('1');
	await app.waitFor('Facebook');
	await app.press('G');
	await app.press('d');
	await app.press('y');
	await app.waitFor(/Facebook\s+Facebook-OAUTH\s+. removing…/, 3000, { idle: false });
	await app.press('d');
	const frame = await app.waitFor('A change to this item is still in progress.', 3000, { idle: false });
	t.false(frame.includes('Are you sure?'), 'no second confirm for the same row');
	t.regex(frame, /Removing Facebook from/, 'the spinner line stays above the warning');
	await app.waitFor(/Removed Facebook/);
	t.is(app.emulator.log.filter((entry) => entry.method === 'DELETE').length, 1);
});

test.serial('switching sign-up marks the Sign-up row, wherever the cursor is', async (t) => {
	const app = await renderApp(t, { emulator: { faults: 'F-L1:min=600:max=600:method=PATCH' } });
	await app.waitFor('Events registration');
	await app.press('enter');
	await app.waitFor('Sections');
	await app.press('s');
	await app.waitFor('Switch sign-up off for');
	await app.press('y');
	const frame = await app.waitFor(/Sign-up\s+on \(new users can sign up\)\s+. switching…/, 3000, {
		idle: false,
	});
	t.notRegex(frame, /Name\s+.*switching…/, 'not on the Name row the cursor is on');
	await app.waitFor(/Sign-up is now off/);
	t.pass();
});

test('NO_COLOR gets a theme without any colour', (t) => {
	const colours = Object.entries(noColorTheme).filter(([key, value]) => key !== 'dim' && value !== undefined);
	t.deepEqual(colours, []);
	t.truthy(colorTheme.accent);
});

test('runApp refuses a stdin that is not a terminal and points to the commands', async (t) => {
	const { store } = await storeFor(t);
	let written = '';
	const stderr = {
		write(text: string) {
			written += text;
			return true;
		},
	} as unknown as NodeJS.WriteStream;
	const stdin = Object.assign(new EventEmitter(), { isTTY: undefined }) as unknown as NodeJS.ReadStream;
	const code = await runApp({ ...store.deps(), stdin, stderr });
	t.is(code, 2);
	t.regex(written, /needs a terminal .* Use the commands instead/);
});

test('runApp refuses a stdout that is not a terminal (a file, a pipe): exit 2, nothing drawn', async (t) => {
	const { store } = await storeFor(t);
	let written = '';
	let drawn = '';
	const stderr = {
		write(text: string) {
			written += text;
			return true;
		},
	} as unknown as NodeJS.WriteStream;
	const stdin = Object.assign(new EventEmitter(), { isTTY: true }) as unknown as NodeJS.ReadStream;
	const stdout = Object.assign(new EventEmitter(), {
		isTTY: undefined,
		write(text: string) {
			drawn += text;
			return true;
		},
	}) as unknown as NodeJS.WriteStream;
	const code = await runApp({ ...store.deps(), stdin, stdout, stderr });
	t.is(code, 2);
	t.regex(written, /needs a terminal .*stdout is not a TTY/s);
	t.is(drawn, '');
});

test('runApp renders a first frame and returns 0 (exitAfterFirstFrame)', async (t) => {
	const { store } = await storeFor(t);
	let output = '';
	const stdout = Object.assign(new EventEmitter(), {
		columns: 80,
		rows: 24,
		isTTY: true,
		write(text: string) {
			output += text;
			return true;
		},
	}) as unknown as NodeJS.WriteStream;
	const stdin = Object.assign(new EventEmitter(), {
		isTTY: true,
		setRawMode: () => stdin,
		setEncoding: () => stdin,
		resume: () => stdin,
		pause: () => stdin,
		ref: () => stdin,
		unref: () => stdin,
		read: () => null,
	}) as unknown as NodeJS.ReadStream;
	const code = await runApp({
		...store.deps(),
		session: fakeSession(),
		stdin,
		stdout,
		exitAfterFirstFrame: true,
	});
	t.is(code, 0);
	t.regex(output, /entra-flows/);
	t.regex(output, /\? help/);
});

test.serial('q quits at once when nothing is in flight; esc never quits', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	await app.press('esc');
	t.true(app.listening());
	await app.press('q');
	await app.waitFor(() => !app.listening());
	t.false(app.listening());
});

test.serial(
	'help wraps long descriptions instead of cutting them, and scrolls to the last one',
	async (t) => {
		const app = await renderApp(t);
		await app.waitFor('Events registration');
		await app.press('?');
		let frame = await app.waitFor('Keys on this screen');
		const flat = (text: string) => text.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
		t.true(flat(frame).includes('Filter by name as you type (enter keeps it, esc clears it)'), frame);
		for (const line of frame.split('\n')) t.true(line.length <= 80, line);
		for (let step = 0; step < 40 && /more below/.test(frame); step++) {
			await app.press('j');
			frame = app.frame();
		}
		t.false(/more below/.test(frame), 'the end of the list is reachable');
	},
);

test.serial(
	'the retry notice keeps its place at 80 columns; a long flow name in the verb is what is cut',
	async (t) => {
		const app = await renderApp(t, {
			emulator: { faults: 'F-S1:retry-after=2:times=1:method=PATCH' },
			graph: { retry: { random: () => 0 } },
		});
		await app.waitFor('Events registration');
		const long = 'Contoso customers sign-up and sign-in for the spring campaign in every region';
		app.emulator.tenant.requireFlow(seed.flows.partners.id).displayName = long;
		await app.press('ctrl+r');
		await app.waitFor('sign-in …');
		await app.press('j');
		await app.press('enter');
		await app.waitFor('Sections');
		await app.press('s');
		const frame = await app.waitFor(/unavailable, retrying in \ds/, 4000, { idle: false });
		const line = frame.split('\n').find((row) => row.includes('retrying in')) ?? '';
		t.regex(line, /Switching sign-up on for “Contoso.*… · unavailable, retrying in \ds$/);
		t.true([...line].length <= 80, line);
		await app.waitFor(/Sign-up is now on/);
	},
);

test.serial('a request that hangs shows the seconds it has waited, and that esc goes back', async (t) => {
	const app = await renderApp(t, {
		emulator: { faults: 'F-L1:min=4500:max=4500:method=GET:path=/authenticationEventsFlows/' },
	});
	await app.waitFor('Events registration');
	await app.press('enter');
	const frame = await app.waitFor(
		/Loading the (user flow|custom extensions)… · [3-9]s · esc goes back/,
		6000,
		{ idle: false },
	);
	t.notRegex(frame, /Loading the (user flow|custom extensions)… · [0-2]s/);
	await app.press('esc');
	await app.waitFor((now) => now.includes('Events registration') && !now.includes('Sections'), 3000, {
		idle: false,
	});
	t.pass();
});
