import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';
import { heldFaults, requestLines, roundTrips } from '../helpers/round-trips.js';

// Round trips are what an admin waits on (real Graph is 50-300 ms away), so each command's requests are
// counted from the emulator's log: a re-read of something already held fails here.

const { customers, events, partners } = seed.flows;
const flows = '/v1.0/identity/authenticationEventsFlows';

async function run(emulator: Awaited<ReturnType<typeof emulatorFor>>, argv: string[]) {
	const since = emulator.log.length;
	const result = await runCommand(emulator.graphUrl, argv);
	return { ...result, requests: requestLines(emulator, since) };
}

test('flows get by id sends one GET; by name one filtered GET, and prints the same flow', async (t) => {
	const emulator = await emulatorFor(t);
	// Besides the flow, only its two extension handlers are read (they are not part of the flow's answer).
	const flowReads = (requests: readonly string[]) =>
		requests.filter((line) => !/onAttributeCollection/.test(line));
	const byId = await run(emulator, ['flows', 'get', customers.id, '--json']);
	t.deepEqual(flowReads(byId.requests), [`GET ${flows}/${customers.id}`]);
	t.is(byId.requests.length, 3);
	const byName = await run(emulator, ['flows', 'get', customers.name, '--json']);
	t.deepEqual(flowReads(byName.requests), [`GET ${flows}`]);
	t.deepEqual(json(byName), json(byId));
	const table = await run(emulator, ['flows', 'get', customers.name]);
	t.is(flowReads(table.requests).length, 1);
	t.regex(table.stdout, /Providers\s+EmailPassword-OAUTH, Google-OAUTH, Facebook-OAUTH/);
});

test('layout show and layout set use the flow resolving read', async (t) => {
	const emulator = await emulatorFor(t);
	const shown = await run(emulator, ['layout', 'show', events.name, '--json']);
	t.deepEqual(shown.requests, [`GET ${flows}`]);
	const document = json<{ inputs: { attribute: string; required: boolean }[] }>(shown);
	const city = document.inputs.find((input) => input.attribute === 'city');
	if (!city) throw new Error('the events flow collects city');
	city.required = true;
	const file = join(mkdtempSync(join(tmpdir(), 'layout-')), 'layout.json');
	writeFileSync(file, JSON.stringify(document));
	const set = await run(emulator, ['layout', 'set', events.name, '--file', file]);
	t.is(set.code, 0, set.stderr);
	// The read after the write is what tells a page the service stored differently from what was sent.
	t.deepEqual(set.requests, [`GET ${flows}`, `PATCH ${flows}/${events.id}`, `GET ${flows}/${events.id}`]);
});

test('apps list reads the apps from the flow, and their names once', async (t) => {
	const emulator = await emulatorFor(t);
	const listed = await run(emulator, ['apps', 'list', customers.name]);
	t.is(listed.code, 0, listed.stderr);
	t.deepEqual([...listed.requests].sort(), [`GET ${flows}`, 'GET /v1.0/applications'].sort());
	t.regex(listed.stdout, new RegExp(seed.apps.storefront));
	const asJson = await run(emulator, ['apps', 'list', customers.name, '--json']);
	t.deepEqual(asJson.requests, [`GET ${flows}`]);
	t.deepEqual(json(asJson), [{ appId: seed.apps.storefront }, { appId: seed.apps.mobile }]);
});

test.serial('apps list reads the flow and the app names side by side: one round trip', async (t) => {
	const emulator = await emulatorFor(t, { faults: heldFaults });
	const listed = await run(emulator, ['apps', 'list', customers.name]);
	t.is(listed.code, 0, listed.stderr);
	t.is(listed.requests.length, 2);
	t.is(roundTrips(emulator), 1);
	t.regex(listed.stdout, /Contoso Storefront/);
});

test('apps list of a flow that does not exist says so, though the names read beside it failed too', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-S4:path=/applications' });
	const missing = await run(emulator, ['apps', 'list', 'No such flow']);
	t.is(missing.code, 1, missing.stdout);
	t.regex(missing.stderr, /No such flow/);
	t.notRegex(missing.stderr, /unhandled|Unhandled/);
});

test('providers remove resolves the provider on the flow it read: one lookup, one write', async (t) => {
	const emulator = await emulatorFor(t);
	const removed = await run(emulator, ['providers', 'remove', customers.name, 'Google']);
	t.is(removed.code, 0, removed.stderr);
	t.deepEqual(removed.requests, [
		`GET ${flows}`,
		`DELETE ${flows}/${customers.id}/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAuthenticationMethodLoadStart/microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp/identityProviders/Google-OAUTH/$ref`,
	]);
});

