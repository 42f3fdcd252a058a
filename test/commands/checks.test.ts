import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

const writes = (log: readonly { method: string }[]) => log.filter((entry) => entry.method !== 'GET');

test('--json: every error is one {"error": …} object on stderr, usage ones too', async (t) => {
	const emulator = await emulatorFor(t);
	const unknown = await runCommand(emulator.graphUrl, ['flows', 'get', 'No such flow', '--json']);
	t.is(unknown.code, 1);
	t.is(unknown.stdout, '');
	const refused = JSON.parse(unknown.stderr) as { error: { kind: string; message: string; hint: string } };
	t.is(refused.error.kind, 'refused');
	t.regex(refused.error.message, /No user flow has the id or name "No such flow"/);
	t.regex(refused.error.hint, /flows list/);
	const usage = await runCommand(emulator.graphUrl, ['flows', 'list', '--json', '--bogus']);
	t.is(usage.code, 2);
	t.is((JSON.parse(usage.stderr) as { error: { kind: string } }).error.kind, 'usage');
});

test('a wrong number of words names what is missing or extra (an unquoted name most of all)', async (t) => {
	const emulator = await emulatorFor(t);
	const cases: [string[], RegExp][] = [
		[['flows', 'get'], /^entra-flows: Missing <flow>\. Usage: entra-flows flows get <flow>/],
		[['providers', 'add'], /Missing <flow> <provider>\./],
		[['apps', 'link', 'Events'], /Missing <app>\./],
		[
			['flows', 'get', 'Events', 'registration'],
			/Unexpected "registration": a name with spaces needs quotes, as in `entra-flows flows get "Events registration"`\./,
		],
		[
			['providers', 'add', 'Events', 'registration', 'Google-OAUTH'],
			/as in `entra-flows providers add "Events registration" Google-OAUTH`\./,
		],
		[
			['flows', 'create', '--name', 'Loyalty', 'members'],
			/Unexpected "members": a flag's value with spaces needs quotes, as in `--name "Two words"`\./,
		],
		[
			['tenant', 'attributes', 'update', 'Newsletter', '--description'],
			/--description needs a value, as in `--description TEXT`/,
		],
		[
			['tenant', 'attributes', 'rename'],
			/Unknown "rename": "tenant attributes" takes create, update, delete, or nothing\./,
		],
	];
	for (const [argv, says] of cases) {
		const run = await runCommand(emulator.graphUrl, argv);
		t.is(run.code, 2, argv.join(' '));
		t.regex(run.stderr, says);
	}
	t.deepEqual(emulator.log, [], 'nothing was sent');
});

test('a dry run checks what the service would: unknown provider, attribute, app, a taken name', async (t) => {
	const emulator = await emulatorFor(t);
	const events = seed.flows.events.id;
	const cases = [
		{
			argv: ['providers', 'add', events, 'Nope-OAUTH'],
			says: /Nope-OAUTH is not an identity provider of this tenant/,
		},
		{
			argv: ['attributes', 'add', events, 'favcolor'],
			says: /favcolor is not a user-flow attribute of this tenant/,
		},
		{
			argv: ['apps', 'link', events, '11111111-2222-3333-4444-555555555555'],
			says: /No application of this tenant has the appId 11111111/,
		},
		{ argv: ['flows', 'create', '--name', seed.flows.partners.name], says: /already exists/ },
		{ argv: ['flows', 'update', events, '--name', seed.flows.partners.name], says: /already exists/ },
	];
	for (const { argv, says } of cases) {
		const run = await runCommand(emulator.graphUrl, [...argv, '--dry-run']);
		t.is(run.code, 1, argv.join(' '));
		t.regex(run.stderr, says);
		t.is(run.stdout, '', 'no plan is printed for a write that would be refused');
	}
	t.deepEqual(writes(emulator.log), []);
});

