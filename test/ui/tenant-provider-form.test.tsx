import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { createRequestRecorder } from '../../source/inspect/recorder.js';
import { readSecretFile } from '../../source/wiring/secret-file.js';
import { type RenderAppOptions, type RenderedApp, renderApp } from '../helpers/ui-render.js';
import { selectRow } from '../helpers/ui-select.js';

// The identity provider form on the tenant providers screen (n configures, e changes) and from a flow's provider
// picker: the client secret comes from a file and is never shown, recorded or put in the store.

const secret = 'fabrikam-secret-bytes-7c2e91';
const issuer = 'https://id.fabrikam.example';
const wellKnown = `${issuer}/.well-known/openid-configuration`;

function secretFile(content = `${secret}\n`): string {
	const path = join(mkdtempSync(join(tmpdir(), 'provider-form-')), 'secret.txt');
	writeFileSync(path, content, { mode: 0o600 });
	return path;
}

async function openProviders(t: Parameters<typeof renderApp>[0], options: RenderAppOptions = {}) {
	const recorder = createRequestRecorder({ limit: 5000 });
	const app = await renderApp(t, {
		rows: 50,
		columns: 130,
		...options,
		graph: { onExchange: recorder.record },
		deps: { requests: recorder, readSecretFile: (path) => readSecretFile(path) },
	});
	await app.waitFor('Events registration');
	await app.press('T');
	await app.waitFor('Policies');
	await app.press('i');
	await app.waitFor(/Identity providers of the tenant \(\d+\)/);
	return { app, recorder };
}

/** Fills the form as a new custom OIDC provider (scopes and claims mapping left at their defaults). */
async function fillOidc(app: RenderedApp, path: string, name = 'Fabrikam ID') {
	await app.press('n');
	await fillOidcFields(app, path, name);
}

const nowhere = (app: RenderedApp, recorder: ReturnType<typeof createRequestRecorder>) => ({
	frames: app.writes().some((write) => write.includes(secret)),
	inspector: JSON.stringify(recorder.entries()).includes(secret),
	state: JSON.stringify(app.store.getState()).includes(secret),
});

test.serial('n configures a custom OIDC provider with the secret from a file, shown nowhere', async (t) => {
	const { app, recorder } = await openProviders(t);
	await fillOidc(app, secretFile());
	await app.press('enter');
	const frame = await app.waitFor(/Configured the identity provider “Fabrikam ID”/);
	t.regex(await app.waitFor(/Fabrikam ID +custom OIDC +no flow/), /Fabrikam ID/);
	t.notRegex(frame, /Configure a new identity provider/);
	const stored = app.emulator.tenant.providers.find((provider) => provider.displayName === 'Fabrikam ID');
	t.is(stored?.clientId, 'fabrikam-client');
	t.deepEqual(stored?.oidc?.clientAuthentication, { kind: 'clientSecret', clientSecret: secret });
	t.is(stored?.oidc?.issuer, issuer);
	t.is(stored?.oidc?.responseType, 'code');
	t.is((stored?.oidc?.inboundClaimMapping as Record<string, unknown> | null)?.email, 'email');
	const posted = app.emulator.log.find(
		(entry) => entry.method === 'POST' && entry.path.includes('identityProviders'),
	);
	t.truthy(posted, 'the create was sent');
	t.deepEqual(nowhere(app, recorder), { frames: false, inspector: false, state: false });
	t.false((app.frame() ?? '').includes(secret));
});

test.serial('n configures Apple with its .p8 key from a file, shown nowhere', async (t) => {
	const { app, recorder } = await openProviders(t);
	await app.press('n');
	await app.waitFor('Configure a new identity provider');
	for (let step = 0; step < 3; step++) await app.press('space');
	await app.waitFor('[Apple]');
	const path = secretFile();
	await app.press('tab');
	for (const text of ['TEAMID', 'com.fabrikam.signin', 'KEYID', path]) {
		await app.press('tab');
		await app.type(text);
	}
	await app.waitFor(/Key file \(\.p8\)\s+\S*secret\.txt/);
	await app.press('enter');
	await app.waitFor(/Configured the identity provider “Apple”/);
	const stored = app.emulator.tenant.providers.find((provider) => provider.kind === 'apple');
	t.deepEqual(stored?.apple, {
		developerId: 'TEAMID',
		serviceId: 'com.fabrikam.signin',
		keyId: 'KEYID',
		certificateData: secret,
	});
	t.deepEqual(nowhere(app, recorder), { frames: false, inspector: false, state: false });
});

test.serial('field errors say what is wrong and keep the form as typed; nothing is sent', async (t) => {
	const { app } = await openProviders(t);
	await app.press('n');
	await app.waitFor('Configure a new identity provider');
	await app.press('space');
	await app.press('space');
	await app.press('tab');
	await app.type('Half done');
	await app.press('tab');
	await app.press('tab');
	await app.press('tab');
	await app.type('http://plain.example');
	const before = app.emulator.log.length;
	await app.press('enter');
	const frame = await app.waitFor(/is not an https URL/);
	t.regex(frame, /Give the client \(application\) id/);
	t.regex(frame, /Give the path of a file holding the client secret/);
	t.regex(frame, /Give the URL of the provider’s OpenID configuration/);
	t.regex(frame, /Half done/);
	t.regex(frame, /http:\/\/plain\.example/);
	t.is(app.emulator.log.length, before);
});

test.serial('an unreadable secret file is said under its field, without sending anything', async (t) => {
	const { app } = await openProviders(t);
	await fillOidc(app, '/nonexistent/secret.txt');
	const before = app.emulator.log.length;
	await app.press('enter');
	await app.waitFor(/Cannot read \/nonexistent\/secret\.txt: ENOENT/);
	t.is(app.emulator.log.length, before);
});

