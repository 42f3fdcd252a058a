import test from 'ava';
import { seed } from '../helpers/emulator.js';
import { renderApp } from '../helpers/ui-render.js';

const { customers, partners, support, events } = seed.flows;
const flat = (frame: string) => frame.replace(/[│\s]+/g, ' ');

/** Renders the app already on a flow's screen (the flows list underneath, as after enter). */
async function openFlow(t: Parameters<typeof renderApp>[0], flowId: string) {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	const index = ([customers.id, partners.id, support.id, events.id] as string[]).indexOf(flowId);
	for (let step = 0; step < index; step++) await app.press('j');
	await app.press('enter');
	await app.waitFor('Sections');
	return app;
}

test.serial('add a provider through the picker', async (t) => {
	const app = await openFlow(t, partners.id);
	await app.press('1');
	await app.waitFor('Email with password');
	await app.press('a');
	let frame = await app.waitFor('Add an identity provider');
	t.regex(frame, /Google/);
	t.regex(frame, /Facebook/);
	t.false(/❯ Email with password/.test(frame), 'only providers the flow lacks');
	await app.press('down');
	await app.press('enter');
	frame = await app.waitFor(/Added Google to/);
	t.regex(frame, /Google\s+Google-OAUTH/);
	t.deepEqual(app.emulator.tenant.requireFlow(partners.id).providerIds, [
		'EmailPassword-OAUTH',
		'Google-OAUTH',
	]);
});

test.serial('removing the last provider is refused with the reason, before any request', async (t) => {
	const app = await openFlow(t, support.id);
	await app.press('1');
	await app.waitFor('Email One Time Passcode');
	const requests = app.emulator.log.length;
	await app.press('d');
	const frame = await app.waitFor(/only identity provider/);
	t.regex(frame, /needs at least one/);
	t.false(frame.includes('Are you sure?'));
	t.is(app.emulator.log.length, requests);
});

test.serial('remove an attribute after y', async (t) => {
	const app = await openFlow(t, support.id);
	await app.press('2');
	let frame = await app.waitFor('Job Title');
	t.regex(frame, /Email Address\s+text\s+yes\s+email/);
	await app.press('j');
	await app.press('j');
	await app.press('d');
	frame = await app.waitFor('Are you sure?');
	t.regex(frame, /Stop collecting City \(city\)/);
	await app.press('y');
	frame = await app.waitFor(/Removed City from/);
	t.false(/\scity\b/.test(frame.split('\n').slice(2, -3).join('\n')), 'the row is gone');
	t.false(app.emulator.tenant.requireFlow(support.id).attributeCollection?.attributeIds.includes('city'));
});

test.serial('n or esc in the confirm leaves everything as it is', async (t) => {
	const app = await openFlow(t, customers.id);
	await app.press('3');
	await app.waitFor('Contoso Storefront');
	await app.press('d');
	await app.waitFor('Are you sure?');
	await app.press('enter');
	await app.press('n');
	const frame = await app.waitFor((f) => !f.includes('Are you sure?'));
	t.regex(frame, /Contoso Storefront/);
	t.is(app.emulator.tenant.requireFlow(customers.id).appIds.length, 2);
});

test.serial('link an app; the picker marks apps another flow already has', async (t) => {
	const app = await openFlow(t, events.id);
	await app.press('3');
	await app.waitFor('No applications use this flow');
	await app.press('a');
	let frame = await app.waitFor('Link an application');
	t.regex(frame, /Contoso Mobile · 0f2e3b41 — already in “Contoso customers sign-up/);
	t.false(frame.includes('b2c-extensions-app'), 'the system app is not offered');
	t.regex(frame, /Contoso Loyalty API · 3f50bdf7\s*│/);
	const lines = frame.split('\n');
	const column = (text: string) => lines.find((line) => line.includes(text))?.indexOf(text);
	t.is(column('Contoso Support Desk'), column('Contoso Loyalty API'), 'a row cut at the edge stays in line');
	const loyalty = lines.findIndex((line) => line.includes('Contoso Loyalty API'));
	const first = lines.findIndex((line) => line.includes('Contoso Storefront'));
	for (let step = 0; step < loyalty - first; step++) await app.press('down');
	await app.press('enter');
	frame = await app.waitFor(/Linked Contoso Loyalty API/);
	t.regex(frame, /Contoso Loyalty API\s+3f50bdf7/);
	t.deepEqual(app.emulator.tenant.requireFlow(events.id).appIds, [seed.apps.loyaltyApi]);
});

test.serial('choosing an app another flow has asks to move it', async (t) => {
	const app = await openFlow(t, events.id);
	await app.press('3');
	await app.waitFor('No applications use this flow');
	await app.press('a');
	await app.waitFor('Link an application');
	await app.press('down');
	await app.press('enter');
	let frame = await app.waitFor('Are you sure?');
	t.regex(frame, /already uses “Contoso customers/);
	await app.press('y');
	frame = await app.waitFor(/Moved Contoso Mobile/);
	t.deepEqual(app.emulator.tenant.requireFlow(events.id).appIds, [seed.apps.mobile]);
});

