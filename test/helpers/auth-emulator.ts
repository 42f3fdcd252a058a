import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import type { AuthConfig } from '../../source/auth/index.js';
import {
	createIdentityEmulator,
	createLoopbackTls,
	type IdentityEmulator,
	type IdentityEmulatorOptions,
	type LoopbackTlsOptions,
} from '../../source/emulator/identity/index.js';

/** A running identity emulator for one test. */
export type IdentityHarness = {
	readonly identity: IdentityEmulator;
	readonly origin: string;
	/** Graph service root when mounted in the Graph emulator. */
	readonly graphUrl?: string;
	readonly caFile: string;
	readonly caPem: string;
	/** A temporary directory, removed after the test. */
	readonly dir: string;
	/** A device-code AuthConfig pointing at this emulator, with the cache in `dir`. */
	config(overrides?: Partial<AuthConfig>): AuthConfig;
};

/** Options of {@link identityFor}. */
export type HarnessOptions = IdentityEmulatorOptions &
	LoopbackTlsOptions & {
		/** Mount into the Graph emulator (`startEmulator`) instead of a bare HTTPS server. */
		readonly graph?: boolean;
	};

/** Starts the identity emulator on loopback HTTPS (own tiny server, or inside the Graph emulator). */
export async function identityFor(
	t: ExecutionContext,
	options: HarnessOptions = {},
): Promise<IdentityHarness> {
	const dir = await mkdtemp(join(tmpdir(), 'entra-flows-auth-'));
	t.teardown(() => rm(dir, { recursive: true, force: true }));
	const tls = createLoopbackTls(dir, { extraHostnames: options.extraHostnames ?? [] });
	const identity = createIdentityEmulator(options);
	let origin: string;
	let graphUrl: string | undefined;
	if (options.graph) {
		// Loaded only when asked: most tests need the sign-in routes alone.
		const { startEmulator } = await import('../../source/emulator/server.js');
		const emulator = await startEmulator({
			port: 0,
			tls,
			extraRoutes: identity.handle,
			authorize: identity.authorize,
		});
		t.teardown(() => emulator.close());
		origin = emulator.origin;
		graphUrl = emulator.graphUrl;
	} else {
		const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				if (!identity.handle(req, res, Buffer.concat(chunks).toString('utf8'))) {
					res.writeHead(404).end();
				}
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		t.teardown(
			() =>
				new Promise<void>((resolve) => {
					server.close(() => resolve());
					server.closeAllConnections();
				}),
		);
		origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
	}
	identity.setOrigin(origin);
	return {
		identity,
		origin,
		...(graphUrl ? { graphUrl } : {}),
		caFile: tls.caFile,
		caPem: tls.caPem,
		dir,
		config: (overrides = {}) => ({
			cloud: 'global',
			tenant: identity.tenantId,
			authorityHost: origin,
			readOnly: false,
			noCache: false,
			cachePath: join(dir, 'state'),
			caFile: tls.caFile,
			env: {},
			...overrides,
		}),
	};
}

/** A reply from the emulator, read raw. */
export type RawReply = {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	json<T = Record<string, unknown>>(): T;
};

/** Sends one HTTPS request trusting only the given CA. */
export function send(
	url: string,
	options: { ca: string; method?: string; form?: Record<string, string>; headers?: Record<string, string> },
): Promise<RawReply> {
	const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{
				method: options.method ?? (body ? 'POST' : 'GET'),
				ca: options.ca,
				headers: {
					...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
					...options.headers,
				},
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						text,
						json: <T>() => JSON.parse(text) as T,
					});
				});
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}
