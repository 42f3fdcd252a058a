import { randomUUID } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Got, Response } from 'got';
import { decodeTokenClaims, type TokenClaims } from '../auth/claims.js';
import type { TokenProvider } from '../auth/token-provider.js';
import { kindForStatus, parseErrorBody } from './error-body.js';
import { GraphError, type GraphErrorKind } from './graph-error.js';
import { hintFor } from './hints.js';
import { checkPermission, preflightError } from './permissions.js';
import { ProxyTunnelAgent } from './proxy-agent.js';
import {
	backoffDelay,
	defaultRetryPolicy,
	isRetriableNetworkError,
	isRetriableStatus,
	mayHaveBeenSent,
	parseRetryAfter,
	type RetryPolicy,
} from './retry-policy.js';

/** One finished HTTP exchange, for --verbose and the request inspector. Never holds headers or tokens. */
export type ExchangeRecord = {
	readonly method: string;
	/** Absolute URL as sent (query included). */
	readonly url: string;
	/** Path relative to the service root, without query. */
	readonly path: string;
	readonly status: number;
	readonly ms: number;
	readonly attempt: number;
	readonly requestId?: string;
	readonly clientRequestId: string;
	readonly requestBody?: unknown;
	readonly responseBody?: string;
	readonly error?: string;
};

/** A write a dry run did not send: what would have gone out. Never holds headers or tokens. */
export type PlannedRequest = {
	readonly method: string;
	/** Absolute URL as it would be sent (query included). */
	readonly url: string;
	/** Path relative to the service root, without query. */
	readonly path: string;
	readonly requestBody?: unknown;
	/** Permission the write needs. */
	readonly permission?: string;
	/** When the write is only sent in some cases, which (e.g. "only if the service left the input on the page"). */
	readonly note?: string;
	/** Set when the token's claims show the write would be refused: what it needs and how to get it. */
	readonly refusal?: string;
};

/** A create whose answer was lost (504, a dropped connection) is being checked for having taken effect (R9). */
export type ReconcileNotice = {
	readonly method: string;
	readonly path: string;
	/** `504`, or the transport code (ECONNRESET…). */
	readonly cause: string;
};

/** A wait before the next attempt, so the UI can show "throttled, retrying in Ns". */
export type RetryNotice = {
	readonly method: string;
	readonly path: string;
	readonly attempt: number;
	readonly delayMs: number;
	readonly reason: 'throttled' | 'unavailable' | 'network';
	readonly status: number;
};

export type GraphClientOptions = {
	/** Service root including the version segment, e.g. https://graph.microsoft.com/v1.0 */
	readonly baseUrl: string;
	readonly tokenProvider: TokenProvider;
	readonly userAgent: string;
	readonly retry?: Partial<RetryPolicy>;
	/** Per-attempt timeouts in ms (reliability.md T1). */
	readonly timeouts?: { readonly connect?: number; readonly response?: number; readonly request?: number };
	/** Certificate authorities to trust (PEM), replacing the default list; pass the system roots too. */
	readonly ca?: string | readonly string[];
	/** The proxy for a URL (HTTPS_PROXY / NO_PROXY), or undefined to connect directly. */
	readonly proxyFor?: (url: URL) => URL | undefined;
	readonly onExchange?: (record: ExchangeRecord) => void;
	readonly onRetry?: (notice: RetryNotice) => void;
	/** Told before a create whose answer was lost is looked up ("checking whether it took effect"). */
	readonly onReconcile?: (notice: ReconcileNotice) => void;
	/**
	 * Dry run: every non-GET request is handed here instead of being sent, and resolves as a 204 would
	 * (undefined). Reads still go out, so names resolve and rules are checked.
	 */
	readonly dryRun?: (request: PlannedRequest) => void;
	/**
	 * Refuse a call before sending it when the token's claims show it lacks RequestOptions.permission
	 * (default true). Opaque tokens are always sent: the service decides.
	 */
	readonly permissionPreflight?: boolean;
	/** Waits between attempts; injectable so tests can observe it. */
	readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export type RequestOptions = {
	readonly query?: Readonly<Record<string, string | number | undefined>>;
	readonly body?: unknown;
	readonly signal?: AbortSignal;
	/** Permission the call needs: checked against the token before sending, and named in 403 messages. */
	readonly permission?: string;
	/** For a write only sent in some cases: which, shown by dry runs. */
	readonly note?: string;
	/** Checked on a 504 to a create: finds the object if the create took effect after all (R9). */
	readonly reconcile?: () => Promise<unknown>;
};

/** Options of GraphClient.list. */
export type ListOptions<T, U> = RequestOptions & { readonly mapItem?: (item: T) => U };

/** The thin Graph client every resource module uses. */
export type GraphClient = {
	readonly baseUrl: string;
	/** True when writes are planned, not sent (GraphClientOptions.dryRun). */
	readonly dryRun?: boolean;
	request<T>(method: string, path: string, options?: RequestOptions): Promise<T | undefined>;
	/**
	 * GETs a collection and follows @odata.nextLink until exhausted. `mapItem` is applied page by page, so a
	 * caller that keeps a little of each item never holds every page whole.
	 */
	list<T, U = T>(path: string, options?: ListOptions<T, U>): Promise<U[]>;
	/**
	 * Claims of the token the next request would carry (read, not verified), so callers can refuse a write up
	 * front; undefined for an opaque token, when no token can be had, or with permissionPreflight off.
	 */
	tokenClaims?(signal?: AbortSignal): Promise<TokenClaims | undefined>;
};

const maxPages = 10_000;

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(signal.reason);
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(signal?.reason);
		};
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}

