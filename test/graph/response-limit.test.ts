import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import test, { type ExecutionContext } from 'ava';
import { listUserFlows } from '../../source/graph/flows.js';
import { createGraphClient } from '../../source/graph/graph-client.js';

/** A loopback "Graph" whose every answer is written by `answer`. */
async function hostile(t: ExecutionContext, answer: (response: ServerResponse) => void) {
	const server = createServer((_request, response) => answer(response));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => {
		server.closeAllConnections();
		return new Promise<void>((resolve) => server.close(() => resolve()));
	});
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
}

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
	const baseUrl = await hostile(t, endless);
	const error = await t.throwsAsync(listUserFlows(clientFor(baseUrl)));
	t.like(error, { name: 'GraphError', kind: 'protocol', code: 'ResponseTooLarge' });
	t.regex(error?.message ?? '', /larger than 32 MiB, the most one response may be/);
});

test('a Content-Length over the cap is refused before the body is read', async (t) => {
	const baseUrl = await hostile(t, (response) => {
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
