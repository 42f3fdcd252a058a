import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test, { type ExecutionContext } from 'ava';
import type { LayoutDocument, LayoutDocumentInput } from '../../source/layout/index.js';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

type StoredFlow = {
	onAttributeCollection: { attributeCollectionPage: { views: { inputs: Record<string, unknown>[] }[] } };
};

const flowId = seed.flows.customers.id;
const writes = <T extends { method: string }>(log: readonly T[]) =>
	log.filter((entry) => entry.method !== 'GET');

function fileWith(t: ExecutionContext, content: unknown): string {
	const dir = mkdtempSync(join(tmpdir(), 'entra-flows-layout-'));
	t.teardown(() => rmSync(dir, { recursive: true, force: true }));
	const path = join(dir, 'layout.json');
	writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
	return path;
}

/** The inputs as Graph holds them: the document's fields without the informational dataType. */
const asGraph = (inputs: readonly LayoutDocumentInput[]) =>
	inputs.map(({ dataType: _dataType, ...input }) => input);

async function show(graphUrl: string): Promise<LayoutDocument> {
	return json<LayoutDocument>(await runCommand(graphUrl, ['layout', 'show', flowId, '--json']));
}

function edited(document: LayoutDocument): LayoutDocument {
	const inputs = [...document.inputs];
	// Swap the 2nd and 3rd inputs and make country required.
	[inputs[1], inputs[2]] = [inputs[2]!, inputs[1]!];
	return {
		...document,
		inputs: inputs.map((input) => (input.attribute === 'country' ? { ...input, required: true } : input)),
	};
}

test('layout show: a table in page order for people', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await runCommand(emulator.graphUrl, ['layout', 'show', seed.flows.customers.name]);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /^POS\s+ATTRIBUTE\s+LABEL\s+INPUT\s+REQUIRED\s+HIDDEN\s+EDITABLE\s+OPTIONS\s+PATTERN/);
	t.regex(run.stdout, /\n1\s+email\s+Email Address\s+text\s+yes\s+yes\s+no\s+\^\[a-zA-Z0-9/);
	t.regex(
		run.stdout,
		/Favoritecolor\s+Favorite color\s+radioSingleSelect\s+no\s+no\s+yes\s+3: Blue=blue, Green=green, Red=red/,
	);
	t.regex(run.stdout, /Base [0-9a-f]{16}/);
});

test('show --json, edit, set: one PATCH carrying the full edited array, and the stored layout matches', async (t) => {
	const emulator = await emulatorFor(t);
	const before = await show(emulator.graphUrl);
	t.deepEqual(before.flow, { id: flowId, displayName: seed.flows.customers.name });
	t.regex(before.base, /^[0-9a-f]{16}$/);
	t.is(before.inputs.find((input) => input.attribute === seed.favoriteColor)?.dataType, 'string');
	const after = edited(before);
	const file = fileWith(t, after);
	emulator.clearLog();
	const run = await runCommand(emulator.graphUrl, ['layout', 'set', flowId, '--file', file]);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /moved\s+givenName: position 3 → 2|moved\s+displayName: position 2 → 3/);
	t.regex(run.stdout, /changed\s+country required: false → true/);
	t.regex(run.stdout, /Saved the sign-up page .* \(7 inputs\)\. New base [0-9a-f]{16}/);
	const patches = writes(emulator.log);
	t.is(patches.length, 1);
	t.is(patches[0]?.method, 'PATCH');
	const sent = patches[0]?.body as StoredFlow;
	t.deepEqual(sent.onAttributeCollection.attributeCollectionPage.views[0]?.inputs, asGraph(after.inputs));
	const stored = json<StoredFlow>(await runCommand(emulator.graphUrl, ['flows', 'get', flowId, '--json']));
	t.deepEqual(stored.onAttributeCollection.attributeCollectionPage.views[0]?.inputs, asGraph(after.inputs));
	const again = await show(emulator.graphUrl);
	t.not(again.base, before.base);
	t.deepEqual(asGraph(again.inputs), asGraph(after.inputs));
});

test('set --json prints the saved document, whose base is what show prints next', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await runCommand(emulator.graphUrl, [
		'layout',
		'set',
		flowId,
		'--file',
		fileWith(t, edited(await show(emulator.graphUrl))),
		'--json',
	]);
	t.is(run.code, 0, run.stderr);
	t.is(json<LayoutDocument>(run).base, (await show(emulator.graphUrl)).base);
});

test('a file that drops an input is refused, naming it and the command that removes attributes', async (t) => {
	const emulator = await emulatorFor(t);
	const document = await show(emulator.graphUrl);
	const file = fileWith(t, {
		...document,
		inputs: document.inputs.filter((input) => input.attribute !== 'country'),
	});
	emulator.clearLog();
	const run = await runCommand(emulator.graphUrl, ['layout', 'set', flowId, '--file', file]);
	t.is(run.code, 1);
	t.regex(run.stderr, /WOULD REMOVE 1 input\(s\): country/);
	t.regex(run.stderr, /leaves out country/);
	t.regex(run.stderr, /attributes remove/);
	t.deepEqual(writes(emulator.log), []);
	const added = fileWith(t, { inputs: [...document.inputs, { ...document.inputs[1]!, attribute: 'city' }] });
	const more = await runCommand(emulator.graphUrl, ['layout', 'set', flowId, '--file', added]);
	t.is(more.code, 1);
	t.regex(more.stderr, /adds city/);
	t.deepEqual(writes(emulator.log), []);
});

