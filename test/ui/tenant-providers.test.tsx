import test from 'ava';
import { type RenderAppOptions, renderApp } from '../helpers/ui-render.js';
import { selectRow } from '../helpers/ui-select.js';

// The tenant identity providers screen (T, then i): every provider with its type and the flows that offer it;
// delete, refused while a flow offers it.

const customers = 'Contoso customers sign-up and sign-in';
const contosoId = 'OIDC-contoso-id';
const clientSecret = 'oidc-secret-bytes-4a1f9c';

async function openProviders(t: Parameters<typeof renderApp>[0], options: RenderAppOptions = {}) {
	const app = await renderApp(t, { rows: 50, columns: 130, ...options });
	await app.waitFor('Events registration');
	await app.press('T');
	await app.waitFor('Policies');
	await app.press('i');
	await app.waitFor(/Identity providers of the tenant \(\d+\)/);
	return app;
}

const withContosoId: RenderAppOptions['setUp'] = (emulator) =>
	emulator.tenant.providers.push({
		id: contosoId,
		displayName: 'Contoso ID',
		kind: 'oidc',
		identityProviderType: 'OpenIDConnect',
		clientId: 'contoso-client',
		oidc: {
			issuer: 'https://id.contoso.example',
			wellKnownEndpoint: 'https://id.contoso.example/.well-known/openid-configuration',
			responseType: 'code',
			scope: 'openid profile email',
			clientAuthentication: { kind: 'clientSecret', clientSecret },
			inboundClaimMapping: null,
		},
	});

test.serial('i lists every provider with its type and the flows that offer it', async (t) => {
	const app = await openProviders(t, { setUp: withContosoId });
	const frame = app.frame();
	t.regex(frame, new RegExp(`Google +Google +“${customers}”`));
	t.regex(frame, new RegExp(`Facebook +Facebook +“${customers}”`));
	t.regex(frame, /Contoso ID +custom OIDC +no flow/);
	t.regex(frame, /Email with password +EmailPassword +“/);
	await selectRow(app, 'Contoso ID');
	t.regex(app.frame(), new RegExp(`Id +${contosoId}`));
	t.false(
		app.writes().some((write) => write.includes(clientSecret)),
		'the stored secret is never shown',
	);
});

test.serial('d on a provider flows offer is refused at once, naming the flows; nothing sent', async (t) => {
	const app = await openProviders(t);
	await selectRow(app, 'Facebook');
	const before = app.emulator.log.length;
	await app.press('d');
	const frame = await app.waitFor(/Could not delete “Facebook”: 1 user flow\(s\) still offer it/);
	t.regex(frame, new RegExp(`“${customers}”; remove it from them`));
	t.is(app.emulator.log.length, before);
	t.truthy(app.emulator.tenant.findProvider('Facebook-OAUTH'));
});

test.serial('d on a built-in provider says why it does nothing', async (t) => {
	const app = await openProviders(t);
	await selectRow(app, 'Email with password');
	const before = app.emulator.log.length;
	await app.press('d');
	await app.waitFor(/Built-in providers belong to the service/);
	t.is(app.emulator.log.length, before);
});

test.serial('d deletes a provider no flow offers, after y', async (t) => {
	const app = await openProviders(t, { setUp: withContosoId });
	await selectRow(app, 'Contoso ID');
	await app.press('d');
	await app.waitFor(/Delete the identity provider “Contoso ID”/);
	await app.press('y');
	const frame = await app.waitFor(/Deleted the identity provider “Contoso ID”/);
	t.false(/Contoso ID +custom OIDC/.test(frame));
	t.falsy(app.emulator.tenant.findProvider(contosoId));
	t.false(app.writes().some((write) => write.includes(clientSecret)));
});

test.serial('a delete the service refuses leaves the provider listed, with the reason', async (t) => {
	const app = await openProviders(t, {
		setUp: withContosoId,
		emulator: { faults: 'F-S4:status=500:method=DELETE:path=identityProviders' },
	});
	await selectRow(app, 'Contoso ID');
	await app.press('d');
	await app.waitFor(/Delete the identity provider “Contoso ID”/);
	await app.press('y');
	const frame = await app.waitFor(/Could not delete “Contoso ID”/);
	t.regex(frame, /Contoso ID +custom OIDC +no flow/);
	t.truthy(app.emulator.tenant.findProvider(contosoId));
});

test.serial('names from Graph reach the screen sanitized', async (t) => {
	const app = await openProviders(t, {
		setUp: (emulator) =>
			emulator.tenant.providers.push({
				id: 'OIDC-evil',
				displayName: 'Evil\u001B]52;c;aGk=\u0007 \u001B[2Jname',
				kind: 'oidc',
				identityProviderType: 'OpenIDConnect',
			}),
	});
	t.regex(app.frame(), /Evil.*name/);
	t.false(app.writes().some((write) => /\u001B\]52|\u001B\[2J/.test(write)));
});
