import { display } from '../text/sanitize.js';
import { equivalentCommands, type ReplayableRequest } from './equivalents.js';
import type { RecordedRequest } from './recorder.js';

/** One line for a list of requests: `PATCH /identity/… 204 35ms`, or `not sent` for a planned write. */
export function requestLine(entry: RecordedRequest): string {
	const outcome = !entry.sent
		? 'not sent'
		: entry.status === 0
			? (entry.error ?? 'no answer')
			: String(entry.status);
	const retry = entry.attempt > 1 ? ` (retry ${entry.attempt - 1})` : '';
	return display(`${entry.method} ${entry.path} ${outcome}${entry.sent ? ` ${entry.ms}ms` : ''}${retry}`);
}

function jsonLines(value: unknown): string[] {
	const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
	return text.split('\n').map((line) => `  ${display(line)}`);
}

/**
 * Everything about one request, as lines for a detail view: what was sent, what came back, and the same
 * call as curl, az rest and PowerShell. Text is sanitized for the terminal; secrets are already masked.
 */
export function describeRequest(entry: RecordedRequest): string[] {
	const ids = [
		entry.requestId ? `request-id ${entry.requestId}` : undefined,
		entry.clientRequestId ? `client-request-id ${entry.clientRequestId}` : undefined,
	].filter(Boolean);
	const commands = equivalentCommands(entry satisfies ReplayableRequest);
	return [
		display(`${entry.method} ${entry.url}`),
		entry.sent ? `${requestLine(entry)} · ${entry.time}` : `not sent (dry run) · ${entry.time}`,
		...(ids.length > 0 ? [ids.join(' · ')] : []),
		...(entry.note ? [display(`sent ${entry.note}`)] : []),
		...(entry.refusal ? [display(`would be refused: ${entry.refusal}`)] : []),
		...(entry.requestBody === undefined ? [] : ['', 'Request body', ...jsonLines(entry.requestBody)]),
		...(entry.responseBody === undefined ? [] : ['', 'Response body', ...jsonLines(entry.responseBody)]),
		'',
		'curl',
		`  ${display(commands.curl)}`,
		'az rest',
		`  ${display(commands.azRest)}`,
		'PowerShell',
		`  ${display(commands.powerShell)}`,
	];
}