test('an unquoted flow name that swallows the next word is said so, before any write', async (t) => {
	const emulator = await emulatorFor(t);
	for (const argv of [
		['apps', 'link', 'Events', 'registration'],
		['attributes', 'remove', 'Events', 'registration'],
	]) {
		const run = await runCommand(emulator.graphUrl, argv);
		t.is(run.code, 2, argv.join(' '));
		t.regex(run.stderr, /If "Events registration" is the flow's name, put it in quotes/);
	}
	// An app named with spaces, quoted, is not taken for half a flow name.
	const quoted = await runCommand(emulator.graphUrl, [
		'apps',
		'link',
		'Events registration',
		'Contoso Events',
	]);
	t.is(quoted.code, 0, quoted.stderr);
	t.deepEqual(writes(emulator.log).length, 1);
});

test('a provider the tenant lacks is named before anything is sent, with what it has and a near miss', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await runCommand(emulator.graphUrl, ['providers', 'add', seed.flows.events.id, 'Nope-OAUTH']);
	t.is(run.code, 1);
	t.regex(run.stderr, /Nope-OAUTH is not an identity provider of this tenant/);
	t.regex(run.stderr, /It has: EmailPassword-OAUTH/);
	const typo = await runCommand(emulator.graphUrl, ['providers', 'add', seed.flows.events.id, 'Gogle-OAUTH']);
	t.regex(typo.stderr, /Did you mean Google-OAUTH \("Google"\)\?/);
	t.deepEqual(writes(emulator.log), []);
});

test('providers, attributes and apps are named by id or display name, resolved before the write', async (t) => {
	const emulator = await emulatorFor(t);
	const { events } = seed.flows;
	const provider = await runCommand(emulator.graphUrl, ['providers', 'add', events.id, 'Google']);
	t.is(provider.code, 0, provider.stderr);
	t.regex(provider.stdout, /Added Google-OAUTH to "Events registration"/);
	const attribute = await runCommand(emulator.graphUrl, ['attributes', 'add', events.id, 'favorite color']);
	t.is(attribute.code, 0, attribute.stderr);
	t.regex(attribute.stdout, new RegExp(`Added ${seed.favoriteColor}`));
	const app = await runCommand(emulator.graphUrl, ['apps', 'link', events.id, 'Contoso Events']);
	t.is(app.code, 0, app.stderr);
	t.regex(app.stdout, new RegExp(`Linked "Contoso Events" \\(${seed.apps.events}\\)`));
	const flow = emulator.tenant.requireFlow(events.id);
	t.true(flow.providerIds.includes('Google-OAUTH'));
	t.true(flow.attributeCollection?.attributeIds.includes(seed.favoriteColor));
	t.true(flow.appIds.includes(seed.apps.events));
});

test('apps: a name no app has is said before any write (never part of a URL); unlinking one not linked is nothing to do', async (t) => {
	const emulator = await emulatorFor(t);
	const malformed = await runCommand(emulator.graphUrl, ['apps', 'link', seed.flows.events.id, 'abc/../x']);
	t.is(malformed.code, 1);
	t.regex(malformed.stderr, /No application of this tenant is named "abc\/\.\.\/x"/);
	t.deepEqual(writes(emulator.log), []);
	t.false(
		emulator.log.some((entry) => entry.path.includes('abc')),
		'a name is looked up in the list, never sent as a path',
	);
	const notLinked = await runCommand(emulator.graphUrl, [
		'apps',
		'unlink',
		seed.flows.events.id,
		seed.apps.storefront,
	]);
	// A script that re-runs a step converges: what is already so is done (exit 0), and nothing is sent.
	t.is(notLinked.code, 0, notLinked.stderr);
	t.regex(notLinked.stdout, /is not linked to "Events registration"; nothing to do/);
	t.deepEqual(writes(emulator.log), []);
});

test('adding what is already there succeeds with nothing to do (a script may run twice)', async (t) => {
	const emulator = await emulatorFor(t);
	const provider = await runCommand(emulator.graphUrl, [
		'providers',
		'add',
		seed.flows.events.id,
		'EmailPassword-OAUTH',
	]);
	t.is(provider.code, 0);
	t.regex(provider.stdout, /already offers EmailPassword-OAUTH; nothing to do/);
	const attribute = await runCommand(emulator.graphUrl, [
		'attributes',
		'add',
		seed.flows.events.id,
		'city',
		'--json',
	]);
	t.is(attribute.code, 0);
	t.true(json<{ id: string }[]>(attribute).some((item) => item.id === 'city'));
	t.deepEqual(writes(emulator.log), []);
});

