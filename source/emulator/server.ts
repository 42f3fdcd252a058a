import { type KeyObject, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { defaultAuthorize } from './authorize.js';
import { handleControl } from './control.js';
import { createCustomerSide } from './customer/customer-side.js';
import { errorBody, GraphError } from './errors.js';
import { FaultInjector } from './fault-injector.js';
import { type GraphDeps, handleGraph } from './graph-handler.js';
import { graphHeaders, readBody, send, sendJson } from './http-io.js';
import { type Quirks, resolveQuirks } from './quirks.js';
import { type LogEntry, RequestLog } from './request-log.js';
import { graphRoutes } from './routes/index.js';
import { createSeed } from './seed.js';
import { createFabrikamSeed } from './seed-fabrikam.js';
import { loadState, saveState } from './state-file.js';
import { TenantStore } from './tenant.js';

export type { Quirks } from './quirks.js';
export type { LogEntry } from './request-log.js';
export { seedIds } from './seed.js';
export type { TenantStore } from './tenant.js';

/** The tenants the emulator can start with. */
export const seedNames = ['default', 'fabrikam'] as const;
export type SeedName = (typeof seedNames)[number];

/** How to start the emulator. */
export type EmulatorOptions = {
	/** 0 = any free port (default 0). */
	port?: number;
	/** Page size of every collection (default 100); `$top` overrides it per request. */
	pageSize?: number;
	/**
	 * The largest page a `$top` gets (default 999, the directory's own cap; a `$top` above 999 is refused as the
	 * directory refuses it). Lower it to exercise paging of a client that asks for big pages.
	 */
	maxPageSize?: number;
	/** Fault spec (grammar in fault-spec.ts). */
	faults?: string;
	/** Quirk spec string or object (see quirks.ts for keys and defaults). */
	quirks?: string | Partial<Quirks>;
	/** Keep the tenant in this JSON file across restarts. */
	statePath?: string;
	/** Generate N additional flows after the seed (the default seed only). */
	extraFlows?: number;
	/** Which tenant to start with: the default seed, or `fabrikam` (seed-fabrikam.ts: a second tenant, no flows). */
	seed?: SeedName;
	/** When set, serve HTTPS with this PEM key/cert instead of HTTP. */
	tls?: { key: string; cert: string };
	/** Replaces the default bearer check. */
	authorize?: (
		authorization: string | undefined,
		need: { permission: string; write: boolean },
	) => { ok: true } | { ok: false; status: number; code: string; message: string };
	/** CA certificates (PEM) trusted, besides the system's, when the sign-up page calls extensions. */
	trustedCa?: readonly string[];
	/** Tried first for paths outside /v1.0, /beta, /_emulator and the customer hosts; return true if handled. */
	extraRoutes?: (req: IncomingMessage, res: ServerResponse, body: string) => boolean | Promise<boolean>;
};

/** A started emulator. */
export type RunningEmulator = {
	/** e.g. http://127.0.0.1:41234 */
	origin: string;
	/** origin + '/v1.0' */
	graphUrl: string;
	port: number;
	/** Direct in-process access to the tenant: flows, providers, attributes, applications. */
	tenant: TenantStore;
	/** Public key of the customer side's tokens: id_tokens, and the bearer tokens sent to extensions. */
	customerSigningKey: KeyObject;
	/** Every request seen, oldest first (live view). */
	log: ReadonlyArray<LogEntry>;
	clearLog(): void;
	/** Replaces the fault rules (and resets their counters); throws on an invalid spec. */
	setFaults(spec: string): void;
	/** Puts the tenant back to the seed (and saves it when a state file is used). */
	reset(): void;
	/** Closes all sockets, hung ones included. */
	close(): Promise<void>;
};

function checkCount(value: number | undefined, name: string, minimum: number): void {
	if (value !== undefined && (!Number.isInteger(value) || value < minimum)) {
		throw new Error(`Emulator option ${name} must be an integer >= ${minimum}, got ${value}`);
	}
}

function parsedBody(raw: string): unknown {
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

function newEntry(request: IncomingMessage, body: unknown): LogEntry {
	const header = (name: string) => {
		const value = request.headers[name];
		return typeof value === 'string' ? value : null;
	};
	return {
		time: new Date().toISOString(),
		method: request.method ?? 'GET',
		path: request.url ?? '/',
		status: null,
		requestId: randomUUID(),
		clientRequestId: header('client-request-id'),
		retryAttempt: header('retry-attempt'),
		authorization: request.headers.authorization !== undefined,
		body,
		fault: null,
		remotePort: request.socket.remotePort ?? null,
	};
}

function listen(server: Server, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		// Loopback only: the emulator accepts any token and must not be reachable from another host.
		server.listen({ port, host: '127.0.0.1' }, () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});
}

/** Starts a Graph emulator on 127.0.0.1. Rejects on an invalid option, fault spec, quirk or state file. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	checkCount(options.port, 'port', 0);
	checkCount(options.pageSize, 'pageSize', 1);
	checkCount(options.maxPageSize, 'maxPageSize', 1);
	checkCount(options.extraFlows, 'extraFlows', 0);
	const quirks = resolveQuirks(options.quirks);
	if (options.seed !== undefined && !seedNames.includes(options.seed))
		throw new Error(`Emulator option seed must be one of ${seedNames.join(', ')}, got ${options.seed}`);
	const seed = () =>
		options.seed === 'fabrikam' ? createFabrikamSeed() : createSeed(options.extraFlows ?? 0);
	const tenant = new TenantStore((options.statePath ? loadState(options.statePath) : null) ?? seed());
	const log = new RequestLog();
	const closing = new AbortController();
	const sockets = new Set<Socket>();
	const save = () => {
		if (options.statePath) saveState(options.statePath, tenant.state);
	};
	const deps: GraphDeps = {
		tenant,
		quirks,
		pageSize: options.pageSize ?? 100,
		maxPageSize: options.maxPageSize ?? 999,
		origin: '',
		routes: graphRoutes,
		faults: new FaultInjector(options.faults ?? ''),
		authorize: options.authorize ?? defaultAuthorize,
		saved: save,
		closing: closing.signal,
	};
	const customer = createCustomerSide({
		tenant,
		quirks,
		ca: options.trustedCa ?? [],
		origin: () => deps.origin,
	});
	const setFaults = (spec: string) => {
		deps.faults = new FaultInjector(spec);
	};
	const reset = () => {
		tenant.replace(seed());
		save();
	};

	const onRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		const rawBody = await readBody(request);
		const path = (request.url ?? '/').split('?')[0] ?? '/';
		if (path === '/_emulator' || path.startsWith('/_emulator/')) {
			handleControl(request, response, rawBody, {
				tenant,
				log,
				faultSpec: () => deps.faults.spec,
				setFaults,
				reset,
			});
			return;
		}
		const first = path.split('/')[1] ?? '';
		const isGraph = first === 'v1.0' || first === 'beta';
		const entry = log.add(newEntry(request, isGraph ? parsedBody(rawBody) : undefined));
		response.once('finish', () => {
			entry.status = response.statusCode;
		});
		if (isGraph) {
			await handleGraph(request, response, rawBody, deps, entry);
			return;
		}
		if (customer.owns(path)) {
			const before = tenant.revision;
			await customer.handle(request, response, rawBody);
			if (tenant.revision !== before) save();
			return;
		}
		if (options.extraRoutes && (await options.extraRoutes(request, response, rawBody))) return;
		const ids = { requestId: entry.requestId, clientRequestId: entry.clientRequestId ?? entry.requestId };
		sendJson(
			response,
			400,
			graphHeaders(ids.requestId, ids.clientRequestId),
			errorBody('BadRequest', `Invalid version: '${first}'. Use /v1.0 or /beta.`, ids),
		);
	};

	const listener = (request: IncomingMessage, response: ServerResponse) => {
		onRequest(request, response).catch((error: unknown) => {
			const status = error instanceof GraphError ? error.status : 500;
			const code = error instanceof GraphError ? error.code : 'generalException';
			const message = error instanceof Error ? error.message : String(error);
			const ids = { requestId: randomUUID(), clientRequestId: randomUUID() };
			send(
				response,
				status,
				{},
				{ contentType: 'application/json', text: JSON.stringify(errorBody(code, message, ids)) },
			);
		});
	};
	const server = options.tls
		? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
		: createServer(listener);
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	const port = await listen(server, options.port ?? 0);
	const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
	deps.origin = origin;

	let closed: Promise<void> | undefined;
	return {
		origin,
		graphUrl: `${origin}/v1.0`,
		port,
		tenant,
		customerSigningKey: customer.signingPublicKey,
		log: log.entries,
		clearLog: () => log.clear(),
		setFaults,
		reset,
		close() {
			closed ??= new Promise((resolve) => {
				closing.abort();
				server.close(() => resolve());
				server.closeAllConnections();
				for (const socket of sockets) socket.destroy();
			});
			return closed;
		},
	};
}
