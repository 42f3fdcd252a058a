import { osc52 } from '../inspect/clipboard.js';
import { type EquivalentCommands, equivalentCommands } from '../inspect/equivalents.js';
import type { RecordedRequest } from '../inspect/recorder.js';
import { display } from '../text/sanitize.js';

// View models of the request inspector: what ui/ renders of the recorder, every string through display().

export { createRequestRecorder, type RecordedRequest, type RequestRecorder } from '../inspect/recorder.js';

/** One row of the requests list. */
export type RequestRow = {
	readonly seq: number;
	/** Local time of day, HH:MM:SS. */
	readonly time: string;
	readonly method: string;
	/** Path relative to the service root, ids cut to their first 8 characters so the resource names show. */
	readonly path: string;
	/** "200", or the transport error ("ECONNRESET") when no answer came. */
	readonly status: string;
	readonly ms: string;
	/** 1 for a first try; 2 and up for retries (and the replay after a 401). */
	readonly attempt: number;
	/** First 8 characters; the detail shows the whole id. */
	readonly shortRequestId: string;
	/** Status ≥ 400, or no answer at all. */
	readonly failed: boolean;
};

/** True for a call that failed: status ≥ 400 or a transport error. */
export function requestFailed(entry: RecordedRequest): boolean {
	return entry.sent && (entry.status >= 400 || entry.status === 0);
}

const timeOfDay = (iso: string) => new Date(iso).toTimeString().slice(0, 8);
const guid = /\b([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/** Transport failures in a word that fits the list's status column (the detail view has the code itself). */
const transportWords: Readonly<Record<string, string>> = {
	ETIMEDOUT: 'timeout',
	ESOCKETTIMEDOUT: 'timeout',
	UND_ERR_CONNECT_TIMEOUT: 'timeout',
	UND_ERR_HEADERS_TIMEOUT: 'timeout',
	ECONNRESET: 'reset',
	EPIPE: 'reset',
	ECONNREFUSED: 'refused',
	ENOTFOUND: 'no DNS',
	EAI_AGAIN: 'no DNS',
	EHOSTUNREACH: 'no route',
	ENETUNREACH: 'no route',
	AbortError: 'cancelled',
	ResponseTooLarge: 'too big',
};

/** A transport error as the requests list shows it: a short word, or the code cut to fit. */
export function transportWord(code: string): string {
	const known =
		transportWords[code] ?? Object.entries(transportWords).find(([key]) => code.includes(key))?.[1];
	if (known) return known;
	if (/TLS|CERT|SSL/i.test(code)) return 'TLS';
	return code.length > 8 ? `${code.slice(0, 7)}…` : code;
}

/** A recorded call as a list row. */
export function requestRow(entry: RecordedRequest): RequestRow {
	return {
		seq: entry.seq,
		time: timeOfDay(entry.time),
		method: display(entry.method),
		path: display(entry.path).replace(guid, '$1…'),
		status:
			entry.status === 0
				? display(entry.error ? transportWord(entry.error) : entry.sent ? 'no answer' : 'not sent')
				: String(entry.status),
		ms: `${entry.ms}`,
		attempt: entry.attempt,
		shortRequestId: display(entry.requestId ?? '').slice(0, 8),
		failed: requestFailed(entry),
	};
}

/** A labelled block of the detail view. */
export type DetailSection = { readonly title: string; readonly lines: readonly string[] };

/** Everything about one call, for the detail view. */
export type RequestDetail = {
	/** "GET 200 · 35 ms · attempt 1". */
	readonly title: string;
	readonly failed: boolean;
	/** Label and value pairs: URL, time, ids. */
	readonly fields: readonly (readonly [string, string])[];
	readonly sections: readonly DetailSection[];
	/** The equivalents, unsanitized: what the copy keys put on the clipboard (the token stays $TOKEN). */
	readonly commands: EquivalentCommands;
};

function bodyLines(body: unknown): string[] {
	const text = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
	// display() turns tabs and newlines into spaces, so lines are split first.
	return text.split(/\r?\n/).map((line) => display(line));
}

/** A recorded call as the detail view shows it: fields, the three equivalent commands, then the bodies. */
export function requestDetail(entry: RecordedRequest): RequestDetail {
	const commands = equivalentCommands(entry);
	const row = requestRow(entry);
	const retry = entry.attempt > 1 ? ` (retry ${entry.attempt - 1})` : '';
	const fields: [string, string][] = [
		['URL', display(entry.url)],
		['Time', display(entry.time)],
		['Attempt', `${entry.attempt}${retry}`],
		['request-id', display(entry.requestId ?? '—')],
		['client-request-id', display(entry.clientRequestId ?? '—')],
	];
	const sections: DetailSection[] = [
		{ title: 'curl (the token stays $TOKEN)', lines: [display(commands.curl)] },
		{ title: 'az rest', lines: [display(commands.azRest)] },
		{ title: 'PowerShell (Invoke-MgGraphRequest)', lines: [display(commands.powerShell)] },
		{
			title: 'Request body',
			lines: entry.requestBody === undefined ? ['(none)'] : bodyLines(entry.requestBody),
		},
		{
			title: 'Response body',
			lines: entry.responseBody === undefined ? ['(none)'] : bodyLines(entry.responseBody),
		},
	];
	return {
		title: `${row.method} ${row.status} · ${row.ms} ms · attempt ${entry.attempt}${retry}`,
		failed: row.failed,
		fields,
		sections,
		commands,
	};
}

/**
 * The status line after a copy: the sequence went to the terminal, which may drop it, so it never says "copied".
 * Inside tmux it names the setting that lets the plain sequence through.
 */
export function clipboardSentMessage(what: string, tmux = false): string {
	const needs = tmux ? 'inside tmux it needs `set -g set-clipboard on`' : 'some terminals need it allowed';
	return `Sent ${what} to the terminal's clipboard (OSC 52; ${needs}).`;
}

/** The status line's confirmation after a copy key: which command, and where its token comes from. */
export function copiedMessage(which: keyof EquivalentCommands, tmux = false): string {
	const about = {
		curl: ['the curl command', 'The token is a $TOKEN placeholder: export TOKEN before running it.'],
		azRest: ['the az rest command', 'It holds no token: az rest signs the call with your az login.'],
		powerShell: ['the PowerShell command', 'It holds no token: run Connect-MgGraph first, then paste it.'],
	} as const satisfies Record<keyof EquivalentCommands, readonly [string, string]>;
	const [what, note] = about[which];
	return `${clipboardSentMessage(what, tmux)} ${note}`;
}

/**
 * The terminal sequence that puts `text` on the clipboard (OSC 52). Inside tmux it goes both plain (what tmux's
 * `set-clipboard on` takes and forwards) and wrapped in passthrough (what `allow-passthrough on` forwards).
 */
export function clipboardSequence(text: string, tmux = false): string {
	return tmux ? `${osc52(text)}${osc52(text, { tmux })}` : osc52(text);
}
