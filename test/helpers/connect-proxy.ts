import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import type { ExecutionContext } from 'ava';

/** A CONNECT proxy that sends every tunnel to one local port and remembers what went through it. */
export async function proxyTo(t: ExecutionContext, port: number, status = 200) {
	const seen: { target: string; auth: string | undefined }[] = [];
	let relayed = '';
	const proxy = createServer();
	proxy.on('connect', (request, client) => {
		seen.push({ target: request.url ?? '', auth: request.headers['proxy-authorization'] });
		if (status !== 200) {
			client.end(`HTTP/1.1 ${status} Proxy Authentication Required\r\n\r\n`);
			return;
		}
		const upstream = connect(port, '127.0.0.1', () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.pipe(client);
			client.on('data', (chunk: Buffer) => {
				relayed += chunk.toString('latin1');
			});
			client.pipe(upstream);
		});
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	t.teardown(() => {
		proxy.close();
		proxy.closeAllConnections();
	});
	return { seen, relayed: () => relayed, port: (proxy.address() as AddressInfo).port };
}
