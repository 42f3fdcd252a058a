import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

// The tenant's identity providers from the command line: configure, change, delete, with secrets read from
// files or stdin and never shown anywhere.

const secret = 'oidc-client-secret-7f3a9c2e51';
const appleKey =
	'-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQgApple\n-----END PRIVATE KEY-----';
const writes = <T extends { method: string }>(log: readonly T[]) =>
	log.filter((entry) => entry.method !== 'GET');

function secretFile(text: string): string {
	const path = join(mkdtempSync(join(tmpdir(), 'entra-flows-secret-')), 'secret');
	writeFileSync(path, `${text}\n`);
	chmodSync(path, 0o600);
	return path;
}

const providers = (
	emulator: { graphUrl: string },
	argv: readonly string[],
	options?: Parameters<typeof runCommand>[2],
) => runCommand(emulator.graphUrl, ['tenant', 'providers', ...argv], options);

const oidcArgs = [
	'add',
	'oidc',
	'--name',
	'Contoso partners',
	'--client-id',
	'00001111-aaaa-2222-bbbb-3333cccc4444',
	'--issuer',
	'https://login.partners.example/v2.0/',
	'--well-known',
	'https://login.partners.example/v2.0/.well-known/openid-configuration',
	'--client-secret-file',
	'-',
];

test('list names the flows that offer each provider', async (t) => {
	const emulator = await emulatorFor(t);
	const run = await providers(emulator, []);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /OFFERED BY/);
	t.regex(run.stdout, /Google-OAUTH .*Google .*Contoso customers sign-up and sign-in/);
	const listed = json<{ id: string; offeredBy: { id: string }[] }[]>(await providers(emulator, ['--json']));
	const google = listed.find((provider) => provider.id === 'Google-OAUTH');
	t.true(google?.offeredBy.some((flow) => flow.id === seed.flows.customers.id));
});

test('an OIDC provider is configured with its secret from stdin, which no output ever shows', async (t) => {
	const emulator = await emulatorFor(t);
	const dry = await providers(emulator, [...oidcArgs, '--dry-run', '--verbose'], { stdin: secret });
	t.is(dry.code, 0, dry.stderr);
	t.deepEqual(writes(emulator.log), []);
	t.regex(dry.stdout + dry.stderr, /POST .*identity\/identityProviders/);
	const created = await providers(emulator, [...oidcArgs, '--verbose'], { stdin: secret });
	t.is(created.code, 0, created.stderr);
	t.regex(created.stdout, /Configured Contoso partners \([0-9a-f-]{36}\)\. Offer it with/);
	const stored = emulator.tenant.providers.find((provider) => provider.displayName === 'Contoso partners');
	t.like(stored?.oidc, {
		responseType: 'code',
		clientAuthentication: { kind: 'clientSecret', clientSecret: secret },
	});
	t.deepEqual(Object.keys(stored?.oidc?.inboundClaimMapping ?? {}).slice(0, 2), ['sub', 'name']);
	const again = await providers(emulator, oidcArgs, { stdin: secret });
	t.is(again.code, 1);
	t.regex(again.stderr, /already has the identity provider "Contoso partners"/);
	const shown = await providers(emulator, ['get', 'Contoso partners', '--json']);
	t.is(shown.code, 0, shown.stderr);
	for (const run of [dry, created, again, shown]) {
		t.false(run.stdout.includes(secret), 'stdout');
		t.false(run.stderr.includes(secret), 'stderr');
	}
});

test('an Apple provider reads its key from a file; Google once more is refused as configured already', async (t) => {
	const emulator = await emulatorFor(t);
	const apple = await providers(emulator, [
		'add',
		'apple',
		'--developer-id',
		'TEAM123456',
		'--service-id',
		'com.contoso.signin',
		'--key-id',
		'KEY7654321',
		'--certificate-file',
		secretFile(appleKey),
		'--json',
	]);
	t.is(apple.code, 0, apple.stderr);
	t.like(json(apple), { id: 'Apple-Managed-OIDC', certificateData: '******' });
	t.false(apple.stdout.includes('MIGTAgEA'));
	const google = await providers(emulator, [
		'add',
		'google',
		'--client-id',
		'x.apps.googleusercontent.com',
		'--client-secret-file',
		secretFile('GOCSPX-second'),
	]);
	t.is(google.code, 1);
	t.regex(google.stderr, /already has the identity provider "Google" \(Google-OAUTH\)/);
	t.regex(google.stderr, /tenant providers update Google-OAUTH/);
});

