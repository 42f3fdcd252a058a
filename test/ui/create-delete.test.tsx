import test from 'ava';
import { seed } from '../helpers/emulator.js';
import { renderApp } from '../helpers/ui-render.js';

const { customers, partners } = seed.flows;
const flat = (frame: string) => frame.replace(/\s+/g, ' ');

test.serial('create: inline validation before sending, then the flow is created and opened', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	await app.press('n');
	let frame = await app.waitFor('Create');
	t.regex(frame, /User flows › New user flow/);
	await app.waitFor('Email with password');
	const requests = app.emulator.log.length;
	await app.press('ctrl+s');
	frame = await app.waitFor('Enter a name.');
	await app.type('events registration');
	await app.press('ctrl+s');
	frame = await app.waitFor('already exists');
	t.is(app.emulator.log.length, requests, 'nothing was sent');
	for (let step = 0; step < 'registration'.length; step++) await app.press('backspace');
	await app.type('desk');
	await app.press('tab');
	await app.type('Walk-in desk');
	await app.press('tab');
	await app.press('space');
	await app.press('tab');
	// Untick the pre-ticked provider: now no provider is chosen.
	await app.press('space');
	await app.press('ctrl+s');
	frame = await app.waitFor('Choose at least one identity provider.');
	await app.press('down');
	await app.press('space');
	await app.press('tab');
	frame = await app.waitFor('Email One Time Passcode');
	await app.press('down');
	await app.press('space');
	await app.press('tab');
	await app.press('enter');
	frame = await app.waitFor(/Created user flow “events desk”/);
	t.regex(frame, /Sections/);
	t.regex(frame, /Sign-up\s+off/);
	const created = app.emulator.tenant.flows.find((flow) => flow.displayName === 'events desk');
	t.deepEqual(created?.providerIds, ['EmailOtpSignup-OAUTH']);
	t.deepEqual(created?.attributeCollection?.attributeIds, ['email', 'givenName']);
});

test.serial(
	'create: a failed save keeps every field and explains the refusal on the field it concerns',
	async (t) => {
		const app = await renderApp(t);
		await app.waitFor('Events registration');
		await app.press('n');
		await app.waitFor('Email with password');
		await app.type('Late comer');
		await app.press('tab');
		await app.type('kept text');
		// Someone else takes the name meanwhile: only the service can tell.
		app.emulator.tenant.requireFlow(partners.id).displayName = 'Late comer';
		await app.press('ctrl+s');
		const frame = await app.waitFor(/✗ A user flow named “Late comer” already exists/);
		t.regex(frame, /Name\s+Late comer/);
		t.regex(frame, /Description\s+kept text/);
		t.regex(frame, /Providers\s+Email with password/);
		t.regex(frame, /The user flow was not created/);
		t.regex(
			frame,
			/Request_BadRequest: One or more properties\s+contains invalid values/,
			"the service's own words stay in the status line",
		);
	},
);

test.serial('create: esc on a changed form asks before discarding', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	await app.press('n');
	await app.waitFor('Create');
	await app.type('x');
	await app.press('esc');
	await app.waitFor('Discard the new user flow?');
	await app.press('n');
	let frame = await app.waitFor((f) => !f.includes('Discard'));
	t.regex(frame, /Name\s+x/);
	await app.press('esc');
	await app.waitFor('Discard the new user flow?');
	await app.press('y');
	frame = await app.waitFor('Events registration');
	t.is(app.store.getState().createDraft, undefined);
});

test.serial('delete needs the typed name, lists the apps, unlinks them and deletes', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	await app.press('d');
	let frame = await app.waitFor('Contoso Mobile');
	t.regex(frame, /Delete the user flow “Contoso customers sign-up and sign-in”\?/);
	t.regex(frame, /These 2 apps will lose their user flow/);
	t.regex(frame, /Contoso Storefront/);
	await app.type('Contoso');
	await app.press('enter');
	frame = await app.waitFor('The name does not match');
	t.truthy(app.emulator.tenant.findFlow(customers.id));
	await app.type(' customers sign-up and sign-in');
	await app.press('enter');
	frame = await app.waitFor(/Deleted user flow/);
	t.regex(
		flat(frame),
		/Unlinked first: Contoso Storefront \(a442e488-8827-43b0-af92-3894fc6abef4\), Contoso Mobile/,
	);
	t.false(frame.includes('Contoso customers sign-up and sign-in  '));
	t.is(app.emulator.tenant.findFlow(customers.id), undefined);
});