test('names from Graph are printed without their control sequences', async (t) => {
	const emulator = await emulatorFor(t);
	const hostile = 'Evil \u001b]0;pwned\u0007\u001b[31mred\u001b[0m \u009b2J flow';
	const created = json<{ id: string }>(
		await runCommand(emulator.graphUrl, ['flows', 'create', '--name', hostile, '--json']),
	);
	const run = await runCommand(emulator.graphUrl, ['providers', 'add', created.id, 'Google-OAUTH']);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /Added Google-OAUTH to "Evil red 2J flow"/);
	t.false(/[\u001b\u0007\u009b]/.test(run.stdout));
});

test('a write that timed out at the gateway (504) and whose read-back fails too is "may have been made", not failed-so-retry', async (t) => {
	const emulator = await emulatorFor(t);
	// The command's own read comes first; every read-back after the write is denied (the highest nth first: a
	// rule counts only the requests that reach it, and a fired rule stops the ones after it).
	const deniedReadBacks = [6, 5, 4, 3, 2].map((nth) => `F-A3:method=GET:nth=${nth}`);
	emulator.setFaults(['F-S3:method=PATCH:times=1', ...deniedReadBacks].join(','));
	const run = await runCommand(emulator.graphUrl, [
		'flows',
		'update',
		seed.flows.events.id,
		'--description',
		'd2',
	]);
	t.is(run.code, 1);
	t.regex(run.stderr, /504/);
	t.regex(run.stderr, /may or may not have been made\. Read it back/);
	t.false(/try again shortly/.test(run.stderr));
});

test('throttled beyond the longest wait: says when to try again', async (t) => {
	const emulator = await emulatorFor(t);
	emulator.setFaults('F-T4:method=GET:times=1');
	const run = await runCommand(emulator.graphUrl, ['flows', 'list']);
	t.is(run.code, 1);
	t.regex(run.stderr, /try again in about \d+ s/);
});

test('tenant apps lists what apps link takes, with the user flow each app uses', async (t) => {
	const emulator = await emulatorFor(t);
	const rows = json<{ appId: string; userFlow: { displayName: string } | null }[]>(
		await runCommand(emulator.graphUrl, ['tenant', 'apps', '--json']),
	);
	t.is(
		rows.find((row) => row.appId === seed.apps.storefront)?.userFlow?.displayName,
		seed.flows.customers.name,
	);
	t.is(rows.find((row) => row.appId === seed.apps.loyaltyApi)?.userFlow, null);
	const table = await runCommand(emulator.graphUrl, ['tenant', 'apps']);
	t.regex(table.stdout, /3f50bdf7-1afb-4192-97ec-327636846440\s+Contoso Loyalty API\s+—/);
});

test('a garbled answer keeps the ids support asks for and says what to do', async (t) => {
	const emulator = await emulatorFor(t);
	emulator.setFaults('F-B0:kind=truncated:status=200:times=1:method=GET');
	const run = await runCommand(emulator.graphUrl, ['flows', 'list']);
	t.is(run.code, 1);
	t.regex(run.stderr, /MalformedResponse/);
	t.regex(run.stderr, /request-id [0-9a-f-]{36}/);
	t.regex(run.stderr, /cut off or garbled/);
});

