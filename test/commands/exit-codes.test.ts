import test from 'ava';
import { runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

// Scripts branch on the exit code: a refusal (1), a usage error (2), a sign-in to redo (3), a cancel (130).

test('a token Graph no longer accepts is exit 3 (needs sign-in), with the same code under --json', async (t) => {
	// F-A1 for every call: each is refused as expired, as with a token past its lifetime.
	const emulator = await emulatorFor(t, { faults: 'F-A1:times=1000' });
	const run = await runCommand(emulator.graphUrl, ['flows', 'list']);
	t.is(run.code, 3, run.stderr);
	t.regex(run.stderr, /401/);
	const scripted = await runCommand(emulator.graphUrl, ['flows', 'list', '--json']);
	t.is(scripted.code, 3);
	t.like(JSON.parse(scripted.stderr), { error: { status: 401 } });
});

test('a refusal stays exit 1 and a usage error exit 2', async (t) => {
	const emulator = await emulatorFor(t);
	t.is((await runCommand(emulator.graphUrl, ['flows', 'get', 'No such flow'])).code, 1);
	t.is((await runCommand(emulator.graphUrl, ['flows', 'get'])).code, 2);
});

test('an answer that is not the name cancels nothing: exit 1; a prompt closed by ctrl+c or ctrl+d is 130', async (t) => {
	const emulator = await emulatorFor(t);
	const wrong = await runCommand(emulator.graphUrl, ['flows', 'delete', seed.flows.events.id], {
		answers: ['not it'],
	});
	t.is(wrong.code, 1);
	// readline rejects the question with an AbortError when the person presses ctrl+c or ctrl+d.
	const { runCli } = await import('../../source/wiring/run-cli.js');
	let stderr = '';
	const code = await runCli({
		argv: ['--graph-url', emulator.graphUrl, 'flows', 'delete', seed.flows.events.id, '--json'],
		env: {
			ENTRA_FLOWS_ACCESS_TOKEN: 'test-token',
			XDG_CONFIG_HOME: '/nonexistent',
			XDG_STATE_HOME: '/nonexistent',
		},
		version: '0',
		stdout: () => {},
		stderr: (text) => {
			stderr += text;
		},
		ask: () => Promise.reject(Object.assign(new Error('Aborted with Ctrl+C'), { name: 'AbortError' })),
	});
	t.is(code, 130);
	t.like(JSON.parse(stderr), {
		error: { kind: 'cancelled', message: 'Cancelled at the prompt; nothing was deleted.' },
	});
	t.truthy(emulator.tenant.findFlow(seed.flows.events.id));
});
