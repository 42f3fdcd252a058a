import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExecutionContext } from 'ava';

/** A loopback "Graph" whose every answer is written by `answer`; its service root (…/v1.0), closed after the test. */
export async function loopbackGraph(
	t: ExecutionContext,
	answer: (response: ServerResponse) => void,
): Promise<string> {
	const server = createServer((_request, response) => answer(response));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => {
		server.closeAllConnections();
		return new Promise<void>((resolve) => server.close(() => resolve()));
	});
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
}
