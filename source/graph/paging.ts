import { anyObject, malformed, parseObject } from './answers.js';
import type { ListOptions, ListPage } from './client-types.js';
import { type CallFacts, callFailure } from './failure.js';
import { type SendDeps, sendCall } from './send-call.js';
import { shapeProblem } from './shapes.js';

/**
 * The page size every collection asks for: the directory's largest, so a list of 50,000 takes 51 round trips
 * rather than 500 at its default of 100. Nextlinks carry it on.
 */
export const largestPage = 999;

/** A guard against a service that never stops handing out nextLinks. */
export const maxPages = 10_000;

const facts = (deps: SendDeps, url: URL): CallFacts => ({
	method: 'GET',
	url,
	path: deps.relativePath(url),
	clientRequestId: '',
});

function nextPage(link: unknown, root: URL, deps: SendDeps, result: Parameters<typeof malformed>[0]) {
	if (link === undefined || link === null || link === '') return undefined;
	if (typeof link !== 'string')
		throw malformed(result, 'The collection response has an @odata.nextLink that is not a string.');
	const next = new URL(link, root);
	// A forged nextLink on another origin would receive our bearer token.
	if (next.origin !== root.origin) {
		throw callFailure('protocol', facts(deps, next), {
			code: 'ForeignNextLink',
			message: `Refusing to follow a nextLink to another origin (${next.origin}); the token would leak.`,
		});
	}
	return next;
}

/**
 * The pages of a collection as they arrive, following @odata.nextLink verbatim (it already carries $top and
 * the rest of the query). Stops between pages when the signal is aborted, or when the caller stops iterating.
 */
export async function* collectionPages<T, U>(
	deps: SendDeps,
	root: URL,
	first: URL,
	options: ListOptions<T, U>,
): AsyncGenerator<ListPage<U>> {
	const mapItem = options.mapItem ?? ((item: T) => item as unknown as U);
	let url: URL | undefined = first;
	let received = 0;
	for (let pageNumber = 1; url; pageNumber++) {
		if (pageNumber > maxPages) {
			throw callFailure('protocol', facts(deps, url), {
				code: 'TooManyPages',
				message: `Stopped after ${maxPages} pages.`,
			});
		}
		if (options.signal?.aborted) {
			throw callFailure('cancelled', facts(deps, url), {
				code: 'Cancelled',
				message: `The list was cancelled after ${received} items.`,
			});
		}
		const result = await sendCall(deps, 'GET', url, options);
		const body = parseObject(result);
		if (!Array.isArray(body.value)) throw malformed(result, 'The collection response has no "value" array.');
		const items: U[] = [];
		for (const [index, item] of body.value.entries()) {
			const where = `value[${index}]`;
			const problem = shapeProblem(item, anyObject, where) ?? options.checkItem?.(item, where);
			if (problem) throw malformed(result, `Microsoft Graph sent a list of the wrong shape: ${problem}.`);
			items.push(mapItem(item as T));
		}
		received += items.length;
		// Read before yielding: a bad link fails this page's call, with its ids.
		url = nextPage(body['@odata.nextLink'], root, deps, result);
		yield { items, pageNumber, received };
	}
}
