import test from 'ava';
import type { RunningEmulator } from '../../source/emulator/server.js';
import { renderApp } from '../helpers/ui-render.js';

/** Gives the tenant `count` more custom attributes, "Loyalty field 0001" and on. */
function addAttributes(emulator: RunningEmulator, count: number) {
	for (let index = 1; index <= count; index++) {
		const name = `Loyalty field ${String(index).padStart(4, '0')}`;
		emulator.tenant.attributes.push({
			id: `extension_0123456789abcdef0123456789abcdef_Loyalty${index}`,
			displayName: name,
			description: null,
			userFlowAttributeType: 'custom',
			dataType: 'string',
		});
	}
}

/** The body rows the create form's attribute list shows, marker and tick included. */
const choiceRows = (frame: string) =>
	frame.split('\n').filter((line) => /\[[x ]\] /.test(line) && !line.includes('Sign-up'));

async function openAttributes(t: Parameters<typeof renderApp>[0], extra: number) {
	const app = await renderApp(t, { setUp: (emulator) => addAttributes(emulator, extra) });
	await app.waitFor('Events registration');
	await app.press('n');
	await app.waitFor('Email with password');
	for (let step = 0; step < 4; step++) await app.press('tab');
	await app.waitFor('[ ] ');
	return app;
}

test.serial('create form: the current choice is marked ❯, not by inverse video alone', async (t) => {
	const app = await openAttributes(t, 0);
	const rows = choiceRows(app.frame());
	t.true(rows.length > 1);
	t.regex(rows[0] ?? '', /❯ \[ \] /, 'the current row has a marker');
	for (const row of rows.slice(1)) t.false(row.includes('❯'), row);
	await app.press('j');
	const next = choiceRows(app.frame());
	t.regex(next[1] ?? '', /❯ \[ \] /);
});

test.serial(
	'create form: a long attribute list uses the rows that fit, says how many are out of sight, and G reaches the last',
	async (t) => {
		const app = await openAttributes(t, 12);
		let frame = app.frame();
		const shown = choiceRows(frame).length;
		const total = app.emulator.tenant.attributes.length - 1; // email is not offered
		t.true(shown >= 12, `uses the rows of a 24-row terminal (${shown} shown)\n${frame}`);
		t.regex(frame, new RegExp(`↓ ${total - shown} more`));
		await app.press('G');
		frame = await app.waitFor(/❯ \[ \] Loyalty field 0012/);
		t.regex(frame, /↑ \d+ more/);
		t.false(frame.includes('↓ '), 'nothing below the last');
		await app.press('space');
		await app.press('g');
		frame = await app.waitFor((current) => !current.includes('↑ '));
		t.regex(frame, /↓ \d+ more/);
	},
);

test.serial('create form: with 1,000 attributes, / filters the list and the page keys page it', async (t) => {
	const app = await openAttributes(t, 1000);
	await app.press('pgdn');
	await app.press('pgdn');
	let frame = app.frame();
	t.regex(frame, /❯ \[ \] Loyalty field 00(1|2)\d/, 'two pages down');
	t.regex(frame, /↑ \d+ more/, 'a page down scrolls');
	const marked = (now: string) =>
		choiceRows(now)
			.find((row) => row.includes('❯'))
			?.trim();
	const before = marked(frame);
	await app.press('pgup');
	t.not(marked(app.frame()), before, 'a page up moves back');
	t.notRegex(marked(app.frame()) ?? '', /Loyalty field 00(1|2)\d/);
	await app.press('/');
	await app.type('0777');
	frame = await app.waitFor(/❯ \[ \] Loyalty field 0777/);
	t.regex(frame, /1 of 1,?0\d\d/);
	await app.press('enter');
	await app.press('space');
	await app.press('esc');
	frame = await app.waitFor((now) => !now.includes('/ 0777'));
	t.is(app.store.getState().createDraft?.attributeIds.length, 1);
	t.regex(app.store.getState().createDraft?.attributeIds[0] ?? '', /Loyalty777$/);
	t.truthy(app.store.getState().createDraft, 'esc cleared the filter, the form stays');
});

test.serial(
	'add-attribute picker: with 1,000 attributes, G, the page keys and / reach any of them',
	async (t) => {
		const app = await renderApp(t, { setUp: (emulator) => addAttributes(emulator, 1000) });
		await app.waitFor('Events registration');
		await app.press('enter');
		await app.waitFor('Sections');
		await app.press('2');
		await app.waitFor(/Email Address|email/);
		await app.press('a');
		let frame = await app.waitFor('Collect an attribute');
		frame = await app.waitFor(/of 1,0\d\d · \/ filter · G last/);
		await app.press('G');
		frame = await app.waitFor(/❯ Loyalty field 1000/);
		await app.press('pgup');
		frame = await app.waitFor((now) => /❯ Loyalty field 09\d\d/.test(now));
		await app.press('g');
		frame = await app.waitFor((now) => !/❯ Loyalty field/.test(now));
		await app.press('/');
		await app.type('field 0500');
		frame = await app.waitFor(/1 of 1,0\d\d/);
		t.regex(frame, /❯ Loyalty field 0500/);
		await app.press('enter');
		await app.press('enter');
		frame = await app.waitFor(/Added Loyalty field 0500|Collecting Loyalty field 0500|Loyalty field 0500\s/);
		await app.store.idle();
		const flow = app.emulator.tenant.requireFlow(app.emulator.tenant.flows[0]?.id ?? '');
		t.true(
			flow.attributeCollection?.attributeIds.some((id) => id.endsWith('_Loyalty500')),
			frame,
		);
	},
);
