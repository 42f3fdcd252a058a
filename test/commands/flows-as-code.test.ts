import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import type { RunningEmulator } from '../../source/emulator/server.js';
import { freshDirs, json, runCommand } from '../helpers/cli.js';
import { addSeedExtensions, emulatorFor, seed } from '../helpers/emulator.js';

const folder = () => mkdtempSync(join(tmpdir(), 'entra-flows-files-'));
const writes = (emulator: RunningEmulator) => emulator.log.filter((entry) => entry.method !== 'GET');
const read = (dir: string) =>
	Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

/** The default seed exported, applied to a fabrikam emulator that has extensions of the same names. */
async function exported(t: Parameters<typeof emulatorFor>[0]) {
	const source = await emulatorFor(t);
	const target = await emulatorFor(t, { seed: 'fabrikam' });
	addSeedExtensions(target);
	const dir = folder();
	const run = await runCommand(source.graphUrl, ['export', '--all', '--out', dir]);
	t.is(run.code, 0, run.stderr);
	return { source, target, dir };
}

test('export, apply to another tenant and export again gives the same files but for the appIds', async (t) => {
	const { source, target, dir } = await exported(t);
	const applied = await runCommand(target.graphUrl, ['apply', dir, '--yes']);
	t.is(applied.code, 0, applied.stderr);
	const again = folder();
	t.is((await runCommand(target.graphUrl, ['export', '--all', '--out', again])).code, 0);
	const appIds = new Map(
		source.tenant.applications.map((app) => [
			app.appId,
			target.tenant.applications.find((other) => other.displayName === app.displayName)?.appId ?? '?',
		]),
	);
	const before = read(dir);
	const after = read(again);
	t.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
	for (const [name, text] of Object.entries(before)) {
		const expected = text.replace(/appId: (\S+)/g, (_, appId: string) => `appId: ${appIds.get(appId)}`);
		t.is(after[name], expected, name);
	}
	// Custom attributes were created with the target tenant's own ids.
	t.true(
		target.tenant.attributes.some(
			(attribute) => attribute.id === 'extension_c7a1e5d32f494b8ea6d095f3b7c1e2a4_Favoritecolor',
		),
	);
	t.is(target.tenant.flows.length, 4);
});

test('a second apply reads the tenant and sends no write', async (t) => {
	const { target, dir } = await exported(t);
	t.is((await runCommand(target.graphUrl, ['apply', dir, '--yes'])).code, 0);
	target.clearLog();
	const second = await runCommand(target.graphUrl, ['apply', dir, '--yes']);
	t.is(second.code, 0, second.stderr);
	t.regex(second.stdout, /No changes: the tenant is as the files say/);
	t.deepEqual(writes(target), []);
	// One read per kind of thing (flows, providers, attributes, applications, custom extensions), then the two
	// extension handlers of each of the four flows: the flow's answer never expands which extension it runs.
	t.is(target.log.length, 5 + 2 * 4);
	t.is(target.log.filter((entry) => /\/customExtension$/.test(entry.path)).length, 2 * 4);
});

test('one label changed in a file plans exactly that change and applies it with one PATCH', async (t) => {
	const { source, dir } = await exported(t);
	const file = join(dir, 'events-registration.yaml');
	writeFileSync(file, readFileSync(file, 'utf8').replace('label: Given Name', 'label: First name'));
	source.clearLog();
	const plan = await runCommand(source.graphUrl, ['plan', dir, '--json']);
	t.is(plan.code, 0, plan.stderr);
	const { steps } = json<{ steps: { kind: string; flow: string; diff: { changed: unknown[] } }[] }>(plan);
	t.is(steps.length, 1);
	t.is(steps[0]?.kind, 'saveLayout');
	t.deepEqual(steps[0]?.diff.changed, [
		{ attribute: 'givenName', field: 'label', before: 'Given Name', after: 'First name' },
	]);
	const human = await runCommand(source.graphUrl, ['plan', dir]);
	t.regex(human.stdout, /changed {2}givenName label: "Given Name" → "First name"/);
	source.clearLog();
	t.is((await runCommand(source.graphUrl, ['apply', dir, '--yes'])).code, 0);
	t.deepEqual(
		writes(source).map((entry) => `${entry.method} ${entry.path}`),
		[`PATCH /v1.0/identity/authenticationEventsFlows/${seed.flows.events.id}`],
	);
	const events = source.tenant.findFlow(seed.flows.events.id);
	t.is(
		events?.attributeCollection?.views[0]?.inputs.find((input) => input.attribute === 'givenName')?.label,
		'First name',
	);
});

