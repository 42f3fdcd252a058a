import type { TokenClaims } from '../auth/claims.js';
import type { ResponseHeaders, RetryNotice } from './client-types.js';
import type { CallFacts } from './failure.js';
import type { GraphError } from './graph-error.js';

// The data nextStep (next-step.ts) decides on: one attempt's outcome, the call's state and rules, the step.

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
	/** No (whole) HTTP answer: the transport code (ECONNRESET, ETIMEDOUT…). */
	| {
			readonly type: 'transport';
			readonly code: string;
			readonly cancelled: boolean;
			/** The whole request had been handed to the network, so the service may have run it. */
			readonly sent: boolean;
			/** The status, when the answer's headers came and its body was lost. */
			readonly status?: number;
			/** For a certificate issued for other host names: the names it is for. */
			readonly certificateNames?: readonly string[];
	  }
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
	/** An earlier attempt may have been applied and its answer was lost; this one is a resend. */
	readonly lostAnswer?: boolean;
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