test('flows delete --yes unlinks the apps resolving read, without reading them again', async (t) => {
	const emulator = await emulatorFor(t);
	const deleted = await run(emulator, ['flows', 'delete', customers.name, '--yes']);
	t.is(deleted.code, 0, deleted.stderr);
	t.deepEqual(deleted.requests, [
		`GET ${flows}`,
		'GET /v1.0/applications',
		`DELETE ${flows}/${customers.id}/conditions/applications/includeApplications/${seed.apps.storefront}`,
		`DELETE ${flows}/${customers.id}/conditions/applications/includeApplications/${seed.apps.mobile}`,
		`DELETE ${flows}/${customers.id}`,
	]);
	t.regex(deleted.stdout, /Unlinked first: .*\(a442e488/);
});

test('flows create and update print from the write’s answer; only --json reads the flow back', async (t) => {
	const emulator = await emulatorFor(t);
	const created = await run(emulator, ['flows', 'create', '--name', 'Shop', '--provider', 'Google']);
	t.is(created.code, 0, created.stderr);
	t.deepEqual(created.requests, ['GET /v1.0/identity/identityProviders', `POST ${flows}`]);
	t.regex(created.stdout, /Created user flow "Shop" \([0-9a-f-]{36}\)/);
	const updated = await run(emulator, ['flows', 'update', 'Shop', '--name', 'Web shop']);
	t.is(updated.code, 0, updated.stderr);
	t.is(updated.requests.length, 2);
	t.regex(updated.stdout, /Updated user flow "Web shop"/);
	const asJson = await run(emulator, ['flows', 'update', 'Web shop', '--name', 'Shop', '--json']);
	t.is(asJson.requests.length, 3, 'the read-back is what --json prints');
	t.is(json<{ displayName: string }>(asJson).displayName, 'Shop');
});

// Serial: arrival times tell round trips apart only while no other test holds the event loop.
test.serial(
	'a dry-run create checks the name, the providers and the attributes side by side, each list once',
	async (t) => {
		const emulator = await emulatorFor(t, { faults: heldFaults });
		const dry = await run(emulator, [
			'flows',
			'create',
			'--name',
			'Shop',
			'--provider',
			'Google',
			'--provider',
			'EmailPassword-OAUTH',
			'--attribute',
			'city',
			'--dry-run',
		]);
		t.is(dry.code, 0, dry.stderr);
		t.deepEqual(
			[...dry.requests].sort(),
			[
				`GET ${flows}`,
				'GET /v1.0/identity/identityProviders',
				'GET /v1.0/identity/userFlowAttributes',
			].sort(),
		);
		t.is(roundTrips(emulator), 1);
	},
);

test.serial(
	'apps link --move looks up the flow and where the app is now side by side, then writes one at a time',
	async (t) => {
		const emulator = await emulatorFor(t, { faults: heldFaults });
		const moved = await run(emulator, ['apps', 'link', partners.name, seed.apps.storefront, '--move']);
		t.is(moved.code, 0, moved.stderr);
		t.deepEqual(
			moved.requests.slice(0, 3).sort(),
			[`GET ${flows}`, `GET ${flows}`, 'GET /v1.0/applications'].sort(),
		);
		t.deepEqual(moved.requests.slice(3), [
			`DELETE ${flows}/${customers.id}/conditions/applications/includeApplications/${seed.apps.storefront}`,
			`POST ${flows}/${partners.id}/conditions/applications/includeApplications`,
		]);
		t.is(
			roundTrips(emulator),
			3,
			'the lookups (flow, app name, where it is) together; the unlink and the link after each other',
		);
		t.regex(moved.stdout, /moved from "Contoso customers/);
	},
);

test('flows list --json streams the pages out as one JSON document, the same text as printed whole', async (t) => {
	const emulator = await emulatorFor(t, { extraFlows: 1_200 });
	const listed = await run(emulator, ['flows', 'list', '--json']);
	t.is(listed.requests.length, 2, 'two pages of 999');
	const flowsRead = json<{ id: string }[]>(listed);
	t.is(flowsRead.length, 1_204);
	t.is(listed.stdout, `${JSON.stringify(flowsRead, null, 2)}\n`);
	const empty = await emulatorFor(t, { seed: 'fabrikam' });
	t.is((await runCommand(empty.graphUrl, ['flows', 'list', '--json'])).stdout, '[]\n');
});

// The handler reads of flows go out side by side (at most a few at once), never one flow after another.
test.serial(
	'extensions show reads every flow’s two handlers in one round: the extension, the flows, then the handlers',
	async (t) => {
		const emulator = await emulatorFor(t, { faults: heldFaults });
		const shown = await run(emulator, ['extensions', 'show', 'Prefill sign-up details', '--json']);
		t.is(shown.code, 0, shown.stderr);
		const handlers = shown.requests.filter((line) => line.endsWith('/customExtension'));
		t.is(handlers.length, 2 * 4, 'two handlers of each of the four flows');
		t.is(shown.requests.length, 2 + handlers.length);
		t.is(roundTrips(emulator), 3);
		t.deepEqual(
			json<{ usedBy: { flow: { id: string } }[] }>(shown).usedBy.map((user) => user.flow.id),
			[customers.id],
		);
	},
);

test.serial(
	'plan reads every kind of thing in one round and every flow’s extensions in one more',
	async (t) => {
		const source = await emulatorFor(t);
		const dir = mkdtempSync(join(tmpdir(), 'round-trips-plan-'));
		t.is((await runCommand(source.graphUrl, ['export', '--all', '--out', dir])).code, 0);
		const emulator = await emulatorFor(t, { faults: heldFaults });
		const planned = await run(emulator, ['plan', dir]);
		t.is(planned.code, 0, planned.stderr);
		t.regex(planned.stdout, /No changes/);
		t.deepEqual(
			planned.requests.filter((line) => !line.endsWith('/customExtension')).sort(),
			[
				`GET ${flows}`,
				'GET /v1.0/applications',
				'GET /v1.0/identity/customAuthenticationExtensions',
				'GET /v1.0/identity/identityProviders',
				'GET /v1.0/identity/userFlowAttributes',
			].sort(),
		);
		t.is(planned.requests.length, 5 + 2 * 4);
		t.is(roundTrips(emulator), 2);
	},
);