test('--prune deletes only the flows the files lack, after confirmation', async (t) => {
	const { source, dir } = await exported(t);
	const { rmSync } = await import('node:fs');
	rmSync(join(dir, 'events-registration.yaml'));
	const declined = await runCommand(source.graphUrl, ['apply', dir, '--prune'], { answers: ['no'] });
	t.is(declined.code, 1);
	t.regex(declined.stdout, /Flow "Events registration" \(only in the tenant\)\n {2}- delete the flow/);
	t.regex(declined.stderr, /deleting 1 flow\(s\)\? Type yes/);
	t.is(source.tenant.flows.length, 4);
	source.clearLog();
	const confirmed = await runCommand(source.graphUrl, ['apply', dir, '--prune'], { answers: ['yes'] });
	t.is(confirmed.code, 0, confirmed.stderr);
	t.deepEqual(
		writes(source).map((entry) => `${entry.method} ${entry.path}`),
		[`DELETE /v1.0/identity/authenticationEventsFlows/${seed.flows.events.id}`],
	);
	t.deepEqual(
		source.tenant.flows.map((flow) => flow.displayName).sort(),
		[seed.flows.customers.name, seed.flows.partners.name, seed.flows.support.name].sort(),
	);
});

test('without a terminal apply needs --yes and sends nothing', async (t) => {
	const { target, dir } = await exported(t);
	target.clearLog();
	const run = await runCommand(target.graphUrl, ['apply', dir]);
	t.is(run.code, 2);
	t.regex(run.stderr, /add --yes/);
	t.deepEqual(writes(target), []);
});

test('--dry-run prints every write with its curl, az rest and PowerShell lines and sends none', async (t) => {
	const { target, dir } = await exported(t);
	target.clearLog();
	const run = await runCommand(target.graphUrl, ['apply', dir, '--dry-run']);
	t.is(run.code, 0, run.stderr);
	t.deepEqual(writes(target), []);
	// Six writes make the flows and the attribute; two more attach the customers flow's extensions.
	t.regex(run.stdout, /Dry run: nothing was changed\. 8 writes would be sent/);
	t.regex(run.stdout, /PUT \S+\/new-flow-1\/\S+\/onAttributeCollectionStart\/\S+\/customExtension\/\$ref/);
	t.regex(run.stdout, /POST http:\/\/127\.0\.0\.1:\d+\/v1\.0\/identity\/userFlowAttributes/);
	// The new attribute's id is foretold from the target's b2c-extensions-app.
	t.regex(run.stdout, /"attribute": "extension_c7a1e5d32f494b8ea6d095f3b7c1e2a4_Favoritecolor"/);
	t.regex(run.stdout, /curl -X POST/);
	t.regex(run.stdout, /az rest --method post/);
	t.regex(run.stdout, /Invoke-MgGraphRequest -Method POST/);
});

test('a flow file changed in several ways plans fields, providers, attributes, layout and apps in that order', async (t) => {
	const { source, dir } = await exported(t);
	const file = join(dir, 'support-desk-email-one-time-passcode.yaml');
	const text = readFileSync(file, 'utf8')
		.replace('signUp: true', 'signUp: false\ndescription: Help desk')
		.replace('  - EmailOtpSignup-OAUTH', '  - EmailPassword-OAUTH')
		.replace(
			/ {2}- attribute: jobTitle[\s\S]*?(?=applications:)/,
			'  - attribute: country\n    label: Country\n    inputType: text\n',
		)
		.replace(
			/applications:[\s\S]*$/,
			'applications:\n  - displayName: Contoso Events\n    appId: 6661194d-10ad-4f9d-86d1-1f20c13b8797\n',
		);
	writeFileSync(file, text);
	const plan = await runCommand(source.graphUrl, ['plan', dir, '--json']);
	t.is(plan.code, 0, plan.stderr);
	const kinds = json<{ steps: { kind: string }[] }>(plan).steps.map((step) => step.kind);
	t.deepEqual(kinds, [
		'updateFlow',
		'addProvider',
		'removeProvider',
		'addAttribute',
		'removeAttribute',
		'saveLayout',
		'linkApp',
		'unlinkApp',
	]);
	t.is((await runCommand(source.graphUrl, ['apply', dir, '--yes'])).code, 0);
	source.clearLog();
	const again = await runCommand(source.graphUrl, ['plan', dir]);
	t.regex(again.stdout, /No changes/);
	const support = source.tenant.findFlow(seed.flows.support.id);
	t.deepEqual(support?.providerIds, ['EmailPassword-OAUTH']);
	t.deepEqual(support?.appIds, [seed.apps.events]);
	t.is(support?.isSignUpAllowed, false);
});

