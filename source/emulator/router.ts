import { badRequest, GraphError } from './errors.js';
import type { Quirks } from './quirks.js';
import type { TenantStore } from './tenant.js';
import type { ApiVersion, JsonObject } from './types.js';

/** Everything a handler may look at for one request. */
export type RouteContext = {
	method: string;
	version: ApiVersion;
	/** Decoded path parameters by name. */
	params: Record<string, string>;
	query: URLSearchParams;
	/** Parsed JSON body, or undefined when the request had none. */
	body: unknown;
	tenant: TenantStore;
	quirks: Quirks;
	/** The emulator's own origin, e.g. http://127.0.0.1:41234. */
	origin: string;
	pageSize: number;
	/** The largest page a `$top` gets (server-driven paging returns a nextLink for the rest). */
	maxPageSize: number;
	/** The raw (still percent-encoded) path after the version segment, for @odata.nextLink. */
	rawPath: string;
};

/** A handler's answer; a missing body means an empty one (204). */
export type Reply = { status: number; body?: JsonObject; headers?: Record<string, string> };

/** A route handler; errors are thrown as GraphError. */
export type Handler = (context: RouteContext) => Reply;

/** A method on a route: the least-privileged permission it needs and its handler. */
export type MethodSpec = { permission: string; write: boolean; handler: Handler };

/** A literal segment (case-insensitive), a `:name` parameter, or a RegExp with named groups. */
export type Segment = string | RegExp;

/** One URL template with its methods. */
export type Route = { pattern: Segment[]; methods: Partial<Record<string, MethodSpec>> };

/** The result of resolving a path. */
export type RouteMatch = { route: Route; params: Record<string, string> };

// OData's key in parentheses, `userFlowAttributes('city')`, addresses the same entity as `userFlowAttributes/city`.
const keyInParentheses = /^([A-Za-z][\w.]*)\('((?:[^']|'')*)'\)$/;

/** Splits a raw path into percent-decoded segments; `%2F` stays inside its segment. */
export function splitPath(rawPath: string): string[] {
	const parts = rawPath.split('/').slice(1);
	// The docs show some templates with a trailing slash; the service tolerates it.
	if (parts.length > 1 && parts.at(-1) === '') parts.pop();
	return parts.flatMap((part) => {
		let segment: string;
		try {
			segment = decodeURIComponent(part);
		} catch {
			throw badRequest(`The path segment '${part}' is not valid percent-encoding.`);
		}
		const keyed = keyInParentheses.exec(segment);
		return keyed ? [keyed[1] as string, (keyed[2] as string).replaceAll("''", "'")] : [segment];
	});
}

function matchSegment(pattern: Segment, segment: string, params: Record<string, string>): boolean {
	if (pattern instanceof RegExp) {
		const found = pattern.exec(segment);
		if (!found) return false;
		Object.assign(params, found.groups);
		return true;
	}
	if (pattern.startsWith(':')) {
		// Ids never start with '$', so `$ref` and `$count` stay literal.
		if (segment === '' || segment.startsWith('$')) return false;
		params[pattern.slice(1)] = segment;
		return true;
	}
	return pattern.toLowerCase() === segment.toLowerCase();
}

/** Finds the route for the segments, or throws Graph's 400 naming the first segment nothing matched. */
export function resolveRoute(routes: Route[], segments: string[]): RouteMatch {
	let deepest = 0;
	for (const route of routes) {
		const params: Record<string, string> = {};
		let matched = 0;
		while (matched < segments.length && matched < route.pattern.length) {
			if (!matchSegment(route.pattern[matched]!, segments[matched]!, params)) break;
			matched++;
		}
		if (matched === segments.length && matched === route.pattern.length) return { route, params };
		deepest = Math.max(deepest, matched);
	}
	const segment = segments[Math.min(deepest, segments.length - 1)] ?? '';
	throw badRequest(`Resource not found for the segment '${segment}'.`);
}

/** Picks the method, or throws 405 with an Allow header. */
export function pickMethod(route: Route, method: string): MethodSpec {
	const spec = route.methods[method];
	if (spec) return spec;
	throw new GraphError(
		405,
		'Request_BadRequest',
		'Specified HTTP method is not allowed for the request target.',
		{
			Allow: Object.keys(route.methods).join(', '),
		},
	);
}
