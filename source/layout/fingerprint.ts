import { createHash } from 'node:crypto';
import { type Layout, toPageInputs } from './model.js';

// JSON with object keys sorted, so the same inputs always give the same text whatever order Graph sent keys in.
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value)
			.filter(([, item]) => item !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonical(item)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * A stable hash of a layout's inputs array (order, every field; service defaults filled in), 16 hex digits.
 * Two reads of an unchanged page give the same fingerprint; any change to the inputs gives another.
 */
export function layoutFingerprint(layout: Layout): string {
	return createHash('sha256')
		.update(canonical(toPageInputs(layout)))
		.digest('hex')
		.slice(0, 16);
}
