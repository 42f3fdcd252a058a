import test, { type ExecutionContext } from 'ava';
import { proxyForUrl } from '../../source/auth/index.js';
import { staticTokenProvider } from '../../source/auth/token-provider.js';
import { listUserFlows } from '../../source/graph/flows.js';
import { createGraphClient } from '../../source/graph/graph-client.js';
import { identityFor } from '../helpers/auth-emulator.js';
import { json, runCommand } from '../helpers/cli.js';
import { proxyTo } from '../helpers/connect-proxy.js';

/** The Graph emulator over HTTPS, reachable as graph.emulator.test only through the proxy. */
async function graphBehindProxy(t: ExecutionContext, status = 200) {
	const harness = await identityFor(t, { graph: true, extraHostnames: ['graph.emulator.test'] });
	const port = Number(new URL(harness.origin).port);
	const proxy = await proxyTo(t, port, status);
	const token = harness.identity.mintAccessToken({
		scopes: ['EventListener.ReadWrite.All', 'Application.Read.All'],
		lifetimeSeconds: 600,
	});
	return { ...harness, proxy, token, graphUrl: `https://graph.emulator.test:${port}/v1.0` };
}

test('Graph calls go through HTTPS_PROXY in a CONNECT tunnel; the proxy sees only encrypted bytes', async (t) => {
	const graph = await graphBehindProxy(t);
	const run = await runCommand(graph.graphUrl, ['flows', 'list', '--json', '--ca-file', graph.caFile], {
		token: graph.token,
		env: { HTTPS_PROXY: `http://user:pa%40ss@127.0.0.1:${graph.proxy.port}` },
	});
	t.is(run.code, 0, run.stderr);
	t.is(json<unknown[]>(run).length, 4);
	t.deepEqual(graph.proxy.seen, [
		{
			target: `graph.emulator.test:${new URL(graph.graphUrl).port}`,
			auth: `Basic ${Buffer.from('user:pa@ss').toString('base64')}`,
		},
	]);
	t.true(graph.proxy.relayed().length > 0);
	t.false(graph.proxy.relayed().includes(graph.token.slice(-40)), 'the token crossed the proxy encrypted');
	t.false(graph.proxy.relayed().includes('authenticationEventsFlows'), 'so did the path');
});

test('NO_PROXY sends the Graph host around the proxy', async (t) => {
	const graph = await graphBehindProxy(t);
	const env = { HTTPS_PROXY: `http://127.0.0.1:${graph.proxy.port}`, NO_PROXY: '.emulator.test' };
	const client = createGraphClient({
		baseUrl: graph.graphUrl,
		tokenProvider: staticTokenProvider(graph.token),
		userAgent: 'entra-flows/test',
		ca: graph.caPem,
		proxyFor: (url) => proxyForUrl(url, env),
		retry: { maxRetries: 0 },
	});
	// graph.emulator.test resolves nowhere, so going around the proxy fails: that proves the proxy was skipped.
	const error = await t.throwsAsync(listUserFlows(client));
	t.regex(error?.message ?? '', /graph\.emulator\.test/);
	t.deepEqual(graph.proxy.seen, []);
});

test('a proxy that refuses the tunnel is named, with what to check', async (t) => {
	const graph = await graphBehindProxy(t, 407);
	const run = await runCommand(graph.graphUrl, ['flows', 'list', '--ca-file', graph.caFile, '--verbose'], {
		token: graph.token,
		env: { HTTPS_PROXY: `http://proxyuser:proxy-secret-pw@127.0.0.1:${graph.proxy.port}` },
	});
	t.false(run.stderr.includes('proxy-secret-pw'), 'the proxy password is never printed');
	t.is(run.code, 1);
	t.regex(
		run.stderr,
		/proxy \(HTTPS_PROXY\) did not open a connection to graph\.emulator\.test:\d+ \(PROXY_HTTP_407\)/,
	);
	t.regex(run.stderr, /Check HTTPS_PROXY/);
	t.false(run.stderr.includes(graph.token));
});

test('without the CA the tunnelled connection is refused, never downgraded', async (t) => {
	const graph = await graphBehindProxy(t);
	const run = await runCommand(graph.graphUrl, ['flows', 'list'], {
		token: graph.token,
		env: { HTTPS_PROXY: `http://127.0.0.1:${graph.proxy.port}` },
	});
	t.is(run.code, 1);
	t.is(graph.proxy.seen.length >= 1, true);
	t.regex(run.stderr, /not trusted/);
});
