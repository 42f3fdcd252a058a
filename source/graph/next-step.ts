import type { TokenClaims } from '../auth/claims.js';
import { formatBytes } from '../text/bounded-file.js';
import { header, type ResponseHeaders, type RetryNotice } from './client-types.js';
import { kindForStatus, parseErrorBody } from './error-body.js';
import { type CallFacts, callFailure, networkFailure } from './failure.js';
import type { GraphError } from './graph-error.js';
import {
	backoffDelay,
	isRetriableNetworkError,
	isRetriableStatus,
	mayHaveBeenSent,
	parseRetryAfter,
	type RetryPolicy,
} from './retry-policy.js';

/*
What to do after one attempt of a call, decided without doing anything: no I/O, no clock, no randomness
beyond the policy's injected jitter. The send loop (send-call.ts) performs the step and feeds the next
outcome back in, so every retry, replay and reconcile rule can be tested as a table.
*/

/** What one attempt ended with. */
export type AttemptOutcome =
	/** An HTTP answer; `receivedAt` (epoch ms) dates a Retry-After given as an HTTP-date. */
	| {
			readonly type: 'response';
			readonly status: number;
			readonly headers: ResponseHeaders;
			readonly body: string;
			readonly receivedAt: number;
			/** Claims of the token the attempt carried, for 403 advice. */
			readonly tokenClaims?: TokenClaims;
	  }
	/** No HTTP answer: the transport code (ECONNRESET, ETIMEDOUT…), and whether the caller cancelled. */
	| { readonly type: 'transport'; readonly code: string; readonly cancelled: boolean }
	/** The answer was larger than the client accepts; reading stopped at `limitBytes`. */
	| { readonly type: 'oversized'; readonly limitBytes: number }
	/** The reconcile hook ran after `lost`: `found` is the object it found, or undefined. */
	| { readonly type: 'reconciled'; readonly found: unknown; readonly lost: AttemptOutcome };

/** What the loop knows between attempts. */
export type CallState = {
	/** The attempt whose outcome is being judged, from 1. */
	readonly attempt: number;
	/** Time spent waiting between attempts so far. */
	readonly waitedMs: number;
	/** True once the one 401 replay has been used. */
	readonly replayedAfter401: boolean;
	/** Ask the token provider for a fresh token on the next attempt. */
	readonly refreshToken: boolean;
	/** A claims challenge from a 401, passed to the token provider on the replay. */
	readonly claimsChallenge?: string;
	/** Send the next attempt over a new connection (after a 503). */
	readonly freshConnection: boolean;
	/** Where a same-origin redirect sent the call; undefined while it goes where the caller asked. */
	readonly redirect?: Redirected;
};

/** A call moved by redirects: its current address and method, and how many hops it took. */
export type Redirected = {
	readonly url: URL;
	readonly method: string;
	/** False after a 303, which turns the call into a GET without its body. */
	readonly withBody: boolean;
	readonly hops: number;
};

/** The most redirects one call follows (the Graph SDKs' default). */
export const maxRedirects = 5;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** What the call may do, fixed for its whole life. */
export type CallRules = CallFacts & {
	/** The service root's origin: the only one a redirect may lead to (elsewhere the body would leak). */
	readonly origin: string;
	/** The call has a hook that finds a create that took effect although its answer was lost. */
	readonly canReconcile: boolean;
};

/** The next step of a call. */
export type NextStep =
	/** Done: hand this answer to the caller. */
	| {
			readonly kind: 'accept';
			readonly status: number;
			readonly headers: ResponseHeaders;
			readonly body: string;
	  }
	/** Send again now, with `state` (the 401 replay with a fresh token, or a same-origin redirect). */
	| { readonly kind: 'replay'; readonly state: CallState }
	/** Wait `ms`, tell the user why, then send again with `state`. */
	| {
			readonly kind: 'wait';
			readonly ms: number;
			readonly reason: RetryNotice['reason'];
			readonly status: number;
			readonly state: CallState;
	  }
	/** The answer to a create was lost: run the reconcile hook, then judge `lost` again with what it found. */
	| { readonly kind: 'reconcile'; readonly cause: string; readonly lost: AttemptOutcome }
	| { readonly kind: 'fail'; readonly error: GraphError };

/** The state before the first attempt. */
export const firstAttempt: CallState = {
	attempt: 1,
	waitedMs: 0,
	replayedAfter401: false,
	refreshToken: false,
	freshConnection: false,
};

/** The state for the attempt after `state`. */
function next(state: CallState, changes: Partial<CallState> = {}): CallState {
	return {
		...state,
		attempt: state.attempt + 1,
		refreshToken: false,
		claimsChallenge: undefined,
		freshConnection: false,
		...changes,
	};
}

function claimsChallenge(wwwAuthenticate: string | undefined): string | undefined {
	return wwwAuthenticate?.match(/claims="([^"]+)"/)?.[1];
}

/** Decides the next step after one attempt's outcome. Pure. */
export function nextStep(
	outcome: AttemptOutcome,
	state: CallState,
	rules: CallRules,
	policy: RetryPolicy,
): NextStep {
	switch (outcome.type) {
		case 'transport':
			return afterTransportFailure(outcome, state, rules, policy, false);
		case 'response':
			return afterResponse(outcome, state, rules, policy, false);
		case 'oversized':
			return {
				kind: 'fail',
				error: callFailure('protocol', rules, {
					code: 'ResponseTooLarge',
					message: `The answer from ${rules.url.host} was larger than ${formatBytes(outcome.limitBytes)}, the most one response may be; reading stopped there.`,
				}),
			};
		case 'reconciled':
			if (outcome.found !== undefined) {
				// The create took effect: answer as its 201 would have.
				return { kind: 'accept', status: 201, headers: {}, body: JSON.stringify(outcome.found) };
			}
			return outcome.lost.type === 'response'
				? afterResponse(outcome.lost, state, rules, policy, true)
				: outcome.lost.type === 'transport'
					? afterTransportFailure(outcome.lost, state, rules, policy, true)
					: nextStep(outcome.lost, state, rules, policy);
	}
}

