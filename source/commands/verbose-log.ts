import type { ExchangeRecord, ReconcileNotice, RetryNotice } from '../graph/graph-client.js';
import { safeJson } from '../text/safe-json.js';

/** One stderr line per request: method, path, status, ms, request-id. Never a header or a body. */
export function verboseLine(record: ExchangeRecord): string {
	const status = record.status === 0 ? (record.error ?? 'ERR') : String(record.status);
	const retry = record.attempt > 1 ? ` retry ${record.attempt - 1}` : '';
	return `${record.method} ${record.path} ${status} ${record.ms}ms${record.requestId ? ` request-id ${record.requestId}` : ''}${retry}\n`;
}

/** The line shown while the client waits before another attempt. */
export function retryLine(notice: RetryNotice): string {
	const seconds = Math.max(1, Math.round(notice.delayMs / 1000));
	const why =
		notice.reason === 'throttled'
			? 'throttled'
			: notice.reason === 'unavailable'
				? `service unavailable (${notice.status})`
				: 'connection failed';
	return `${why}, retrying in ${seconds}s (${notice.method} ${notice.path})\n`;
}

/** The line a command prints while it checks whether a create whose answer was lost took effect. */
export function reconcileLine(notice: ReconcileNotice): string {
	const why =
		notice.cause === '504' ? "timed out at Microsoft's side (504)" : `lost its answer (${notice.cause})`;
	return `${notice.method} ${notice.path} ${why}; checking whether it took effect…\n`;
}

// Under --json the same notices are one JSON object per line, so stderr stays machine-readable.

/** `{"notice":"request",…}`: what --verbose says of one request, never a header or a body. */
export function verboseJson(record: ExchangeRecord): string {
	return safeJson({
		notice: 'request',
		method: record.method,
		path: record.path,
		status: record.status,
		...(record.error ? { error: record.error } : {}),
		ms: record.ms,
		attempt: record.attempt,
		...(record.requestId ? { requestId: record.requestId } : {}),
		clientRequestId: record.clientRequestId,
	});
}

/** `{"notice":"retrying",…}`: the client waits before another attempt. */
export function retryJson(notice: RetryNotice): string {
	return safeJson({ notice: 'retrying', ...notice });
}

/** `{"notice":"checking",…}`: a write whose answer was lost is being read back. */
export function reconcileJson(notice: ReconcileNotice): string {
	return safeJson({ notice: 'checking', ...notice });
}
