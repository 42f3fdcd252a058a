import type { GraphErrorKind } from './graph-error.js';

/** The parts of a Graph error body we read. */
export type ParsedErrorBody = {
	readonly code?: string;
	readonly message?: string;
	readonly requestId?: string;
	readonly clientRequestId?: string;
	readonly date?: string;
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readKey(object: Json, key: string): unknown {
	// The docs spell innerError and innererror both ways; read keys case-insensitively.
	const found = Object.keys(object).find((candidate) => candidate.toLowerCase() === key.toLowerCase());
	return found === undefined ? undefined : object[found];
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Reads `{error: {code, message, innerError: {…}}}`, walking nested innerErrors; survives HTML and junk. */
export function parseErrorBody(raw: string): ParsedErrorBody {
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch {
		return {};
	}
	if (!isObject(json)) return {};
	const error = readKey(json, 'error');
	if (!isObject(error)) return {};
	let code = text(readKey(error, 'code'));
	const message = text(readKey(error, 'message'));
	let requestId: string | undefined;
	let clientRequestId: string | undefined;
	let date: string | undefined;
	let inner = readKey(error, 'innerError');
	for (let depth = 0; isObject(inner) && depth < 10; depth++) {
		requestId ??= text(readKey(inner, 'request-id'));
		clientRequestId ??= text(readKey(inner, 'client-request-id'));
		date ??= text(readKey(inner, 'date'));
		const innerCode = text(readKey(inner, 'code'));
		// A nested code is more specific, unless it is only the HTTP status repeated.
		if (innerCode && !/^\d+$/.test(innerCode)) code = innerCode;
		inner = readKey(inner, 'innerError');
	}
	return { code, message, requestId, clientRequestId, date };
}

/** Maps an HTTP status to the kind of failure the rest of the program reacts to. */
export function kindForStatus(status: number): GraphErrorKind {
	if (status === 401) return 'unauthenticated';
	if (status === 403) return 'forbidden';
	if (status === 404) return 'notFound';
	if (status === 409 || status === 412) return 'conflict';
	if (status === 429) return 'throttled';
	if (status === 503 || status === 504) return 'unavailable';
	if (status >= 500) return 'server';
	if (status >= 400) return 'validation';
	return 'protocol';
}
