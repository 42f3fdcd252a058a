import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import test, { type ExecutionContext } from 'ava';
import { getUserFlow, listUserFlowSummaries, listUserFlows } from '../../source/graph/flows.js';
import { createGraphClient } from '../../source/graph/graph-client.js';
import { GraphError } from '../../source/graph/graph-error.js';
import { listTenantIdentityProviders } from '../../source/graph/tenant-providers.js';
import { runCommand } from '../helpers/cli.js';

/** A loopback "Graph" that answers every request with `body` (200, JSON) and notes the client-request-id. */
async function answering(t: ExecutionContext, body: string) {
	const sent: string[] = [];
	const server = createServer((request, response) => {
		sent.push(String(request.headers['client-request-id']));
		// Like a proxy that does not echo client-request-id: the id must come from what the client sent.
		response.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req-from-service' });
		response.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
	const graphUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
	const client = createGraphClient({
		baseUrl: graphUrl,
		tokenProvider: { getToken: async () => 'token' },
		userAgent: 'entra-flows/test',
	});
	return { client, graphUrl, sent };
}

async function malformed(t: ExecutionContext, promise: Promise<unknown>, sent: string[], message: RegExp) {
	const error = await t.throwsAsync(promise);
	t.true(error instanceof GraphError, String(error));
	t.like(error, { kind: 'protocol', code: 'MalformedResponse', requestId: 'req-from-service' });
	t.is((error as GraphError).clientRequestId, sent.at(-1));
	t.regex(error?.message ?? '', message);
}

test('list items that are null or numbers are refused, naming the item', async (t) => {
	const nulls = await answering(t, '{"value":[{"id":"a"},null]}');
	await malformed(t, listUserFlows(nulls.client), nulls.sent, /value\[1\] is null, not an object/);
	const numbers = await answering(t, '{"value":[1,2]}');
	await malformed(t, listTenantIdentityProviders(numbers.client), numbers.sent, /value\[0\] is a number/);
});

test('identityProviders that is a string is refused at the DTO boundary, in lists and single reads', async (t) => {
	const flow = '{"id":"f","onAuthenticationMethodLoadStart":{"identityProviders":"Google-OAUTH"}}';
	const list = await answering(t, `{"value":[${flow}]}`);
	await malformed(
		t,
		listUserFlowSummaries(list.client),
		list.sent,
		/value\[0\]\.onAuthenticationMethodLoadStart\.identityProviders is a string, not a list/,
	);
	const single = await answering(t, `{"value":${flow}}`);
	await malformed(t, getUserFlow(single.client, 'f'), single.sent, /identityProviders is a string/);
});

test('a body of null, a list without value, and text that is not JSON carry both ids', async (t) => {
	const nothing = await answering(t, 'null');
	await malformed(t, getUserFlow(nothing.client, 'f'), nothing.sent, /the answer is null, not an object/);
	const noValue = await answering(t, '{"value":"x"}');
	await malformed(t, listUserFlows(noValue.client), noValue.sent, /no "value" array/);
	const html = await answering(t, '<html>proxy login</html>');
	await malformed(t, listUserFlows(html.client), html.sent, /not valid JSON/);
});

test('the flows list command reports a malformed answer as such, never as a bug', async (t) => {
	const { graphUrl } = await answering(t, '{"value":[null]}');
	const run = await runCommand(graphUrl, ['flows', 'list']);
	t.is(run.code, 1);
	t.regex(run.stderr, /MalformedResponse/);
	t.regex(run.stderr, /req-from-service/);
	t.notRegex(run.stderr, /bug/i);
});
