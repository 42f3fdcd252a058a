import test from 'ava';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';
import { loopbackGraph } from '../helpers/loopback-server.js';

// Text from Graph is untrusted: names set by app owners, error fields, response headers. None of it may reach a
// terminal as a control: not in a prompt, not on stderr, not in --json, not in --verbose.

/** ESC, BEL, C1 controls (0x80–0x9F, 0x9B is an 8-bit CSI) and bidi controls, in the raw bytes written. */
const dangerous = /[\u001B\u0007\u0080-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

const title = '\u001B]0;pwned\u0007';
const clipboard = '\u001B]52;c;ZXZpbA==\u0007';
const clear = '\u001B[2J';
const link = '\u001B]8;;https://evil.test\u0007click\u001B]8;;\u0007';

test('delete prompts show names without controls, and the name as shown confirms the delete', async (t) => {
	const emulator = await emulatorFor(t);
	const flow = emulator.tenant.requireFlow(seed.flows.customers.id);
	flow.displayName = `Shop ${title}${clear}sign-in\u202E`;
	const app = emulator.tenant.state.applications.find((record) => record.appId === seed.apps.storefront);
	if (app) app.displayName = `Storefront ${link}${clipboard}\u009B31m`;
	const run = await runCommand(emulator.graphUrl, ['flows', 'delete', flow.id], {
		answers: ['SHOP SIGN-IN'],
	});
	t.is(run.code, 0, run.stderr);
	t.false(dangerous.test(run.stderr), JSON.stringify(run.stderr));
	t.regex(
		run.stderr,
		/Delete user flow "Shop sign-in"\? 2 app\(s\) will lose their flow: Storefront click31m/,
	);
	t.falsy(emulator.tenant.findFlow(flow.id), 'the name as shown (any case) confirmed it');
});

test('hidden characters in a name are shown in the prompt; the visible name or the id confirms', async (t) => {
	const emulator = await emulatorFor(t);
	const flow = emulator.tenant.requireFlow(seed.flows.events.id);
	flow.displayName = 'Events\u200Bregistration';
	const wrong = await runCommand(emulator.graphUrl, ['flows', 'delete', flow.id], {
		answers: ['Events registration'],
	});
	t.is(wrong.code, 1);
	t.regex(wrong.stderr, /characters you cannot see, marked here: Events⟨U\+200B⟩registration/);
	t.regex(wrong.stderr, /Not deleted: the name did not match/);
	const byId = await runCommand(emulator.graphUrl, ['flows', 'delete', flow.id], { answers: [flow.id] });
	t.is(byId.code, 0, byId.stderr);
});

test('a name that only looks like the one typed is not taken for it: the look-alike is named with its id', async (t) => {
	const emulator = await emulatorFor(t);
	// "é" as e + combining accent (NFD) looks the same as the composed one a person types.
	emulator.tenant.requireFlow(seed.flows.events.id).displayName = 'Cafe\u0301 members';
	const run = await runCommand(emulator.graphUrl, ['flows', 'get', 'Café members']);
	t.is(run.code, 1);
	t.regex(run.stderr, /looks the same but differs in characters you cannot see/);
	t.regex(run.stderr, new RegExp(seed.flows.events.id));
});

test('--json escapes C1 and bidi controls as \\u, and the names read back unchanged', async (t) => {
	const emulator = await emulatorFor(t);
	const name = 'Promo \u009B31m \u202Etxt.exe\u202C \u200B end';
	emulator.tenant.requireFlow(seed.flows.events.id).displayName = name;
	const run = await runCommand(emulator.graphUrl, ['flows', 'get', seed.flows.events.id, '--json']);
	t.is(run.code, 0, run.stderr);
	t.false(dangerous.test(run.stdout));
	t.true(run.stdout.includes('\\u009b') && run.stdout.includes('\\u202e'));
	t.is(json<{ displayName: string }>(run).displayName, name);
});

/** A Graph that answers every request with an error whose every field is hostile. */
function hostileGraph(t: Parameters<typeof emulatorFor>[0]): Promise<string> {
	return loopbackGraph(t, (response) => {
		response.writeHead(403, {
			'content-type': 'application/json',
			'request-id': 'abc\u009B2Jdef',
		});
		response.end(
			JSON.stringify({
				error: {
					code: `Denied${title}`,
					message: `No ${clear}way\u202E`,
					innerError: { 'request-id': `id${clipboard}`, date: `2026\u001B[31m` },
				},
			}),
		);
	});
}

test('every field of a Graph error, and --verbose lines, reach stderr without controls', async (t) => {
	const graphUrl = await hostileGraph(t);
	for (const argv of [
		['flows', 'list'],
		['flows', 'list', '--verbose'],
		['flows', 'list', '--json'],
		['flows', 'list', '--json', '--verbose'],
	]) {
		const run = await runCommand(graphUrl, argv);
		t.is(run.code, 1, argv.join(' '));
		t.false(dangerous.test(run.stderr), `${argv.join(' ')}: ${JSON.stringify(run.stderr)}`);
		t.regex(run.stderr, /Denied/);
	}
	const verbose = await runCommand(graphUrl, ['flows', 'list', '--json', '--verbose']);
	const lines = verbose.stderr.trim().split('\n');
	t.true(lines.length >= 2, 'a notice line per request, then the error');
	for (const line of lines) t.notThrows(() => JSON.parse(line), line);
});
