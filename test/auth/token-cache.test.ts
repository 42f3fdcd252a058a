import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import test from 'ava';
import { createTokenProvider, defaultStateDirectory, tokenCacheFile } from '../../source/auth/index.js';
import { assertNoSecrets, capture } from '../helpers/auth-capture.js';
import { identityFor } from '../helpers/auth-emulator.js';
import { tokenInAnotherProcess } from '../helpers/auth-process.js';

const mode = async (path: string) => (await stat(path)).mode & 0o777;

test('the sign-in is saved 0600 in a 0700 folder and another process reuses it silently', async (t) => {
	const { identity, config } = await identityFor(t, { autoApprove: true, pollIntervalSeconds: 0 });
	const auth = createTokenProvider(config(), capture().hooks);
	const token = await auth.getToken();
	const file = auth.cacheFile!;
	t.is(
		file,
		tokenCacheFile(config().cachePath!, new URL(identity.authorityHost!).host, identity.publicClientId),
	);
	t.is(await mode(file), 0o600);
	t.is(await mode(dirname(file)), 0o700);
	const requests = identity.tokenRequests().length;
	const other = await tokenInAnotherProcess(config());
	t.is(other.exitCode, 0, other.stderr);
	t.falsy(other.deviceCodeShown);
	t.is(other.token, token, 'served from the cache file');
	t.is(other.account?.username, identity.user.username);
	t.is(identity.tokenRequests().length, requests, 'no request to the token endpoint');
	assertNoSecrets(t, [...(other.warnings ?? []), other.stderr], identity.issuedSecrets());
});

test('another process refreshes an expiring token without a device code', async (t) => {
	// 120 s is inside msal-node's 300 s renewal window: the cached token counts as expired.
	const { identity, config } = await identityFor(t, {
		autoApprove: true,
		pollIntervalSeconds: 0,
		accessTokenLifetimeSeconds: 120,
	});
	const auth = createTokenProvider(config(), capture().hooks);
	const token = await auth.getToken();
	const before = await readFile(auth.cacheFile!, 'utf8');
	const other = await tokenInAnotherProcess(config());
	t.is(other.exitCode, 0, other.stderr);
	t.falsy(other.deviceCodeShown);
	t.truthy(other.token);
	t.not(other.token, token);
	t.like(identity.tokenRequests().at(-1), { grantType: 'refresh_token', outcome: 'ok' });
	t.not(await readFile(auth.cacheFile!, 'utf8'), before, 'the rotated refresh token was saved');
	t.is(await mode(auth.cacheFile!), 0o600);
	t.like(
		identity.authorize(`Bearer ${other.token}`, { permission: 'EventListener.ReadWrite.All', write: true }),
		{
			ok: true,
		},
	);
});

test('loose permissions on an existing folder and file are tightened', async (t) => {
	const { config } = await identityFor(t, { autoApprove: true, pollIntervalSeconds: 0 });
	const first = createTokenProvider(config(), capture().hooks);
	const token = await first.getToken();
	await chmod(first.cacheFile!, 0o644);
	await chmod(dirname(first.cacheFile!), 0o755);
	const seen = capture();
	t.is(await createTokenProvider(config(), seen.hooks).getToken(), token);
	t.is(await mode(first.cacheFile!), 0o600);
	t.is(await mode(dirname(first.cacheFile!)), 0o700);
	t.is(seen.deviceCodes.length, 0);
});

test('a corrupt cache is reported by name, set aside, and sign-in goes on', async (t) => {
	const { identity, config } = await identityFor(t, { autoApprove: true, pollIntervalSeconds: 0 });
	const seen = capture();
	const auth = createTokenProvider(config(), seen.hooks);
	const file = auth.cacheFile!;
	await mkdir(dirname(file), { recursive: true });
	await writeFile(file, '{"Account": {"truncated-secret-looking-content', { mode: 0o600 });
	const token = await auth.getToken();
	t.truthy(token);
	t.is(seen.deviceCodes.length, 1);
	t.is(seen.warnings.length, 1);
	t.true(seen.warnings[0]!.includes(file));
	t.regex(seen.warnings[0]!, /not a valid token cache; it was moved to .*\.corrupt-/);
	t.false(seen.warnings[0]!.includes('truncated-secret-looking-content'));
	const names = await readdir(dirname(file));
	t.true(names.some((name) => /\.json\.corrupt-[\dTZ-]+$/.test(name)));
	t.is(await mode(file), 0o600, 'a fresh cache was written');
	assertNoSecrets(t, seen.text, identity.issuedSecrets());
});

