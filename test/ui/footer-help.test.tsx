import test from 'ava';
import { renderApp } from '../helpers/ui-render.js';

const footer = (frame: string) => frame.trimEnd().split('\n').at(-1) ?? '';

test.serial('the footer does not offer ? help while the filter box takes ? as text', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	t.regex(footer(app.frame()), /\? help/);
	await app.press('/');
	const frame = await app.waitFor(/keep filter/);
	t.notRegex(frame, /\? help/);
	await app.press('?');
	await app.waitFor('/ ?');
	t.false(app.store.getState().helpOpen, '? went into the filter');
});

test.serial('a filter that matches nothing says so, instead of "of 4"', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	await app.press('/');
	await app.type('zzz');
	const frame = await app.waitFor('no match');
	t.regex(frame, /\/ zzz\s+no match among 4/);
	t.notRegex(frame, /\s{2}of 4/);
});

test.serial('help: wrapped lines line up; G reaches the end; esc wording fits the screen', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	await app.press('enter');
	await app.waitFor('Sections');
	await app.press('?');
	let frame = await app.waitFor('Keys on this screen');
	const lines = frame.split('\n').filter((line) => line.startsWith('│'));
	const first = lines.find((line) => /^│ d\s/.test(line)) ?? '';
	const column = first.indexOf('Delete');
	const continued = lines.filter((line) => /^│\s{10,}\S/.test(line) && !/more below/.test(line));
	t.true(continued.length > 0, 'some description wraps at 80 columns');
	for (const line of continued) t.is(line.slice(1).search(/\S/) + 1, column, `lined up: ${line}`);
	t.regex(frame, /more below/);
	await app.press('G');
	frame = await app.waitFor((current) => !current.includes('more below'));
	t.regex(frame, /Go back to the previous screen/, 'the detail has no filter: esc does not mention one');
	t.notRegex(frame, /clear the filter/);
	await app.press('g');
	frame = await app.waitFor(/more below/);
	t.regex(frame, /│ d\s+Delete the user flow/);
});

test.serial('a key typed in the filter is one frame, not a second one for the footer', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	await app.press('/');
	await app.waitFor(/keep filter/);
	for (const [character, shown] of [
		['E', /\/ E\s+1\/4 of 4/],
		['v', /\/ Ev\s+1\/1 of 4/],
	] as const) {
		const before = app.writes().length;
		await app.press(character);
		const frame = await app.waitFor(shown);
		t.is(app.writes().length - before, 1, `one frame for ${character}`);
		t.regex(footer(frame), /enter keep filter · esc clear/);
	}
});
