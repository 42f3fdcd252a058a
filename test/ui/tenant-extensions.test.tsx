import test from 'ava';
import chalk from 'chalk';
import type { ExtensionRecord } from '../../source/emulator/types.js';
import { colorTheme } from '../../source/ui/theme.js';
import { seed } from '../helpers/emulator.js';
import { type RenderAppOptions, renderApp } from '../helpers/ui-render.js';
import { selectRow } from '../helpers/ui-select.js';

// The tenant's custom authentication extensions screen (T, then x): list, show, create, change, delete, validate.

const prefill = 'c4a2e6f0-5b1d-4c8e-9a3f-1e7d2b6c8a01';
const customers = 'Contoso customers sign-up and sign-in';

function extension(
	fields: Partial<ExtensionRecord> & Pick<ExtensionRecord, 'id' | 'displayName'>,
): ExtensionRecord {
	return {
		kind: 'onAttributeCollectionSubmitCustomExtension',
		description: null,
		targetUrl: 'https://api.contoso.example/submit',
		resourceId: `api://api.contoso.example/${seed.apps.storefront}`,
		clientConfiguration: null,
		behaviorOnError: null,
		claimsForTokenConfiguration: null,
		...fields,
	};
}

const unused = extension({ id: '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e', displayName: 'Old checker' });

async function openExtensions(t: Parameters<typeof renderApp>[0], options: RenderAppOptions = {}) {
	const app = await renderApp(t, { rows: 50, columns: 130, ...options });
	await app.waitFor('Events registration');
	await app.press('T');
	await app.waitFor('Policies');
	await app.press('x');
	await app.waitFor(/Custom authentication extensions of the tenant \(\d+\)/);
	return app;
}

