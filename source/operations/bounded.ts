// Reads that are independent of each other go out side by side, but only so many at once: a tenant of many
// flows would otherwise open one connection per read and meet the service's throttling all together.

/** How many independent reads are in flight at once. */
export const readConcurrency = 8;

/** `map` over the items with at most `limit` calls under way; the results keep the items' order. */
export async function mapBounded<T, R>(
	items: readonly T[],
	map: (item: T, index: number) => Promise<R>,
	limit = readConcurrency,
): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await map(items[index] as T, index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}
