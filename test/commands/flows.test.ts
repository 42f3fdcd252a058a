import test from 'ava';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

type Flow = {
	id: string;
	displayName: string;
	'@odata.type': string;
	onInteractiveAuthFlowStart?: { isSignUpAllowed?: boolean };
	onAttributeCollection?: {
		attributes?: { id: string }[];
		attributeCollectionPage?: { views?: { inputs?: { attribute: string }[] }[] };
	};
	conditions?: { applications?: { includeApplications?: { appId: string }[] } };
};

test('flows list prints a table for people and the Graph objects with --json', async (t) => {
	const emulator = await emulatorFor(t);
	const table = await runCommand(emulator.graphUrl, ['flows', 'list']);
	t.is(table.code, 0, table.stderr);
	t.regex(table.stdout, /^NAME\s+ID\s+SIGN-UP\s+PROVIDERS\s+ATTRIBUTES\s+APPS/);
	t.regex(
		table.stdout,
		/Partner portal sign-in only\s+04ae684f-8cfb-4cef-912a-556fdee3c3fd\s+off\s+1\s+2\s+1/,
	);
	const flows = json<Flow[]>(await runCommand(emulator.graphUrl, ['flows', 'list', '--json']));
	t.true(flows.length >= 4);
	t.true(flows.every((flow) => /externalUsersSelfServiceSignUpEventsFlow/i.test(flow['@odata.type'])));
});

test('flows get finds a flow by id and by exact name, and says what exists when nothing matches', async (t) => {
	const emulator = await emulatorFor(t);
	const byId = json<Flow>(
		await runCommand(emulator.graphUrl, ['flows', 'get', seed.flows.events.id, '--json']),
	);
	t.is(byId.displayName, seed.flows.events.name);
	const byName = json<Flow>(
		await runCommand(emulator.graphUrl, ['flows', 'get', seed.flows.events.name, '--json']),
	);
	t.is(byName.id, seed.flows.events.id);
	const people = await runCommand(emulator.graphUrl, ['flows', 'get', seed.flows.customers.name]);
	t.regex(people.stdout, /Sign-up\s+on/);
	t.regex(people.stdout, /Providers\s+EmailPassword-OAUTH, Google-OAUTH, Facebook-OAUTH/);
	const missing = await runCommand(emulator.graphUrl, ['flows', 'get', 'No such flow']);
	t.is(missing.code, 1);
	t.regex(missing.stderr, /No user flow has the id or name "No such flow"/);
	t.regex(missing.stderr, /flows list/);
	const unknownId = await runCommand(emulator.graphUrl, [
		'flows',
		'get',
		'00000000-0000-4000-8000-000000000000',
	]);
	t.is(unknownId.code, 1);
});

test('flows create sends providers, attributes with their inputs and apps; the emulator stores them', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await runCommand(emulator.graphUrl, [
		'flows',
		'create',
		'--name',
		'Loyalty members',
		'--description',
		'Points club',
		'--provider',
		'EmailPassword-OAUTH',
		'--provider',
		'Google-OAUTH',
		'--attribute',
		'city',
		'--attribute',
		seed.favoriteColor,
		'--app',
		seed.apps.loyaltyApi,
		'--no-sign-up',
		'--json',
	]);
	t.is(run.code, 0, run.stderr);
	const created = json<Flow>(run);
	const stored = json<Flow>(await runCommand(emulator.graphUrl, ['flows', 'get', created.id, '--json']));
	t.is(stored.displayName, 'Loyalty members');
	t.false(stored.onInteractiveAuthFlowStart?.isSignUpAllowed);
	t.deepEqual(
		stored.onAttributeCollection?.attributes?.map((a) => a.id),
		['email', 'city', seed.favoriteColor],
	);
	t.deepEqual(
		stored.onAttributeCollection?.attributeCollectionPage?.views?.[0]?.inputs?.map(
			(input) => input.attribute,
		),
		['email', 'city', seed.favoriteColor],
	);
	t.deepEqual(
		stored.conditions?.applications?.includeApplications?.map((a) => a.appId),
		[seed.apps.loyaltyApi],
	);
	const providers = json<{ id: string }[]>(
		await runCommand(emulator.graphUrl, ['providers', 'list', created.id, '--json']),
	);
	t.deepEqual(providers.map((p) => p.id).sort(), ['EmailPassword-OAUTH', 'Google-OAUTH']);
});

