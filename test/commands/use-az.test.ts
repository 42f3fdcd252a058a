import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { identityDefaults } from '../../source/emulator/identity/index.js';
import { type ServedEmulator, serveEmulator } from '../../source/emulator/serve.js';
import { runCommand } from '../helpers/cli.js';

// --use-az against a stub `az` first on PATH that prints what the real one prints.

type Stub = { readonly dir: string; readonly argsFile: string };

async function stubAz(
	t: ExecutionContext,
	behaviour: { token?: string; tenant?: string; fail?: string },
): Promise<Stub> {
	const dir = await mkdtemp(join(tmpdir(), 'entra-flows-az-'));
	t.teardown(() => rm(dir, { recursive: true, force: true }));
	const argsFile = join(dir, 'args.json');
	const reply = {
		accessToken: behaviour.token,
		expiresOn: '2026-12-01 10:00:00.000000',
		expires_on: Math.floor(Date.now() / 1000) + 3600,
		subscription: 'b1c2d3e4-0000-4000-8000-000000000001',
		tenant: behaviour.tenant,
		tokenType: 'Bearer',
	};
	const script = `#!${process.execPath}
require('node:fs').writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(process.argv.slice(2)));
${
	behaviour.fail
		? `process.stderr.write(${JSON.stringify(behaviour.fail)}); process.exit(1);`
		: `process.stdout.write(${JSON.stringify(`${JSON.stringify(reply, null, 2)}\n`)});`
}
`;
	await writeFile(join(dir, 'az'), script, { mode: 0o755 });
	return { dir, argsFile };
}

async function served(t: ExecutionContext): Promise<ServedEmulator> {
	const emulator = await serveEmulator({ port: 0 });
	t.teardown(() => emulator.close());
	return emulator;
}

const useAz = (
	emulator: ServedEmulator,
	stub: { dir: string },
	argv: readonly string[],
	extra: string[] = [],
) =>
	runCommand(emulator.info.graphUrl, [...argv, '--use-az', '--ca-file', emulator.info.caFile!, ...extra], {
		env: { ENTRA_FLOWS_ACCESS_TOKEN: '', PATH: stub.dir },
	});

test('--use-az takes the Graph token from `az account get-access-token --resource-type ms-graph --tenant T`', async (t) => {
	const emulator = await served(t);
	// az signed in as a service principal that was granted the user-flow permissions.
	const token = emulator.identity!.mintAccessToken({ roles: [...identityDefaults.roles] });
	const stub = await stubAz(t, { token, tenant: emulator.info.tenantId });
	const list = await useAz(
		emulator,
		stub,
		['flows', 'list', '--json'],
		['--tenant', emulator.info.tenantId!],
	);
	t.is(list.code, 0, list.stderr);
	t.true((JSON.parse(list.stdout) as unknown[]).length >= 4);
	t.deepEqual(JSON.parse(readFileSync(stub.argsFile, 'utf8')), [
		'account',
		'get-access-token',
		'--resource-type',
		'ms-graph',
		'--output',
		'json',
		'--tenant',
		emulator.info.tenantId,
	]);
	const who = await useAz(emulator, stub, ['whoami', '--json']);
	t.is(who.code, 0, who.stderr);
	t.like(JSON.parse(who.stdout), { mode: 'azure-cli', tenant: emulator.info.tenantId });
	for (const run of [list, who]) t.false(`${run.stdout}${run.stderr}`.includes(token));
});

test("the Azure CLI's own token lacks the user-flow permissions: the message says why and what to do", async (t) => {
	const emulator = await served(t);
	// The scopes Microsoft pre-authorised for the Azure CLI's app on Graph: no EventListener, no IdentityUserFlow.
	const token = emulator.identity!.mintAccessToken({
		scopes: [
			'Application.ReadWrite.All',
			'AppRoleAssignment.ReadWrite.All',
			'AuditLog.Read.All',
			'DelegatedPermissionGrant.ReadWrite.All',
			'Directory.AccessAsUser.All',
			'Group.ReadWrite.All',
			'User.ReadWrite.All',
		],
	});
	const stub = await stubAz(t, { token, tenant: emulator.info.tenantId });
	const run = await useAz(emulator, stub, ['flows', 'list'], ['--tenant', emulator.info.tenantId!]);
	t.is(run.code, 1);
	t.regex(
		run.stderr,
		/lacks the user-flow permissions EventListener\.Read\.All \/ EventListener\.ReadWrite\.All/,
	);
	t.regex(run.stderr, /04b07795-8ddb-461a-bbee-02f9e1bf7b46/);
	t.regex(run.stderr, new RegExp(`entra-flows login --tenant ${emulator.info.tenantId}`));
	t.false(`${run.stdout}${run.stderr}`.includes(token));
	t.false(run.stderr.includes(token.split('.')[1]!));
});

test('az not signed in, or not installed, is said plainly with the command that fixes it', async (t) => {
	const emulator = await served(t);
	const stub = await stubAz(t, { fail: "ERROR: Please run 'az login' to setup account.\n" });
	const notSignedIn = await useAz(emulator, stub, ['whoami'], ['--tenant', 'contoso.onmicrosoft.com']);
	t.is(notSignedIn.code, 3, 'needs sign-in (in the Azure CLI)');
	t.regex(notSignedIn.stderr, /The Azure CLI has no usable sign-in for tenant contoso\.onmicrosoft\.com/);
	t.regex(notSignedIn.stderr, /az login --tenant contoso\.onmicrosoft\.com --allow-no-subscriptions/);
	const empty = await mkdtemp(join(tmpdir(), 'entra-flows-no-az-'));
	t.teardown(() => rm(empty, { recursive: true, force: true }));
	const missing = await useAz(emulator, { dir: empty }, ['whoami']);
	t.is(missing.code, 1);
	t.regex(missing.stderr, /--use-az needs the Azure CLI, and `az` is not on PATH/);
});
