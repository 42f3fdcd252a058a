import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import test, { type ExecutionContext } from 'ava';
import { createGraphClient } from '../../source/graph/graph-client.js';
import { GraphError } from '../../source/graph/graph-error.js';
import { createTenantAttribute } from '../../source/graph/tenant-attributes.js';

type Seen = { method: string; url: string; body: string; authorization: boolean };

/** A small loopback server that answers with `answer` and records every request it gets. */
async function serverFor(
	t: ExecutionContext,
	answer: (request: IncomingMessage, response: ServerResponse, origin: string) => void,
) {
	const seen: Seen[] = [];
	let origin = '';
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			seen.push({
				method: request.method ?? '',
				url: request.url ?? '',
				body: Buffer.concat(chunks).toString('utf8'),
				authorization: request.headers.authorization !== undefined,
			});
			answer(request, response, origin);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
	return { origin, seen };
}

const clientFor = (origin: string) =>
	createGraphClient({
		baseUrl: `${origin}/v1.0`,
		tokenProvider: { getToken: async () => 'token-abc' },
		userAgent: 'entra-flows/test',
	});

test('a 307 to another origin is refused: the body is not sent there and nothing it says is trusted', async (t) => {
	const elsewhere = await serverFor(t, (_request, response) => {
		response.writeHead(201, { 'content-type': 'application/json' });
		response.end('{"id":"Leaky","displayName":"Leaky"}');
	});
	const graph = await serverFor(t, (_request, response) => {
		response.writeHead(307, { location: `${elsewhere.origin}/v1.0/identity/userFlowAttributes` });
		response.end();
	});
	const error = await t.throwsAsync(
		createTenantAttribute(clientFor(graph.origin), { displayName: 'Leaky', dataType: 'string' }),
	);
	t.true(error instanceof GraphError);
	t.like(error, { kind: 'protocol', code: 'ForeignRedirect', status: 307, method: 'POST' });
	t.true(error?.message.includes(graph.origin), error?.message);
	t.true(error?.message.includes(elsewhere.origin), error?.message);
	t.is(elsewhere.seen.length, 0);
	t.is(graph.seen.length, 1);
});

test('a same-origin redirect is followed with its method and body', async (t) => {
	const graph = await serverFor(t, (request, response) => {
		if (request.url === '/v1.0/identity/userFlowAttributes') {
			response.writeHead(307, { location: '/v1.0/identity/moved' });
			response.end();
			return;
		}
		response.writeHead(201, { 'content-type': 'application/json' });
		response.end('{"id":"extension_x_Hobby","displayName":"Hobby"}');
	});
	const created = await createTenantAttribute(clientFor(graph.origin), {
		displayName: 'Hobby',
		dataType: 'string',
	});
	t.is(created.id, 'extension_x_Hobby');
	t.deepEqual(
		graph.seen.map((entry) => [
			entry.method,
			entry.url,
			JSON.parse(entry.body).displayName,
			entry.authorization,
		]),
		[
			['POST', '/v1.0/identity/userFlowAttributes', 'Hobby', true],
			['POST', '/v1.0/identity/moved', 'Hobby', true],
		],
	);
});

test('a redirect loop stops after five hops', async (t) => {
	const graph = await serverFor(t, (request, response) => {
		response.writeHead(302, { location: request.url ?? '/' });
		response.end();
	});
	const error = await t.throwsAsync(clientFor(graph.origin).request('GET', '/identity/identityProviders'));
	t.like(error, { kind: 'protocol', code: 'TooManyRedirects' });
	t.is(graph.seen.length, 6);
});
