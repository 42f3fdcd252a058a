import type { ServerResponse } from 'node:http';
import test from 'ava';
import { listUserFlows } from '../../source/graph/flows.js';
import { createGraphClient } from '../../source/graph/graph-client.js';
import { loopbackGraph } from '../helpers/loopback-server.js';

const clientFor = (baseUrl: string, maxResponseBytes?: number) =>
	createGraphClient({
		baseUrl,
		tokenProvider: { getToken: async () => 'token' },
		userAgent: 'entra-flows/test',
		...(maxResponseBytes ? { maxResponseBytes } : {}),
	});

/** Writes `{"value":[` and then filler for ever, as fast as the socket takes it. */
function endless(response: ServerResponse): void {
	response.writeHead(200, { 'content-type': 'application/json' });
	response.write('{"value":[');
	const chunk = Buffer.alloc(1024 * 1024, '{"id":"x"},');
	const pump = () => {
		while (!response.destroyed && response.write(chunk)) {}
		if (!response.destroyed) response.once('drain', pump);
	};
	pump();
}

test('one response page is capped at 32 MiB: an endless body fails as ResponseTooLarge naming the limit', async (t) => {
	const baseUrl = await loopbackGraph(t, endless);
	const error = await t.throwsAsync(listUserFlows(clientFor(baseUrl)));
	t.like(error, { name: 'GraphError', kind: 'protocol', code: 'ResponseTooLarge' });
	t.regex(error?.message ?? '', /larger than 32 MiB, the most one response may be/);
});

test('a Content-Length over the cap is refused before the body is read', async (t) => {
	const baseUrl = await loopbackGraph(t, (response) => {
		response.writeHead(200, {
			'content-type': 'application/json',
			'content-length': String(300 * 1024 * 1024),
		});
		response.write('{"value":[');
	});
	const error = await t.throwsAsync(
		clientFor(baseUrl, 1024 * 1024).request('GET', '/identity/identityProviders'),
	);
	t.like(error, { code: 'ResponseTooLarge' });
	t.regex(error?.message ?? '', /larger than 1 MiB/);
});