test('a create whose answer was lost is checked and adopted, never made twice', async (t) => {
	const emulator = await emulatorFor(t);
	const named = async (name: string) =>
		json<{ displayName: string }[]>(await runCommand(emulator.graphUrl, ['flows', 'list', '--json'])).filter(
			(flow) => flow.displayName === name,
		);
	// The connection drops after the service created the flow: the client finds it instead of failing.
	emulator.setFaults('F-N1:when=after:method=POST:times=1');
	const after = await runCommand(emulator.graphUrl, ['flows', 'create', '--name', 'Dropped after']);
	t.is(after.code, 0, after.stderr);
	t.regex(
		after.stderr,
		/POST \/identity\/authenticationEventsFlows lost its answer \(ECONNRESET\); checking whether it took effect/,
	);
	t.regex(after.stdout, /Created user flow "Dropped after"/);
	t.is((await named('Dropped after')).length, 1);
	// It drops before the service saw it: not there, so sending it again is safe, and done once.
	emulator.setFaults('F-N1:when=before:method=POST:times=1');
	const before = await runCommand(emulator.graphUrl, ['flows', 'create', '--name', 'Dropped before']);
	t.is(before.code, 0, before.stderr);
	t.is((await named('Dropped before')).length, 1);
	// A gateway timeout after the create says what it checks too.
	emulator.setFaults('F-S3:method=POST:times=1');
	const timedOut = await runCommand(emulator.graphUrl, ['flows', 'create', '--name', 'Timed out']);
	t.is(timedOut.code, 0, timedOut.stderr);
	t.regex(timedOut.stderr, /timed out at Microsoft's side \(504\); checking whether it took effect/);
	t.is((await named('Timed out')).length, 1);
});

test('flows create --dry-run checks providers and apps as the service would', async (t) => {
	const emulator = await emulatorFor(t);
	const cases = [
		{ argv: ['--provider', 'Nope-OAUTH'], says: /Nope-OAUTH is not an identity provider of this tenant/ },
		{
			argv: ['--app', '11111111-1111-1111-1111-111111111111'],
			says: /No application of this tenant has the appId/,
		},
		{ argv: ['--app', seed.apps.storefront], says: /already uses the user flow "Contoso customers/ },
	];
	for (const { argv, says } of cases) {
		const run = await runCommand(emulator.graphUrl, [
			'flows',
			'create',
			'--name',
			'Checked',
			...argv,
			'--dry-run',
		]);
		t.is(run.code, 1, argv.join(' '));
		t.regex(run.stderr, says);
	}
	const real = await runCommand(emulator.graphUrl, [
		'flows',
		'create',
		'--name',
		'Checked',
		'--provider',
		'Nope-OAUTH',
	]);
	t.regex(real.stderr, /Nope-OAUTH is not an identity provider of this tenant/);
	t.deepEqual(writes(emulator.log), [], 'a name the tenant lacks is found before the create is sent');
});

test('layout set --json: a refusal is one JSON error carrying the problems, nothing else on stderr', async (t) => {
	const emulator = await emulatorFor(t);
	const document = json<{ inputs: { attribute: string; required: unknown }[] }>(
		await runCommand(emulator.graphUrl, ['layout', 'show', seed.flows.events.id, '--json']),
	);
	const broken = {
		...document,
		inputs: document.inputs.map((input, index) => (index === 1 ? { ...input, required: 'yes' } : input)),
	};
	const dir = mkdtempSync(join(tmpdir(), 'entra-flows-checks-'));
	t.teardown(() => rmSync(dir, { recursive: true, force: true }));
	const path = join(dir, 'layout.json');
	writeFileSync(path, JSON.stringify(broken));
	const run = await runCommand(emulator.graphUrl, [
		'layout',
		'set',
		seed.flows.events.id,
		'--file',
		path,
		'--json',
	]);
	t.is(run.code, 1);
	const error = (JSON.parse(run.stderr) as { error: { details: string[]; message: string } }).error;
	t.regex(error.message, /1 problem \(listed in details/);
	t.regex(error.details[0] ?? '', /required must be true or false/);
});

test('a command group alone names its verbs', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await runCommand(emulator.graphUrl, ['flows']);
	t.is(run.code, 2);
	t.regex(run.stderr, /"flows" needs one of: list, get, create, update, delete/);
});

test('logout with nothing saved is already done (exit 0)', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await runCommand(emulator.graphUrl, ['logout'], { env: { ENTRA_FLOWS_ACCESS_TOKEN: '' } });
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /Nothing to sign out of/);
});

test('tenant attributes create --dry-run refuses a name the tenant already has', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await runCommand(emulator.graphUrl, [
		'tenant',
		'attributes',
		'create',
		'--name',
		'Favoritecolor',
		'--type',
		'string',
		'--dry-run',
	]);
	t.is(run.code, 1);
	t.regex(
		run.stderr,
		/already has an attribute named "Favorite color" \(extension_[0-9a-f]+_Favoritecolor\)/,
	);
	t.is(run.stdout, '');
});
