import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { StringDecoder } from 'node:string_decoder';
import type { Got, PlainResponse, RequestError } from 'got';
import { trustContext } from '../auth/trust-context.js';
import { certificateHostNames, hostNameMismatch } from '../text/tls-names.js';
import type { GraphClientOptions } from './client-types.js';
import type { AttemptOutcome } from './next-step.js';
import { ProxyTunnelAgent } from './proxy-agent.js';

/** The most one answer (one page of a list) may hold: far above any real page, far below what hurts. */
export const defaultMaxResponseBytes = 32 * 1024 * 1024;

/** One attempt to send: everything that differs between attempts of a call. */
export type AttemptRequest = {
	readonly method: string;
	readonly url: URL;
	/** The JSON text of the body, if any. */
	readonly body?: string;
	readonly token: string;
	readonly clientRequestId: string;
	/** 1 for the first attempt; later ones carry a Retry-Attempt header. */
	readonly attempt: number;
	readonly freshConnection: boolean;
	readonly signal?: AbortSignal;
};

/** Sends single attempts over one got instance. */
export type Transport = {
	send(request: AttemptRequest): Promise<SentOutcome>;
};

/** got, loaded on first use (or ahead of it, where a request is sure to follow). */
export const loadGot = () => import('got');

/** Builds the transport for a service root: timeouts, CA list, proxy, headers. got loads on first use. */
export function createTransport(root: URL, options: GraphClientOptions): Transport {
	let instance: Promise<Got> | undefined;
	// Every request goes to the service root's origin (nextLinks are checked), so one proxy decision serves all.
	const proxy = root.protocol === 'https:' ? options.proxyFor?.(root) : undefined;
	// A CA list becomes one TLS context that all connections share (given as `ca`, each would build its own).
	const trust = () => (options.ca ? { secureContext: trustContext(options.ca) } : {});
	const httpsAgent = (reused = false) =>
		proxy
			? new ProxyTunnelAgent(proxy, trust())
			: // Settings of Node's global agent, which got uses when given none.
				new HttpsAgent({
					...trust(),
					...(reused ? { keepAlive: true, scheduling: 'lifo', timeout: 5000 } : {}),
				});
	const maxResponseBytes = options.maxResponseBytes ?? defaultMaxResponseBytes;

	// got is imported on first use: commands that fail early never pay for it.
	const getGot = () => {
		instance ??= loadGot().then(({ default: got }) =>
			got.extend({
				retry: { limit: 0 },
				throwHttpErrors: false,
				// Redirects are judged by the send loop (same origin only), never followed blindly.
				followRedirect: false,
				timeout: {
					connect: options.timeouts?.connect ?? 10_000,
					secureConnect: options.timeouts?.connect ?? 10_000,
					response: options.timeouts?.response ?? 30_000,
					request: options.timeouts?.request ?? 60_000,
				},
				headers: { 'user-agent': options.userAgent, accept: 'application/json' },
				...(proxy || options.ca ? { agent: { https: httpsAgent(true) } } : {}),
			}),
		);
		return instance;
	};

	return {
		async send(request) {
			const got = await getGot();
			const stream = got.stream(request.url, {
				method: request.method as 'GET',
				body: request.body,
				signal: request.signal,
				...(request.freshConnection ? { agent: { http: new HttpAgent(), https: httpsAgent() } } : {}),
				headers: {
					authorization: `Bearer ${request.token}`,
					'client-request-id': request.clientRequestId,
					...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
					...(request.attempt > 1 ? { 'retry-attempt': String(request.attempt - 1) } : {}),
				},
			});
			// A request without a body that could carry one (DELETE) is sent once the stream is ended.
			if (request.body === undefined) stream.end();
			return readAnswer(stream, request, maxResponseBytes);
		},
	};
}

type GotStream = ReturnType<Got['stream']>;
type SentOutcome = Exclude<AttemptOutcome, { type: 'reconciled' }>;

/**
 * Reads one answer as text, decoding each piece as it arrives. Not got's promise API: that joins the pieces into
 * one buffer of the whole answer first (2.2 MiB for a page of 1,000 flows), and glibc, once such a buffer is freed,
 * serves every later allocation up to that size from its arenas and stops handing their free tops back: measured,
 * 11–16 MiB more of the process's memory after a 10,000-flow list (docs/measured.md). The pieces are the socket's
 * reads (64 KiB at most), and the text is built in V8's heap.
 */
function readAnswer(
	stream: GotStream,
	request: AttemptRequest,
	maxResponseBytes: number,
): Promise<SentOutcome> {
	// The stream and its listeners outlive the answer (got and the agent keep them for a while): the listeners
	// reach the answer only through `finish`, dropped once it is given, so nothing of a page stays reachable.
	let finish: ((outcome: SentOutcome) => void) | undefined;
	let fail: ((error: unknown) => void) | undefined;
	const answer = new Promise<SentOutcome>((resolve, reject) => {
		finish = resolve;
		fail = reject;
	});
	const forget = () => {
		finish = undefined;
		fail = undefined;
		text = '';
		response = undefined;
		// As got's promise API does once it has the body: this removes got's listener on the call's signal (one
		// signal serves every page of a list), and leaves a finished answer's connection to the agent for reuse.
		stream.destroy();
	};
	const settle = (outcome: SentOutcome) => {
		const give = finish;
		forget();
		give?.(outcome);
	};
	const decoder = new StringDecoder('utf8');
	let text = '';
	let response: PlainResponse | undefined;
	// Stop at the cap, announced by Content-Length or reached while reading.
	stream.on('downloadProgress', (progress) => {
		if (!finish) return;
		if (progress.transferred > maxResponseBytes || (progress.total ?? 0) > maxResponseBytes) {
			settle({ type: 'oversized', limitBytes: maxResponseBytes });
			stream.destroy();
		}
	});
	stream.on('response', (received: PlainResponse) => {
		response = received;
	});
	stream.on('data', (chunk: Buffer) => {
		if (finish) text += decoder.write(chunk);
	});
	stream.on('end', () => {
		if (!finish || !response) return;
		settle({
			type: 'response',
			status: response.statusCode,
			headers: response.headers,
			body: text + decoder.end(),
			receivedAt: Date.now(),
		});
	});
	stream.on('error', (error: unknown) => {
		if (!finish) return;
		// Only transport failures are mapped; anything else is a bug and must surface as one.
		if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') {
			const rejectWith = fail;
			forget();
			rejectWith?.(error);
			return;
		}
		const cancelled =
			request.signal?.aborted === true || error.code === 'ERR_ABORTED' || error.name === 'AbortError';
		const failed = error as RequestError;
		const names = error.code === hostNameMismatch ? certificateHostNames(error) : [];
		settle({
			type: 'transport',
			code: error.code,
			cancelled,
			...(names.length > 0 ? { certificateNames: names } : {}),
			// got notes when the whole request was written out; before that the service cannot have run it.
			sent: failed.timings?.upload !== undefined,
			...(failed.response ? { status: failed.response.statusCode } : {}),
		});
	});
	return answer;
}