function isLoopback(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\./.test(hostname);
}

/** Checks a service root: https, or plain http on a loopback host only (H6). */
export function validateGraphUrl(raw: string): URL {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new Error(`"${raw}" is not a URL. Give the service root, e.g. https://graph.microsoft.com/v1.0`);
	}
	if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
		throw new Error(
			`Refusing to send a token over plain http to ${url.host}; use https (http is allowed for loopback only).`,
		);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new Error(`"${raw}" must be an http(s) URL.`);
	}
	if (url.search || url.hash) throw new Error(`"${raw}" must not carry a query or fragment.`);
	return url;
}

type Attempt = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

/** Builds the one got instance and the retry, auth, paging and error mapping around it. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
	const root = validateGraphUrl(options.baseUrl);
	const baseUrl = root.href.replace(/\/+$/, '');
	const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
	const sleep = options.sleep ?? sleepFor;
	const preflight = options.permissionPreflight ?? true;
	let instance: Promise<Got> | undefined;
	// Every request goes to the service root's origin (nextLinks are checked), so one proxy decision serves all.
	const proxy = root.protocol === 'https:' ? options.proxyFor?.(root) : undefined;
	const httpsAgent = () => (proxy ? new ProxyTunnelAgent(proxy) : new HttpsAgent());
	let lastToken: { token: string; claims: TokenClaims | undefined } | undefined;
	// Claims are decoded once per token, not once per request.
	const claimsOf = (token: string) => {
		if (lastToken?.token !== token) lastToken = { token, claims: decodeTokenClaims(token) };
		return lastToken.claims;
	};

	// got is imported on first use: commands that fail early never pay for it.
	const getGot = () => {
		instance ??= import('got').then(({ default: got }) =>
			got.extend({
				retry: { limit: 0 },
				throwHttpErrors: false,
				followRedirect: true,
				maxRedirects: 5,
				responseType: 'text',
				timeout: {
					connect: options.timeouts?.connect ?? 10_000,
					secureConnect: options.timeouts?.connect ?? 10_000,
					response: options.timeouts?.response ?? 30_000,
					request: options.timeouts?.request ?? 60_000,
				},
				https: options.ca
					? { certificateAuthority: typeof options.ca === 'string' ? options.ca : [...options.ca] }
					: undefined,
				headers: { 'user-agent': options.userAgent, accept: 'application/json' },
				...(proxy ? { agent: { https: httpsAgent() } } : {}),
			}),
		);
		return instance;
	};

	const relativePath = (url: URL) =>
		url.pathname.startsWith(root.pathname)
			? url.pathname.slice(root.pathname.replace(/\/$/, '').length)
			: url.pathname;

	const fail = (
		kind: GraphErrorKind,
		method: string,
		url: URL,
		extra: {
			status?: number;
			code: string;
			message: string;
			permission?: string;
			clientRequestId: string;
			claims?: TokenClaims;
		},
		parsed: { requestId?: string; date?: string; retryAfterSeconds?: number } = {},
	) => {
		const path = relativePath(url);
		const status = extra.status ?? 0;
		return new GraphError({
			kind,
			status,
			code: extra.code,
			message: extra.message,
			method,
			path,
			requestId: parsed.requestId,
			clientRequestId: extra.clientRequestId,
			date: parsed.date,
			requiredPermission: status === 403 ? extra.permission : undefined,
			retryAfterSeconds: parsed.retryAfterSeconds,
			hint: hintFor({
				kind,
				status,
				code: extra.code,
				method,
				path,
				permission: extra.permission,
				claims: extra.claims,
				retryAfterSeconds: parsed.retryAfterSeconds,
			}),
		});
	};

	// Refuses before sending when the token visibly lacks the permission (opaque tokens pass: the service decides).
	const refuseUnpermitted = (method: string, url: URL, token: string, requestOptions: RequestOptions) => {
		if (!preflight || !requestOptions.permission) return;
		const refusal = preflightError(method, relativePath(url), requestOptions.permission, claimsOf(token));
		if (refusal) throw refusal;
	};

	// A dry run's write: recorded with what the token's claims say about it, never sent.
	async function plan(method: string, url: URL, requestOptions: RequestOptions): Promise<void> {
		let refusal: string | undefined;
		if (requestOptions.permission) {
			const token = await options.tokenProvider.getToken({ signal: requestOptions.signal }).catch(() => '');
			const verdict = checkPermission(requestOptions.permission, token ? claimsOf(token) : undefined);
			if (verdict.kind === 'missing') refusal = `${verdict.message}; ${verdict.hint}`;
		}
		options.dryRun?.({
			method,
			url: url.href,
			path: relativePath(url),
			...(requestOptions.body === undefined ? {} : { requestBody: requestOptions.body }),
			...(requestOptions.permission ? { permission: requestOptions.permission } : {}),
			...(requestOptions.note ? { note: requestOptions.note } : {}),
			...(refusal ? { refusal } : {}),
		});
	}

	/** A create whose answer was lost: says so, looks it up, and answers as its 201 would if it took effect. */
	async function adopt(
		method: string,
		url: URL,
		cause: string,
		reconcile: () => Promise<unknown>,
	): Promise<(Attempt & { url: URL }) | undefined> {
		options.onReconcile?.({ method, path: relativePath(url), cause });
		const adopted = await reconcile();
		return adopted === undefined
			? undefined
			: { status: 201, body: JSON.stringify(adopted), headers: {}, url };
	}

	async function send(
		method: string,
		url: URL,
		requestOptions: RequestOptions,
	): Promise<Attempt & { url: URL }> {
		const got = await getGot();
		const clientRequestId = randomUUID();
		let forcedRefresh = false;
		let claims: string | undefined;
		let waited = 0;
		let freshConnection = false;
		const body = requestOptions.body === undefined ? undefined : JSON.stringify(requestOptions.body);
		for (let attempt = 1; ; attempt++) {
			const token = await options.tokenProvider.getToken({
				forceRefresh: forcedRefresh,
				claims,
				signal: requestOptions.signal,
			});
			refuseUnpermitted(method, url, token, requestOptions);
			const started = performance.now();
			let response: Response<string>;
			try {
				response = await got(url, {
					method: method as 'GET',
					body,
					signal: requestOptions.signal,
					// After a 503 the retry goes over a new connection (reliability R11).
					...(freshConnection ? { agent: { http: new HttpAgent(), https: httpsAgent() } } : {}),
					headers: {
						authorization: `Bearer ${token}`,
						'client-request-id': clientRequestId,
						...(body === undefined ? {} : { 'content-type': 'application/json' }),
						...(attempt > 1 ? { 'retry-attempt': String(attempt - 1) } : {}),
					},
				});
			} catch (error) {
				// Only transport failures are mapped; anything else is a bug and must surface as one.
				if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') throw error;
				const code = error.code;
				const ms = Math.round(performance.now() - started);
				options.onExchange?.({
					method,
					url: url.href,
					path: relativePath(url),
					status: 0,
					ms,
					attempt,
					clientRequestId,
					requestBody: requestOptions.body,
					error: code,
				});
				if (
					requestOptions.signal?.aborted ||
					code === 'ERR_ABORTED' ||
					(error as Error).name === 'AbortError'
				) {
					throw fail('cancelled', method, url, {
						code: 'Cancelled',
						message: 'The request was cancelled.',
						clientRequestId,
					});
				}
				if (method === 'POST' && requestOptions.reconcile && mayHaveBeenSent(code)) {
					// The connection died after the create was sent: it may exist (R9, R10). Adopt it if so.
					const adopted = await adopt(method, url, code, requestOptions.reconcile);
					if (adopted) return adopted;
				}
				const delay = backoffDelay(attempt, policy);
				const retriable =
					isRetriableNetworkError(method, code) ||
					// Checked above and not there: sending the create again cannot make a second one.
					(method === 'POST' && requestOptions.reconcile !== undefined && mayHaveBeenSent(code));
				if (attempt <= policy.maxRetries && retriable && waited + delay <= policy.deadlineMs) {
					options.onRetry?.({
						method,
						path: relativePath(url),
						attempt,
						delayMs: delay,
						reason: 'network',
						status: 0,
					});
					waited += delay;
					await sleep(delay, requestOptions.signal);
					continue;
				}
				throw networkError(method, url, code, clientRequestId, fail);
			}
			const ms = Math.round(performance.now() - started);
			const requestId = header(response.headers['request-id']);
			options.onExchange?.({
				method,
				url: url.href,
				path: relativePath(url),
				status: response.statusCode,
				ms,
				attempt,
				requestId,
				clientRequestId,
				requestBody: requestOptions.body,
				responseBody: response.body,
			});
			const status = response.statusCode;
			if (status < 400) return { status, body: response.body, headers: response.headers, url };

			if (status === 401 && !forcedRefresh) {
				// One fresh token and one replay (A1); a claims challenge travels with it (A2).
				forcedRefresh = true;
				claims = claimsChallenge(header(response.headers['www-authenticate']));
				continue;
			}
			if (isRetriableStatus(method, status) && attempt <= policy.maxRetries) {
				const retryAfter = parseRetryAfter(header(response.headers['retry-after']), Date.now());
				const delay = retryAfter ?? backoffDelay(attempt, policy);
				const withinCap = retryAfter === undefined || retryAfter <= policy.maxRetryAfterMs;
				if (withinCap && waited + delay <= policy.deadlineMs) {
					options.onRetry?.({
						method,
						path: relativePath(url),
						attempt,
						delayMs: delay,
						reason: status === 429 ? 'throttled' : 'unavailable',
						status,
					});
					waited += delay;
					freshConnection = status === 503;
					await sleep(delay, requestOptions.signal);
					continue;
				}
			}
			if (status === 504 && method === 'POST' && requestOptions.reconcile) {
				// The create may have happened at the service even though the gateway timed out (R9).
				const adopted = await adopt(method, url, '504', requestOptions.reconcile);
				if (adopted) return adopted;
			}
			const parsed = parseErrorBody(response.body);
			const retryAfter = parseRetryAfter(header(response.headers['retry-after']), Date.now());
			throw fail(
				kindForStatus(status),
				method,
				url,
				{
					status,
					code: parsed.code ?? `HTTP${status}`,
					message: parsed.message ?? `Microsoft Graph answered ${status} without a readable error body.`,
					permission: requestOptions.permission,
					clientRequestId,
					claims: claimsOf(token),
				},
				{
					requestId: parsed.requestId ?? requestId,
					date: parsed.date ?? header(response.headers.date),
					retryAfterSeconds: retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000),
				},
			);
		}
	}

	function buildUrl(path: string, query?: RequestOptions['query']): URL {
		const url = new URL(baseUrl + path);
		for (const [key, value] of Object.entries(query ?? {})) {
			if (value !== undefined) url.searchParams.set(key, String(value));
		}
		return url;
	}

	// A body that is not JSON still came with the ids support asks for: they go into the error.
	function parseJson<T>(
		method: string,
		url: URL,
		result: { body: string; headers: Record<string, string | string[] | undefined> },
	): T {
		try {
			return JSON.parse(result.body) as T;
		} catch {
			throw fail(
				'protocol',
				method,
				url,
				{
					code: 'MalformedResponse',
					message: 'Microsoft Graph sent a response that is not valid JSON.',
					clientRequestId: header(result.headers['client-request-id']) ?? '',
				},
				{ requestId: header(result.headers['request-id']), date: header(result.headers.date) },
			);
		}
	}

	return {
		baseUrl,
		dryRun: options.dryRun !== undefined,
		async tokenClaims(signal) {
			if (!preflight) return undefined;
			// No token (signed out, expired) means no advice: the request itself then reports why.
			const token = await options.tokenProvider.getToken({ signal }).catch(() => '');
			return token ? claimsOf(token) : undefined;
		},
		async request<T>(method: string, path: string, requestOptions: RequestOptions = {}) {
			const url = buildUrl(path, requestOptions.query);
			if (options.dryRun && method.toUpperCase() !== 'GET') {
				await plan(method, url, requestOptions);
				return undefined;
			}
			const result = await send(method, url, requestOptions);
			if (result.status === 204 || result.body.trim() === '') return undefined;
			return parseJson<T>(method, url, result);
		},
		async list<T, U = T>(path: string, requestOptions: ListOptions<T, U> = {}) {
			const items: U[] = [];
			const mapItem = requestOptions.mapItem ?? ((item: T) => item as unknown as U);
			let url: URL | undefined = buildUrl(path, requestOptions.query);
			for (let page = 0; url; page++) {
				if (page >= maxPages)
					throw fail('protocol', 'GET', url, {
						code: 'TooManyPages',
						message: `Stopped after ${maxPages} pages.`,
						clientRequestId: '',
					});
				const result = await send('GET', url, requestOptions);
				const body = parseJson<{ value?: T[]; '@odata.nextLink'?: string }>('GET', url, result);
				if (!Array.isArray(body.value)) {
					throw fail('protocol', 'GET', url, {
						code: 'MalformedResponse',
						message: 'The collection response has no "value" array.',
						clientRequestId: '',
					});
				}
				for (const item of body.value) items.push(mapItem(item));
				url = nextPage(body['@odata.nextLink'], root, (next) =>
					fail('protocol', 'GET', next, {
						code: 'ForeignNextLink',
						message: `Refusing to follow a nextLink to another origin (${next.origin}); the token would leak.`,
						clientRequestId: '',
					}),
				);
			}
			return items;
		},
	};
}

