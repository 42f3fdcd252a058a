import type { ExchangeRecord, PlannedRequest } from '../graph/graph-client.js';
import { maskBodyText, maskSecrets, maskSecretsInText, maskUrl } from './mask.js';

/** One Graph call as the inspector shows it: secrets masked, never a header or a token. */
export type RecordedRequest = {
	/** 1, 2, 3… in the order recorded; stable across `entries()` calls. */
	readonly seq: number;
	/** When it was recorded (the end of the exchange), ISO 8601. */
	readonly time: string;
	readonly method: string;
	/** Absolute URL as sent, secret query values masked. */
	readonly url: string;
	/** Path relative to the service root, without query. */
	readonly path: string;
	/** HTTP status; 0 when no response arrived or the request was not sent. */
	readonly status: number;
	readonly ms: number;
	/** 1 for the first try, 2 for the first retry… */
	readonly attempt: number;
	readonly requestId?: string;
	readonly clientRequestId?: string;
	/** The JSON body sent, secrets masked. */
	readonly requestBody?: unknown;
	/** The body received: parsed JSON when it was JSON and short, else text cut at maxBodyChars; secrets masked. */
	readonly responseBody?: unknown;
	/** Transport error code (ECONNRESET, ETIMEDOUT…) when no response arrived. */
	readonly error?: string;
	/** False for a dry run's write, which was planned but never sent. */
	readonly sent: boolean;
	/** For a planned write only sent in some cases: which. */
	readonly note?: string;
	/** For a planned write the token could not perform: what it needs and how to get it. */
	readonly refusal?: string;
	/** The CA file the client trusted for this call (absolute), so its curl and az rest trust it too. */
	readonly caFile?: string;
};

/** What the recorder cannot see in an exchange: how the client that made it reached the service. */
export type RecordContext = { readonly caFile?: string };

/** Session-long record of Graph calls, fed from the client's onExchange (and dryRun) options. */
export type RequestRecorder = {
	/** Records a finished exchange; pass as GraphClientOptions.onExchange (with `context` when it has a CA file). */
	record(exchange: ExchangeRecord, context?: RecordContext): RecordedRequest;
	/** Records a dry run's planned write; pass as GraphClientOptions.dryRun. */
	recordPlanned(request: PlannedRequest): RecordedRequest;
	/** Everything recorded, oldest first (a new array each call; at most `limit`). */
	entries(): readonly RecordedRequest[];
	/** Calls the listener with each new entry; returns the unsubscribe function. */
	subscribe(listener: (entry: RecordedRequest) => void): () => void;
	/** Forgets every entry (sequence numbers keep counting). */
	clear(): void;
};

/** Options of createRequestRecorder. */
export type RecorderOptions = {
	/** Entries kept, oldest dropped first (default 500). */
	readonly limit?: number;
	/** Longest response kept whole (default 32 000 characters); longer ones keep their start, as text. */
	readonly maxBodyChars?: number;
	/** Clock, injectable for tests. */
	readonly now?: () => Date;
};

// A long body (a page of thousands of flows) is kept as its masked start only: the session record stays small.
function responseFor(text: string, max: number): unknown {
	if (text.length <= max) return maskBodyText(text);
	return `${maskSecretsInText(text.slice(0, max))}… (${text.length - max} more characters)`;
}

/** Creates an empty recorder. */
export function createRequestRecorder(options: RecorderOptions = {}): RequestRecorder {
	const limit = options.limit ?? 500;
	const maxBodyChars = options.maxBodyChars ?? 32_000;
	const now = options.now ?? (() => new Date());
	const listeners = new Set<(entry: RecordedRequest) => void>();
	let kept: RecordedRequest[] = [];
	let seq = 0;

	const add = (entry: Omit<RecordedRequest, 'seq' | 'time'>): RecordedRequest => {
		const full: RecordedRequest = { seq: ++seq, time: now().toISOString(), ...entry };
		kept.push(full);
		if (kept.length > limit) kept = kept.slice(kept.length - limit);
		for (const listener of listeners) listener(full);
		return full;
	};

	return {
		record(exchange, context = {}) {
			return add({
				method: exchange.method,
				url: maskUrl(exchange.url),
				path: exchange.path,
				status: exchange.status,
				ms: exchange.ms,
				attempt: exchange.attempt,
				...(exchange.requestId ? { requestId: exchange.requestId } : {}),
				clientRequestId: exchange.clientRequestId,
				...(exchange.requestBody === undefined ? {} : { requestBody: maskSecrets(exchange.requestBody) }),
				...(exchange.responseBody === undefined
					? {}
					: { responseBody: responseFor(exchange.responseBody, maxBodyChars) }),
				...(exchange.error ? { error: exchange.error } : {}),
				sent: true,
				...(context.caFile ? { caFile: context.caFile } : {}),
			});
		},
		recordPlanned(request) {
			return add({
				method: request.method,
				url: maskUrl(request.url),
				path: request.path,
				status: 0,
				ms: 0,
				attempt: 0,
				...(request.requestBody === undefined ? {} : { requestBody: maskSecrets(request.requestBody) }),
				sent: false,
				...(request.note ? { note: request.note } : {}),
				...(request.refusal ? { refusal: request.refusal } : {}),
			});
		},
		entries: () => [...kept],
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		clear() {
			kept = [];
		},
	};
}
