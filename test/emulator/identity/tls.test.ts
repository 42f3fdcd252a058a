import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createServer, get } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import test from 'ava';
import { createLoopbackTls } from '../../../source/emulator/identity/index.js';

test('a CA and a loopback server certificate, made quickly, CA written to a file', (t) => {
	const started = performance.now();
	const tls = createLoopbackTls();
	t.teardown(() => rmSync(dirname(tls.caFile), { recursive: true, force: true }));
	t.true(performance.now() - started < 300, 'fast enough for every test and demo start');
	t.is(readFileSync(tls.caFile, 'utf8'), tls.caPem);
	const ca = new X509Certificate(tls.caPem);
	const leaf = new X509Certificate(tls.cert);
	t.true(ca.ca);
	t.false(leaf.ca);
	t.true(leaf.checkIssued(ca));
	t.true(leaf.verify(ca.publicKey));
	t.is(leaf.checkHost('localhost'), 'localhost');
	t.is(leaf.checkIP('127.0.0.1'), '127.0.0.1');
	t.is(leaf.checkIP('::1'), '::1');
	t.is(leaf.checkHost('example.com'), undefined);
});

test('a client trusting only the CA file completes the TLS handshake; without it, it does not', async (t) => {
	const tls = createLoopbackTls(undefined, { extraHostnames: ['login.emulator.test'] });
	t.teardown(() => rmSync(dirname(tls.caFile), { recursive: true, force: true }));
	t.is(new X509Certificate(tls.cert).checkHost('login.emulator.test'), 'login.emulator.test');
	const server = createServer({ key: tls.key, cert: tls.cert }, (_req, res) => res.end('ok'));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => server.close());
	const port = (server.address() as AddressInfo).port;
	const fetchText = (host: string, ca?: string) =>
		new Promise<string>((resolve, reject) => {
			get(
				{
					host: '127.0.0.1',
					servername: host === '127.0.0.1' ? undefined : host,
					port,
					...(ca ? { ca } : {}),
					agent: false,
				},
				(res) => {
					res.setEncoding('utf8');
					let text = '';
					res.on('data', (chunk: string) => {
						text += chunk;
					});
					res.on('end', () => resolve(text));
				},
			).on('error', reject);
		});
	t.is(await fetchText('127.0.0.1', readFileSync(tls.caFile, 'utf8')), 'ok');
	await t.throwsAsync(fetchText('127.0.0.1'), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
});
