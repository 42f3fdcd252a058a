import { invalid } from './errors.js';

/** A parsed JSON object from a request body. */
export type Body = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Body {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as an object, or 400 when it is missing or not an object. */
export function objectBody(body: unknown): Body {
	if (!isObject(body)) throw invalid('The request body must be a JSON object.');
	return body;
}

/** Compares OData type names: case-insensitive, leading '#' optional (the docs drop it at times). */
export function sameType(actual: unknown, expected: string): boolean {
	if (typeof actual !== 'string') return false;
	const strip = (name: string) => name.replace(/^#/, '').toLowerCase();
	return strip(actual) === strip(expected);
}

/** Requires `@odata.type` to name the expected type; `what` names the object in the message. */
export function requireType(object: Body, expected: string, what: string): void {
	const actual = object['@odata.type'];
	if (actual === undefined) {
		throw invalid(`The property '@odata.type' is required on ${what}; send '${expected}'.`);
	}
	if (!sameType(actual, expected)) {
		throw invalid(`The type '${String(actual)}' is not valid for ${what}; expected '${expected}'.`);
	}
}

/** Rejects properties that the type does not define; OData annotations (`x@odata.y`, `@odata.y`) pass. */
export function onlyKeys(object: Body, allowed: readonly string[], typeName: string): void {
	for (const key of Object.keys(object)) {
		if (key.includes('@')) continue;
		if (!allowed.includes(key)) {
			throw invalid(`The property '${key}' does not exist on type '${typeName}'.`);
		}
	}
}

/** A required non-empty string property. */
export function requiredString(object: Body, key: string, what: string): string {
	const value = object[key];
	if (typeof value !== 'string' || value.trim() === '') {
		throw invalid(`The property '${key}' of ${what} is required and must be a non-empty string.`);
	}
	return value;
}

/** An optional string-or-null property; undefined when absent. */
export function optionalString(object: Body, key: string, what: string): string | null | undefined {
	const value = object[key];
	if (value === undefined || value === null || typeof value === 'string') return value;
	throw invalid(`The property '${key}' of ${what} must be a string or null.`);
}

/** An optional boolean-or-null property; strings like "false" are refused, as the service does. */
export function optionalBoolean(object: Body, key: string, what: string): boolean | null | undefined {
	const value = object[key];
	if (value === undefined || value === null || typeof value === 'boolean') return value;
	throw invalid(
		`The property '${key}' of ${what} must be a JSON boolean (true or false), got ${JSON.stringify(value)}.`,
	);
}

/** A required array property. */
export function requiredArray(object: Body, key: string, what: string): unknown[] {
	const value = object[key];
	if (!Array.isArray(value))
		throw invalid(`The property '${key}' of ${what} is required and must be an array.`);
	return value;
}