test('a malformed or wrongly shaped file exits 2, naming the file, the line or field, and the fix; nothing is sent', async (t) => {
	const emulator = await emulatorFor(t);
	const broken = fileWith(t, '{\n  "inputs": [\n    {"attribute": "email",}\n  ]\n}');
	const run = await runCommand(emulator.graphUrl, ['layout', 'set', flowId, '--file', broken]);
	t.is(run.code, 2);
	t.true(run.stderr.includes(broken), run.stderr);
	t.regex(run.stderr, /line 3, column \d+.*not valid JSON.*trailing comma/);
	const typo = fileWith(t, { inputs: [{ attribute: 'email', requried: true }] });
	const shaped = await runCommand(emulator.graphUrl, ['layout', 'set', flowId, '--file', typo]);
	t.is(shaped.code, 2);
	t.regex(shaped.stderr, /inputs\[0\]\.requried.*unknown field "requried".*Did you mean "required"\?/);
	const missing = await runCommand(emulator.graphUrl, [
		'layout',
		'set',
		flowId,
		'--file',
		join(tmpdir(), 'no-such-layout.json'),
	]);
	t.is(missing.code, 2);
	const noFile = await runCommand(emulator.graphUrl, ['layout', 'set', flowId]);
	t.is(noFile.code, 2);
	t.regex(noFile.stderr, /--file FILE/);
	t.deepEqual(emulator.log, [], 'the file is checked before any request');
});

test('local validation lists problems per input, exits 1 and sends nothing', async (t) => {
	const emulator = await emulatorFor(t);
	const document = await show(emulator.graphUrl);
	const file = fileWith(t, {
		...document,
		inputs: document.inputs.map((input) => {
			if (input.attribute === 'givenName') return { ...input, required: 'yes', label: '' };
			if (input.attribute === seed.favoriteColor) return { ...input, options: [] };
			if (input.attribute.endsWith('_Newsletter')) return { ...input, inputType: 'text' };
			if (input.attribute === 'surname') return { ...input, validationRegEx: '([a-z]' };
			return input;
		}),
	});
	emulator.clearLog();
	const run = await runCommand(emulator.graphUrl, ['layout', 'set', flowId, '--file', file]);
	t.is(run.code, 1);
	t.regex(run.stderr, /3\. givenName \(required\): required must be true or false/);
	t.regex(run.stderr, /3\. givenName \(label\): the label is empty/);
	t.regex(run.stderr, /Favoritecolor \(options\): radioSingleSelect needs at least one option/);
	t.regex(run.stderr, /Newsletter \(inputType\): text does not fit the data type boolean; use boolean/);
	t.regex(run.stderr, /4\. surname \(validationRegEx\): the pattern does not compile/);
	t.regex(run.stderr, /has 5 problems/);
	t.deepEqual(writes(emulator.log), []);
});

test('a change made after show is not overwritten without --force; the refusal shows both versions', async (t) => {
	const emulator = await emulatorFor(t);
	const mine = await show(emulator.graphUrl);
	// Someone else relabels givenName after we read the page.
	const theirs = {
		...mine,
		inputs: mine.inputs.map((input) =>
			input.attribute === 'givenName' ? { ...input, label: 'First name' } : input,
		),
	};
	const other = await runCommand(emulator.graphUrl, ['layout', 'set', flowId, '--file', fileWith(t, theirs)]);
	t.is(other.code, 0, other.stderr);
	const now = (await show(emulator.graphUrl)).base;
	const file = fileWith(t, edited(mine));
	emulator.clearLog();
	const refused = await runCommand(emulator.graphUrl, ['layout', 'set', flowId, '--file', file]);
	t.is(refused.code, 1);
	t.true(refused.stderr.includes(`base ${mine.base}, now ${now}`), refused.stderr);
	t.regex(refused.stderr, /changed\s+givenName label: "First name" → "Given Name"/);
	t.regex(refused.stderr, /--force/);
	t.deepEqual(writes(emulator.log), []);
	const forced = await runCommand(emulator.graphUrl, ['layout', 'set', flowId, '--file', file, '--force']);
	t.is(forced.code, 0, forced.stderr);
	t.regex(forced.stderr, /Saving anyway \(--force\)/);
	t.deepEqual(asGraph((await show(emulator.graphUrl)).inputs), asGraph(edited(mine).inputs));
});

test('a file without a base skips the concurrency check; an unchanged file sends nothing', async (t) => {
	const emulator = await emulatorFor(t);
	const document = await show(emulator.graphUrl);
	emulator.clearLog();
	const same = await runCommand(emulator.graphUrl, [
		'layout',
		'set',
		flowId,
		'--file',
		fileWith(t, document),
	]);
	t.is(same.code, 0, same.stderr);
	t.regex(same.stdout, /already matches/);
	t.deepEqual(writes(emulator.log), []);
	const { base: _base, ...noBase } = edited(document);
	const saved = await runCommand(emulator.graphUrl, ['layout', 'set', flowId, '--file', fileWith(t, noBase)]);
	t.is(saved.code, 0, saved.stderr);
	t.is(writes(emulator.log).length, 1);
});

test("another flow's page is refused unless --force: the file names the flow it was read from", async (t) => {
	const emulator = await emulatorFor(t);
	const document = await show(emulator.graphUrl);
	const other = {
		...edited(document),
		flow: { id: seed.flows.events.id, displayName: seed.flows.events.name },
	};
	const path = fileWith(t, other);
	const run = await runCommand(emulator.graphUrl, ['layout', 'set', flowId, '--file', path]);
	t.is(run.code, 1);
	t.regex(
		run.stderr,
		/is the sign-up page of "Events registration" \(5730a1a1-[^)]+\), not of "Contoso customers/,
	);
	t.regex(run.stderr, /add --force/);
	t.deepEqual(writes(emulator.log), []);
	const forced = await runCommand(emulator.graphUrl, ['layout', 'set', flowId, '--file', path, '--force']);
	t.is(forced.code, 0, forced.stderr);
	t.is(writes(emulator.log).length, 1);
});
