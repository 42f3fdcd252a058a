import test from 'ava';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

// `flows extensions …`: which extension a flow runs at attribute collection start and submit, attached by
// PUT $ref as documented, detached only where the emulator's extension-clear quirk lets it.

const prefill = 'c4a2e6f0-5b1d-4c8e-9a3f-1e7d2b6c8a01';
const check = '7d3b9e21-0c6a-4f5e-8b2d-3a9c1f4e6b02';
const { customers, partners } = seed.flows;
const writes = <T extends { method: string }>(log: readonly T[]) =>
	log.filter((entry) => entry.method !== 'GET');
const flows = (emulator: { graphUrl: string }, argv: readonly string[]) =>
	runCommand(emulator.graphUrl, ['flows', 'extensions', ...argv]);

test("show names the flow's start and submit extensions, or none", async (t) => {
	const emulator = await emulatorFor(t);
	const shown = await flows(emulator, [customers.name]);
	t.is(shown.code, 0, shown.stderr);
	t.regex(shown.stdout, /On attribute collection start\s+"Prefill sign-up details" \(c4a2e6f0/);
	t.regex(shown.stdout, /On attribute collection submit\s+"Check sign-up details" \(7d3b9e21/);
	const none = await flows(emulator, [partners.id]);
	t.regex(none.stdout, /On attribute collection start\s+none/);
	const asJson = json<{ start?: { id: string }; submit?: unknown }>(
		await flows(emulator, [customers.id, '--json']),
	);
	t.is(asJson.start?.id, prefill);
	// flows get shows them too.
	const got = await runCommand(emulator.graphUrl, ['flows', 'get', customers.id]);
	t.regex(got.stdout, /Start extension\s+"Prefill sign-up details"/);
	t.regex(got.stdout, /Submit extension\s+"Check sign-up details"/);
});

test('set attaches by PUT $ref, replaces, says when nothing is to do, and refuses an extension of the other event', async (t) => {
	const emulator = await emulatorFor(t);
	emulator.clearLog();
	const attached = await flows(emulator, ['set', partners.id, 'submit', 'Check sign-up details']);
	t.is(attached.code, 0, attached.stderr);
	t.regex(attached.stdout, /now runs "Check sign-up details" .* at attribute collection submit\./);
	t.is(emulator.tenant.findFlow(partners.id)?.onAttributeCollectionSubmit?.customExtensionId, check);
	const [put] = writes(emulator.log);
	t.is(put?.method, 'PUT');
	t.regex(
		put?.path ?? '',
		/onAttributeCollectionSubmit\/microsoft\.graph\.onAttributeCollectionSubmitCustomExtensionHandler\/customExtension\/\$ref$/,
	);
	emulator.clearLog();
	const again = await flows(emulator, ['set', partners.id, 'submit', check]);
	t.regex(again.stdout, /already runs "Check sign-up details" .*; nothing to do/);
	const wrong = await flows(emulator, ['set', partners.id, 'start', check]);
	t.is(wrong.code, 1);
	t.regex(
		wrong.stderr,
		/is an attribute collection submit extension; the attribute collection start event takes only/,
	);
	t.regex(wrong.stderr, /flows extensions set <flow> submit/);
	const badEvent = await flows(emulator, ['set', partners.id, 'finish', check]);
	t.is(badEvent.code, 2);
	t.regex(badEvent.stderr, /Say which event: start or submit, not "finish"/);
	t.deepEqual(writes(emulator.log), []);
	// A second submit extension replaces the first, and says so.
	emulator.tenant.extensions.push({
		...emulator.tenant.findExtension(check)!,
		id: '11111111-2222-4333-8444-555555555555',
		displayName: 'Second check',
	});
	const replaced = await flows(emulator, ['set', partners.id, 'submit', 'Second check']);
	t.regex(replaced.stdout, /replacing "Check sign-up details"/);
});

test('clear: refused where the service allows no detach (the default), saying what each way got; nothing changes', async (t) => {
	const emulator = await emulatorFor(t);
	const refused = await flows(emulator, ['clear', customers.id, 'start']);
	t.is(refused.code, 1);
	t.regex(
		refused.stderr,
		/still attached to "Contoso customers sign-up and sign-in" at attribute collection start/,
	);
	t.regex(refused.stderr, /delete-ref: HTTP 405; patch-null: HTTP 400/);
	t.regex(refused.stderr, /Microsoft documents no way to detach/);
	t.is(emulator.tenant.findFlow(customers.id)?.onAttributeCollectionStart?.customExtensionId, prefill);
	const none = await flows(emulator, ['clear', partners.id, 'start']);
	t.is(none.code, 0);
	t.regex(none.stdout, /runs no extension at attribute collection start; nothing to do/);
});

for (const how of ['delete-ref', 'patch-null'] as const) {
	test(`clear detaches where the service takes ${how}, and reads the flow back`, async (t) => {
		const emulator = await emulatorFor(t, { quirks: `extension-clear=${how}` });
		const cleared = await flows(emulator, ['clear', customers.id, 'submit', '--json']);
		t.is(cleared.code, 0, cleared.stderr);
		t.like(json(cleared), { changed: true, how, detached: { id: check } });
		t.falsy(emulator.tenant.findFlow(customers.id)?.onAttributeCollectionSubmit?.customExtensionId);
		t.is(emulator.tenant.findFlow(customers.id)?.onAttributeCollectionStart?.customExtensionId, prefill);
	});
}