test.serial('a save the service refuses keeps the form as typed, and the secret out of sight', async (t) => {
	const { app, recorder } = await openProviders(t, {
		emulator: { faults: 'F-S4:status=500:method=POST:path=identityProviders' },
	});
	await fillOidc(app, secretFile());
	await app.press('enter');
	const frame = await app.waitFor(/Could not configure “Fabrikam ID”/);
	t.regex(frame, /Configure a new identity provider/);
	t.regex(frame, /well-known\/openid-configuration/);
	t.regex(frame, /fabrikam-client/);
	t.falsy(app.emulator.tenant.providers.find((provider) => provider.displayName === 'Fabrikam ID'));
	t.deepEqual(nowhere(app, recorder), { frames: false, inspector: false, state: false });
});

test.serial('e sends only the changed field; an empty secret file keeps the stored secret', async (t) => {
	const stored = 'stored-secret-bytes-11aa';
	const { app } = await openProviders(t, {
		setUp: (emulator) =>
			emulator.tenant.providers.push({
				id: 'OIDC-contoso-id',
				displayName: 'Contoso ID',
				kind: 'oidc',
				identityProviderType: 'OpenIDConnect',
				clientId: 'contoso-client',
				oidc: {
					issuer: 'https://id.contoso.example',
					wellKnownEndpoint: 'https://id.contoso.example/.well-known/openid-configuration',
					responseType: 'code',
					scope: 'openid profile email',
					clientAuthentication: { kind: 'clientSecret', clientSecret: stored },
					inboundClaimMapping: null,
				},
			}),
	});
	await selectRow(app, 'Contoso ID');
	await app.press('e');
	await app.waitFor(/Change “Contoso ID”: only the fields you change are sent/);
	await app.press('tab');
	await app.press('ctrl+u');
	await app.type('contoso-client-2');
	await app.press('enter');
	await app.waitFor(/Saved “Contoso ID”/);
	const patch = app.emulator.log.find((entry) => entry.method === 'PATCH');
	t.deepEqual(patch?.body, {
		'@odata.type': '#microsoft.graph.oidcIdentityProvider',
		clientId: 'contoso-client-2',
	});
	const after = app.emulator.tenant.findProvider('OIDC-contoso-id');
	t.is(after?.clientId, 'contoso-client-2');
	t.deepEqual(after?.oidc?.clientAuthentication, { kind: 'clientSecret', clientSecret: stored });
});

test.serial('the flow picker’s “Configure a new provider…” adds the new provider to the flow', async (t) => {
	const recorder = createRequestRecorder({ limit: 5000 });
	const app = await renderApp(t, {
		rows: 50,
		columns: 130,
		graph: { onExchange: recorder.record },
		deps: { requests: recorder, readSecretFile: (path) => readSecretFile(path) },
	});
	await app.waitFor('Events registration');
	await app.press('j');
	await app.press('enter');
	await app.waitFor('Sections');
	await app.press('1');
	await app.waitFor('Email with password');
	await app.press('a');
	await app.waitFor('Configure a new provider…');
	// The list wraps: up from the first row is the last, the new provider.
	await app.press('up');
	await app.press('enter');
	await fillOidcFields(app, secretFile());
	await app.press('enter');
	await app.waitFor(/Added Fabrikam ID to/);
	const created = app.emulator.tenant.providers.find((provider) => provider.displayName === 'Fabrikam ID');
	t.truthy(created);
	const flowPost = app.emulator.log.find(
		(entry) => entry.method === 'POST' && entry.path.includes('authenticationEventsFlows'),
	);
	t.truthy(flowPost, 'the provider was added to the flow');
	t.false(app.writes().some((write) => write.includes(secret)));
	t.false(JSON.stringify(recorder.entries()).includes(secret));
});

/** The form's fields once it is open (the picker opens it). */
async function fillOidcFields(app: RenderedApp, path: string, name = 'Fabrikam ID') {
	await app.waitFor('Configure a new identity provider');
	await app.press('space');
	await app.press('space');
	await app.waitFor('[custom OIDC]');
	for (const text of [name, 'fabrikam-client', path, issuer, wellKnown]) {
		await app.press('tab');
		await app.type(text);
	}
	await app.waitFor('well-known/openid-configuration');
}

test.serial(
	'ctrl+n on the create form’s providers configures one, ticked there, the typed name kept',
	async (t) => {
		const app = await renderApp(t, {
			rows: 50,
			columns: 130,
			deps: { readSecretFile: (path) => readSecretFile(path) },
		});
		await app.waitFor('Events registration');
		await app.press('n');
		await app.waitFor('Email with password');
		await app.type('desk flow');
		await app.press('tab');
		await app.type('Walk-in');
		await app.press('tab');
		await app.press('tab');
		await app.press('ctrl+n');
		await fillOidcFields(app, secretFile());
		await app.press('enter');
		const frame = await app.waitFor(/Configured the identity provider “Fabrikam ID”/);
		t.notRegex(frame, /Configure a new identity provider/);
		const created = app.emulator.tenant.providers.find((provider) => provider.displayName === 'Fabrikam ID');
		const draft = app.store.getState().createDraft;
		t.is(draft?.name, 'desk flow');
		t.is(draft?.description, 'Walk-in');
		t.true(draft?.providerIds.includes(created?.id ?? 'missing'));
		await app.waitFor(/desk flow/);
		await app.waitFor(/Fabrikam ID/);
		t.false(app.writes().some((write) => write.includes(secret)));
	},
);
