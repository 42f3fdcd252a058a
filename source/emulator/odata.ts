import { badRequest } from './errors.js';
import { type FilterSchema, parseFilter } from './odata-filter.js';
import type { Reply, RouteContext } from './router.js';
import type { JsonObject } from './types.js';

const knownOptions = [
	'$filter',
	'$select',
	'$top',
	'$skiptoken',
	'$orderby',
	'$expand',
	'$count',
	'$skip',
	'$search',
];

/** `@odata.context` value: `{origin}/{version}/$metadata#{fragment}`. */
export function metadata(context: Pick<RouteContext, 'origin' | 'version'>, fragment: string): string {
	return `${context.origin}/${context.version}/$metadata#${fragment}`;
}

/** Rejects unknown or unsupported system query options (Graph answers 400 for both). */
export function checkQuery(query: URLSearchParams, allowed: readonly string[]): void {
	for (const key of query.keys()) {
		if (!key.startsWith('$')) continue;
		const name = key.toLowerCase();
		if (!knownOptions.includes(name)) throw badRequest(`Query option '${key}' is not supported.`);
		if (!allowed.includes(name)) throw badRequest(`Query option '${key}' is not allowed for this resource.`);
	}
}

function option(query: URLSearchParams, name: string): string | null {
	for (const [key, value] of query) if (key.toLowerCase() === name) return value;
	return null;
}

/** Parses `$select` against the selectable property names; null when absent. */
export function parseSelect(
	query: URLSearchParams,
	selectable: readonly string[],
	typeName: string,
): string[] | null {
	const raw = option(query, '$select');
	if (raw === null) return null;
	return raw.split(',').map((part) => {
		const wanted = part.trim();
		const found = selectable.find((name) => name.toLowerCase() === wanted.toLowerCase());
		if (!found) throw badRequest(`Could not find a property named '${wanted}' on type '${typeName}'.`);
		return found;
	});
}

/** Keeps the selected properties plus OData annotations (`@odata.type` stays, as on Graph). */
export function project(item: JsonObject, select: string[] | null): JsonObject {
	if (!select) return item;
	const result: JsonObject = {};
	for (const [key, value] of Object.entries(item)) {
		if (key.startsWith('@') || select.includes(key)) result[key] = value;
	}
	return result;
}

/** Applies `$filter` when present, reading each item through `view`. */
export function filterItems<T>(
	query: URLSearchParams,
	items: T[],
	schema: FilterSchema,
	view: (item: T) => JsonObject,
): T[] {
	const raw = option(query, '$filter');
	if (raw === null) return items;
	const predicate = parseFilter(raw, schema);
	return items.filter((item) => predicate(view(item)));
}

/** Applies `$orderby=prop [asc|desc]` over string properties. */
export function orderItems<T>(
	query: URLSearchParams,
	items: T[],
	sortable: Record<string, (item: T) => string>,
	typeName: string,
): T[] {
	const raw = option(query, '$orderby');
	if (raw === null) return items;
	const [name = '', direction = 'asc', ...rest] = raw.trim().split(/\s+/);
	const key = Object.keys(sortable).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
	if (!key) throw badRequest(`Could not find a property named '${name}' on type '${typeName}'.`);
	if (rest.length > 0 || !['asc', 'desc'].includes(direction.toLowerCase())) {
		throw badRequest(`Invalid $orderby clause '${raw}'.`);
	}
	const read = sortable[key]!;
	const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
	return [...items].sort((a, b) => sign * read(a).localeCompare(read(b), 'en', { sensitivity: 'base' }));
}

// Like Graph's own links: spaces as %20, while `$`, `,`, `/`, `:` and `@` stay readable.
function encode(text: string): string {
	return encodeURIComponent(text).replace(/%(24|2C|2F|3A|40)/g, (_all, hex: string) =>
		String.fromCharCode(Number.parseInt(hex, 16)),
	);
}

function pageSize(context: RouteContext): number {
	const raw = option(context.query, '$top');
	if (raw === null) return context.pageSize;
	// Directory collections treat $top as the page size, 1..999.
	if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 999) {
		throw badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and 999 inclusive.`);
	}
	// A server may hand out less than asked (with a nextLink for the rest): clients must follow it anyway.
	return Math.min(Number(raw), context.maxPageSize);
}

function decodeSkipToken(token: string): number {
	try {
		const decoded: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
		if (typeof decoded === 'object' && decoded !== null && 'o' in decoded) {
			const offset = (decoded as { o: unknown }).o;
			if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
		}
	} catch {}
	throw badRequest(`The $skiptoken value '${token}' is not valid.`);
}

function encodeSkipToken(offset: number): string {
	// Opaque on purpose: clients must follow nextLink verbatim, never build a $skiptoken themselves.
	return Buffer.from(JSON.stringify({ o: offset, v: 1 }), 'utf8').toString('base64url');
}

/** Shapes a paged collection answer (`@odata.context`, `value`, `@odata.nextLink`); renders only the page. */
export function collectionReply<T>(
	context: RouteContext,
	items: T[],
	render: (item: T) => JsonObject,
	contextFragment: string | null,
	extra: JsonObject = {},
): Reply {
	const size = pageSize(context);
	const token = option(context.query, '$skiptoken');
	const offset = token === null ? 0 : decodeSkipToken(token);
	const page = items.slice(offset, offset + size);
	const body: JsonObject = {};
	if (contextFragment !== null) body['@odata.context'] = metadata(context, contextFragment);
	Object.assign(body, extra);
	if (token === null && option(context.query, '$count')?.toLowerCase() === 'true') {
		body['@odata.count'] = items.length;
	}
	body.value = page.map(render);
	if (offset + size < items.length) {
		const pairs = [...context.query].filter(([key]) => key.toLowerCase() !== '$skiptoken');
		pairs.push(['$skiptoken', encodeSkipToken(offset + size)]);
		const query = pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
		body['@odata.nextLink'] = `${context.origin}/${context.version}${context.rawPath}?${query}`;
	}
	return { status: 200, body };
}