test('an unreadable cache is set aside without crashing', async (t) => {
	const { config } = await identityFor(t, { autoApprove: true, pollIntervalSeconds: 0 });
	const seen = capture();
	const auth = createTokenProvider(config(), seen.hooks);
	// A directory where the file should be: reading fails with EISDIR (works as root, unlike chmod 000).
	await mkdir(auth.cacheFile!, { recursive: true });
	t.truthy(await auth.getToken());
	t.regex(seen.warnings[0] ?? '', /cannot be read \(EISDIR\); it was moved to/);
	t.true((await stat(auth.cacheFile!)).isFile());
});

test('noCache keeps tokens in memory only', async (t) => {
	const { config, dir } = await identityFor(t, { autoApprove: true, pollIntervalSeconds: 0 });
	const seen = capture();
	const auth = createTokenProvider(config({ noCache: true }), seen.hooks);
	t.is(auth.cacheFile, undefined);
	const token = await auth.getToken();
	t.is(await auth.getToken(), token);
	t.is(seen.deviceCodes.length, 1);
	t.false((await readdir(dir)).includes('state'));
});

test('sign-out removes the account, its tokens and the file', async (t) => {
	const { config } = await identityFor(t, { autoApprove: true, pollIntervalSeconds: 0 });
	const auth = createTokenProvider(config(), capture().hooks);
	await auth.getToken();
	t.truthy(await auth.account());
	await auth.signOut();
	await t.throwsAsync(stat(auth.cacheFile!), { code: 'ENOENT' });
	t.is(await auth.account(), undefined);
	const later = createTokenProvider(config(), {});
	t.is((await t.throwsAsync(later.getToken()))?.name, 'AuthError');
});

test('a revoked refresh token means signing in again, and the dead account is dropped', async (t) => {
	const { identity, config } = await identityFor(t, {
		autoApprove: true,
		pollIntervalSeconds: 0,
		accessTokenLifetimeSeconds: 120,
	});
	await createTokenProvider(config(), capture().hooks).getToken();
	identity.revokeRefreshTokens();
	const seen = capture();
	const quiet = createTokenProvider(config(), { onWarning: seen.hooks.onWarning });
	const error = seen.error(t, await t.throwsAsync(quiet.getToken()));
	t.is(error.code, 'sign-in-again');
	t.is(error.aadsts, 'AADSTS70008');
	t.is(await quiet.account(), undefined, "removed from the file, not only from msal-node's memory");
	// With a way to show a code, the same call signs in afresh.
	const interactive = createTokenProvider(config(), seen.hooks);
	t.truthy(await interactive.getToken());
	t.is(seen.deviceCodes.length, 1);
	assertNoSecrets(t, seen.text, identity.issuedSecrets());
});

test('the state directory follows XDG_STATE_HOME, else ~/.local/state', (t) => {
	t.is(defaultStateDirectory({ XDG_STATE_HOME: '/x/state' }, '/home/a'), '/x/state/entra-flows');
	t.is(defaultStateDirectory({ XDG_STATE_HOME: 'relative' }, '/home/a'), '/home/a/.local/state/entra-flows');
	t.is(defaultStateDirectory({}, '/home/a'), join('/home/a', '.local', 'state', 'entra-flows'));
	t.is(
		tokenCacheFile('/d', 'login.microsoftonline.com', '14d82eec-204b-4c2f-b7e8-296a70dab67e'),
		'/d/tokens-login.microsoftonline.com-14d82eec-204b-4c2f-b7e8-296a70dab67e.json',
	);
	t.is(tokenCacheFile('/d', '127.0.0.1:8443', 'ID'), '/d/tokens-127.0.0.1_8443-id.json');
});

test('after logout no file under the state folder holds a token, set-aside copies included', async (t) => {
	const { identity, config } = await identityFor(t, { autoApprove: true, pollIntervalSeconds: 0 });
	const first = createTokenProvider(config(), capture().hooks);
	await first.getToken();
	const file = first.cacheFile!;
	// A cache cut short mid-write still holds the real tokens; the next start sets it aside and signs in afresh.
	const saved = await readFile(file, 'utf8');
	await writeFile(file, saved.slice(0, -3), { mode: 0o600 });
	const second = createTokenProvider(config(), capture().hooks);
	await second.getToken();
	const aside = (await readdir(dirname(file))).filter((name) => name.includes('.corrupt-'));
	t.is(aside.length, 1, 'the broken copy was set aside');
	// A temporary file left by a crash during a write holds tokens too.
	await writeFile(join(dirname(file), `.${basename(file)}.0123456789ab.tmp`), saved, { mode: 0o600 });
	await second.signOut();
	const root = config().cachePath!;
	const everything = await readdir(root, { recursive: true });
	const contents = await Promise.all(
		everything.map(async (name) => {
			const path = join(root, name);
			return (await stat(path)).isFile() ? readFile(path, 'utf8') : '';
		}),
	);
	assertNoSecrets(t, contents, identity.issuedSecrets());
	t.deepEqual(
		everything.filter((name) => name.startsWith('tokens-') || name.startsWith('.tokens-')),
		[],
	);
});