function header(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

function claimsChallenge(wwwAuthenticate: string | undefined): string | undefined {
	const match = wwwAuthenticate?.match(/claims="([^"]+)"/);
	return match?.[1];
}

function nextPage(link: string | undefined, root: URL, refuse: (url: URL) => Error): URL | undefined {
	if (!link) return undefined;
	const next = new URL(link, root);
	// A forged nextLink on another origin would receive our bearer token (P5).
	if (next.origin !== root.origin) throw refuse(next);
	return next;
}

type Fail = (
	kind: GraphErrorKind,
	method: string,
	url: URL,
	extra: { status?: number; code: string; message: string; clientRequestId: string },
) => GraphError;

function networkError(
	method: string,
	url: URL,
	code: string,
	clientRequestId: string,
	fail: Fail,
): GraphError {
	if (code === 'ETIMEDOUT') {
		return fail('timeout', method, url, {
			code,
			message: `No answer from ${url.host} in time.`,
			clientRequestId,
		});
	}
	if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
		return fail('network', method, url, {
			code,
			message: `The TLS certificate of ${url.host} is not trusted (${code}).`,
			clientRequestId,
		});
	}
	if (code.startsWith('PROXY_')) {
		return fail('network', method, url, {
			code,
			message: `The proxy (HTTPS_PROXY) did not open a connection to ${url.host} (${code}).`,
			clientRequestId,
		});
	}
	const words: Record<string, string> = {
		ECONNREFUSED: `Nothing is listening at ${url.host}.`,
		ENOTFOUND: `Cannot resolve ${url.hostname}.`,
		EAI_AGAIN: `Cannot resolve ${url.hostname} right now.`,
		ECONNRESET: `The connection to ${url.host} was dropped before an answer arrived.`,
		EPIPE: `The connection to ${url.host} was dropped while sending.`,
	};
	return fail('network', method, url, {
		code,
		message: words[code] ?? `The request to ${url.host} failed (${code}).`,
		clientRequestId,
	});
}