test('creating a flow with a taken name fails with exit 1 and names the conflict', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await runCommand(emulator.graphUrl, ['flows', 'create', '--name', seed.flows.events.name]);
	t.is(run.code, 1);
	t.true(run.stderr.includes(seed.flows.events.name), run.stderr);
	t.regex(run.stderr, /request-id [0-9a-f-]{36}/);
	t.is(run.stdout, '');
});

test('flows create validates its own flags before any request', async (t) => {
	const emulator = await emulatorFor(t);
	const noName = await runCommand(emulator.graphUrl, ['flows', 'create']);
	t.is(noName.code, 2);
	t.regex(noName.stderr, /--name/);
	const badAttribute = await runCommand(emulator.graphUrl, [
		'flows',
		'create',
		'--name',
		'X',
		'--attribute',
		'shoeSize',
	]);
	t.is(badAttribute.code, 1);
	t.regex(badAttribute.stderr, /shoeSize is not a user-flow attribute of this tenant/);
	const badProvider = await runCommand(emulator.graphUrl, [
		'flows',
		'create',
		'--name',
		'Y',
		'--provider',
		'Twitter-OAUTH',
	]);
	t.is(badProvider.code, 1);
	t.regex(badProvider.stderr, /Twitter-OAUTH/);
});

test('flows update renames, changes the description and switches sign-up', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await runCommand(emulator.graphUrl, [
		'flows',
		'update',
		seed.flows.events.name,
		'--name',
		'Events 2027',
		'--description',
		'New',
		'--no-sign-up',
		'--json',
	]);
	t.is(run.code, 0, run.stderr);
	const updated = json<Flow & { description: string }>(run);
	t.is(updated.displayName, 'Events 2027');
	t.is(updated.description, 'New');
	t.false(updated.onInteractiveAuthFlowStart?.isSignUpAllowed);
	const back = json<Flow>(
		await runCommand(emulator.graphUrl, ['flows', 'update', 'Events 2027', '--sign-up', '--json']),
	);
	t.true(back.onInteractiveAuthFlowStart?.isSignUpAllowed);
	const nothing = await runCommand(emulator.graphUrl, ['flows', 'update', 'Events 2027']);
	t.is(nothing.code, 2);
	const taken = await runCommand(emulator.graphUrl, [
		'flows',
		'update',
		'Events 2027',
		'--name',
		seed.flows.partners.name,
	]);
	t.is(taken.code, 1);
	t.true(taken.stderr.includes(seed.flows.partners.name));
});

test('flows delete needs --yes without a terminal, asks for the name on one, and unlinks apps first', async (t) => {
	const emulator = await emulatorFor(t);
	const refused = await runCommand(emulator.graphUrl, ['flows', 'delete', seed.flows.customers.id]);
	t.is(refused.code, 2);
	t.regex(refused.stderr, /--yes/);
	const wrongName = await runCommand(emulator.graphUrl, ['flows', 'delete', seed.flows.customers.id], {
		answers: ['nope'],
	});
	t.is(wrongName.code, 1);
	t.regex(wrongName.stderr, /Contoso Storefront/);
	t.regex(wrongName.stderr, /Not deleted/);
	const confirmed = await runCommand(emulator.graphUrl, ['flows', 'delete', seed.flows.customers.id], {
		answers: [seed.flows.customers.name],
	});
	t.is(confirmed.code, 0, confirmed.stderr);
	t.regex(confirmed.stdout, /Unlinked first: Contoso Storefront/);
	const gone = await runCommand(emulator.graphUrl, ['flows', 'get', seed.flows.customers.id]);
	t.is(gone.code, 1);
	const withYes = await runCommand(emulator.graphUrl, [
		'flows',
		'delete',
		seed.flows.events.name,
		'--yes',
		'--json',
	]);
	t.is(withYes.code, 0, withYes.stderr);
	t.deepEqual(json(withYes), {
		deleted: seed.flows.events.id,
		displayName: seed.flows.events.name,
		unlinkedApps: [],
	});
});

