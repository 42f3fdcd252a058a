import { isSecretName, looksLikeSecret, maskSecretText } from '../text/secrets.js';

/**
 * Property names whose values are always secrets (a sample of the rule, for docs and tests): any name the
 * shared rule in text/secrets.ts calls secret is masked, e.g. also accessToken, apiKey or sharedSecret.
 */
export const secretKeys: readonly string[] = [
	'clientSecret',
	'client_secret',
	'password',
	'secretText',
	'passwordCredentials',
	'keyCredentials',
	'refresh_token',
	'access_token',
	'id_token',
	'certificateData',
	'client_assertion',
	'accessToken',
	'token',
	'apiKey',
	'privateKey',
	'sharedSecret',
	'authorization',
];

/** What a masked secret looks like. */
export const masked = '***';

// "key": in JSON text that did not parse (a truncated body); the value's extent is found by valueEnd.
const jsonKey = /"((?:[^"\\]|\\.)*)"\s*:\s*/g;

/** True when a property name holds a secret (by the shared name rule). */
export function isSecretKey(key: string): boolean {
	return isSecretName(key);
}

/** A deep copy of a JSON value with every secret property's value replaced by "***". */
export function maskSecrets(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(maskSecrets);
	// A token pasted into any field is a token, whatever the field is called.
	if (typeof value === 'string') return looksLikeSecret(value) ? masked : value;
	if (value === null || typeof value !== 'object') return value;
	const copy: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) {
		// defineProperty: a "__proto__" key in a body must stay a plain property, not change the prototype.
		Object.defineProperty(copy, key, {
			value: isSecretKey(key) ? masked : maskSecrets(item),
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return copy;
}

/** Where a JSON value starting at `start` ends (exclusive); the end of the text when it is cut off. */
function valueEnd(text: string, start: number): number {
	const first = text[start];
	if (first !== '"' && first !== '[' && first !== '{') {
		const stop = text.slice(start).search(/[,}\]\s]/);
		return stop === -1 ? text.length : start + stop;
	}
	let depth = 0;
	let inString = false;
	for (let index = start; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') index++;
			else if (char === '"') {
				inString = false;
				if (depth === 0) return index + 1;
			}
		} else if (char === '"') inString = true;
		else if (char === '[' || char === '{') depth++;
		else if (char === ']' || char === '}') {
			depth--;
			if (depth === 0) return index + 1;
		}
	}
	return text.length;
}

/**
 * Masks secrets in text that is not parseable JSON: the whole value of each `"key": value` under a secret
 * name (objects and lists too), then `key=value` pairs and secret-shaped runs (JWTs, bearer values, PEM).
 */
export function maskSecretsInText(text: string): string {
	let out = '';
	let from = 0;
	for (const match of text.matchAll(jsonKey)) {
		const valueStart = (match.index ?? 0) + match[0].length;
		if ((match.index ?? 0) < from || !isSecretName(match[1] ?? '')) continue;
		out += `${text.slice(from, valueStart)}"${masked}"`;
		from = valueEnd(text, valueStart);
	}
	out += text.slice(from);
	return maskSecretText(out, masked);
}

/** A URL with the values of secret query parameters masked; anything unparseable is masked as text. */
export function maskUrl(url: string): string {
	try {
		const parsed = new URL(url);
		let changed = false;
		for (const [key, value] of [...parsed.searchParams.entries()]) {
			if (isSecretName(key) || looksLikeSecret(value)) {
				parsed.searchParams.set(key, masked);
				changed = true;
			}
		}
		return changed ? parsed.href : url;
	} catch {
		return maskSecretsInText(url);
	}
}

/** A response body for display and storage: parsed JSON with secrets masked, else masked text. */
export function maskBodyText(text: string): unknown {
	if (text.trim() === '') return undefined;
	try {
		return maskSecrets(JSON.parse(text));
	} catch {
		return maskSecretsInText(text);
	}
}
