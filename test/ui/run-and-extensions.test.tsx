import test from 'ava';
import { seed } from '../helpers/emulator.js';
import { decodeDrawnQr } from '../helpers/qr.js';
import { type RenderAppOptions, renderApp } from '../helpers/ui-render.js';

// The Run screen (link, QR, copy) and the custom extensions screen of a flow, over the emulator.

const { customers, partners } = seed.flows;
const prefill = 'c4a2e6f0-5b1d-4c8e-9a3f-1e7d2b6c8a01';
const check = '7d3b9e21-0c6a-4f5e-8b2d-3a9c1f4e6b02';
const order: string[] = [customers.id, partners.id];

async function openFlow(t: Parameters<typeof renderApp>[0], flowId: string, options: RenderAppOptions = {}) {
	const app = await renderApp(t, { columns: 100, rows: 60, ...options });
	await app.waitFor('Events registration');
	for (let step = 0; step < order.indexOf(flowId); step++) await app.press('j');
	await app.press('enter');
	await app.waitFor('Sections');
	return app;
}

test.serial(
	'r on a flow opens Run: the link, a QR code that decodes to it, c copies it with OSC 52',
	async (t) => {
		const app = await openFlow(t, partners.id);
		await app.press('r');
		const frame = await app.waitFor(/█▀/);
		t.regex(frame, /Run “Partner portal sign-in only”/);
		t.regex(frame, /App\s+Contoso Partner Portal \(3c422c4b/);
		t.regex(frame, /Redirect URI\s+https:\/\/partners\.contoso\.com\/signin-oidc \(web\)/);
		const url = app.store.getState().resources.runLink[partners.id]?.data;
		t.is(url?.kind, 'built');
		const link = url?.kind === 'built' ? url.link.url : '';
		t.is(decodeDrawnQr(frame), link);
		await app.press('c');
		await app.waitFor(/Sent the link to the terminal's clipboard/);
		t.true(
			app.writes().some((write) => write.includes(`\u001B]52;c;${Buffer.from(link).toString('base64')}`)),
		);
		await app.press('l');
		await app.press('l');
		await app.waitFor(/Locale\s+de-DE/);
		const relinked = app.store.getState().resources.runLink[partners.id]?.data;
		t.regex(relinked?.kind === 'built' ? relinked.link.url : '', /ui_locales=de-DE&mkt=de-DE/);
	},
);

test.serial(
	'a flow with two apps starts with the first; a moves to the next, u to its next redirect URI',
	async (t) => {
		const app = await openFlow(t, customers.id);
		await app.press('r');
		let frame = await app.waitFor(/App\s+Contoso Storefront/);
		t.regex(frame, /2 linked/);
		t.regex(frame, /single-page app\), PKCE S256/);
		await app.press('u');
		frame = await app.waitFor(/Redirect URI\s+https:\/\/shop\.contoso\.com\/signin-oidc \(web\)/);
		await app.press('a');
		frame = await app.waitFor(/App\s+Contoso Mobile/);
		t.regex(frame, /client_id=0f2e3b41/);
	},
);

test.serial(
	'a small terminal gets the link and a note instead of a QR code that would not fit',
	async (t) => {
		const app = await openFlow(t, partners.id, { rows: 24, columns: 80 });
		await app.press('r');
		const frame = await app.waitFor(/enlarge the terminal, or press c to copy/);
		t.false(frame.includes('█'));
	},
);

test.serial(
	'4 opens the extensions: both events named; d is refused where no detach is documented',
	async (t) => {
		const app = await openFlow(t, customers.id);
		t.regex(
			await app.waitFor(/start: Prefill sign-up details · submit: Check sign-up details/),
			/Custom extensions/,
		);
		await app.press('4');
		let frame = await app.waitFor(/At attribute collection submit\s+Check sign-up details/);
		t.regex(frame, /At attribute collection start\s+Prefill sign-up details/);
		t.regex(frame, /Microsoft documents no way to detach/);
		await app.press('j');
		await app.press('d');
		frame = await app.waitFor(/Could not detach the extension: the service refused every way/);
		t.regex(frame, /delete-ref: HTTP 405/);
		t.is(app.emulator.tenant.findFlow(customers.id)?.onAttributeCollectionSubmit?.customExtensionId, check);
	},
);

test.serial(
	'd detaches where the service takes it; a attaches one of the event’s kind from the tenant’s',
	async (t) => {
		const app = await openFlow(t, customers.id, { emulator: { quirks: 'extension-clear=patch-null' } });
		await app.press('4');
		await app.waitFor(/At attribute collection start\s+Prefill/);
		await app.press('d');
		await app.waitFor(/Detached Prefill sign-up details/);
		await app.waitFor(/At attribute collection start\s+none/);
		t.falsy(app.emulator.tenant.findFlow(customers.id)?.onAttributeCollectionStart?.customExtensionId);
		await app.press('a');
		const frame = await app.waitFor(/Attach at attribute collection start[\s\S]*Prefill sign-up details/);
		t.false(frame.includes('❯ Check sign-up details'), 'only start extensions are offered');
		await app.press('enter');
		await app.waitFor(/runs Prefill sign-up details at attribute collection start/);
		t.is(app.emulator.tenant.findFlow(customers.id)?.onAttributeCollectionStart?.customExtensionId, prefill);
	},
);

test.serial(
	'v validates the selected extension: a failed validation lists each error with its code',
	async (t) => {
		const app = await openFlow(t, customers.id);
		await app.press('4');
		await app.waitFor(/At attribute collection start\s+Prefill/);
		await app.press('v');
		await app.waitFor(/Prefill sign-up details: valid/);
		app.emulator.tenant.findExtension(check)!.resourceId = 'api://elsewhere.contoso.com/not-a-guid';
		await app.press('j');
		await app.press('v');
		const frame = await app.waitFor(/Check sign-up details: validation failed/);
		t.regex(frame, /error IncorrectResourceIdFormat: /);
	},
);
