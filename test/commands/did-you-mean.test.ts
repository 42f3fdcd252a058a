import test from 'ava';
import { runCommand } from '../helpers/cli.js';

// Nothing here reaches the network: a typo is caught while reading argv.
const nowhere = 'http://127.0.0.1:9/v1.0';

test('a mistyped command gets the command meant, whichever word has the typo', async (t) => {
	for (const [typed, meant] of [
		[['flows', 'lsit'], 'flows list'],
		[['flwos', 'list'], 'flows list'],
		[['tenant', 'atributes', 'delete', 'x'], 'tenant attributes delete'],
		[['whoamI'], 'whoami'],
	] as const) {
		const run = await runCommand(nowhere, [...typed]);
		t.is(run.code, 2, run.stderr);
		t.true(run.stderr.includes(`Did you mean \`entra-flows ${meant}\`?`), run.stderr);
	}
	const far = await runCommand(nowhere, ['frobnicate']);
	t.regex(far.stderr, /Unknown command "frobnicate"\. See `entra-flows --help` for the list\./);
});

test('a mistyped flag gets the flag meant, from the flags that command takes', async (t) => {
	const unknown = await runCommand(nowhere, ['flows', 'create', '--nmae', 'X']);
	t.is(unknown.code, 2);
	t.regex(unknown.stderr, /Unknown flag --nmae\. Did you mean --name\?/);
	const dry = await runCommand(nowhere, ['flows', 'delete', 'X', '--dryrun']);
	t.regex(dry.stderr, /Did you mean --dry-run\?/);
	// --yes is a known flag, but not of `flows list`: the guess comes from that command's own flags.
	const elsewhere = await runCommand(nowhere, ['flows', 'list', '--yes']);
	t.regex(elsewhere.stderr, /"flows list" has no --yes flag\. See/);
});

test('`flows --help` lists the verbs of the group instead of failing; `flows` alone names them', async (t) => {
	const help = await runCommand(nowhere, ['flows', '--help']);
	t.is(help.code, 0, help.stderr);
	for (const verb of ['list', 'get', 'create', 'update', 'delete', 'clone'])
		t.regex(help.stdout, new RegExp(`entra-flows flows ${verb}\\b`));
	const tenant = await runCommand(nowhere, ['tenant', '--help']);
	t.is(tenant.code, 0);
	t.regex(tenant.stdout, /entra-flows tenant attributes create/);
	const bare = await runCommand(nowhere, ['flows']);
	t.is(bare.code, 2);
	t.regex(bare.stderr, /"flows" needs one of: list, get, create/);
});
