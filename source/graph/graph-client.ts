import { decodeTokenClaims, type TokenClaims } from '../auth/claims.js';
import { isLoopbackHost } from '../text/loopback.js';
import {
	type GraphClient,
	type GraphClientOptions,
	header,
	type ListOptions,
	type RequestOptions,
	type ShapeCheck,
} from './client-types.js';
import { type CallFacts, callFailure } from './failure.js';
import { checkPermission } from './permissions.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js';
import { type Accepted, type SendDeps, sendCall } from './send-call.js';
import { shapeProblem } from './shapes.js';
import { createTransport } from './transport.js';

export type {
	ExchangeRecord,
	GraphClient,
	GraphClientOptions,
	ListOptions,
	PlannedRequest,
	ReconcileNotice,
	RequestOptions,
	RetryNotice,
	ShapeCheck,
} from './client-types.js';

const maxPages = 10_000;
const anyObject = { kind: 'object', fields: {} } as const;

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

/** Checks a service root: https, or plain http on a loopback host only (a token must not cross in clear). */
export function validateGraphUrl(raw: string): URL {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new Error(`"${raw}" is not a URL. Give the service root, e.g. https://graph.microsoft.com/v1.0`);
	}
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
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

/** Builds the transport, the send loop and the paging around them. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
	const root = validateGraphUrl(options.baseUrl);
	const baseUrl = root.href.replace(/\/+$/, '');
	const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
	const preflight = options.permissionPreflight ?? true;
	let lastToken: { token: string; claims: TokenClaims | undefined } | undefined;
	// Claims are decoded once per token, not once per request.
	const claimsOf = (token: string) => {
		if (lastToken?.token !== token) lastToken = { token, claims: decodeTokenClaims(token) };
		return lastToken.claims;
	};
	const relativePath = (url: URL) =>
		url.pathname.startsWith(root.pathname)
			? url.pathname.slice(root.pathname.replace(/\/$/, '').length)
			: url.pathname;
	const deps: SendDeps = {
		transport: createTransport(root, options),
		tokenProvider: options.tokenProvider,
		policy,
		sleep: options.sleep ?? sleepFor,
		preflight,
		claimsOf,
		relativePath,
		onExchange: options.onExchange,
		onRetry: options.onRetry,
		onReconcile: options.onReconcile,
	};
	const facts = (method: string, url: URL, clientRequestId = ''): CallFacts => ({
		method,
		url,
		path: relativePath(url),
		clientRequestId,
	});

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

	function buildUrl(path: string, query?: RequestOptions['query']): URL {
		const url = new URL(baseUrl + path);
		for (const [key, value] of Object.entries(query ?? {})) {
			if (value !== undefined) url.searchParams.set(key, String(value));
		}
		return url;
	}

	// A malformed answer still came with the ids support asks for: the service's request-id and the
	// client-request-id this call sent go into the error.
	// A write answered 2xx happened even when its answer cannot be read.
	const malformed = (result: Accepted, message: string) =>
		callFailure(
			'protocol',
			result.call,
			{ code: 'MalformedResponse', message },
			{
				requestId: header(result.headers['request-id']),
				date: header(result.headers.date),
				...(result.call.method !== 'GET' && result.status >= 200 && result.status < 300
					? { applied: 'yes' as const }
					: {}),
			},
		);

	/** The answer as a JSON object, checked by `check`; anything else fails as MalformedResponse. */
	function parseObject(result: Accepted, check?: ShapeCheck): Record<string, unknown> {
		let json: unknown;
		try {
			json = JSON.parse(result.body);
		} catch {
			throw malformed(result, 'Microsoft Graph sent a response that is not valid JSON.');
		}
		const problem = shapeProblem(json, anyObject, 'the answer') ?? check?.(json, 'the answer');
		if (problem) throw malformed(result, `Microsoft Graph sent an answer of the wrong shape: ${problem}.`);
		return json as Record<string, unknown>;
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
			const result = await sendCall(deps, method, url, requestOptions);
			if (result.status === 204 || result.body.trim() === '') return undefined;
			return parseObject(result, requestOptions.checkBody) as T;
		},
		async list<T, U = T>(path: string, requestOptions: ListOptions<T, U> = {}) {
			const items: U[] = [];
			const mapItem = requestOptions.mapItem ?? ((item: T) => item as unknown as U);
			let url: URL | undefined = buildUrl(path, requestOptions.query);
			for (let page = 0; url; page++) {
				if (page >= maxPages)
					throw callFailure('protocol', facts('GET', url), {
						code: 'TooManyPages',
						message: `Stopped after ${maxPages} pages.`,
					});
				const result = await sendCall(deps, 'GET', url, requestOptions);
				const body = parseObject(result);
				if (!Array.isArray(body.value))
					throw malformed(result, 'The collection response has no "value" array.');
				for (const [index, item] of body.value.entries()) {
					const where = `value[${index}]`;
					const problem = shapeProblem(item, anyObject, where) ?? requestOptions.checkItem?.(item, where);
					if (problem) throw malformed(result, `Microsoft Graph sent a list of the wrong shape: ${problem}.`);
					items.push(mapItem(item as T));
				}
				const link = body['@odata.nextLink'];
				if (link !== undefined && typeof link !== 'string')
					throw malformed(result, 'The collection response has an @odata.nextLink that is not a string.');
				url = nextPage(link, root, (next) =>
					callFailure('protocol', facts('GET', next), {
						code: 'ForeignNextLink',
						message: `Refusing to follow a nextLink to another origin (${next.origin}); the token would leak.`,
					}),
				);
			}
			return items;
		},
	};
}

function nextPage(link: string | undefined, root: URL, refuse: (url: URL) => Error): URL | undefined {
	if (!link) return undefined;
	const next = new URL(link, root);
	// A forged nextLink on another origin would receive our bearer token.
	if (next.origin !== root.origin) throw refuse(next);
	return next;
}
