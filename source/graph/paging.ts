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
		const page: PageRead<U> = await readPage(deps, root, url, options, mapItem);
		received += page.items.length;
		url = page.next;
		yield { items: page.items, pageNumber, received };
	}
}

type PageRead<U> = { readonly items: U[]; readonly next: URL | undefined };

/**
 * One page read, checked and mapped. Its own function so that only the mapped items live on while the caller
 * holds the page: a generator paused at `yield` keeps every local of its loop, and the answer's text and parsed
 * body (about 5 MiB for 1,000 flows) would stay until the next page came.
 */
async function readPage<T, U>(
	deps: SendDeps,
	root: URL,
	url: URL,
	options: ListOptions<T, U>,
	mapItem: (item: T) => U,
): Promise<PageRead<U>> {
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
	// Read before yielding: a bad link fails this page's call, with its ids.
	return { items, next: nextPage(body['@odata.nextLink'], root, deps, result) };
}
