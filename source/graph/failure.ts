import type { TokenClaims } from '../auth/claims.js';
import { hostNameMismatch, mismatchWords } from '../text/tls-names.js';
import { GraphError, type GraphErrorKind } from './graph-error.js';
import { hintFor } from './hints.js';

/** What stays the same across the attempts of one logical call, for naming it in an error. */
export type CallFacts = {
	readonly method: string;
	/** Where the call went (absolute). */
	readonly url: URL;
	/** Path relative to the service root, without query. */
	readonly path: string;
	/** The client-request-id every attempt of this call carried. */
	readonly clientRequestId: string;
	/** Permission the call needs, for 403 advice. */
	readonly permission?: string;
};

/** The parts of a failure the service told us, when it told us any, and whether a write took effect. */
export type ServiceIds = {
	readonly requestId?: string;
	readonly date?: string;
	readonly retryAfterSeconds?: number;
	readonly applied?: 'yes' | 'unknown';
	readonly retriedAfterLostAnswer?: boolean;
};

/** One GraphError for a failed call, with its plain-words hint. */
export function callFailure(
	kind: GraphErrorKind,
	call: CallFacts,
	extra: {
		readonly status?: number;
		readonly code: string;
		readonly message: string;
		readonly claims?: TokenClaims;
	},
	ids: ServiceIds = {},
): GraphError {
	const status = extra.status ?? 0;
	return new GraphError({
		kind,
		status,
		code: extra.code,
		message: extra.message,
		method: call.method,
		path: call.path,
		requestId: ids.requestId,
		clientRequestId: call.clientRequestId,
		date: ids.date,
		requiredPermission: status === 403 ? call.permission : undefined,
		retryAfterSeconds: ids.retryAfterSeconds,
		...(ids.applied ? { applied: ids.applied } : {}),
		...(ids.retriedAfterLostAnswer ? { retriedAfterLostAnswer: true } : {}),
		hint: hintFor({
			kind,
			status,
			code: extra.code,
			method: call.method,
			path: call.path,
			permission: call.permission,
			claims: extra.claims,
			retryAfterSeconds: ids.retryAfterSeconds,
			applied: ids.applied,
		}),
	});
}

/** A transport failure (no HTTP answer) in words that name the host and what went wrong. */
export function networkFailure(
	call: CallFacts,
	code: string,
	lost: ServiceIds = {},
	certificateNames: readonly string[] = [],
): GraphError {
	const { url } = call;
	if (code === hostNameMismatch) {
		// Trusted, but for other names: a wrong --graph-url host or something else answering, not a missing CA.
		return callFailure('network', call, {
			code,
			message: `The TLS certificate of ${url.host} ${mismatchWords(url.hostname, certificateNames)} (${code}).`,
		});
	}
	if (code === 'ETIMEDOUT') {
		return callFailure('timeout', call, { code, message: `No answer from ${url.host} in time.` }, lost);
	}
	if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
		return callFailure('network', call, {
			code,
			message: `The TLS certificate of ${url.host} is not trusted (${code}).`,
		});
	}
	if (code.startsWith('PROXY_')) {
		return callFailure('network', call, {
			code,
			message: `The proxy (HTTPS_PROXY) did not open a connection to ${url.host} (${code}).`,
		});
	}
	const words: Record<string, string> = {
		ECONNREFUSED: `Nothing is listening at ${url.host}.`,
		ENOTFOUND: `The host name ${url.hostname} could not be resolved (no such host, or no DNS server reachable).`,
		EAI_AGAIN: `The host name ${url.hostname} could not be resolved right now (DNS did not answer).`,
		ECONNRESET: `The connection to ${url.host} was dropped before an answer arrived.`,
		EPIPE: `The connection to ${url.host} was dropped while sending.`,
	};
	return callFailure(
		'network',
		call,
		{ code, message: words[code] ?? `The request to ${url.host} failed (${code}).` },
		lost,
	);
}
