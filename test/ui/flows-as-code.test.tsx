// The keyboard app's flows as code: x export, c clone, the Apply file screen and the tenant switcher, against
// real emulators over loopback.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { staticTokenProvider } from '../../source/auth/token-provider.js';
import { addFlowAttribute } from '../../source/graph/flow-attributes.js';
import { createGraphClient } from '../../source/graph/graph-client.js';
import type { AppDeps, TenantSwitch } from '../../source/store/index.js';
import { addSeedExtensions, emulatorFor, seed } from '../helpers/emulator.js';
import { type RenderedApp, renderApp } from '../helpers/ui-render.js';
import { fakeSession } from '../helpers/ui-session.js';

const { customers, events } = seed.flows;
const flat = (frame: string) => frame.replace(/\s+/g, ' ');
const folder = () => mkdtempSync(join(tmpdir(), 'entra-flows-ui-code-'));

/** The first row is the customers flow; this moves the cursor to the one named. */
async function select(app: RenderedApp, name: string) {
	await app.waitFor(name);
	for (let step = 0; step < 6 && !new RegExp(`❯[^\\n]*${name.slice(0, 20)}`).test(app.frame()); step++)
		await app.press('down');
}

async function clear(app: RenderedApp, count: number) {
	for (let step = 0; step < count; step++) await app.press('backspace');
}

