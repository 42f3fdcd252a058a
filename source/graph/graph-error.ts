/** What kind of failure a GraphError is, so callers can react without parsing codes. */
export type GraphErrorKind =
	| 'unauthenticated'
	| 'forbidden'
	| 'notFound'
	| 'validation'
	| 'conflict'
	| 'throttled'
	| 'unavailable'
	| 'server'
	| 'network'
	| 'timeout'
	| 'cancelled'
	| 'protocol';

/** Everything needed to describe a failed Graph call; deliberately free of headers and tokens. */
export type GraphErrorDetails = {
	readonly kind: GraphErrorKind;
	/** HTTP status, or 0 when no response arrived. */
	readonly status: number;
	/** Graph `error.code` (the deepest one in the innerError chain), or a transport code such as ECONNRESET. */
	readonly code: string;
	/** Graph's developer message, or our own words for transport failures. */
	readonly message: string;
	readonly method: string;
	/** Path relative to the service root, query string removed (it may hold filter values). */
	readonly path: string;
	readonly requestId?: string;
	readonly clientRequestId?: string;
	readonly date?: string;
	/** How to fix it, in plain words, when we can tell. */
	readonly hint?: string;
	/** Permission the operation needs, for 403s. */
	readonly requiredPermission?: string;
	/** Seconds the service asked us to wait, when we gave up waiting. */
	readonly retryAfterSeconds?: number;
	/** True when the client refused the call before sending it (permission preflight). */
	readonly notSent?: boolean;
	/** Whether a failed write took effect anyway; see GraphError. */
	readonly applied?: 'yes' | 'unknown';
	/** True when this failure is the answer to a write sent again after an earlier attempt lost its answer. */
	readonly retriedAfterLostAnswer?: boolean;
};

/**
 * The one error type graph/ throws. Printing, logging or JSON.stringify of it cannot leak a token.
 *
 * Writes whose answer was lost. A failed call says whether the write may have happened, so the caller can
 * read back instead of reporting "not done":
 * - `applied: undefined`: the write did not take effect: the service refused it (any 4xx, 429, 503, 500…),
 *   it was never sent (preflight, a refused connection, a timeout before the request went out), or it is a
 *   read.
 * - `applied: 'unknown'`: the request may have reached the service and its answer was lost: the connection
 *   dropped or timed out after the request was sent (ECONNRESET, EPIPE, "socket hang up", ETIMEDOUT), a 504,
 *   or the caller cancelled after sending. Read back to find out.
 * - `applied: 'yes'`: the service answered 2xx, so the write happened, but the answer's body was cut off or
 *   unreadable (MalformedResponse, a drop while reading it). Read back for the object.
 * Such writes are never sent again blindly. POST and PATCH are not idempotent: they fail at once with
 * `applied`, except a create with a reconcile hook, which looks for the object, adopts it when found and is
 * sent again only when it is not there. PUT and DELETE are idempotent and are sent again; when that retry
 * fails, `retriedAfterLostAnswer` is true, and a 404 to a retried DELETE (or a "name taken" to a retried
 * create) means the first attempt took effect: the caller can say "done (the answer was lost)".
 */
export class GraphError extends Error {
	readonly kind: GraphErrorKind;
	readonly status: number;
	readonly code: string;
	readonly method: string;
	readonly path: string;
	readonly requestId?: string;
	readonly clientRequestId?: string;
	readonly date?: string;
	readonly hint?: string;
	readonly requiredPermission?: string;
	readonly retryAfterSeconds?: number;
	readonly notSent?: boolean;
	readonly applied?: 'yes' | 'unknown';
	readonly retriedAfterLostAnswer?: boolean;

	constructor(details: GraphErrorDetails) {
		super(details.message);
		this.name = 'GraphError';
		this.kind = details.kind;
		this.status = details.status;
		this.code = details.code;
		this.method = details.method;
		this.path = details.path;
		this.requestId = details.requestId;
		this.clientRequestId = details.clientRequestId;
		this.date = details.date;
		this.hint = details.hint;
		this.requiredPermission = details.requiredPermission;
		this.retryAfterSeconds = details.retryAfterSeconds;
		this.notSent = details.notSent;
		this.applied = details.applied;
		this.retriedAfterLostAnswer = details.retriedAfterLostAnswer;
	}

	/** The ids Microsoft support asks for, on one line. */
	get correlation(): string {
		const parts = [
			this.requestId ? `request-id ${this.requestId}` : undefined,
			this.clientRequestId ? `client-request-id ${this.clientRequestId}` : undefined,
			this.date,
		].filter(Boolean);
		return parts.join(' · ');
	}

	toJSON(): GraphErrorDetails & { name: string } {
		return {
			name: this.name,
			kind: this.kind,
			status: this.status,
			code: this.code,
			message: this.message,
			method: this.method,
			path: this.path,
			requestId: this.requestId,
			clientRequestId: this.clientRequestId,
			date: this.date,
			hint: this.hint,
			requiredPermission: this.requiredPermission,
			retryAfterSeconds: this.retryAfterSeconds,
			...(this.notSent ? { notSent: true } : {}),
			...(this.applied ? { applied: this.applied } : {}),
			...(this.retriedAfterLostAnswer ? { retriedAfterLostAnswer: true } : {}),
		};
	}
}

/** True for a GraphError, without relying on instanceof across bundles. */
export function isGraphError(value: unknown): value is GraphError {
	return value instanceof Error && value.name === 'GraphError' && 'kind' in value;
}