test('an app another flow uses moves in one apply: unlinked there, linked here', async (t) => {
	const { source, dir } = await exported(t);
	const partner = join(dir, 'partner-portal-sign-in-only.yaml');
	const events = join(dir, 'events-registration.yaml');
	const portal = readFileSync(partner, 'utf8').match(/applications:\n[\s\S]*$/)?.[0] ?? '';
	writeFileSync(partner, readFileSync(partner, 'utf8').replace(portal, 'applications: []\n'));
	writeFileSync(events, readFileSync(events, 'utf8').replace('applications: []\n', portal));
	const plan = await runCommand(source.graphUrl, ['plan', dir]);
	t.regex(
		plan.stdout,
		/> app Contoso Partner Portal \(3c422c4b-2683-4e71-b006-34093e42a366\): moves here from "Partner portal sign-in only"/,
	);
	t.notRegex(plan.stdout, /- app Contoso Partner Portal/);
	t.is((await runCommand(source.graphUrl, ['apply', dir, '--yes'])).code, 0);
	t.deepEqual(source.tenant.findFlow(seed.flows.events.id)?.appIds, [seed.apps.partnerPortal]);
	t.deepEqual(source.tenant.findFlow(seed.flows.partners.id)?.appIds, []);
});

test('flows clone copies a flow inside the tenant without its apps', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await runCommand(emulator.graphUrl, [
		'flows',
		'clone',
		seed.flows.customers.name,
		'--name',
		'Customers copy',
	]);
	t.is(run.code, 0, run.stderr);
	const copy = emulator.tenant.flowNamed('Customers copy');
	const original = emulator.tenant.findFlow(seed.flows.customers.id);
	t.deepEqual(copy?.providerIds, original?.providerIds);
	t.deepEqual(copy?.attributeCollection?.views, original?.attributeCollection?.views);
	t.deepEqual(copy?.appIds, []);
	t.regex(run.stdout, /Cloned "Contoso customers sign-up and sign-in" as "Customers copy" \([0-9a-f-]{36}\)/);
	const taken = await runCommand(emulator.graphUrl, [
		'flows',
		'clone',
		seed.flows.customers.name,
		'--name',
		'events REGISTRATION',
	]);
	t.is(taken.code, 1);
	t.regex(taken.stderr, /already exists/);
});