test('hostile names survive the round trip: quotes, slashes and escape sequences', async (t) => {
	const emulator = await emulatorFor(t);
	const name = "O'Brien / ?x=1 #frag";
	const created = await runCommand(emulator.graphUrl, ['flows', 'create', '--name', name, '--json']);
	t.is(created.code, 0, created.stderr);
	const found = json<Flow>(await runCommand(emulator.graphUrl, ['flows', 'get', name, '--json']));
	t.is(found.displayName, name);
	const evil = await runCommand(emulator.graphUrl, [
		'flows',
		'create',
		'--name',
		'Evil\u001B]0;owned\u0007\u001B[2J',
	]);
	t.is(evil.code, 0, evil.stderr);
	const listed = await runCommand(emulator.graphUrl, ['flows', 'list']);
	t.false(listed.stdout.includes('\u001B'), 'table output carries no escape sequences');
	t.regex(listed.stdout, /Evil/);
});

test('--sign-up is a switch however it is written; the same setting again sends nothing', async (t) => {
	const emulator = await emulatorFor(t);
	const { events } = seed.flows;
	for (const [argv, on] of [
		[['--sign-up', 'off'], false],
		[['--sign-up=true'], true],
		[['--sign-up=false'], false],
		[['--sign-up', 'on'], true],
		[['--no-sign-up'], false],
	] as const) {
		const run = await runCommand(emulator.graphUrl, ['flows', 'update', events.id, ...argv]);
		t.is(run.code, 0, `${argv.join(' ')}: ${run.stderr}`);
		t.is(emulator.tenant.requireFlow(events.id).isSignUpAllowed, on, argv.join(' '));
	}
	const maybe = await runCommand(emulator.graphUrl, ['flows', 'update', events.id, '--sign-up=maybe']);
	t.is(maybe.code, 2);
	t.regex(maybe.stderr, /--sign-up is a switch: give --sign-up or --no-sign-up \(or --sign-up on\|off\)/);
	emulator.clearLog();
	const again = await runCommand(emulator.graphUrl, ['flows', 'update', events.id, '--no-sign-up']);
	t.is(again.code, 0, again.stderr);
	t.regex(again.stdout, /already as asked; nothing to do/);
	t.deepEqual(
		emulator.log.filter((entry) => entry.method !== 'GET'),
		[],
		'nothing to do sends nothing',
	);
});

test('flows update --no-sign-up on a flow apps use says their new customers can no longer sign up', async (t) => {
	const emulator = await emulatorFor(t);
	const { customers, events } = seed.flows;
	const run = await runCommand(emulator.graphUrl, ['flows', 'update', customers.id, '--no-sign-up']);
	t.is(run.code, 0, run.stderr);
	t.regex(
		run.stdout,
		/New customers of the \d apps that use it \(.*a442e488-8827-43b0-af92-3894fc6abef4.*\) can no longer sign up/,
	);
	t.false(emulator.tenant.requireFlow(customers.id).isSignUpAllowed);
	const quiet = await runCommand(emulator.graphUrl, ['flows', 'update', events.id, '--no-sign-up']);
	t.is(quiet.code, 0, quiet.stderr);
	t.notRegex(quiet.stdout, /can no longer sign up/, 'no app uses it: nothing to warn about');
});

test('flows get prints "—" for what a flow has none of; --version --json is one JSON object', async (t) => {
	const emulator = await emulatorFor(t);
	const bare = await runCommand(emulator.graphUrl, ['flows', 'get', seed.flows.events.id]);
	t.is(bare.code, 0, bare.stderr);
	t.regex(bare.stdout, /\nApps\s+—\n/);
	t.notRegex(bare.stdout, /^\S[^\n]*\s{2}$/m, 'no row ends in blanks');
	const version = await runCommand(emulator.graphUrl, ['--version', '--json']);
	t.is(version.code, 0);
	t.regex((JSON.parse(version.stdout) as { version: string }).version, /\d/);
});
