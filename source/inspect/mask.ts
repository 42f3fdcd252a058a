/** Property names whose values are secrets, compared case-insensitively; their values become "***". */
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
];

/** What a masked secret looks like. */
export const masked = '***';

const secretSet = new Set(secretKeys.map((key) => key.toLowerCase()));
const keyAlternatives = secretKeys.map((key) => key.replace(/[^\w]/g, '')).join('|');
// "key": in JSON text that did not parse (a truncated body); the value's extent is found by valueEnd.
const jsonKey = new RegExp(`"(?:${keyAlternatives})"\\s*:\\s*`, 'gi');
// key=value in form-encoded text or a query string.
const formPair = new RegExp(`(^|[?&\\s])((?:${keyAlternatives})=)([^&\\s]*)`, 'gi');

/** True when a property name holds a secret. */
export function isSecretKey(key: string): boolean {
	return secretSet.has(key.toLowerCase());
}

/** A deep copy of a JSON value with every secret property's value replaced by "***". */
export function maskSecrets(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(maskSecrets);
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

/** Masks secrets in text that is not parseable JSON: `"key": value` pairs and `key=value` pairs. */
export function maskSecretsInText(text: string): string {
	let out = '';
	let from = 0;
	for (const match of text.matchAll(jsonKey)) {
		const valueStart = (match.index ?? 0) + match[0].length;
		if ((match.index ?? 0) < from) continue;
		out += `${text.slice(from, valueStart)}"${masked}"`;
		from = valueEnd(text, valueStart);
	}
	out += text.slice(from);
	return out.replace(formPair, (_match, lead: string, key: string) => `${lead}${key}${masked}`);
}

/** A URL with the values of secret query parameters masked; anything unparseable is masked as text. */
export function maskUrl(url: string): string {
	try {
		const parsed = new URL(url);
		let changed = false;
		for (const key of [...parsed.searchParams.keys()]) {
			if (isSecretKey(key)) {
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
