import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { serveEmulator } from '../../source/emulator/serve.js';
import { type CliRun, freshDirs, json, runCommand } from '../helpers/cli.js';

async function served(t: ExecutionContext, identity: Parameters<typeof serveEmulator>[0] = {}) {
	const emulator = await serveEmulator({
		port: 0,
		...identity,
		identity: { autoApprove: true, pollIntervalSeconds: 0, ...identity.identity },
	});
	t.teardown(() => emulator.close());
	const { info } = emulator;
	const dirs = freshDirs();
	const outputs: CliRun[] = [];
	const run = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
		const result = await runCommand(info.graphUrl, argv, {
			env: { ...dirs, ENTRA_FLOWS_ACCESS_TOKEN: '', ...env },
		});
		outputs.push(result);
		return result;
	};
	const signInFlags = [
		'--tenant',
		info.tenantId ?? '',
		'--authority-host',
		info.authorityHost ?? '',
		'--ca-file',
		info.caFile ?? '',
	];
	// Every value the emulator issued or holds stays out of what we print, except the user code people must type.
	const assertNoSecrets = () => {
		const printed = outputs.map((output) => output.stdout + output.stderr).join('\n');
		const userCodes = new Set([...printed.matchAll(/enter the code (\S+)/g)].map((match) => match[1]));
		const leaked = (emulator.identity?.issuedSecrets() ?? []).filter(
			(secret) => secret.length >= 8 && !userCodes.has(secret) && printed.includes(secret),
		);
		t.deepEqual(leaked, [], 'a token, refresh token, device code or secret was printed');
	};
	return { emulator, info, dirs, run, signInFlags, assertNoSecrets };
}

test('login by device code, then commands sign in silently; logout forgets it', async (t) => {
	const { run, signInFlags, assertNoSecrets } = await served(t);
	const before = await run(['flows', 'list', ...signInFlags]);
	t.is(before.code, 3, 'needs sign-in: a distinct exit code scripts can branch on');
	t.regex(before.stderr, /entra-flows login/);
	const login = await run(['login', ...signInFlags]);
	t.is(login.code, 0, login.stderr);
	t.regex(login.stderr, /devicelogin and enter the code [A-Z0-9]+/);
	t.regex(login.stdout, /Signed in as admin@contosocustomers\.onmicrosoft\.com/);
	// The tenant, authority and CA are remembered: no flags needed now, and no device code is shown.
	const list = await run(['flows', 'list', '--json']);
	t.is(list.code, 0, list.stderr);
	t.is(list.stderr, '');
	t.true(json<unknown[]>(list).length >= 4);
	const who = json<{ mode: string; account: string; scopes: string[]; expiresAt: string }>(
		await run(['whoami', '--json']),
	);
	t.is(who.mode, 'device-code');
	t.is(who.account, 'admin@contosocustomers.onmicrosoft.com');
	t.true(who.scopes.includes('EventListener.ReadWrite.All'));
	t.true(Date.parse(who.expiresAt) > Date.now());
	t.is((await run(['logout'])).code, 0);
	const after = await run(['flows', 'list']);
	t.is(after.code, 3);
	t.regex(after.stderr, /login/);
	assertNoSecrets();
});

test('read-only sign-in: a write is refused before sending, naming the permission and the fix', async (t) => {
	const { emulator, run, signInFlags, assertNoSecrets } = await served(t);
	t.is((await run(['login', '--read-only', ...signInFlags])).code, 0);
	t.is((await run(['flows', 'list'])).code, 0);
	emulator.graph.clearLog();
	const create = await run(['flows', 'create', '--name', 'Not allowed']);
	t.is(create.code, 1);
	t.regex(create.stderr, /not sent: MissingPermission/);
	t.regex(create.stderr, /needs EventListener\.ReadWrite\.All; you are signed in with read-only scopes/);
	t.regex(create.stderr, /without --read-only/);
	t.false(
		emulator.graph.log.some(
			(entry) => entry.method === 'POST' && entry.path.includes('authenticationEventsFlows'),
		),
	);
	t.is((await run(['login'])).code, 0);
	const again = await run(['flows', 'create', '--name', 'Allowed now']);
	t.is(again.code, 0, again.stderr);
	assertNoSecrets();
});

test('app-only with a client secret from a file; a wrong secret and an unknown tenant give plain words', async (t) => {
	const { emulator, run, signInFlags, dirs, assertNoSecrets } = await served(t);
	const secretFile = join(dirs.XDG_CONFIG_HOME, '..', 'secret.txt');
	writeFileSync(secretFile, `${emulator.identity?.clientSecret}\n`, { mode: 0o600 });
	const clientId = ['--client-id', '5c8e7f21-3a94-4d6b-b0e2-9f1c4a7d6e38'];
	const list = await run([
		'flows',
		'list',
		'--json',
		...signInFlags,
		...clientId,
		'--client-secret-file',
		secretFile,
	]);
	t.is(list.code, 0, list.stderr);
	const who = json<{ mode: string; roles: string[] }>(
		await run(['whoami', '--json', ...signInFlags, ...clientId, '--client-secret-file', secretFile]),
	);
	t.is(who.mode, 'client-secret');
	t.true(who.roles.includes('EventListener.ReadWrite.All'));
	const wrong = await run(['flows', 'list', ...signInFlags, ...clientId], {
		AZURE_CLIENT_SECRET: 'not-the-secret',
	});
	t.is(wrong.code, 1);
	t.regex(wrong.stderr, /AADSTS7000215/);
	t.regex(wrong.stderr, /secret/i);
	const tenant = await run(
		['flows', 'list', ...signInFlags, ...clientId, '--tenant', 'nosuchtenant.onmicrosoft.com'],
		{
			AZURE_CLIENT_SECRET: emulator.identity?.clientSecret,
		},
	);
	t.is(tenant.code, 1);
	t.regex(tenant.stderr, /AADSTS90002/);
	assertNoSecrets();
});

test('app-only with a client certificate', async (t) => {
	const { emulator, run, signInFlags, dirs, assertNoSecrets } = await served(t);
	const certificate = await emulator.identity!.clientCertificate();
	const path = join(dirs.XDG_CONFIG_HOME, '..', 'app.pem');
	writeFileSync(path, certificate.pem, { mode: 0o600 });
	const list = await run(
		['flows', 'list', ...signInFlags, '--client-id', '5c8e7f21-3a94-4d6b-b0e2-9f1c4a7d6e38'],
		{
			AZURE_CLIENT_CERTIFICATE_PATH: path,
		},
	);
	t.is(list.code, 0, list.stderr);
	assertNoSecrets();
});

test('a declined device code is reported in plain words', async (t) => {
	const { run, signInFlags, assertNoSecrets } = await served(t, { identity: { behaviour: 'declined' } });
	const login = await run(['login', ...signInFlags]);
	t.is(login.code, 1);
	t.regex(login.stderr, /declin/i);
	assertNoSecrets();
});
