import type { ExchangeRecord, ReconcileNotice, RetryNotice } from '../graph/graph-client.js';

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
