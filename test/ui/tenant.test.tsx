import test from 'ava';
import { staticTokenProvider } from '../../source/auth/token-provider.js';
import { fakeJwt } from '../graph/fake-jwt.js';
import { seed } from '../helpers/emulator.js';
import { renderApp } from '../helpers/ui-render.js';

// The tenant screen (policies, health, attributes, providers) and a flow's History section.

test.serial(
	'T opens the tenant: the one flow type, password reset off, findings, who uses what',
	async (t) => {
		const app = await renderApp(t, { rows: 60, columns: 140 });
		await app.waitFor('Events registration');
		await app.press('T');
		const frame = await app.waitFor('Policies');
		t.regex(frame, /one user flow type: sign-up and sign-in/);
		t.regex(frame, /Password reset is not a flow/);
		t.regex(
			frame,
			/Password reset: off — 3 flow\(s\) with Email with password cannot reset \(p turns it on\)/,
		);
		t.regex(frame, /Health: 5 finding\(s\)/);
		t.regex(frame, /! “Events registration” is used by no application/);
		t.regex(frame, /Favorite color +custom, string +collected by “Contoso customers sign-up and sign-in”/);
		t.regex(frame, /Google +Google +offered by “Contoso customers sign-up and sign-in”/);
	},
);

test.serial('p switches password reset on, and the tenant screen reads it back', async (t) => {
	const app = await renderApp(t, { rows: 60, columns: 140 });
	await app.waitFor('Events registration');
	await app.press('T');
	await app.waitFor('Policies');
	await app.press('p');
	const frame = await app.waitFor(/Password reset is on for all users/);
	t.regex(frame, /Password reset: on for all users — works for 3 flow\(s\)/);
	t.regex(frame, /Health: 4 finding\(s\)/);
	t.deepEqual(
		app.emulator.tenant.emailMethod.includeTargets.map((target) => target.id),
		['all_users'],
	);
});

test.serial(
	'without Policy.ReadWrite.AuthenticationMethod, p is refused before anything is sent',
	async (t) => {
		const token = fakeJwt({
			scp: 'EventListener.Read.All IdentityProvider.Read.All IdentityUserFlow.Read.All Application.Read.All Policy.Read.AuthenticationMethod',
			tid: 't',
			upn: 'reader@contoso.example',
		});
		const app = await renderApp(t, { rows: 60, columns: 140, tokenProvider: staticTokenProvider(token) });
		await app.waitFor('Events registration');
		await app.press('T');
		await app.waitFor('Policies');
		await app.press('p');
		const frame = await app.waitFor(/nothing was sent/);
		t.regex(frame, /Policy\.ReadWrite\.AuthenticationMethod/);
		t.false(app.emulator.log.some((entry) => entry.method === 'PATCH'));
	},
);

test.serial('the flow detail shows its history from the audit log, newest first', async (t) => {
	const app = await renderApp(t, { rows: 40, columns: 140 });
	await app.waitFor('Events registration');
	await app.press('j');
	await app.press('enter');
	let frame = await app.waitFor('History');
	t.regex(await app.waitFor('No changes in the audit log.'), /History/);
	await app.press('s');
	await app.waitFor(/Sign-up is now on/);
	await app.press('esc');
	await app.press('enter');
	frame = await app.waitFor(/isSignUpAllowed: false → true/);
	t.regex(frame, /Update authenticationEventsFlow/);
	t.is(app.emulator.tenant.findFlow(seed.flows.partners.id)?.isSignUpAllowed, true);
});

test.serial('without AuditLog.Read.All the History section says what it needs; the rest works', async (t) => {
	const token = fakeJwt({ scp: 'EventListener.ReadWrite.All', tid: 't', upn: 'avery@contoso.example' });
	const app = await renderApp(t, { rows: 40, columns: 140, tokenProvider: staticTokenProvider(token) });
	await app.waitFor('Events registration');
	await app.press('enter');
	const frame = await app.waitFor('The audit log needs AuditLog.Read.All');
	t.regex(frame, /Sections/);
	t.false(app.emulator.log.some((entry) => entry.path.includes('auditLogs')));
});

const shoeSize = 'extension_6ea3bc85aec24b1c92ff4a117afb6621_Shoesize';

test.serial(
	'“New attribute…” in a flow’s attribute picker creates the attribute and collects it there',
	async (t) => {
		const app = await renderApp(t, { rows: 40, columns: 120 });
		await app.waitFor('Events registration');
		for (const _ of [1, 2]) await app.press('j');
		await app.press('enter');
		await app.waitFor('Sections');
		await app.press('2');
		await app.waitFor('Job Title');
		await app.press('a');
		let frame = await app.waitFor('New attribute…');
		while (!/❯ New attribute…/.test(app.frame())) await app.press('down');
		await app.press('enter');
		frame = await app.waitFor('The data type can never change');
		t.regex(frame, /New attribute, collected on “Support desk/);
		await app.type('Shoe size');
		await app.press('tab');
		await app.press('space');
		await app.press('space');
		frame = await app.waitFor('[int64]');
		await app.press('tab');
		await app.type('EU sizes');
		await app.press('enter');
		frame = await app.waitFor(/Shoe size/);
		await app.waitFor(() =>
			app.emulator.tenant
				.findFlow(seed.flows.support.id)
				?.attributeCollection?.attributeIds.includes(shoeSize),
		);
		t.like(app.emulator.tenant.findAttribute(shoeSize), { dataType: 'int64', description: 'EU sizes' });
	},
);

test.serial(
	'n on the tenant screen creates an attribute; a bad name is refused in the dialog, nothing sent',
	async (t) => {
		const app = await renderApp(t, { rows: 60, columns: 140 });
		await app.waitFor('Events registration');
		await app.press('T');
		await app.waitFor('Policies');
		await app.press('n');
		await app.waitFor('New custom attribute');
		await app.type('9 lives');
		await app.press('enter');
		await app.waitFor('Use letters, digits, spaces and _, starting with a letter.');
		t.false(app.emulator.log.some((entry) => entry.method === 'POST'));
		for (const _ of '9 lives') await app.press('backspace');
		await app.type('Hobby');
		await app.press('enter');
		const frame = await app.waitFor(/Created the attribute Hobby/);
		t.regex(frame, /Hobby +custom, string +collected by no flow/);
		t.truthy(app.emulator.tenant.findAttribute('extension_6ea3bc85aec24b1c92ff4a117afb6621_Hobby'));
	},
);
