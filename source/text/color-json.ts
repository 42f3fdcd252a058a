import { safeJson } from './safe-json.js';

// Tokens of JSON as safeJson writes it: every string is one "…" with its escapes, so no colour can land inside one.
const token = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(?:true|false)\b|\bnull\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

const paint = (code: number, text: string) => `\u001B[${code}m${text}\u001B[0m`;

/**
 * `-o jsonc`: the JSON of safeJson with keys, strings, numbers and literals coloured (as az's jsonc is). The
 * colours are the only escape sequences in it: every character from the data is escaped first.
 */
export function colorJson(value: unknown): string {
	return safeJson(value, 2).replace(token, (match, text: string | undefined, colon: string | undefined) => {
		if (text !== undefined) return colon ? `${paint(36, text)}${colon}` : paint(32, text);
		if (match === 'null') return paint(90, match);
		return paint(33, match);
	});
}