test.serial(
	'x exports a flow to a file in the current folder, says where, and never overwrites unasked',
	async (t) => {
		const cwd = folder();
		const app = await renderApp(t, { deps: { cwd } });
		await select(app, 'Events registration');
		await app.press('x');
		let frame = await app.waitFor('Export “Events registration” to a file');
		t.regex(frame, /› events-registration\.yaml/);
		await app.press('enter');
		const file = join(cwd, 'events-registration.yaml');
		frame = await app.waitFor('Exported “Events registration”');
		t.regex(flat(frame), new RegExp(`to ${file.replace(/[/.]/g, '\\$&').slice(0, 30)}`));
		const text = readFileSync(file, 'utf8');
		t.regex(text, /^# yaml-language-server: \$schema=/);
		t.regex(text, /name: Events registration/);
		t.notRegex(text, new RegExp(events.id), 'no flow id in the file');

		// Again: the file exists, so it asks; n keeps it and goes back to the path as typed.
		writeFileSync(file, 'kept\n');
		await app.press('x');
		await app.waitFor('Export “Events registration”');
		await app.press('enter');
		frame = await app.waitFor('Overwrite it?');
		await app.press('n');
		frame = await app.waitFor((current) => !current.includes('Overwrite it?'));
		t.regex(frame, /› events-registration\.yaml/);
		t.is(readFileSync(file, 'utf8'), 'kept\n', 'n wrote nothing');
		await app.press('enter');
		await app.waitFor('Overwrite it?');
		await app.press('y');
		await app.waitFor('Exported “Events registration”');
		t.regex(readFileSync(file, 'utf8'), /name: Events registration/);

		// A folder that does not exist: said, and the path stays as typed.
		await app.press('x');
		await app.waitFor('Export “Events registration”');
		await clear(app, 'events-registration.yaml'.length);
		await app.type('nowhere/e.json');
		await app.press('enter');
		frame = await app.waitFor('does not exist');
		t.regex(frame, /› nowhere\/e\.json/);
		t.false(existsSync(join(cwd, 'nowhere')));
		mkdirSync(join(cwd, 'nowhere'));
		await app.press('enter');
		await app.waitFor('Exported “Events registration”');
		t.regex(readFileSync(join(cwd, 'nowhere', 'e.json'), 'utf8'), /"\$schema"/);
	},
);

test.serial(
	'c clones a flow: a taken name is refused with the name kept as typed, then the copy opens',
	async (t) => {
		const app = await renderApp(t);
		await app.waitFor(customers.name.slice(0, 30));
		await app.press('c');
		let frame = await app.waitFor('Clone “Contoso customers');
		t.regex(frame, /› Copy of Contoso customers/);
		await clear(app, `Copy of ${customers.name}`.length);
		await app.type('events REGISTRATION');
		const writes = () => app.emulator.log.filter((entry) => entry.method !== 'GET').length;
		const before = writes();
		await app.press('enter');
		frame = await app.waitFor('already exists');
		t.regex(frame, /› events REGISTRATION/, 'the name stays as typed');
		t.is(writes(), before, 'nothing was sent');
		await clear(app, 'REGISTRATION'.length);
		await app.type('copy');
		await app.press('enter');
		frame = await app.waitFor('Cloned “Contoso customers sign-up and sign-in” as “events copy”');
		t.regex(frame, /events copy/);
		t.regex(frame, /Sections/, 'the copy is open');
		const copy = app.emulator.tenant.flows.find((flow) => flow.displayName === 'events copy');
		const source = app.emulator.tenant.flows.find((flow) => flow.id === customers.id);
		t.deepEqual(copy?.providerIds, source?.providerIds);
		t.deepEqual(copy?.attributeCollection?.attributeIds, source?.attributeCollection?.attributeIds);
	},
);

/** A second tenant (fabrikam) offered beside the first, with its own fake sign-in that must be approved. */
async function twoTenants(t: ExecutionContext, faults?: string) {
	const fabrikam = await emulatorFor(t, { seed: 'fabrikam', ...(faults ? { faults } : {}) });
	addSeedExtensions(fabrikam);
	const session = fakeSession(null);
	const graph = createGraphClient({
		baseUrl: fabrikam.graphUrl,
		tokenProvider: staticTokenProvider('test-token'),
		userAgent: 'test',
	});
	const choices = [
		{ profile: 'contoso', label: 'Contoso Customers' },
		{ profile: 'fabrikam', label: 'Fabrikam Customers' },
	];
	let first: AppDeps | undefined;
	const tenants: TenantSwitch = {
		choices,
		async switchTo(profile) {
			if (profile === 'fabrikam')
				return { graph, session, configured: true, noColor: true, tenants, tenant: choices[1] };
			return first as AppDeps;
		},
	};
	return { fabrikam, session, tenants, setFirst: (deps: AppDeps) => (first = deps), choices };
}

test.serial(
	'export in one tenant, @ switches (its own sign-in), Apply file plans with markers and applies step by step',
	async (t) => {
		const cwd = folder();
		const other = await twoTenants(t);
		const app = await renderApp(t, { deps: { cwd, tenants: other.tenants, tenant: other.choices[0] } });
		other.setFirst(app.store.deps());
		let frame = await app.waitFor(events.name);
		t.regex(frame, /@contoso · admin@contoso\.test/, 'the header names the profile in use');
		await select(app, 'Events registration');
		await app.press('x');
		await app.waitFor('Export “Events registration”');
		await app.press('enter');
		await app.waitFor('Exported “Events registration”');

		await app.press('@');
		frame = await app.waitFor('Switch tenant');
		t.regex(frame, /❯ @contoso Contoso Customers \(in use\)/);
		await app.press('down');
		await app.press('enter');
		// The other profile has no sign-in yet: its own device code shows.
		frame = await app.waitFor('C O D E 1');
		t.is(other.session.signIns, 1);
		other.session.approve({ account: 'admin@fabrikam.test', tenant: 'fabrikam.test', mode: 'device-code' });
		frame = await app.waitFor('No user flows yet');
		t.regex(frame, /@fabrikam · admin@fabrikam\.test/);

		await app.press('A');
		frame = await app.waitFor('Apply flow files to @fabrikam');
		t.regex(flat(frame), /events-registration\.yaml/, 'the last export is offered');
		await app.press('enter');
		frame = await app.waitFor('Press y to apply');
		t.regex(frame, /Flow "Events registration" \(new\)/);
		t.regex(frame, /\+ {3}create the flow: sign-up on/);
		t.is(other.fabrikam.tenant.flows.length, 0, 'planning sent nothing');
		await app.press('y');
		frame = await app.waitFor('Applied');
		t.regex(frame, /✓ done {5}"Events registration": create the flow/);
		const made = other.fabrikam.tenant.flows.find((flow) => flow.displayName === 'Events registration');
		t.truthy(made, 'the flow is in the other tenant');
		await app.press('esc');
		await app.waitFor('Events registration');

		// A second apply of the same file: no changes, nothing to send.
		await app.press('A');
		await app.waitFor('Apply flow files');
		await app.press('ctrl+r');
		frame = await app.waitFor('No changes: @fabrikam is as the files say.');
		const writes = other.fabrikam.log.filter((entry) => entry.method !== 'GET').length;
		await app.press('y');
		frame = await app.waitFor('Nothing to apply');
		t.is(other.fabrikam.log.filter((entry) => entry.method !== 'GET').length, writes);
	},
);

test.serial(
	'a failed step leaves the report on screen: what was done, the failed step and its cause, what was not',
	async (t) => {
		const cwd = folder();
		const other = await twoTenants(
			t,
			'F-S1:retry-after=0:times=4:method=POST:path=authenticationEventsFlows',
		);
		other.session.cached = { account: 'admin@fabrikam.test', tenant: 'fabrikam.test', mode: 'device-code' };
		const app = await renderApp(t, { deps: { cwd, tenants: other.tenants, tenant: other.choices[0] } });
		other.setFirst(app.store.deps());
		// The customers flow needs a custom attribute: the first step goes through, the create fails.
		await app.waitFor(customers.name.slice(0, 30));
		await app.press('x');
		await app.waitFor('Export “Contoso customers');
		await app.press('enter');
		await app.waitFor('Exported');
		await app.press('@');
		await app.waitFor('Switch tenant');
		await app.press('down');
		await app.press('enter');
		await app.waitFor('No user flows yet');
		t.is(other.session.signIns, 0, 'a cached sign-in of that profile is used silently');
		await app.press('A');
		await app.waitFor('Apply flow files to @fabrikam');
		await app.press('enter');
		await app.waitFor('Press y to apply');
		await app.press('y');
		const frame = flat(await app.waitFor('Stopped at step'));
		t.regex(frame, /✓ done custom attribute Favoritecolor \(string\)/);
		t.regex(frame, /✓ done custom attribute Newsletter \(boolean\)/);
		t.regex(frame, /✗ failed "Contoso customers sign-up and sign-in": create the flow/);
		// The flow's two extensions follow its create: not done either.
		t.regex(frame, /· not done "Contoso customers sign-up and sign-in": start extension/);
		t.regex(frame, /! Stopped at step 3 of 5: done 2, failed 1, not done 2\./);
		t.regex(frame, /Cause: POST \/identity\/authenticationEventsFlows: 503 serviceNotAvailable/);
		t.regex(frame, /The apply stopped; the report is on screen\./);
		t.is(other.fabrikam.tenant.flows.length, 0);
		// Fixed, planned again: only what is left.
		other.fabrikam.setFaults('');
		await app.press('ctrl+r');
		const again = flat(await app.waitFor('Press y to apply'));
		t.notRegex(again, /custom attribute/, 'the attributes made are not made again');
		t.regex(again, /\+ start extension: "Prefill sign-up details"/);
		t.regex(again, /3 step\(s\)/);
		await app.press('y');
		await app.waitFor('Applied 3 step(s)');
		t.is(other.fabrikam.tenant.flows.filter((flow) => flow.displayName === customers.name).length, 1);
	},
);

test.serial('bad files are named with file, line and field, and nothing is read or sent', async (t) => {
	const cwd = folder();
	writeFileSync(join(cwd, 'bad.yaml'), 'kind: userFlow\nname: x\nsignUp: maybe\n');
	const app = await renderApp(t, { deps: { cwd } });
	await app.waitFor(events.name);
	await app.press('A');
	await app.waitFor('Apply flow files to this tenant');
	await clear(app, `${cwd}/`.length);
	await app.type('bad.yaml');
	const reads = app.emulator.log.length;
	await app.press('enter');
	const frame = flat(await app.waitFor('nothing was sent'));
	t.regex(frame, /bad\.yaml:\d+: /);
	t.is(app.emulator.log.length, reads);
});

test.serial(
	'tab completes the path from the folder: a unique match whole, several to what they share, with the choices',
	async (t) => {
		const cwd = folder();
		mkdirSync(join(cwd, 'flows'));
		writeFileSync(join(cwd, 'flows', 'shop-sign-in.yaml'), '');
		writeFileSync(join(cwd, 'flows', 'shop-sign-up.yaml'), '');
		writeFileSync(join(cwd, 'flows', 'notes.txt'), '');
		const app = await renderApp(t, { deps: { cwd } });
		await app.waitFor(events.name);
		await app.press('A');
		await app.waitFor('Apply flow files');
		await clear(app, `${cwd}/`.length);
		await app.type('fl');
		await app.press('tab');
		let frame = await app.waitFor('› flows/');
		await app.press('tab');
		frame = await app.waitFor('shop-sign-in.yaml  shop-sign-up.yaml');
		t.regex(frame, /› flows\/shop-sign-/, 'completed as far as both agree');
		t.notRegex(frame, /notes\.txt/, 'only flow files and folders are offered');
		await app.type('u');
		await app.press('tab');
		frame = await app.waitFor('› flows/shop-sign-up.yaml');
		t.notRegex(frame, /shop-sign-in\.yaml {2}/, 'the choices go once it is unique');
	},
);

test.serial(
	'a step stopped half way is reported exactly: which of its calls were made and which not',
	async (t) => {
		const cwd = folder();
		const app = await renderApp(t, {
			deps: { cwd },
			emulator: { quirks: 'remove-attribute-keeps-input=true' },
		});
		await select(app, 'Events registration');
		await app.press('x');
		await app.waitFor('Export “Events registration”');
		await app.press('enter');
		await app.waitFor('Exported');
		// Since the export, the flow collects one more attribute: the file's plan removes it (two calls here).
		const client = createGraphClient({
			baseUrl: app.emulator.graphUrl,
			tokenProvider: staticTokenProvider('test-token'),
			userAgent: 'test',
		});
		await addFlowAttribute(client, events.id, 'jobTitle');
		app.emulator.setFaults('F-S4:times=20:method=PATCH:path=authenticationEventsFlows');
		await app.press('A');
		await app.waitFor('Apply flow files');
		await app.press('enter');
		let frame = flat(await app.waitFor('Press y to apply'));
		t.regex(frame, /- attribute jobTitle/);
		await app.press('y');
		frame = flat(await app.waitFor('Stopped at step'));
		t.regex(frame, /✗ failed "Events registration": attribute jobTitle \(partly done: /);
		t.regex(frame, /Of that step, done: removeAttribute; not done: removePageInput\./);
		const flow = app.emulator.tenant.requireFlow(events.id);
		t.false(flow.attributeCollection?.attributeIds.includes('jobTitle'), 'the first call was made');
	},
);

test.serial(
	'the plan screen shows a changed and a detached extension, says detaching is undocumented, and reports the refusal',
	async (t) => {
		const cwd = folder();
		const app = await renderApp(t, { deps: { cwd } });
		app.emulator.tenant.extensions.push({
			id: '5b8e2c14-7a3f-4d61-9e05-c2a7f1b3d948',
			kind: 'onAttributeCollectionStartCustomExtension',
			displayName: 'Prefill loyalty',
			description: null,
			targetUrl: 'https://loyalty.contoso.com/api/start',
			resourceId: `api://loyalty.contoso.com/${seed.apps.loyaltyApi}`,
			clientConfiguration: null,
			behaviorOnError: null,
			claimsForTokenConfiguration: null,
		});
		await app.waitFor(customers.name.slice(0, 30));
		await app.press('x');
		await app.waitFor('Export “Contoso customers');
		await app.press('enter');
		await app.waitFor('Exported');
		const file = join(cwd, 'contoso-customers-sign-up-and-sign-in.yaml');
		writeFileSync(
			file,
			readFileSync(file, 'utf8')
				.replace(
					'attributeCollectionStart: Prefill sign-up details',
					'attributeCollectionStart: Prefill loyalty',
				)
				.replace(/ {2}attributeCollectionSubmit: .*\n/, ''),
		);
		await app.press('A');
		await app.waitFor('Apply flow files to this tenant');
		await app.press('enter');
		const frame = flat(await app.waitFor('Press y to apply'));
		t.regex(frame, /~ start extension: "Prefill sign-up details" → "Prefill loyalty"/);
		t.regex(frame, /- submit extension: "Check sign-up details"/);
		t.regex(frame, /not documented by Microsoft: y tries DELETE \$ref, then PATCH null/);
		t.regex(frame, /2 step\(s\)/);
		await app.press('y');
		const report = flat(await app.waitFor('Stopped at step'));
		t.regex(report, /✓ done "Contoso customers sign-up and sign-in": start extension/);
		t.regex(report, /! Stopped at step 2 of 2: done 1, failed 1, not done 0\./);
		t.regex(
			report,
			/Cause: the service refused every way of detaching \(delete-ref: HTTP 405, patch-null: HTTP 400\)/,
		);
		const flow = app.emulator.tenant.requireFlow(customers.id);
		t.is(flow.onAttributeCollectionStart?.customExtensionId, '5b8e2c14-7a3f-4d61-9e05-c2a7f1b3d948');
		t.is(flow.onAttributeCollectionSubmit?.customExtensionId, seed.extensions.check);
	},
);
