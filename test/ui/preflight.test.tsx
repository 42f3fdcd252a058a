import test from 'ava';
import { fakeJwt, readOnlyScopes, readWriteScopes } from '../graph/fake-jwt.js';
import { seed } from '../helpers/emulator.js';
import { type RenderAppOptions, renderApp } from '../helpers/ui-render.js';

const readOnly = fakeJwt({ scp: readOnlyScopes, tid: 't', upn: 'reader@contoso.example' });
const readWrite = fakeJwt({ scp: readWriteScopes, tid: 't', upn: 'admin@contoso.example' });

/** The app on the partner flow's identity providers, signed in with `token`. */
async function onPartnerProviders(
	t: Parameters<typeof renderApp>[0],
	token: string,
	options: RenderAppOptions = {},
) {
	const app = await renderApp(t, { tokenProvider: { getToken: async () => token }, ...options });
	await app.waitFor('Events registration');
	await app.press('j');
	await app.press('enter');
	await app.waitFor('Sections');
	await app.press('1');
	await app.waitFor('Email with password');
	return app;
}

const oneLine = (frame: string) => frame.replace(/\s+/g, ' ');

test.serial(
	'read-only sign-in: adding a provider is refused before any request, naming the permission and the fix',
	async (t) => {
		const app = await onPartnerProviders(t, readOnly);
		await app.press('a');
		await app.waitFor('Add an identity provider');
		const log = app.emulator.log.length;
		await app.press('down');
		await app.press('enter');
		const frame = oneLine(await app.waitFor(/nothing was sent/));
		t.regex(
			frame,
			/✗ Could not add Google \(nothing was sent\) — MissingPermission: needs EventListener\.ReadWrite\.All; you are signed in with read-only scopes/,
		);
		t.regex(frame, /run `entra-flows login` without --read-only/);
		t.is(app.emulator.log.length, log, 'the emulator logged no request for it');
		t.deepEqual(app.emulator.tenant.requireFlow(seed.flows.partners.id).providerIds, ['EmailPassword-OAUTH']);
	},
);

test.serial(
	'read-only sign-in: switching sign-up and deleting a flow are refused the same way',
	async (t) => {
		const app = await renderApp(t, { tokenProvider: { getToken: async () => readOnly } });
		await app.waitFor('Events registration');
		await app.press('enter');
		await app.waitFor('Sections');
		let log = app.emulator.log.length;
		await app.press('s');
		let frame = oneLine(await app.waitFor(/nothing was sent/));
		t.regex(
			frame,
			/Could not switch sign-up \(nothing was sent\) — MissingPermission: needs EventListener\.ReadWrite\.All/,
		);
		t.is(app.emulator.log.length, log);
		await app.press('esc');
		await app.waitFor((current) => !current.includes('nothing was sent'));
		log = app.emulator.log.length;
		await app.press('d');
		// Refused as d is pressed: no dialog to fill in first, and not even the listing of its apps goes out.
		frame = oneLine(await app.waitFor(/cannot be deleted with this sign-in/));
		t.regex(frame, /needs EventListener\.ReadWrite\.All.*without --read-only/);
		t.false(frame.includes('Type the flow'));
		t.is(app.emulator.log.length, log);
	},
);

test.serial('a 403 from the service shows the same kind of explanation (the error hint)', async (t) => {
	const app = await onPartnerProviders(t, readWrite, { emulator: { faults: 'F-A3:method=POST' } });
	await app.press('a');
	await app.waitFor('Add an identity provider');
	await app.press('down');
	await app.press('enter');
	const frame = oneLine(await app.waitFor(/Authorization_RequestDenied/));
	t.regex(frame, /✗ Could not add Google — Authorization_RequestDenied: Insufficient privileges/);
	t.regex(frame, /Your token has EventListener\.ReadWrite\.All, so the service refused for another reason/);
	t.regex(frame, /External ID User Flow Administrator directory role/);
	t.regex(frame, /request-id [0-9a-f-]{36}/, 'the request id stays visible under the wrapped message');
});
