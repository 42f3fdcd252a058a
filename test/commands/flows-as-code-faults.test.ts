// Faults in the middle of an apply: the report says exactly what was and was not done, and the next apply
// converges with no duplicate flow or attribute.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import type { RunningEmulator } from '../../source/emulator/server.js';
import { runCli } from '../../source/wiring/run-cli.js';
import { freshDirs, runCommand } from '../helpers/cli.js';
import { addSeedExtensions, emulatorFor } from '../helpers/emulator.js';

async function setUp(t: Parameters<typeof emulatorFor>[0], options: Parameters<typeof emulatorFor>[1] = {}) {
	const source = await emulatorFor(t);
	const target = await emulatorFor(t, { seed: 'fabrikam', ...options });
	addSeedExtensions(target);
	const dir = mkdtempSync(join(tmpdir(), 'entra-flows-faults-'));
	t.is((await runCommand(source.graphUrl, ['export', '--all', '--out', dir])).code, 0);
	return { target, dir };
}

/** The next apply finishes: it converges, and the tenant holds each flow and attribute once. */
async function converges(t: Parameters<typeof emulatorFor>[0], target: RunningEmulator, dir: string) {
	target.setFaults('');
	const again = await runCommand(target.graphUrl, ['apply', dir, '--yes']);
	t.is(again.code, 0, again.stderr);
	const check = await runCommand(target.graphUrl, ['plan', dir]);
	t.regex(check.stdout, /No changes/);
	const names = target.tenant.flows.map((flow) => flow.displayName);
	t.is(names.length, 4);
	t.is(new Set(names).size, 4);
	const custom = target.tenant.attributes.filter((attribute) => attribute.userFlowAttributeType === 'custom');
	t.is(new Set(custom.map((attribute) => attribute.id)).size, custom.length);
	t.is(custom.length, 5);
	return again;
}

test('503 on a flow create past the retries: the report names what was done and not, the next apply finishes', async (t) => {
	const { target, dir } = await setUp(t, {
		faults: 'F-S1:retry-after=0:times=4:method=POST:path=authenticationEventsFlows',
	});
	const run = await runCommand(target.graphUrl, ['apply', dir, '--yes']);
	t.is(run.code, 1);
	// Eight steps: two attributes, four flows, and the customers flow's two extensions once it exists.
	t.regex(run.stderr, /Stopped at step 3 of 8\. Done 2, not done 6:/);
	t.regex(run.stderr, /✓ custom attribute Favoritecolor/);
	t.regex(run.stderr, /✓ custom attribute Newsletter/);
	t.regex(run.stderr, /✗ "Contoso customers sign-up and sign-in": create the flow.*\(failed\)/);
	t.regex(run.stderr, /cause: POST \/identity\/authenticationEventsFlows: 503/);
	t.regex(
		run.stderr,
		/· "Contoso customers sign-up and sign-in": start extension: "Prefill sign-up details" \(not done\)/,
	);
	t.regex(run.stderr, /· "Events registration": create the flow.*\(not done\)/);
	t.regex(run.stderr, /run the same apply again/);
	t.is(target.tenant.flows.length, 0);
	const again = await converges(t, target, dir);
	t.notRegex(
		again.stdout,
		/custom attribute Favoritecolor/,
		'the attributes made the first time are not made again',
	);
});

test('504 on an attribute create that was applied: found by reading back, the apply goes on, made once', async (t) => {
	const { target, dir } = await setUp(t, { faults: 'F-S3:times=1:method=POST:path=userFlowAttributes' });
	const run = await runCommand(target.graphUrl, ['apply', dir, '--yes']);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /✓ custom attribute Favoritecolor/);
	t.is(target.tenant.attributes.filter((attribute) => attribute.id.endsWith('_Favoritecolor')).length, 1);
	await converges(t, target, dir);
});

test('a connection reset after a flow create is found by reading back: done, and the apply goes on', async (t) => {
	const { target, dir } = await setUp(t, {
		faults: 'F-N1:when=after:times=1:method=POST:path=authenticationEventsFlows',
	});
	const run = await runCommand(target.graphUrl, ['apply', dir, '--yes']);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /✓ "Contoso customers sign-up and sign-in": create the flow/);
	await converges(t, target, dir);
});

test('a connection reset on a PATCH stops the apply with the step failed; the next apply sends it again', async (t) => {
	const source = await emulatorFor(t);
	const dir = mkdtempSync(join(tmpdir(), 'entra-flows-faults-'));
	t.is((await runCommand(source.graphUrl, ['export', '--all', '--out', dir])).code, 0);
	const { readFileSync, writeFileSync } = await import('node:fs');
	const file = join(dir, 'events-registration.yaml');
	writeFileSync(
		file,
		readFileSync(file, 'utf8').replace('signUp: true', 'signUp: false').replace('label: City', 'label: Town'),
	);
	source.setFaults('F-N1:when=before:times=1:method=PATCH');
	const run = await runCommand(source.graphUrl, ['apply', dir, '--yes']);
	t.is(run.code, 1);
	t.regex(run.stderr, /Stopped at step 1 of 2\. Done 0, not done 2/);
	t.regex(run.stderr, /the answer was lost, and reading back shows the change was not made/);
	t.regex(run.stderr, /· "Events registration": sign-up page: \(not done\)/);
	source.setFaults('');
	t.is((await runCommand(source.graphUrl, ['apply', dir, '--yes'])).code, 0);
	t.regex((await runCommand(source.graphUrl, ['plan', dir])).stdout, /No changes/);
});

test('ctrl+c mid-way stops between two writes with an exact report; the next apply finishes', async (t) => {
	const controller = new AbortController();
	let writesSeen = 0;
	const { target, dir } = await setUp(t, {
		// The person presses ctrl+c while the third write is under way.
		authorize: (_authorization, need) => {
			if (need.write && ++writesSeen === 3) controller.abort();
			return { ok: true };
		},
	});
	let stderr = '';
	const code = await runCli({
		argv: ['--graph-url', target.graphUrl, 'apply', dir, '--yes'],
		env: { ...freshDirs(), ENTRA_FLOWS_ACCESS_TOKEN: 'test-token' },
		version: '0.0.0-test',
		stdout: () => {},
		stderr: (text) => {
			stderr += text;
		},
		interrupt: () => controller.signal,
	});
	t.is(code, 1);
	t.regex(stderr, /Interrupted after 3 of 8 step\(s\)\. Done 3, not done 5:/);
	t.regex(stderr, /✓ "Contoso customers sign-up and sign-in": create the flow/);
	t.regex(stderr, /· "Events registration": create the flow.*\(not done\)/);
	t.is(target.tenant.flows.length, 1);
	await converges(t, target, dir);
});
