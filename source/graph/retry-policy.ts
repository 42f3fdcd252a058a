/** Tunables for retrying one logical call; the defaults follow the Microsoft Graph SDKs' retry handler. */
export type RetryPolicy = {
	/** Retries after the first attempt (3 by default, as the SDKs; they refuse more than 10). */
	readonly maxRetries: number;
	/** Base of the back-off curve when the service gives no Retry-After (3 s, as the SDKs). */
	readonly baseDelayMs: number;
	/** Longest back-off step (180 s, as the SDKs). */
	readonly maxDelayMs: number;
	/**
	 * Longest Retry-After we wait out (ours: 60 s, where the SDKs sleep up to 180 s); beyond it we stop and say when
	 * to try again, since a person at a terminal would rather be told than wait three minutes.
	 */
	readonly maxRetryAfterMs: number;
	/** Total time one logical call may spend waiting between attempts, however many retries are left. */
	readonly deadlineMs: number;
	/** Source of jitter, injectable so tests are deterministic. */
	readonly random: () => number;
};

export const defaultRetryPolicy: RetryPolicy = {
	maxRetries: 3,
	baseDelayMs: 3000,
	maxDelayMs: 180_000,
	maxRetryAfterMs: 60_000,
	deadlineMs: 180_000,
	random: Math.random,
};

const retriableStatuses = new Set([429, 503, 504]);
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// Errors where the request surely never reached the service, so even a write can be sent again.
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EADDRINUSE']);
const readRetryCodes = new Set([...notSentCodes, 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** A transport failure that happens before any byte reaches the service (refused, unresolvable host…). */
export function neverReachedService(code: string): boolean {
	return notSentCodes.has(code);
}

/**
 * Whether an HTTP answer may be retried for this method: only 429, 503 and 504 (500, 502 and 507 are surfaced, as
 * the SDKs do), and a write only when the service refused it unprocessed.
 */
export function isRetriableStatus(method: string, status: number): boolean {
	if (!retriableStatuses.has(status)) return false;
	if (safeMethods.has(method)) return true;
	// 429 and 503 mean the request was refused before it ran; a 504 write may have taken effect.
	return status === 429 || status === 503;
}

/**
 * Whether a transport failure may be retried: a read after a refused, dropped or timed-out connection, a write
 * only when nothing reached the service.
 */
export function isRetriableNetworkError(method: string, code: string): boolean {
	return safeMethods.has(method) ? readRetryCodes.has(code) : notSentCodes.has(code);
}

/** Parses Retry-After as delay-seconds (fractional allowed) or an HTTP-date; undefined when absent or junk. */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
	if (!header) return undefined;
	const trimmed = header.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	// A date in the past still means "wait a moment": at least 1 s, not an instant retry.
	return Math.max(1000, date - now);
}

/** The SDKs' back-off curve: base + jitter, then base + round(0.5 * (2^n - 1)) steps, capped (about 3, 5, 7 s). */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
	const jitter = Math.round(policy.random() * 1000) * (policy.baseDelayMs / 3000);
	const steps = attempt <= 1 ? 0 : Math.round(0.5 * (2 ** attempt - 1));
	const delay = policy.baseDelayMs + steps * (policy.baseDelayMs / 3);
	return Math.min(delay, policy.maxDelayMs) + jitter;
}
