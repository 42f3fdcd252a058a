import test from 'ava';
import { proxyForUrl } from '../../source/auth/index.js';
import { ManagedIdentityNetworkClient } from '../../source/auth/managed-identity-network.js';
import { ConfigError, resolveConfig } from '../../source/config/config.js';
import { createGraphClient } from '../../source/graph/graph-client.js';

// A host name that starts with "127." is a DNS name anyone can point anywhere: it gets no loopback privilege.
const hostile = 'http://127.attacker.evil.test/v1.0';
const home = '/nonexistent-home-for-tests';

test('config refuses plain http to a name that only looks like 127.x; real loopback stays allowed', (t) => {
	const error = t.throws(() => resolveConfig({ 'graph-url': hostile }, {}, { home }));
	t.true(error instanceof ConfigError);
	t.regex(error?.message ?? '', /plain http/);
	for (const allowed of [
		'http://127.0.0.1:4000/v1.0',
		'http://localhost:4000/v1.0',
		'http://[::1]:4000/v1.0',
	]) {
		t.is(resolveConfig({ 'graph-url': allowed }, {}, { home }).graphUrl, allowed);
	}
});

test('the Graph client refuses to send a token over plain http to a 127.-looking name', (t) => {
	const client = (baseUrl: string) =>
		createGraphClient({ baseUrl, tokenProvider: { getToken: async () => 'token' }, userAgent: 'test' });
	t.throws(() => client(hostile), { message: /plain http/ });
	t.notThrows(() => client('http://127.0.0.1:4000/v1.0'));
	t.notThrows(() => client('http://[::1]:4000/v1.0'));
});

test('only real loopback hosts bypass the proxy', (t) => {
	const env = { HTTPS_PROXY: 'http://proxy:3128' };
	t.truthy(proxyForUrl(new URL('https://127.attacker.evil.test/'), env));
	t.truthy(proxyForUrl(new URL('https://localhost.evil.test/'), env));
	t.is(proxyForUrl(new URL('https://127.0.0.1:8443/'), env), undefined);
});

test('managed identity sends its secret over plain http only to real loopback or link-local hosts', async (t) => {
	const network = new ManagedIdentityNetworkClient({ timeoutMs: 2000 });
	await t.throwsAsync(network.sendGetRequestAsync('http://127.attacker.evil.test/msi/token'));
	t.deepEqual(network.lastFailure, { host: '127.attacker.evil.test', code: 'PLAIN_HTTP_REFUSED' });
	// A real loopback address is allowed through (nothing listens on port 9, so the connection is refused).
	await t.throwsAsync(network.sendGetRequestAsync('http://127.0.0.1:9/msi/token'));
	t.not(network.lastFailure?.code, 'PLAIN_HTTP_REFUSED');
});
