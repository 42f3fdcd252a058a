import type { TokenClaims } from '../auth/claims.js';
import type { TokenProvider } from '../auth/token-provider.js';
import type { RetryPolicy } from './retry-policy.js';

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

/** A create whose answer was lost (504, a dropped connection) is being checked for having taken effect. */
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
	/** Per-attempt timeouts in ms: connect 10 s, response 30 s, whole attempt 60 s by default. */
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
	/** The most bytes one answer may hold (32 MiB by default); a larger one fails as ResponseTooLarge. */
	readonly maxResponseBytes?: number;
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
	/** Checked when a create's answer is lost: finds the object if the create took effect after all. */
	readonly reconcile?: () => Promise<unknown>;
	/**
	 * The problem with the answer's shape ("where is X, not Y"; shapes.ts `fits`), or undefined when it fits;
	 * a problem fails the call as MalformedResponse. Every answer must at least be a JSON object.
	 */
	readonly checkBody?: ShapeCheck;
};

/** Says what is wrong with a value found at `where`, or undefined when it is as expected. */
export type ShapeCheck = (value: unknown, where: string) => string | undefined;

/** One page of a collection as it arrived. */
export type ListPage<U> = {
	/** This page's items, after mapItem. */
	readonly items: U[];
	/** 1 for the first page. */
	readonly pageNumber: number;
	/** Items received so far, this page's included. */
	readonly received: number;
};

/** Options of GraphClient.list and GraphClient.pages. */
export type ListOptions<T, U> = RequestOptions & {
	readonly mapItem?: (item: T) => U;
	/** Like checkBody, for each item (which must at least be an object) before mapItem sees it. */
	readonly checkItem?: ShapeCheck;
	/**
	 * Page size to ask for (`$top` on the first request; nextLinks carry it on). Only where the service takes
	 * `$top`: the resource modules set it (999 for user flows).
	 */
	readonly top?: number;
	/** list() only: told about each page as it arrives, before the next is asked for (render the first rows). */
	readonly onPage?: (
		items: readonly U[],
		progress: { readonly received: number; readonly pageNumber: number },
	) => void;
};

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
	 * The same collection page by page as it arrives, holding none of the earlier pages: for streaming output.
	 * Stop early by leaving the loop; `signal` stops it between pages (and aborts the request in flight).
	 * Always there on createGraphClient's client; optional so small fakes in tests need not implement it.
	 */
	pages?<T, U = T>(path: string, options?: ListOptions<T, U>): AsyncIterableIterator<ListPage<U>>;
	/**
	 * Claims of the token the next request would carry (read, not verified), so callers can refuse a write up
	 * front; undefined for an opaque token, when no token can be had, or with permissionPreflight off.
	 */
	tokenClaims?(signal?: AbortSignal): Promise<TokenClaims | undefined>;
};

/** Response headers as got hands them over. */
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** The first value of a header that may repeat. */
export function header(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}