test.serial('a delete that stops half way says what was done and keeps the error until esc', async (t) => {
	const app = await renderApp(t, {
		emulator: { faults: `F-S4:method=DELETE:path=includeApplications/${seed.apps.mobile}` },
	});
	await app.waitFor('Events registration');
	await app.press('d');
	await app.waitFor('Contoso Mobile');
	await app.type(customers.name);
	await app.press('enter');
	let frame = await app.waitFor(/NOT deleted/);
	t.regex(
		flat(frame),
		/Stopped while unlinking Contoso Mobile .* was NOT deleted\. Done: unlinked Contoso Storefront/,
	);
	t.regex(frame, /request-id [0-9a-f-]{36}/);
	t.regex(frame, /Contoso customers sign-up and sign-in\s+on\s+3\s+7\s+1/);
	await app.press('esc');
	frame = await app.waitFor((f) => !f.includes('NOT deleted'));
	t.regex(frame, /Contoso customers/);
});

test.serial('create: q or ctrl+c on a changed form asks before quitting', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	await app.press('n');
	await app.waitFor('Email with password');
	await app.type('Half typed');
	// Sign-up is not a text field, so q is a key here, not a letter.
	await app.press('tab');
	await app.press('tab');
	await app.press('q');
	let frame = await app.waitFor('Are you sure?');
	t.regex(flat(frame), /The new user flow is not created yet\. Quit anyway\?/);
	await app.press('n');
	frame = await app.waitFor((f) => !f.includes('Are you sure?'));
	t.true(app.listening());
	t.regex(frame, /Name\s+Half typed/);
	await app.press('ctrl+c');
	await app.waitFor('The new user flow is not created yet');
	await app.press('esc');
	await app.waitFor((f) => !f.includes('Are you sure?'));
	t.true(app.listening());
});

test.serial('create: after a failed save, esc dismisses the error first, then asks to discard', async (t) => {
	const app = await renderApp(t);
	await app.waitFor('Events registration');
	await app.press('n');
	await app.waitFor('Email with password');
	await app.type('Late comer');
	app.emulator.tenant.requireFlow(partners.id).displayName = 'Late comer';
	await app.press('ctrl+s');
	await app.waitFor(/The user flow was not created/);
	await app.press('esc');
	let frame = await app.waitFor((f) => !f.includes('The user flow was not created'));
	t.false(frame.includes('Discard the new user flow?'));
	t.regex(frame, /Name\s+Late comer/);
	await app.press('esc');
	frame = await app.waitFor('Discard the new user flow?');
	t.truthy(app.store.getState().createDraft);
});

test.serial(
	'create: keys typed ahead wait while the form loads, so a burst never presses Create',
	async (t) => {
		const app = await renderApp(t, {
			emulator: { faults: 'F-L1:min=300:max=300:path=userFlowAttributes' },
		});
		await app.waitFor('Events registration');
		// One read: n, a name, then tabs to the attributes and keys that would run past an empty list onto Create.
		await app.press('nTyped ahead\t\t\t\tjjj ');
		// The last key ticks an attribute: the attributes had loaded before the j keys were taken.
		await app.waitFor((frame) => frame.includes('Typed ahead') && (frame.match(/\[x\]/g) ?? []).length >= 2);
		t.false(
			app.emulator.log.some((entry) => entry.method === 'POST'),
			'nothing was created: the keys waited for the attributes to load',
		);
		t.regex(app.frame(), /Typed ahead/);
	},
);

test.serial(
	'create: esc typed right after a burst comes after it: the form asks, nothing is discarded unasked',
	async (t) => {
		const app = await renderApp(t);
		await app.waitFor('Events registration');
		// Over a slow link: n, a name and esc arrive together; the name's y must not answer the discard question.
		await app.press('nLoyalty');
		await app.press('\u001b');
		await app.waitFor('Discard the new user flow?');
		t.is(
			app.store.getState().createDraft?.name,
			'Loyalty',
			'every key typed before esc reached the form first',
		);
	},
);
