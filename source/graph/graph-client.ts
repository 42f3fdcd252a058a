import { decodeTokenClaims, type TokenClaims } from '../auth/claims.js';
import { isLoopbackHost } from '../text/loopback.js';
import { parseObject } from './answers.js';
import type { GraphClient, GraphClientOptions, ListOptions, RequestOptions } from './client-types.js';
import { collectionPages } from './paging.js';
import { checkPermission } from './permissions.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js';
import { type SendDeps, sendCall } from './send-call.js';
import { createTransport } from './transport.js';

export type {
	ExchangeRecord,
	GraphClient,
	GraphClientOptions,
	ListOptions,
	ListPage,
	PlannedRequest,
	ReconcileNotice,
	RequestOptions,
	RetryNotice,
	ShapeCheck,
} from './client-types.js';

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

	function pages<T, U = T>(path: string, requestOptions: ListOptions<T, U> = {}) {
		const query = { ...requestOptions.query, ...(requestOptions.top ? { $top: requestOptions.top } : {}) };
		return collectionPages(deps, root, buildUrl(path, query), requestOptions);
	}

	const client: GraphClient = {
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
			for await (const page of pages(path, requestOptions)) {
				requestOptions.onPage?.(page.items, { received: page.received, pageNumber: page.pageNumber });
				for (const item of page.items) items.push(item);
			}
			return items;
		},
		pages,
	};
	return client;
}
