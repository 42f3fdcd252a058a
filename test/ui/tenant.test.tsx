import test from 'ava';
import { staticTokenProvider } from '../../source/auth/token-provider.js';
import { fakeJwt } from '../graph/fake-jwt.js';
import { seed } from '../helpers/emulator.js';
import { renderApp } from '../helpers/ui-render.js';

// The tenant screen (policies, health, attributes, providers) and a flow's History section.

test.serial(
	't opens the tenant: the one flow type, password reset off, findings, who uses what',
	async (t) => {
		const app = await renderApp(t, { rows: 60, columns: 140 });
		await app.waitFor('Events registration');
		await app.press('t');
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
	await app.press('t');
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
		await app.press('t');
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