test.serial(
	'x lists every extension with type and the flows that run it, others read-only; one round of requests',
	async (t) => {
		const app = await renderApp(t, {
			rows: 50,
			columns: 130,
			setUp: (emulator) =>
				emulator.tenant.extensions.push(
					extension({
						id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
						kind: 'onTokenIssuanceStartCustomExtension',
						displayName: 'Claims\u001B]52;c;aGk=\u0007 from \u001B[31mHR',
					}),
				),
		});
		await app.waitFor('Events registration');
		await app.press('T');
		await app.waitFor('Policies');
		const before = app.emulator.log.length;
		await app.press('x');
		let frame = await app.waitFor(/Custom authentication extensions of the tenant \(3\)/);
		t.regex(
			frame,
			new RegExp(`❯ Prefill sign-up details +attribute collection start +“${customers}” \\(start\\)`),
		);
		t.regex(
			frame,
			new RegExp(`Check sign-up details +attribute collection submit +“${customers}” \\(submit\\)`),
		);
		t.regex(frame, /token issuance start \(read-only\) +no flow/);
		t.regex(frame, /Target URL +https:\/\/127\.0\.0\.1:7071\/api\/attribute-collection-start/);
		t.regex(frame, /Resource id +api:\/\/127\.0\.0\.1\//);
		t.regex(frame, /Timeout +2000 ms · retries 1/);
		const reads = app.emulator.log.slice(before);
		t.true(reads.every((entry) => entry.method === 'GET'));
		t.is(reads.filter((entry) => entry.path.includes('customAuthenticationExtensions')).length, 1);
		t.false(
			reads.some((entry) => /authenticationEventsFlows(\?|$)/.test(entry.path)),
			'the flows list on screen is reused',
		);
		await selectRow(app, 'Claims');
		t.false(app.writes().some((write) => write.includes('\u001B]52') || write.includes('\u001B[31mHR')));
		await app.press('e');
		frame = await app.waitFor(/only attribute collection start and submit extensions are changed here/i);
		t.false(frame.includes('Change “'));
		await app.press('esc');
		const reread = app.emulator.log.length;
		await app.press('esc');
		await app.waitFor('Policies');
		t.is(app.emulator.log.length, reread, 'going back costs no request');
	},
);

async function clearAndType(app: Awaited<ReturnType<typeof renderApp>>, text: string) {
	await app.press('ctrl+u');
	await app.type(text);
}

test.serial(
	'n creates an extension: each bad field says what is wrong under it, nothing sent until all are right',
	async (t) => {
		const app = await openExtensions(t);
		await app.press('n');
		await app.waitFor('New custom authentication extension');
		await app.type('Loyalty check');
		await app.press('tab');
		await app.press('space');
		await app.waitFor('[attribute collection submit]');
		await app.press('tab');
		await app.type('http://loyalty.contoso.example/check');
		await app.press('tab');
		await app.type('api://loyalty.contoso.example/not-a-guid');
		await app.press('tab');
		await app.type('5000');
		await app.press('tab');
		await app.type('3');
		await app.press('enter');
		let frame = await app.waitFor(/must use https/);
		t.regex(frame, /The resource id "api:\/\/loyalty\.contoso\.example\/not-a-guid" is not of the/);
		t.regex(frame, /milliseconds from 200 to 2000/);
		t.regex(frame, /Retries must be 0 or 1, not 3/);
		t.false(app.emulator.log.some((entry) => entry.method === 'POST'));
		// The cursor is on the first field in the wrong; each error goes once its field is typed in.
		await clearAndType(app, 'https://loyalty.contoso.example/check');
		frame = await app.waitFor((current) => !current.includes('must use https'));
		t.regex(frame, /Retries must be 0 or 1, not 3/, 'the other fields keep their errors');
		await app.press('tab');
		await clearAndType(app, `api://loyalty.contoso.example/${seed.apps.storefront}`);
		await app.press('tab');
		await clearAndType(app, '1500');
		await app.press('tab');
		await clearAndType(app, '1');
		await app.press('enter');
		frame = await app.waitFor(/Created the submit extension “Loyalty check”/);
		t.regex(frame, /Loyalty check +attribute collection submit +no flow/);
		const made = app.emulator.tenant.extensions.find((record) => record.displayName === 'Loyalty check');
		t.like(made, {
			kind: 'onAttributeCollectionSubmitCustomExtension',
			targetUrl: 'https://loyalty.contoso.example/check',
			clientConfiguration: { timeoutInMilliseconds: 1500, maximumRetries: 1 },
		});
	},
);

test.serial('a create the service refuses keeps the form as typed, with the reason in it', async (t) => {
	const app = await openExtensions(t, {
		emulator: { faults: 'F-S4:status=500:method=POST:path=customAuthenticationExtensions' },
	});
	await app.press('n');
	await app.type('Loyalty check');
	await app.press('tab');
	await app.press('tab');
	await app.type('https://loyalty.contoso.example/check');
	await app.press('tab');
	await app.type(`api://loyalty.contoso.example/${seed.apps.storefront}`);
	await app.press('enter');
	const frame = await app.waitFor(/Could not create the extension “Loyalty check” — /);
	t.regex(frame, /New custom authentication extension/);
	t.regex(frame, /Name +Loyalty check/);
	t.regex(frame, /Target URL +https:\/\/loyalty\.contoso\.example\/check/);
	t.false(app.emulator.tenant.extensions.some((record) => record.displayName === 'Loyalty check'));
});

test.serial('e changes an extension and sends only the fields that changed', async (t) => {
	const app = await openExtensions(t);
	await app.press('e');
	await app.waitFor('Change “Prefill sign-up details”');
	for (const _ of [1, 2, 3]) await app.press('tab');
	await clearAndType(app, '1500');
	await app.press('enter');
	await app.waitFor(/Saved “Prefill sign-up details”/);
	const patch = app.emulator.log.find((entry) => entry.method === 'PATCH');
	t.deepEqual(patch?.body, {
		'@odata.type': '#microsoft.graph.onAttributeCollectionStartCustomExtension',
		clientConfiguration: { timeoutInMilliseconds: 1500, maximumRetries: 1 },
	});
	t.regex(await app.waitFor(/Timeout +1500 ms/), /retries 1/);
});

test.serial(
	'd on an extension a flow runs is refused at once, naming the flows; nothing is sent',
	async (t) => {
		const app = await openExtensions(t);
		const before = app.emulator.log.length;
		await app.press('d');
		const frame = await app.waitFor(/Could not delete “Prefill sign-up details”: flows still run it/);
		t.regex(frame, new RegExp(`“${customers}”; detach it there first`));
		t.false(frame.includes('Are you sure?'));
		t.is(app.emulator.log.length, before);
		t.truthy(app.emulator.tenant.findExtension(prefill));
	},
);

test.serial('d deletes an extension no flow runs, after y', async (t) => {
	const app = await openExtensions(t, { setUp: (emulator) => emulator.tenant.extensions.push(unused) });
	await selectRow(app, 'Old checker');
	await app.press('d');
	await app.waitFor(/Delete the custom authentication extension “Old checker”[\s│]+\(0c1d2e3f/);
	await app.press('y');
	const frame = await app.waitFor(/Deleted the extension “Old checker”/);
	t.regex(frame, /of the tenant \(2\)/);
	t.falsy(app.emulator.tenant.findExtension(unused.id));
});

test.serial(
	'v validates the selected extension, ctrl+t the typed values: errors red, warnings yellow, each with its code',
	async (t) => {
		const level = chalk.level;
		chalk.level = 1;
		t.teardown(() => {
			chalk.level = level;
		});
		const app = await openExtensions(t, {
			theme: colorTheme,
			setUp: (emulator) =>
				emulator.tenant.extensions.push({
					...unused,
					// Another host than the target URL's, and an app not granted Receive.Payload.
					resourceId: `api://elsewhere.contoso.example/${seed.apps.storefront}`,
				}),
		});
		await selectRow(app, 'Old checker');
		await app.press('v');
		let frame = await app.waitFor(/Old checker: validation failed \(1 error\(s\), 1 warning\(s\)\)/);
		t.regex(frame, /error DomainNameDoesNotMatch: /);
		t.regex(frame, /warning PermissionNotGrantedToServicePrincipal: /);
		const raw = app.writes().at(-1) ?? '';
		t.regex(raw, /\u001B\[31merror DomainNameDoesNotMatch/);
		t.regex(raw, /\u001B\[33mwarning PermissionNotGrantedToServicePrincipal/);
		await app.press('n');
		await app.press('tab');
		await app.press('tab');
		await app.type('https://127.0.0.1:7071/api/check');
		await app.press('tab');
		await app.type('api://127.0.0.1/not-an-app');
		await app.press('ctrl+t');
		frame = await app.waitFor(/The typed target URL and resource id: validation failed/);
		t.regex(frame, /error IncorrectResourceIdFormat: /);
		t.false(app.emulator.log.some((entry) => entry.method === 'POST' && !entry.path.includes('validate')));
	},
);

test.serial('a hostile name from Graph reaches the list and the form sanitized', async (t) => {
	const app = await openExtensions(t, {
		setUp: (emulator) =>
			emulator.tenant.extensions.push({
				...unused,
				displayName: 'Evil\u001B]52;c;aGk=\u0007 \u001B[2Jcheck',
				description: 'up\u001B[1A',
			}),
	});
	await selectRow(app, 'Evil');
	await app.press('e');
	await app.waitFor(/Change “Evil/);
	t.false(app.writes().some((write) => /\u001B\]52|\u001B\[2J|\u001B\[1A/.test(write)));
});
