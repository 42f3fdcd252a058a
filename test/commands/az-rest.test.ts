import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import test from 'ava';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

const run = promisify(execFile);

// The Azure CLI is a large install: CI sets ENTRA_FLOWS_REQUIRE_AZ=1 (see .ci/run), elsewhere a missing `az` skips.
const azFound = await run('az', ['version'], { timeout: 60_000 }).then(
	() => true,
	() => false,
);
if (!azFound && process.env.ENTRA_FLOWS_REQUIRE_AZ === '1') {
	throw new Error('ENTRA_FLOWS_REQUIRE_AZ=1 but `az` is not on PATH; install the azure-cli package');
}
const azTest = azFound ? test : test.skip;

/**
 * The `az rest` line a dry run prints, run as a person would after `az login`, except that the token is the
 * emulator's: az sends a given Authorization header as is instead of signing in.
 */
async function runAzLine(line: string, token: string, configDir: string): Promise<void> {
	await run('bash', ['-c', `${line} --headers "Authorization=Bearer $TOKEN" --only-show-errors`], {
		env: { ...process.env, TOKEN: token, AZURE_CONFIG_DIR: configDir, AZURE_CORE_COLLECT_TELEMETRY: 'no' },
		timeout: 60_000,
	});
}

function azLines(stdout: string): string[] {
	return stdout
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line.startsWith('az rest '));
}

azTest('the printed az rest lines reproduce a PATCH with quotes in the name and a $ref POST', async (t) => {
	const tokens: string[] = [];
	const emulator = await emulatorFor(t, {
		authorize: (authorization) => {
			tokens.push(authorization ?? '');
			return { ok: true };
		},
	});
	const configDir = mkdtempSync(join(tmpdir(), 'entra-flows-az-'));
	t.teardown(() => rmSync(configDir, { recursive: true, force: true }));
	const name = 'O\'Brien\'s "flow" $HOME `id`';
	const update = await runCommand(emulator.graphUrl, [
		'flows',
		'update',
		seed.flows.events.id,
		'--name',
		name,
		'--dry-run',
	]);
	const add = await runCommand(emulator.graphUrl, [
		'providers',
		'add',
		seed.flows.partners.id,
		'Google-OAUTH',
		'--dry-run',
	]);
	t.is(update.code, 0, update.stderr);
	t.is(add.code, 0, add.stderr);
	const [patch] = azLines(update.stdout);
	const [ref] = azLines(add.stdout);
	t.regex(
		patch ?? '',
		/^az rest --method patch --url '.*' --headers 'Content-Type=application\/json' --body '/,
	);
	t.regex(ref ?? '', /identityProviders\/\$ref'/);
	t.false(
		emulator.log.some((entry) => entry.method !== 'GET'),
		'the dry runs sent no write',
	);

	tokens.length = 0;
	await runAzLine(patch ?? '', 'token-for-az', configDir);
	await runAzLine(ref ?? '', 'token-for-az', configDir);
	t.deepEqual(tokens, ['Bearer token-for-az', 'Bearer token-for-az']);
	const sent = emulator.log.filter((entry) => entry.method !== 'GET');
	t.deepEqual(
		sent.map((entry) => `${entry.method} ${entry.status}`),
		['PATCH 204', 'POST 204'],
	);
	const flow = json<{ displayName: string }>(
		await runCommand(emulator.graphUrl, ['flows', 'get', seed.flows.events.id, '--json']),
	);
	t.is(flow.displayName, name);
	const providers = json<{ id: string }[]>(
		await runCommand(emulator.graphUrl, ['providers', 'list', seed.flows.partners.id, '--json']),
	);
	t.true(providers.some((provider) => provider.id === 'Google-OAUTH'));
});