test('bad input is refused before any request: unknown kind, missing fields, a secret in argv, asterisks', async (t) => {
	const emulator = await emulatorFor(t);
	for (const [argv, message] of [
		[['add', 'saml'], /one of google, facebook, apple, oidc/],
		[['add', 'google', '--client-id', 'x'], /needs --client-secret-file FILE/],
		[
			[
				'add',
				'oidc',
				'--name',
				'X',
				'--client-id',
				'y',
				'--issuer',
				'http://a.example',
				'--well-known',
				'https://a.example',
			],
			/--issuer must be an https URL/,
		],
		[['add', 'google', '--client-id', 'x', '--client-secret', 'GOCSPX-in-argv'], /client-secret/],
		[
			['update', 'Google-OAUTH', '--client-secret-file', secretFile('******')],
			/only asterisks: that is the masked value/,
		],
		[['update', 'Google-OAUTH'], /needs at least one field to change/],
	] as const) {
		const run = await providers(emulator, [...argv]);
		t.is(run.code, 2, `${argv.join(' ')}: ${run.stderr}`);
		t.regex(run.stderr, message);
		t.false(run.stderr.includes('GOCSPX-in-argv'));
	}
	t.deepEqual(writes(emulator.log), []);
});

test('update sends only what changes; the same values again are nothing to do', async (t) => {
	const emulator = await emulatorFor(t);
	const renamed = await providers(emulator, [
		'update',
		'Google',
		'--name',
		'Google accounts',
		'--client-secret-file',
		secretFile('GOCSPX-rotated'),
	]);
	t.is(renamed.code, 0, renamed.stderr);
	t.regex(renamed.stdout, /Updated displayName, clientSecret of Google-OAUTH/);
	const [patch] = writes(emulator.log);
	t.deepEqual(patch?.body, {
		'@odata.type': '#microsoft.graph.socialIdentityProvider',
		displayName: 'Google accounts',
		clientSecret: 'GOCSPX-rotated',
	});
	t.false(renamed.stdout.includes('GOCSPX-rotated'));
	emulator.clearLog();
	const same = await providers(emulator, ['update', 'Google-OAUTH', '--name', 'Google accounts']);
	t.is(same.code, 0, same.stderr);
	t.regex(same.stdout, /already has those values; nothing to do/);
	t.deepEqual(writes(emulator.log), []);
	const foreign = await providers(emulator, ['update', 'Google-OAUTH', '--issuer', 'https://a.example/']);
	t.is(foreign.code, 2);
	t.regex(foreign.stderr, /issuer cannot be set on a Google provider/);
});

test('delete is refused while flows offer the provider, naming them; built-ins are never deleted', async (t) => {
	const emulator = await emulatorFor(t);
	const inUse = await providers(emulator, ['delete', 'Facebook', '--yes']);
	t.is(inUse.code, 1);
	t.regex(
		inUse.stderr,
		/Facebook-OAUTH is still offered by \d user flow\(s\): "Contoso customers sign-up and sign-in"/,
	);
	t.regex(inUse.stderr, /entra-flows providers remove 289f0177-1297-43be-b406-ff86fb19c671 Facebook-OAUTH/);
	const builtIn = await providers(emulator, ['delete', 'EmailPassword-OAUTH', '--yes']);
	t.is(builtIn.code, 1);
	t.regex(builtIn.stderr, /built-in identity provider/);
	t.deepEqual(writes(emulator.log), []);
	for (const flow of emulator.tenant.flows)
		flow.providerIds = flow.providerIds.filter((id) => id !== 'Facebook-OAUTH');
	const deleted = await providers(emulator, ['delete', 'Facebook', '--yes']);
	t.is(deleted.code, 0, deleted.stderr);
	t.regex(deleted.stdout, /Deleted identity provider "Facebook" \(Facebook-OAUTH\)/);
	t.is(emulator.tenant.findProvider('Facebook-OAUTH'), undefined);
});
