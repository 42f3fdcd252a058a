import { randomUUID } from 'node:crypto';
import type { TokenClaims } from '../auth/claims.js';
import type { TokenProvider } from '../auth/token-provider.js';
import {
	type GraphClientOptions,
	header,
	type RequestOptions,
	type ResponseHeaders,
} from './client-types.js';
import type { CallFacts } from './failure.js';
import { type AttemptOutcome, type CallState, firstAttempt, nextStep } from './next-step.js';
import { preflightError } from './permissions.js';
import type { RetryPolicy } from './retry-policy.js';
import type { Transport } from './transport.js';

/** What the send loop needs, built once per client. */
export type SendDeps = {
	readonly transport: Transport;
	readonly tokenProvider: TokenProvider;
	readonly policy: RetryPolicy;
	readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
	/** Refuse before sending when the token's claims visibly lack the call's permission. */
	readonly preflight: boolean;
	readonly claimsOf: (token: string) => TokenClaims | undefined;
	/** Path relative to the service root, for records and errors. */
	readonly relativePath: (url: URL) => string;
	readonly onExchange?: GraphClientOptions['onExchange'];
	readonly onRetry?: GraphClientOptions['onRetry'];
	readonly onReconcile?: GraphClientOptions['onReconcile'];
};

/** An answer the call accepted, with what identifies it. */
export type Accepted = {
	readonly status: number;
	readonly headers: ResponseHeaders;
	readonly body: string;
	readonly call: CallFacts;
};

/** Sends one logical call: attempts it, and performs each step nextStep decides until it accepts or fails. */
export async function sendCall(
	deps: SendDeps,
	method: string,
	url: URL,
	options: RequestOptions,
): Promise<Accepted> {
	const call: CallFacts = {
		method,
		url,
		path: deps.relativePath(url),
		clientRequestId: randomUUID(),
		permission: options.permission,
	};
	const rules = { ...call, origin: url.origin, canReconcile: options.reconcile !== undefined };
	const body = options.body === undefined ? undefined : JSON.stringify(options.body);
	let state: CallState = firstAttempt;
	let outcome = await attempt(deps, call, options, body, state);
	for (;;) {
		const step = nextStep(outcome, state, rules, deps.policy);
		switch (step.kind) {
			case 'accept':
				return { status: step.status, headers: step.headers, body: step.body, call };
			case 'fail':
				throw step.error;
			case 'replay':
				state = step.state;
				outcome = await attempt(deps, call, options, body, state);
				break;
			case 'wait':
				deps.onRetry?.({
					method,
					path: call.path,
					attempt: state.attempt,
					delayMs: step.ms,
					reason: step.reason,
					status: step.status,
				});
				await deps.sleep(step.ms, options.signal);
				state = step.state;
				outcome = await attempt(deps, call, options, body, state);
				break;
			case 'reconcile': {
				deps.onReconcile?.({ method, path: call.path, cause: step.cause });
				const found = await options.reconcile?.();
				outcome = { type: 'reconciled', found, lost: step.lost };
				break;
			}
		}
	}
}

/** Gets a token, checks it, sends once, and records the exchange. */
async function attempt(
	deps: SendDeps,
	call: CallFacts,
	options: RequestOptions,
	body: string | undefined,
	state: CallState,
): Promise<AttemptOutcome> {
	const token = await deps.tokenProvider.getToken({
		forceRefresh: state.refreshToken,
		claims: state.claimsChallenge,
		signal: options.signal,
	});
	const claims = deps.claimsOf(token);
	if (deps.preflight && options.permission) {
		const refusal = preflightError(call.method, call.path, options.permission, claims);
		if (refusal) throw refusal;
	}
	// A same-origin redirect moves the call (a 303 makes it a body-less GET).
	const url = state.redirect?.url ?? call.url;
	const method = state.redirect?.method ?? call.method;
	const started = performance.now();
	const outcome = await deps.transport.send({
		method,
		url,
		body: state.redirect?.withBody === false ? undefined : body,
		token,
		clientRequestId: call.clientRequestId,
		attempt: state.attempt,
		freshConnection: state.freshConnection,
		signal: options.signal,
	});
	deps.onExchange?.({
		method,
		url: url.href,
		path: deps.relativePath(url),
		status: outcome.type === 'response' ? outcome.status : 0,
		ms: Math.round(performance.now() - started),
		attempt: state.attempt,
		clientRequestId: call.clientRequestId,
		requestBody: options.body,
		...(outcome.type === 'response'
			? { requestId: header(outcome.headers['request-id']), responseBody: outcome.body }
			: { error: outcome.type === 'transport' ? outcome.code : 'ResponseTooLarge' }),
	});
	return outcome.type === 'response' ? { ...outcome, tokenClaims: claims } : outcome;
}
