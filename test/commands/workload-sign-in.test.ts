import test, { type ExecutionContext } from 'ava';
import { type ServedEmulator, serveEmulator } from '../../source/emulator/serve.js';
import { runBuilt } from '../helpers/built-cli.js';

// Pipelines and Azure machines, end to end: the built program, over loopback HTTPS, against the emulator's
// sign-in side. msal-node reads the managed identity variables from its own process, so each run is a process.

async function served(t: ExecutionContext): Promise<ServedEmulator> {
	const emulator = await serveEmulator({ port: 0 });
	t.teardown(() => emulator.close());
	return emulator;
}

const graph = (emulator: ServedEmulator) => [
	'--graph-url',
	emulator.info.graphUrl,
	'--ca-file',
	emulator.info.caFile!,
];

async function whoami(emulator: ServedEmulator, args: readonly string[], env: NodeJS.ProcessEnv) {
	const run = await runBuilt(['whoami', '--json', ...graph(emulator), ...args], env);
	return { ...run, json: run.code === 0 ? (JSON.parse(run.stdout) as Record<string, unknown>) : undefined };
}

test('a pipeline signs in with AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID and AZURE_TENANT_ID; whoami says so', async (t) => {
	const emulator = await served(t);
	const { info } = emulator;
	const env = {
		AZURE_FEDERATED_TOKEN_FILE: info.federatedTokenFile,
		AZURE_CLIENT_ID: info.confidentialClientId,
		AZURE_TENANT_ID: info.tenantId,
		AZURE_AUTHORITY_HOST: info.authorityHost,
	};
	const who = await whoami(emulator, [], env);
	t.is(who.code, 0, who.stderr);
	t.like(who.json, { mode: 'federated-token', app: info.confidentialClientId, tenant: info.tenantId });
	const list = await runBuilt(['flows', 'list', '--json', ...graph(emulator)], env);
	t.is(list.code, 0, list.stderr);
	t.true((JSON.parse(list.stdout) as unknown[]).length >= 4);
	t.true(emulator.identity!.tokenRequests().every((record) => record.grantType === 'client_credentials'));
});

test('managed identity over IMDS: system-assigned when asked, user-assigned with AZURE_CLIENT_ID', async (t) => {
	const emulator = await served(t);
	const { info, identity } = emulator;
	// msal-node's IMDS host moved onto the emulator: nothing goes to 169.254.169.254.
	const env = { AZURE_POD_IDENTITY_AUTHORITY_HOST: info.imdsHost };
	const system = await whoami(emulator, ['--managed-identity'], env);
	t.is(system.code, 0, system.stderr);
	t.like(system.json, { mode: 'managed-identity', app: identity!.managedIdentities.systemAssigned.clientId });
	const user = await whoami(emulator, ['--managed-identity'], {
		...env,
		AZURE_CLIENT_ID: info.userAssignedClientId,
	});
	t.is(user.code, 0, user.stderr);
	t.like(user.json, { mode: 'managed-identity', app: info.userAssignedClientId });
	t.deepEqual(user.json?.roles, [...identity!.managedIdentities.userAssigned[0]!.roles]);
	// The user-assigned identity only reads: a write is refused before it is sent, naming the permission.
	const create = await runBuilt(
		['flows', 'create', '--name', 'From a VM', '--managed-identity', ...graph(emulator)],
		{
			...env,
			AZURE_CLIENT_ID: info.userAssignedClientId,
		},
	);
	t.is(create.code, 1);
	t.regex(create.stderr, /EventListener\.ReadWrite\.All/);
	t.deepEqual(
		identity!.tokenRequests().map((record) => [record.endpoint, record.source]),
		[
			['managed-identity', 'imds'],
			['managed-identity', 'imds'],
			['managed-identity', 'imds'],
		],
	);
});

test('on App Service the managed identity is detected from IDENTITY_ENDPOINT and IDENTITY_HEADER', async (t) => {
	const emulator = await served(t);
	const { info } = emulator;
	const env = { IDENTITY_ENDPOINT: info.identityEndpoint, IDENTITY_HEADER: info.identityHeader };
	const who = await whoami(emulator, [], env);
	t.is(who.code, 0, who.stderr);
	t.like(who.json, {
		mode: 'managed-identity',
		app: emulator.identity!.managedIdentities.systemAssigned.clientId,
	});
	t.deepEqual(emulator.identity!.tokenRequests()[0], {
		endpoint: 'managed-identity',
		source: 'app-service',
		clientId: emulator.identity!.managedIdentities.systemAssigned.clientId,
		outcome: 'ok',
	});
	const unknown = await whoami(emulator, [], {
		...env,
		AZURE_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
	});
	t.is(unknown.code, 1);
	t.regex(unknown.stderr, /no managed identity with client id 11111111-2222-3333-4444-555555555555/);
	t.false(unknown.stderr.includes(info.identityHeader!));
});
