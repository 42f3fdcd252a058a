import { EventEmitter, getEventListeners } from 'node:events';
import type { ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import test, { type ExecutionContext } from 'ava';
import { readAnswer } from '../../source/graph/read-answer.js';
import { createTransport } from '../../source/graph/transport.js';
import { loopbackGraph } from '../helpers/loopback-server.js';

async function serve(t: ExecutionContext, answer: (response: ServerResponse) => void) {
	return new URL(`${await loopbackGraph(t, answer)}/`);
}

const options = (root: URL) => ({
	baseUrl: root.href,
	tokenProvider: { getToken: async () => 't' },
	userAgent: 'test',
});

const attempt = (url: URL) => ({
	method: 'GET',
	url,
	token: 't',
	clientRequestId: 'c',
	attempt: 1,
	freshConnection: false,
});

test('an answer read piece by piece keeps a character split between two pieces whole', async (t) => {
	const text = JSON.stringify({ displayName: 'Anmeldung für Kunden ✓' });
	const bytes = Buffer.from(text);
	const cut = bytes.indexOf(Buffer.from('ü')) + 1;
	const root = await serve(t, (response) => {
		response.writeHead(200, { 'content-type': 'application/json' });
		response.write(bytes.subarray(0, cut));
		setImmediate(() => response.end(bytes.subarray(cut)));
	});
	const outcome = await createTransport(root, options(root)).send(attempt(new URL('flows', root)));
	t.like(outcome, { type: 'response', status: 200, body: text });
});

test('answers leave nothing on the call’s signal, and the connection is kept for the next one', async (t) => {
	const connections = new Set<unknown>();
	const root = await serve(t, (response) => {
		connections.add(response.socket);
		response.writeHead(200, { 'content-type': 'application/json' });
		response.end('{"value":[]}');
	});
	const transport = createTransport(root, options(root));
	const signal = new AbortController().signal;
	for (let page = 0; page < 12; page++) {
		const outcome = await transport.send({ ...attempt(new URL('flows', root)), signal });
		t.like(outcome, { type: 'response', status: 200 });
	}
	t.is(getEventListeners(signal, 'abort').length, 0, 'one listener a page had piled up on the list’s signal');
	t.is(connections.size, 1);
});

test('a 101 answer fails the attempt as an unexpected upgrade instead of never settling', async (t) => {
	const server = createNetServer((socket) => {
		socket.once('data', () =>
			socket.write('HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n\r\n'),
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
	const root = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0/`);
	const signal = new AbortController().signal;
	const outcome = await createTransport(root, options(root)).send({
		...attempt(new URL('flows', root)),
		signal,
	});
	t.like(outcome, { type: 'transport', code: 'ERR_UNEXPECTED_UPGRADE', status: 101, cancelled: false });
	t.is(getEventListeners(signal, 'abort').length, 0);
});

test('an answer in pieces of a few bytes is gathered and decoded whole, across the 64 KiB mark', async (t) => {
	const text = JSON.stringify({ value: 'für Kunden ✓ '.repeat(12_000) });
	const bytes = Buffer.from(text);
	const stream = Object.assign(new EventEmitter(), { destroy: () => undefined });
	const answer = readAnswer(stream as never, attempt(new URL('https://graph.test/v1.0/flows')), 1e9);
	stream.emit('response', { statusCode: 200, headers: {} });
	for (let offset = 0; offset < bytes.length; offset += 7)
		stream.emit('data', bytes.subarray(offset, offset + 7));
	stream.emit('end');
	t.true(bytes.length > 2 * 64 * 1024);
	t.like(await answer, { type: 'response', status: 200, body: text });
});
