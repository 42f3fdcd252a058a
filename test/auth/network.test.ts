import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import test from 'ava';
import { createTokenProvider, loadCaFile, proxyForUrl } from '../../source/auth/index.js';
import { capture } from '../helpers/auth-capture.js';
import { identityFor } from '../helpers/auth-emulator.js';
import { proxyTo } from '../helpers/connect-proxy.js';

const url = new URL('https://login.microsoftonline.com/tenant/oauth2/v2.0/token');

test('HTTPS_PROXY applies unless NO_PROXY or a loopback host says otherwise', (t) => {
	t.is(proxyForUrl(url, {}), undefined);
	t.is(proxyForUrl(url, { HTTPS_PROXY: 'http://proxy:3128' })?.href, 'http://proxy:3128/');
	t.is(proxyForUrl(url, { https_proxy: 'proxy.corp:8080' })?.href, 'http://proxy.corp:8080/');
	for (const noProxy of [
		'*',
		'login.microsoftonline.com',
		'.microsoftonline.com',
		'*.microsoftonline.com',
		'x, microsoftonline.com:443',
	]) {
		t.is(proxyForUrl(url, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: noProxy }), undefined, noProxy);
	}
	for (const noProxy of ['microsoft.com', 'online.com', 'login.microsoftonline.com:8443']) {
		t.truthy(proxyForUrl(url, { HTTPS_PROXY: 'http://proxy:3128', no_proxy: noProxy }), noProxy);
	}
	for (const host of ['https://127.0.0.1:8443/', 'https://localhost/', 'https://[::1]:1/']) {
		t.is(proxyForUrl(new URL(host), { HTTPS_PROXY: 'http://proxy:3128' }), undefined, host);
	}
	t.like(
		t.throws(() => proxyForUrl(url, { HTTPS_PROXY: 'http://[bad' })),
		{ code: 'proxy' },
	);
});

test('loadCaFile adds the file to the bundled roots and names bad files', async (t) => {
	const { caFile, caPem, dir } = await identityFor(t);
	const list = loadCaFile(caFile);
	t.is(list.length, rootCertificates.length + 1);
	t.is(list.at(-1)?.trim(), caPem.trim());
	t.deepEqual(loadCaFile(caFile, { alone: true }), list.slice(-1));
	const missing = t.throws(() => loadCaFile(join(dir, 'missing.pem')));
	t.like(missing, { code: 'ca-file' });
	t.regex(missing?.message ?? '', /missing\.pem \(ENOENT\)/);
	await writeFile(join(dir, 'empty.pem'), 'not a certificate');
	t.like(
		t.throws(() => loadCaFile(join(dir, 'empty.pem'))),
		{ code: 'ca-file' },
	);
	t.is(readFileSync(caFile, 'utf8'), caPem);
});

test('without the CA the emulator is not trusted, and certificate checks stay on', async (t) => {
	const { identity, config } = await identityFor(t);
	const seen = capture();
	const auth = createTokenProvider(
		config({
			caFile: undefined,
			clientId: identity.confidentialClientId,
			clientSecret: identity.clientSecret,
		}),
		seen.hooks,
	);
	const error = seen.error(t, await t.throwsAsync(auth.getToken()));
	t.is(error.code, 'untrusted-certificate');
	t.regex(error.hint, /--ca-file/);
	t.is(identity.tokenRequests().length, 0);
});

test('an unreachable sign-in host is a network error naming the host', async (t) => {
	const seen = capture();
	const auth = createTokenProvider(
		{
			cloud: 'global',
			tenant: 'contoso.onmicrosoft.com',
			authorityHost: 'https://127.0.0.1:1',
			readOnly: true,
			noCache: true,
			env: {},
		},
		seen.hooks,
	);
	const error = seen.error(t, await t.throwsAsync(auth.getToken()));
	t.is(error.code, 'network');
	t.is(seen.deviceCodes.length, 0);
	const app = createTokenProvider(
		{
			cloud: 'global',
			tenant: 'contoso.onmicrosoft.com',
			authorityHost: 'https://127.0.0.1:1',
			clientId: 'x',
			clientSecret: 'y-secret',
			readOnly: true,
			noCache: true,
			env: {},
		},
		seen.hooks,
	);
	const network = seen.error(t, await t.throwsAsync(app.getToken()));
	t.is(network.code, 'network');
	t.regex(network.message, /127\.0\.0\.1:1 \(ECONNREFUSED\)/);
});

test('sign-in goes through HTTPS_PROXY with a CONNECT tunnel and still checks the certificate', async (t) => {
	const { identity, origin, config } = await identityFor(t, { extraHostnames: ['login.emulator.test'] });
	const port = Number(new URL(origin).port);
	const proxy = await proxyTo(t, port);
	const settings = config({
		authorityHost: `https://login.emulator.test:${port}`,
		clientId: identity.confidentialClientId,
		clientSecret: identity.clientSecret,
		env: { HTTPS_PROXY: `http://user:pa%40ss@127.0.0.1:${proxy.port}` },
	});
	const token = await createTokenProvider(settings, capture().hooks).getToken();
	t.truthy(token);
	t.deepEqual(proxy.seen, [
		{ target: `login.emulator.test:${port}`, auth: `Basic ${Buffer.from('user:pa@ss').toString('base64')}` },
	]);
	// The same tunnel without the CA: refused, never downgraded.
	const seen = capture();
	const untrusted = createTokenProvider({ ...settings, caFile: undefined }, seen.hooks);
	t.is(seen.error(t, await t.throwsAsync(untrusted.getToken())).code, 'untrusted-certificate');
});

test('a proxy that refuses the tunnel is reported as a proxy problem', async (t) => {
	const { identity, origin, config } = await identityFor(t);
	const proxy = await proxyTo(t, Number(new URL(origin).port), 407);
	const seen = capture();
	const auth = createTokenProvider(
		config({
			authorityHost: 'https://login.emulator.test',
			clientId: identity.confidentialClientId,
			clientSecret: identity.clientSecret,
			env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` },
		}),
		seen.hooks,
	);
	const error = seen.error(t, await t.throwsAsync(auth.getToken()));
	t.is(error.code, 'proxy');
	t.regex(error.message, /PROXY_HTTP_407/);
	t.regex(error.hint, /HTTPS_PROXY/);
});