function afterTransportFailure(
	outcome: Extract<AttemptOutcome, { type: 'transport' }>,
	state: CallState,
	rules: CallRules,
	policy: RetryPolicy,
	reconciled: boolean,
): NextStep {
	const { code } = outcome;
	if (outcome.cancelled) {
		return {
			kind: 'fail',
			error: callFailure('cancelled', rules, { code: 'Cancelled', message: 'The request was cancelled.' }),
		};
	}
	const lostCreate = rules.method === 'POST' && rules.canReconcile && mayHaveBeenSent(code);
	// The connection died after the create was sent: it may exist. Look before sending it again.
	if (lostCreate && !reconciled) return { kind: 'reconcile', cause: code, lost: outcome };
	const delay = backoffDelay(state.attempt, policy);
	// A lost create that the reconcile did not find cannot make a second object when sent again.
	const retriable = isRetriableNetworkError(rules.method, code) || lostCreate;
	if (state.attempt <= policy.maxRetries && retriable && state.waitedMs + delay <= policy.deadlineMs) {
		return {
			kind: 'wait',
			ms: delay,
			reason: 'network',
			status: 0,
			state: next(state, { waitedMs: state.waitedMs + delay }),
		};
	}
	return { kind: 'fail', error: networkFailure(rules, code) };
}

function afterResponse(
	outcome: Extract<AttemptOutcome, { type: 'response' }>,
	state: CallState,
	rules: CallRules,
	policy: RetryPolicy,
	reconciled: boolean,
): NextStep {
	const { status, headers } = outcome;
	const location = header(headers.location);
	if (redirectStatuses.has(status) && location) return afterRedirect(status, location, state, rules);
	if (status < 400) return { kind: 'accept', status, headers, body: outcome.body };
	if (status === 401 && !state.replayedAfter401) {
		// One fresh token and one replay; a claims challenge travels with it.
		return {
			kind: 'replay',
			state: next(state, {
				replayedAfter401: true,
				refreshToken: true,
				claimsChallenge: claimsChallenge(header(headers['www-authenticate'])),
			}),
		};
	}
	const retryAfter = parseRetryAfter(header(headers['retry-after']), outcome.receivedAt);
	if (isRetriableStatus(rules.method, status) && state.attempt <= policy.maxRetries) {
		const delay = retryAfter ?? backoffDelay(state.attempt, policy);
		const withinCap = retryAfter === undefined || retryAfter <= policy.maxRetryAfterMs;
		if (withinCap && state.waitedMs + delay <= policy.deadlineMs) {
			return {
				kind: 'wait',
				ms: delay,
				reason: status === 429 ? 'throttled' : 'unavailable',
				status,
				// After a 503 the retry goes over a new connection (Graph's best-practice advice).
				state: next(state, { waitedMs: state.waitedMs + delay, freshConnection: status === 503 }),
			};
		}
	}
	if (status === 504 && rules.method === 'POST' && rules.canReconcile && !reconciled) {
		// The create may have happened at the service even though the gateway timed out.
		return { kind: 'reconcile', cause: '504', lost: outcome };
	}
	const parsed = parseErrorBody(outcome.body);
	return {
		kind: 'fail',
		error: callFailure(
			kindForStatus(status),
			rules,
			{
				status,
				code: parsed.code ?? `HTTP${status}`,
				message: parsed.message ?? `Microsoft Graph answered ${status} without a readable error body.`,
				claims: outcome.tokenClaims,
			},
			{
				requestId: parsed.requestId ?? header(headers['request-id']),
				date: parsed.date ?? header(headers.date),
				retryAfterSeconds: retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000),
			},
		),
	};
}

/** Follows a redirect within the service's origin; one to anywhere else is refused, as a foreign nextLink is. */
function afterRedirect(status: number, location: string, state: CallState, rules: CallRules): NextStep {
	const from = state.redirect?.url ?? rules.url;
	const refuse = (code: string, message: string): NextStep => ({
		kind: 'fail',
		error: callFailure('protocol', rules, { status, code, message }),
	});
	let to: URL;
	try {
		to = new URL(location, from);
	} catch {
		return refuse('BadRedirect', `Microsoft Graph redirected to "${location}", which is not a URL.`);
	}
	if (to.origin !== rules.origin) {
		return refuse(
			'ForeignRedirect',
			`Refusing a redirect from ${rules.origin} to another origin (${to.origin}): the request and its body would go there.`,
		);
	}
	const hops = (state.redirect?.hops ?? 0) + 1;
	if (hops > maxRedirects) return refuse('TooManyRedirects', `Stopped after ${maxRedirects} redirects.`);
	// A 303 turns the call into a GET without its body; every other redirect keeps method and body.
	const seeOther = status === 303;
	const method = seeOther ? 'GET' : (state.redirect?.method ?? rules.method);
	const withBody = !seeOther && (state.redirect?.withBody ?? true);
	return { kind: 'replay', state: { ...state, redirect: { url: to, method, withBody, hops } } };
}
