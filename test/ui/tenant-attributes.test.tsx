import test from 'ava';
import { seed } from '../helpers/emulator.js';
import { type RenderAppOptions, renderApp } from '../helpers/ui-render.js';
import { selectRow } from '../helpers/ui-select.js';

// The tenant attributes screen (T, then a): every attribute with its flows; describe, delete, create.

const customers = 'Contoso customers sign-up and sign-in';
const hobby = 'extension_6ea3bc85aec24b1c92ff4a117afb6621_Hobby';

async function openAttributes(t: Parameters<typeof renderApp>[0], options: RenderAppOptions = {}) {
	const app = await renderApp(t, { rows: 50, columns: 130, ...options });
	await app.waitFor('Events registration');
	await app.press('T');
	await app.waitFor('Policies');
	await app.press('a');
	await app.waitFor(/User-flow attributes of the tenant \(\d+\)/);
	return app;
}

const withHobby: RenderAppOptions['setUp'] = (emulator) =>
	emulator.tenant.attributes.push({
		id: hobby,
		displayName: 'Hobby',
		description: 'What you do for fun',
		userFlowAttributeType: 'custom',
		dataType: 'string',
	});

test.serial(
	'a lists every attribute with data type, built-in or custom, and the flows that collect it; no request',
	async (t) => {
		const app = await renderApp(t, { rows: 50, columns: 130 });
		await app.waitFor('Events registration');
		await app.press('T');
		await app.waitFor('Policies');
		const before = app.emulator.log.length;
		await app.press('a');
		let frame = await app.waitFor(/User-flow attributes of the tenant \(\d+\)/);
		t.regex(frame, new RegExp(`Favorite color +string +custom +“${customers}”`));
		t.regex(frame, /Job Title +string +built-in +“Support desk/);
		t.is(app.emulator.log.length, before, 'the tenant screen read it already');
		await selectRow(app, 'Favorite color');
		frame = app.frame();
		t.regex(frame, /Id +extension_6ea3bc85aec24b1c92ff4a117afb6621_Favoritecolor/);
		t.regex(frame, /Its name and data type can never change/);
		await selectRow(app, 'Job Title');
		await app.press('d');
		t.regex(await app.waitFor(/Built-in attributes belong to the service/), /Job Title/);
		await app.press('esc');
		await app.press('esc');
		await app.waitFor('Policies');
		t.is(app.emulator.log.length, before, 'going back costs no request');
	},
);

test.serial('e changes a custom attribute’s description', async (t) => {
	const app = await openAttributes(t);
	await selectRow(app, 'Favorite color');
	await app.press('e');
	await app.waitFor('Description of “Favorite color”');
	await app.press('ctrl+u');
	await app.type('Pick one');
	await app.press('enter');
	const frame = await app.waitFor(/Saved the description of “Favorite color”/);
	t.regex(frame, /Description +Pick one/);
	t.is(app.emulator.tenant.findAttribute(seed.favoriteColor)?.description, 'Pick one');
});

test.serial('a description the service refuses stays in the dialog as typed, with the reason', async (t) => {
	const app = await openAttributes(t, {
		emulator: { faults: 'F-S4:status=500:method=PATCH:path=userFlowAttributes' },
	});
	await selectRow(app, 'Favorite color');
	await app.press('e');
	await app.press('ctrl+u');
	await app.type('Pick one');
	await app.press('enter');
	const frame = await app.waitFor(/Could not save the description of “Favorite color” — /);
	t.regex(frame, /Description of “Favorite color”/);
	t.regex(frame, /Pick one/);
	t.not(app.emulator.tenant.findAttribute(seed.favoriteColor)?.description, 'Pick one');
});

test.serial(
	'd on an attribute flows collect is refused at once, naming the flows; nothing sent',
	async (t) => {
		const app = await openAttributes(t);
		await selectRow(app, 'Favorite color');
		const before = app.emulator.log.length;
		await app.press('d');
		const frame = await app.waitFor(/Could not delete “Favorite color”: 1 user flow\(s\) still collect it/);
		t.regex(frame, new RegExp(`“${customers}”; remove it from them`));
		t.false(frame.includes('Are you sure?'));
		t.is(app.emulator.log.length, before);
	},
);

test.serial('d deletes a custom attribute no flow collects, after y', async (t) => {
	const app = await openAttributes(t, { setUp: withHobby });
	await selectRow(app, 'Hobby');
	await app.press('d');
	await app.waitFor(/Delete the custom attribute “Hobby”/);
	await app.press('y');
	const frame = await app.waitFor(/Deleted the custom attribute “Hobby”/);
	t.false(/❯ Hobby| {2}Hobby /.test(frame));
	t.falsy(app.emulator.tenant.findAttribute(hobby));
});

test.serial(
	'n creates an attribute from the list; a name the tenant has keeps the dialog as typed',
	async (t) => {
		const app = await openAttributes(t);
		await app.press('n');
		await app.waitFor('The data type can never change');
		await app.type('Favorite color');
		await app.press('enter');
		let frame = await app.waitFor(/the tenant already has an attribute named “Favorite color”/);
		t.regex(frame, /New custom attribute/);
		t.regex(frame, /Name +Favorite color/);
		for (const _ of 'Favorite color') await app.press('backspace');
		await app.type('Hobby');
		await app.press('tab');
		await app.press('space');
		await app.press('enter');
		frame = await app.waitFor(/Created the attribute Hobby/);
		t.regex(frame, /Hobby +boolean +custom +no flow/);
		t.like(app.emulator.tenant.findAttribute(hobby), { dataType: 'boolean' });
	},
);

test.serial('names from Graph reach the screen sanitized', async (t) => {
	const app = await openAttributes(t, {
		setUp: (emulator) =>
			emulator.tenant.attributes.push({
				id: 'extension_6ea3bc85aec24b1c92ff4a117afb6621_Evil',
				displayName: 'Evil\u001B]52;c;aGk=\u0007 \u001B[2Jname',
				description: 'line\u001B[1Aup',
				userFlowAttributeType: 'custom',
				dataType: 'string',
			}),
	});
	await selectRow(app, 'Evil');
	const frame = app.frame();
	t.regex(frame, /Evil.*name/);
	await app.press('e');
	await app.waitFor(/Description of “Evil/);
	t.false(app.writes().some((write) => /\u001B\]52|\u001B\[2J|\u001B\[1A/.test(write)));
});