test.serial('rename in place and switch sign-up from the detail', async (t) => {
	const app = await openFlow(t, partners.id);
	await app.press('e');
	// The name opens all selected; end keeps it and puts the cursor after it.
	await app.press('end');
	for (let step = 0; step < 'sign-in only'.length; step++) await app.press('backspace');
	await app.type('B2B');
	await app.press('enter');
	let frame = await app.waitFor(/Renamed/);
	t.regex(frame, /Name\s+Partner portal B2B/);
	await app.press('s');
	frame = await app.waitFor(/Sign-up is now on/);
	t.regex(frame, /Sign-up\s+on/);
	await app.press('esc');
	frame = await app.waitFor('Events registration');
	t.regex(frame, /Partner portal B2B\s+on/);
});

test.serial(
	'a rename the service refuses: the first esc dismisses the error and keeps the typed name',
	async (t) => {
		const app = await openFlow(t, partners.id);
		await app.press('e');
		for (let step = 0; step < 'Partner portal sign-in only'.length; step++) await app.press('backspace');
		await app.type('Dup');
		// Another admin takes the name after the app read the list.
		app.emulator.tenant.requireFlow(events.id).displayName = 'Dup';
		await app.press('enter');
		await app.waitFor(/Could not change the name/);
		await app.press('esc');
		await app.waitFor((frame) => !frame.includes('Could not change the name'));
		t.is(app.store.getState().edit?.text, 'Dup', 'the typed name is still being edited');
		await app.press('esc');
		await app.waitFor(() => app.store.getState().edit === undefined);
		t.pass();
	},
);

test.serial(
	'e on a row other than Name or Description says which rows it edits and edits nothing',
	async (t) => {
		const app = await openFlow(t, partners.id);
		await app.press('j');
		await app.press('j');
		let frame = await app.waitFor(/❯?\s*Sign-up/);
		await app.press('e');
		frame = await app.waitFor(/e edits the Name or the Description row/);
		t.is(app.store.getState().edit, undefined, 'the name is not being edited');
		t.regex(frame, /Name\s+Partner portal sign-in only/);
		await app.press('esc');
		await app.press('k');
		await app.press('e');
		await app.waitFor(() => app.store.getState().edit?.field === 'description');
		t.pass();
	},
);

test.serial('removing email warns that email sign-up needs it', async (t) => {
	const app = await openFlow(t, support.id);
	await app.press('2');
	await app.waitFor('Job Title');
	await app.press('d');
	const frame = (await app.waitFor('Are you sure?')).replace(/[\s│]+/g, ' ');
	t.regex(frame, /Stop collecting Email Address \(email\)/);
	t.regex(frame, /email sign-up needs the email attribute/);
	t.regex(frame, /layout rules keep email on the page/);
	await app.press('n');
	await app.press('j');
	await app.press('d');
	const city = (await app.waitFor('Are you sure?')).replace(/[\s│]+/g, ' ');
	t.false(city.includes('email sign-up needs'), 'only email carries the warning');
});

test.serial(
	'keys typed in one burst move the add-picker too (each one reaches ink-select-input)',
	async (t) => {
		const app = await openFlow(t, partners.id);
		await app.press('1');
		await app.waitFor('Email with password');
		await app.press('a');
		await app.waitFor('Add an identity provider');
		await app.press('jj'); // one write: two keys in one read
		await app.waitFor(/❯ Facebook/);
		await app.press('enter');
		await app.waitFor(/Added Facebook to/);
		t.deepEqual(app.emulator.tenant.requireFlow(partners.id).providerIds, [
			'EmailPassword-OAUTH',
			'Facebook-OAUTH',
		]);
	},
);

test.serial('s asks before switching sign-up off for a flow apps use; n keeps it on', async (t) => {
	const app = await openFlow(t, customers.id);
	const requests = app.emulator.log.length;
	await app.press('s');
	let frame = await app.waitFor('Are you sure?');
	t.regex(
		flat(frame),
		/Switch sign-up off for “Contoso customers sign-up and sign-in”\? New customers of its \d apps/,
	);
	t.regex(flat(frame), /can no longer sign up; existing accounts still sign in/);
	await app.press('n');
	frame = await app.waitFor((now) => !now.includes('Are you sure?'));
	t.is(app.emulator.log.filter((entry) => entry.method === 'PATCH').length, 0, 'n sends nothing');
	t.true(app.emulator.tenant.requireFlow(customers.id).isSignUpAllowed);
	await app.press('s');
	await app.waitFor('Are you sure?');
	await app.press('y');
	frame = await app.waitFor(/Sign-up is now off/);
	t.true(app.emulator.log.length > requests);
	t.false(app.emulator.tenant.requireFlow(customers.id).isSignUpAllowed);
});

test.serial('the attributes screen fits 80 columns: custom ids shortened, nothing cut', async (t) => {
	const app = await openFlow(t, customers.id);
	await app.press('2');
	const frame = await app.waitFor('Favorite color');
	t.regex(frame, /Favorite color\s+radio\s+no\s+extension…_Favoritecolor \(string\)/);
	t.regex(frame, /displayName \(string\)/);
	for (const line of frame.split('\n').slice(1, -2)) t.false(/\(\w*…$/.test(line.trim()), line);
});
