import { formatBytes } from '../text/bounded-file.js';
import type { AttemptOutcome, CallRules, CallState, NextStep } from './call-state.js';
import { header, type RetryNotice } from './client-types.js';
import { kindForStatus, parseErrorBody } from './error-body.js';
import { callFailure, networkFailure } from './failure.js';
import { afterRedirect, redirectStatuses } from './redirect-step.js';
import {
	backoffDelay,
	isRetriableNetworkError,
	isRetriableStatus,
	neverReachedService,
	parseRetryAfter,
	type RetryPolicy,
} from './retry-policy.js';

export type { AttemptOutcome, CallRules, CallState, NextStep, Redirected } from './call-state.js';
export { firstAttempt } from './call-state.js';

/*
What to do after one attempt of a call, decided without doing anything: no I/O, no clock, no randomness
beyond the policy's injected jitter. The send loop (send-call.ts) performs the step and feeds the next
outcome back in, so every retry, replay and reconcile rule can be tested as a table.
*/

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

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// Sending these again cannot do the work twice: a second DELETE finds nothing, a second PUT sets the same.
const idempotentWrites = new Set(['PUT', 'DELETE']);
const isSuccess = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

/** A create whose hook can find it when its answer is lost. */
const canAdopt = (rules: CallRules) => rules.method === 'POST' && rules.canReconcile;

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

/** Another attempt after `delay`, when the retry budget and the deadline allow it. */
function retry(
	delay: number,
	reason: RetryNotice['reason'],
	status: number,
	state: CallState,
	policy: RetryPolicy,
	changes: Partial<CallState> = {},
): NextStep | undefined {
	if (state.attempt > policy.maxRetries || state.waitedMs + delay > policy.deadlineMs) return undefined;
	return {
		kind: 'wait',
		ms: delay,
		reason,
		status,
		state: next(state, { waitedMs: state.waitedMs + delay, ...changes }),
	};
}

function afterTransportFailure(
	outcome: Extract<AttemptOutcome, { type: 'transport' }>,
	state: CallState,
	rules: CallRules,
	policy: RetryPolicy,
	reconciled: boolean,
): NextStep {
	const { code } = outcome;
	const write = !safeMethods.has(rules.method);
	// Once the whole request was out, the service may have run it, whatever became of the answer.
	const mayBeApplied = write && ((outcome.sent && !neverReachedService(code)) || isSuccess(outcome.status));
	const lost = { retriedAfterLostAnswer: state.lostAnswer };
	if (outcome.cancelled) {
		return {
			kind: 'fail',
			error: callFailure(
				'cancelled',
				rules,
				{ code: 'Cancelled', message: 'The request was cancelled.' },
				{ ...lost, ...(mayBeApplied ? { applied: 'unknown' } : {}) },
			),
		};
	}
	// A create is looked for before anything else: it may exist, whatever the connection did.
	if (mayBeApplied && canAdopt(rules) && !reconciled)
		return { kind: 'reconcile', cause: code, lost: outcome };
	const delay = backoffDelay(state.attempt, policy);
	if (write && isSuccess(outcome.status)) {
		// The service answered 2xx: the write happened, only the rest of its answer was lost.
		return { kind: 'fail', error: networkFailure(rules, code, { ...lost, applied: 'yes' }) };
	}
	if (mayBeApplied) {
		// Sent again only when that cannot repeat it: a create not found, or an idempotent write.
		const resend =
			canAdopt(rules) || (idempotentWrites.has(rules.method) && isRetriableNetworkError('GET', code));
		const step = resend ? retry(delay, 'network', 0, state, policy, { lostAnswer: true }) : undefined;
		return step ?? { kind: 'fail', error: networkFailure(rules, code, { ...lost, applied: 'unknown' }) };
	}
	// A name that does not resolve will not resolve in 15 s either: say so now. A temporary DNS failure
	// (EAI_AGAIN) gets one quick second try.
	if (code === 'ENOTFOUND' || (code === 'EAI_AGAIN' && state.attempt > 1))
		return { kind: 'fail', error: networkFailure(rules, code, lost) };
	if (code === 'EAI_AGAIN') {
		const quick = Math.min(1000, policy.baseDelayMs);
		return (
			retry(quick, 'network', 0, state, policy) ?? { kind: 'fail', error: networkFailure(rules, code, lost) }
		);
	}
	// Not sent (or a read): safe to send again. A write that never fully went out is sent again too.
	const retriable =
		isRetriableNetworkError(rules.method, code) || (write && isRetriableNetworkError('GET', code));
	const step = retriable ? retry(delay, 'network', 0, state, policy) : undefined;
	return step ?? { kind: 'fail', error: networkFailure(rules, code, lost, outcome.certificateNames) };
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
	if (status < 400) {
		// A create answered 2xx with a body cut off: the object exists; look it up for its id. Only such a create
		// is parsed here: a list's page is parsed once, by its reader (a second parse was megabytes of garbage a page).
		const cut =
			canAdopt(rules) &&
			!reconciled &&
			isSuccess(status) &&
			outcome.body.trim() !== '' &&
			!isJson(outcome.body);
		if (cut) return { kind: 'reconcile', cause: `truncated ${status}`, lost: outcome };
		return { kind: 'accept', status, headers, body: outcome.body };
	}
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
	const delay = retryAfter ?? backoffDelay(state.attempt, policy);
	if (
		isRetriableStatus(rules.method, status) &&
		(retryAfter === undefined || retryAfter <= policy.maxRetryAfterMs)
	) {
		const reason = status === 429 ? 'throttled' : 'unavailable';
		// After a 503 the retry goes over a new connection (Graph's best-practice advice).
		const step = retry(delay, reason, status, state, policy, { freshConnection: status === 503 });
		if (step) return step;
	}
	// A 504 to a write: the gateway gave up, the service may still have done it.
	const lostWrite = status === 504 && !safeMethods.has(rules.method);
	if (lostWrite && canAdopt(rules) && !reconciled) return { kind: 'reconcile', cause: '504', lost: outcome };
	if (lostWrite && idempotentWrites.has(rules.method)) {
		const step = retry(delay, 'unavailable', status, state, policy, { lostAnswer: true });
		if (step) return step;
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
				retriedAfterLostAnswer: state.lostAnswer,
				...(lostWrite ? { applied: 'unknown' as const } : {}),
			},
		),
	};
}