test('export of one flow to stdout brings the custom attributes it needs, and JSON with --format json', async (t) => {
	const emulator = await emulatorFor(t);
	const yaml = await runCommand(emulator.graphUrl, ['export', seed.flows.customers.name]);
	t.is(yaml.code, 0, yaml.stderr);
	t.regex(yaml.stdout, /^# yaml-language-server: \$schema=entra-flows\.schema\.json\nkind: userFlow\n/);
	t.regex(
		yaml.stdout,
		/customAttributes:\n {2}- name: Favoritecolor\n {4}displayName: Favorite color\n {4}dataType: string/,
	);
	const asJson = await runCommand(emulator.graphUrl, [
		'export',
		seed.flows.customers.name,
		'--format',
		'json',
	]);
	const document = JSON.parse(asJson.stdout) as Record<string, unknown>;
	t.is(document.$schema, 'entra-flows.schema.json');
	t.is(document.kind, 'userFlow');
	t.notRegex(asJson.stdout, /6ea3bc85|289f0177|9188040d/, 'no custom attribute, flow or tenant id');
	const schema = await runCommand(emulator.graphUrl, ['schema']);
	t.is((JSON.parse(schema.stdout) as { title: string }).title, 'entra-flows flow file');
});

test('bad files are refused with file, line and field before anything is sent, exit 2', async (t) => {
	const { target, dir } = await exported(t);
	const file = join(dir, 'events-registration.yaml');
	writeFileSync(file, readFileSync(file, 'utf8').replace('signUp: true', 'signUp: maybe'));
	target.clearLog();
	const run = await runCommand(target.graphUrl, ['apply', dir, '--yes']);
	t.is(run.code, 2);
	t.regex(
		run.stderr,
		/The flow files have 1 problem; nothing was sent:\n {2}.*events-registration\.yaml:5: signUp: must be true or false \(without quotes\), not string "maybe"/,
	);
	t.deepEqual(target.log, [], 'not even a read');
	const asJson = await runCommand(target.graphUrl, ['plan', dir, '--json']);
	t.is(asJson.code, 2);
	t.is((JSON.parse(asJson.stderr) as { error: { code: string } }).error.code, 'FlowFileError');
});

test('what the tenant lacks (a provider, an app, a data type) is named with file and line, and nothing is sent', async (t) => {
	const { target, dir } = await exported(t);
	target.tenant.providers.splice(
		target.tenant.providers.findIndex((provider) => provider.id === 'Google-OAUTH'),
		1,
	);
	target.tenant.applications.splice(
		target.tenant.applications.findIndex((app) => app.displayName === 'Contoso Mobile'),
		1,
	);
	target.tenant.attributes.push({
		id: 'extension_c7a1e5d32f494b8ea6d095f3b7c1e2a4_Newsletter',
		displayName: 'Newsletter',
		description: null,
		userFlowAttributeType: 'custom',
		dataType: 'string',
	});
	target.clearLog();
	const run = await runCommand(target.graphUrl, ['apply', dir, '--yes']);
	t.is(run.code, 1);
	const customers = join(dir, 'contoso-customers-sign-up-and-sign-in.yaml');
	t.regex(run.stderr, /cannot be made as the files say \(3 problem\(s\)\); nothing was sent/);
	t.regex(
		run.stderr,
		/custom attribute Newsletter: the custom attribute Newsletter is string there, not boolean/,
	);
	t.true(
		run.stderr.includes(
			`${customers}:9: identityProviders[1]: the tenant has no identity provider Google-OAUTH`,
		),
	);
	t.true(
		run.stderr.includes(
			`${customers}:71: applications[1]: no application of the tenant matches "Contoso Mobile": no appId 0f2e3b41-d462-4db5-b461-a2249330900f and no app of exactly that name`,
		),
	);
	t.deepEqual(writes(target), []);
});

test('extensions across two tenants: named in the files, missing ones refused with the fix, created, applied, no differences', async (t) => {
	const env = freshDirs();
	const dev = await emulatorFor(t);
	const prod = await emulatorFor(t, { seed: 'fabrikam' });
	const unused = 'http://127.0.0.1:1/v1.0';
	for (const [name, emulator] of [
		['dev', dev],
		['prod', prod],
	] as const)
		await runCommand(
			unused,
			['profiles', 'add', name, '--tenant', `${name}.example`, '--graph-url', emulator.graphUrl],
			{
				env,
			},
		);
	const dir = folder();
	t.is((await runCommand(dev.graphUrl, ['export', '--all', '--out', dir])).code, 0);
	const customers = join(dir, 'contoso-customers-sign-up-and-sign-in.yaml');
	t.regex(
		readFileSync(customers, 'utf8'),
		/extensions:\n {2}attributeCollectionStart: Prefill sign-up details\n {2}attributeCollectionSubmit: Check sign-up details\n/,
	);

	// prod has neither: named with file and line and the command that makes one, and nothing is sent.
	prod.clearLog();
	const refused = await runCommand(prod.graphUrl, ['apply', dir, '--yes']);
	t.is(refused.code, 1);
	t.true(
		refused.stderr.includes(
			`${customers}:74: extensions.attributeCollectionStart: the tenant has no attribute collection start extension named "Prefill sign-up details"; create it there first (\`entra-flows extensions create --event start --name "Prefill sign-up details"`,
		),
		refused.stderr,
	);
	t.deepEqual(writes(prod), []);
	const loyaltyApi = prod.tenant.applications.find((app) => app.displayName === 'Contoso Loyalty API')?.appId;
	for (const [event, name] of [
		['start', 'Prefill sign-up details'],
		['submit', 'Check sign-up details'],
	] as const) {
		const made = await runCommand(prod.graphUrl, [
			'extensions',
			'create',
			'--event',
			event,
			'--name',
			name,
			'--url',
			`https://127.0.0.1:7071/api/attribute-collection-${event}`,
			'--resource',
			`api://127.0.0.1/${loyaltyApi}`,
		]);
		t.is(made.code, 0, made.stderr);
	}

	// Edited: the customers flow keeps only its start extension, events registration runs the submit one.
	writeFileSync(
		customers,
		readFileSync(customers, 'utf8').replace(/ {2}attributeCollectionSubmit: .*\n/, ''),
	);
	const events = join(dir, 'events-registration.yaml');
	writeFileSync(
		events,
		`${readFileSync(events, 'utf8')}extensions:\n  attributeCollectionSubmit: check SIGN-UP details\n`,
	);
	const plan = await runCommand(prod.graphUrl, ['plan', dir]);
	t.is(plan.code, 0, plan.stderr);
	t.regex(
		plan.stdout,
		/Flow "Contoso customers sign-up and sign-in" \(new\)\n(?: {2}.*\n)*? {2}\+ start extension: "Prefill sign-up details"\n/,
	);
	t.regex(
		plan.stdout,
		/Flow "Events registration" \(new\)\n(?: {2}.*\n)*? {2}\+ submit extension: "Check sign-up details"\n/,
	);
	const applied = await runCommand(prod.graphUrl, ['apply', dir, '--yes']);
	t.is(applied.code, 0, applied.stderr);
	const idOf = (name: string) =>
		prod.tenant.extensions.find((extension) => extension.displayName === name)?.id;
	t.is(
		prod.tenant.flowNamed(seed.flows.customers.name)?.onAttributeCollectionStart?.customExtensionId,
		idOf('Prefill sign-up details'),
	);
	t.falsy(prod.tenant.flowNamed(seed.flows.customers.name)?.onAttributeCollectionSubmit?.customExtensionId);
	t.is(
		prod.tenant.flowNamed(seed.flows.events.name)?.onAttributeCollectionSubmit?.customExtensionId,
		idOf('Check sign-up details'),
	);

	const clean = await runCommand(unused, ['diff', '@prod', dir], { env });
	t.regex(clean.stdout, /^No differences/, clean.stdout);
	const tenants = await runCommand(unused, ['diff', '@prod', '@dev'], { env });
	t.regex(
		tenants.stdout,
		/Flow "Contoso customers sign-up and sign-in"\n {2}\+ submit extension: "Check sign-up details"\n/,
	);
	t.regex(
		tenants.stdout,
		/Flow "Events registration"\n {2}- submit extension: "Check sign-up details"\n {4}\(Microsoft documents no way to detach/,
	);
});

test('a write failing midway among extension steps is reported step by step; the next apply does only what is left', async (t) => {
	const { target, dir } = await exported(t);
	target.setFaults('F-S4:status=500:times=20:method=PUT:path=onAttributeCollectionSubmit');
	const run = await runCommand(target.graphUrl, ['apply', dir, '--yes']);
	t.is(run.code, 1);
	t.regex(run.stderr, /Stopped at step 5 of 8\. Done 4, not done 4:/);
	t.regex(
		run.stderr,
		/✓ "Contoso customers sign-up and sign-in": start extension: "Prefill sign-up details"\n/,
	);
	t.regex(
		run.stderr,
		/✗ "Contoso customers sign-up and sign-in": submit extension: "Check sign-up details" \(failed\)\n {4}cause: PUT \/identity\/authenticationEventsFlows\/[0-9a-f-]{36}\/\S+\/onAttributeCollectionSubmit\/\S+\/customExtension\/\$ref: 500/,
	);
	t.regex(run.stderr, /· "Events registration": create the flow.*\(not done\)/);
	target.setFaults('');
	target.clearLog();
	const again = await runCommand(target.graphUrl, ['apply', dir, '--yes']);
	t.is(again.code, 0, again.stderr);
	t.notRegex(again.stdout, /attribute collection start/, 'the start extension is not attached again');
	t.is(writes(target).filter((entry) => entry.method === 'PUT').length, 1);
	t.regex((await runCommand(target.graphUrl, ['plan', dir])).stdout, /No changes/);
});
