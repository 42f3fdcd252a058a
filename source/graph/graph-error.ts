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
};

/** The one error type graph/ throws. Printing, logging or JSON.stringify of it cannot leak a token. */
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
		};
	}
}

/** True for a GraphError, without relying on instanceof across bundles. */
export function isGraphError(value: unknown): value is GraphError {
	return value instanceof Error && value.name === 'GraphError' && 'kind' in value;
}
