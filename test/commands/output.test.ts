import test from 'ava';
import { parse } from 'yaml';
import { textWidth } from '../../source/text/width.js';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

// -o and --query come from the shared command table: any command that prints data gets them.

/** Every raw byte a terminal acts on or hides: ESC, BEL, C1 (0x9B is an 8-bit CSI), bidi controls. */
const dangerous = /[\u0007\u001B\u0080-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const hostile = 'Shop\u001B]0;pwned\u0007 \u009B31m\u202Eevil';

test('--query picks with JMESPath and prints JSON; -o json is --json', async (t) => {
	const emulator = await emulatorFor(t);
	const names = json<string[]>(
		await runCommand(emulator.graphUrl, ['flows', 'list', '--query', '[].displayName']),
	);
	t.true(names.includes(seed.flows.events.name), names.join());
	const picked = json<{ id: string; signUp: boolean }[]>(
		await runCommand(emulator.graphUrl, [
			'flows',
			'list',
			'-o',
			'json',
			'--query',
			`[?displayName=='${seed.flows.events.name}'].{id: id, signUp: onInteractiveAuthFlowStart.isSignUpAllowed}`,
		]),
	);
	t.deepEqual(picked, [{ id: seed.flows.events.id, signUp: true }]);
	const same = await runCommand(emulator.graphUrl, ['flows', 'list', '--output=json']);
	t.deepEqual(
		JSON.parse(same.stdout),
		JSON.parse((await runCommand(emulator.graphUrl, ['flows', 'list', '--json'])).stdout),
	);
	// Under -o json the error is JSON on stderr too, as under --json.
	const missing = await runCommand(emulator.graphUrl, ['flows', 'get', 'No such flow', '-o', 'json']);
	t.is(missing.code, 1);
	t.like(JSON.parse(missing.stderr), { error: { kind: 'refused' } });
});

test('-o yaml, tsv, table and none print the same data in their forms', async (t) => {
	const emulator = await emulatorFor(t);
	const query = ['--query', '[].{name: displayName, id: id}'];
	const expected = json<{ name: string; id: string }[]>(
		await runCommand(emulator.graphUrl, ['flows', 'list', ...query]),
	);
	const yaml = await runCommand(emulator.graphUrl, ['flows', 'list', '-o', 'yaml', ...query]);
	t.deepEqual(parse(yaml.stdout), expected);
	const tsv = await runCommand(emulator.graphUrl, ['flows', 'list', '-o', 'tsv', ...query]);
	t.deepEqual(
		tsv.stdout.trimEnd().split('\n'),
		expected.map((flow) => `${flow.name}\t${flow.id}`),
	);
	const table = await runCommand(emulator.graphUrl, ['flows', 'list', '-o', 'table', ...query]);
	const [head, rule, ...rows] = table.stdout.trimEnd().split('\n');
	t.regex(head ?? '', /^Name\s+Id$/);
	t.regex(rule ?? '', /^-+\s+-+$/);
	t.is(rows.length, expected.length);
	t.regex(table.stdout, new RegExp(`${seed.flows.events.name}\\s+${seed.flows.events.id}`));
	const none = await runCommand(emulator.graphUrl, ['flows', 'list', '-o', 'none']);
	t.is(none.code, 0);
	t.is(none.stdout, '');
	const jsonc = await runCommand(emulator.graphUrl, ['flows', 'get', seed.flows.events.id, '-o', 'jsonc']);
	t.regex(jsonc.stdout, /\u001B\[36m"displayName"\u001B\[0m: \u001B\[32m"/);
	// Take the colours away and it is the JSON.
	t.deepEqual(
		JSON.parse(jsonc.stdout.replace(/\u001B\[\d+m/g, '')),
		json(await runCommand(emulator.graphUrl, ['flows', 'get', seed.flows.events.id, '--json'])),
	);
});

test('a name with terminal controls is escaped in every form: json, jsonc, yaml and tsv read back whole', async (t) => {
	const emulator = await emulatorFor(t);
	emulator.tenant.requireFlow(seed.flows.events.id).displayName = hostile;
	const args = ['flows', 'get', seed.flows.events.id, '--query', 'displayName'];
	for (const format of ['json', 'jsonc', 'yaml', 'tsv', 'table']) {
		const run = await runCommand(emulator.graphUrl, [...args, '-o', format]);
		t.is(run.code, 0, run.stderr);
		// jsonc's own colours are the only escape sequences it writes.
		const printed = format === 'jsonc' ? run.stdout.replace(/\u001B\[\d+m/g, '') : run.stdout;
		t.false(dangerous.test(printed), `${format}: ${JSON.stringify(run.stdout)}`);
	}
	t.is(json(await runCommand(emulator.graphUrl, [...args, '-o', 'json'])), hostile);
	t.is(parse((await runCommand(emulator.graphUrl, [...args, '-o', 'yaml'])).stdout), hostile);
	t.is(
		(await runCommand(emulator.graphUrl, [...args, '-o', 'tsv'])).stdout,
		'Shop\\u001b]0;pwned\\u0007 \\u009b31m\\u202eevil\n',
	);
	t.regex(
		(await runCommand(emulator.graphUrl, [...args, '-o', 'table'])).stdout,
		/^Result\n-+\nShop 31mevil\n$/,
	);
});

test('-o and --query are checked before any request: a typo says what is allowed, with a guess', async (t) => {
	const run = await runCommand('http://127.0.0.1:9/v1.0', ['flows', 'list', '-o', 'tabel']);
	t.is(run.code, 2);
	t.regex(
		run.stderr,
		/-o\/--output takes json, jsonc, yaml, table, tsv, none; not "tabel"\. Did you mean "table"\?/,
	);
	const query = await runCommand('http://127.0.0.1:9/v1.0', ['flows', 'list', '--query', '[?name==']);
	t.is(query.code, 2);
	t.regex(query.stderr, /--query is not a JMESPath expression/);
	const both = await runCommand('http://127.0.0.1:9/v1.0', ['flows', 'list', '--json', '-o', 'yaml']);
	t.is(both.code, 2);
	t.regex(both.stderr, /--json is -o json/);
	const asJson = await runCommand('http://127.0.0.1:9/v1.0', ['flows', 'list', '-o', 'json', '--bogus']);
	t.like(JSON.parse(asJson.stderr), { error: { kind: 'usage' } }, 'a usage error under -o json is JSON too');
});

test('--dry-run prints its plan in the -o form, and a write command answers --query', async (t) => {
	const emulator = await emulatorFor(t);
	const plan = await runCommand(emulator.graphUrl, [
		'flows',
		'update',
		seed.flows.events.id,
		'--name',
		'Renamed',
		'--dry-run',
		'-o',
		'yaml',
	]);
	t.is(plan.code, 0, plan.stderr);
	t.regex(plan.stdout, /method: PATCH/);
	const renamed = await runCommand(emulator.graphUrl, [
		'flows',
		'update',
		seed.flows.events.id,
		'--name',
		'Renamed',
		'--query',
		'displayName',
		'-o',
		'tsv',
	]);
	t.is(renamed.stdout, 'Renamed\n');
});

test('the people table of flows list keeps its columns in line with CJK and emoji names', async (t) => {
	const emulator = await emulatorFor(t);
	emulator.tenant.requireFlow(seed.flows.events.id).displayName = '顧客サインアップ 🎉';
	emulator.tenant.requireFlow(seed.flows.partners.id).displayName = 'Café ✔';
	const run = await runCommand(emulator.graphUrl, ['flows', 'list']);
	const lines = run.stdout.trimEnd().split('\n');
	// The ID column starts at the same terminal column on every line.
	const idColumn = (line: string) => {
		const id = /[0-9a-f]{8}-[0-9a-f-]{27}|\bID\b/.exec(line);
		return id ? textWidth(line.slice(0, id.index)) : -1;
	};
	const columns = new Set(lines.map(idColumn));
	t.is(columns.size, 1, run.stdout);
	t.false(columns.has(-1));
});
