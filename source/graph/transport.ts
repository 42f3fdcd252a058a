import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Got } from 'got';
import { trustContext } from '../auth/trust-context.js';
import type { GraphClientOptions } from './client-types.js';
import { ProxyTunnelAgent } from './proxy-agent.js';
import { readAnswer, type SentOutcome } from './read-answer.js';

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
