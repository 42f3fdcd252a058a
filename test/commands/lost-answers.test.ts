import test from 'ava';
import { runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

// The repros of writes whose answer was lost after the service applied them: each is reported done (exit 0),
// says the answer was lost, blames nobody, and is made once.

const { events, customers } = seed.flows;
const lostNote =
	/warning: the answer from Microsoft Graph was lost on the way; reading back shows the change was made/;

test('attributes remove under a dropped connection: removed, not "removed meanwhile"', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-N1:when=after:method=DELETE:times=1' });
	const run = await runCommand(emulator.graphUrl, ['attributes', 'remove', events.id, 'city']);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /Removed city from "Events registration"/);
	t.notRegex(run.stdout + run.stderr, /meanwhile/);
	t.false(emulator.tenant.requireFlow(events.id).attributeCollection?.attributeIds.includes('city'));
});

test('tenant attributes create with its answer lost: created once, and the re-run says the name is taken', async (t) => {
	const emulator = await emulatorFor(t, {
		faults: 'F-N1:when=after:method=POST:path=userFlowAttributes:times=1',
	});
	const args = ['tenant', 'attributes', 'create', '--name', 'Loyalty', '--type', 'string'];
	const run = await runCommand(emulator.graphUrl, args);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /Created attribute extension_\w+_Loyalty/);
	t.is(emulator.tenant.state.attributes.filter((attribute) => attribute.displayName === 'Loyalty').length, 1);
});

test('flows create answered 201 with a cut-off body: created (with its id), not "failed, try again"', async (t) => {
	const emulator = await emulatorFor(t, {
		faults: 'F-B0:kind=truncated:status=201:method=POST:path=authenticationEventsFlows:times=1',
	});
	const run = await runCommand(emulator.graphUrl, ['flows', 'create', '--name', 'Truncated']);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /Created user flow "Truncated" \([0-9a-f-]{36}\)/);
	t.is(emulator.tenant.state.flows.filter((flow) => flow.displayName === 'Truncated').length, 1);
});

test('flows delete with a 504 on the final DELETE: deleted, not "NOT deleted"', async (t) => {
	// Two unlinks, then the flow's own DELETE: the third DELETE under this flow's path times out after applying.
	const emulator = await emulatorFor(t, { faults: `F-S3:method=DELETE:path=${customers.id}:nth=3` });
	const run = await runCommand(emulator.graphUrl, ['flows', 'delete', customers.id, '--yes']);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /Deleted user flow "Contoso customers sign-up and sign-in"/);
	t.notRegex(run.stdout + run.stderr, /NOT deleted|meanwhile/);
	t.falsy(emulator.tenant.findFlow(customers.id));
	t.true(
		emulator.log.some((entry) => entry.status === 504),
		'the fault fired',
	);
});

test('a PATCH whose connection dropped after it was applied: updated, with the lost answer said', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-N1:when=after:method=PATCH:times=1' });
	const run = await runCommand(emulator.graphUrl, [
		'flows',
		'update',
		events.id,
		'--description',
		'After the drop',
	]);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stderr, lostNote);
	t.is(emulator.tenant.requireFlow(events.id).description, 'After the drop');
});

test('a PATCH that never reached the service: "NOT made", exit 1, and nothing changed', async (t) => {
	const emulator = await emulatorFor(t, { faults: 'F-N1:when=before:method=PATCH:times=1' });
	const run = await runCommand(emulator.graphUrl, ['flows', 'update', events.id, '--description', 'Never']);
	t.is(run.code, 1);
	t.regex(run.stderr, /reading back shows the change was NOT made\. Nothing changed/);
	t.not(emulator.tenant.requireFlow(events.id).description, 'Never');
	const json = await runCommand(emulator.graphUrl, [
		'flows',
		'update',
		events.id,
		'--description',
		'Never',
		'--json',
	]);
	t.is(json.code, 0, 'the fault fired once: the same command now goes through');
});

test('a write that was made stays made when the read that shows it fails: exit 0, with how to see it', async (t) => {
	const emulator = await emulatorFor(t);
	// The command's own read comes first; every read after the PATCH is denied (highest nth first: a rule counts
	// only the requests that reach it, and a fired rule stops the ones after it).
	emulator.setFaults([6, 5, 4, 3, 2].map((nth) => `F-A3:method=GET:nth=${nth}`).join(','));
	const run = await runCommand(emulator.graphUrl, [
		'flows',
		'update',
		events.id,
		'--description',
		'Seen later',
		// Only --json reads the flow back; the sentence comes from the write's answer.
		'--json',
	]);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, new RegExp(`"id": "${events.id}"`));
	t.regex(run.stderr, /the change was made, but reading it back failed .*See it with: entra-flows flows get/);
	t.is(emulator.tenant.requireFlow(events.id).description, 'Seen later');
});
