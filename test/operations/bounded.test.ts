import test from 'ava';
import { mapBounded, readConcurrency } from '../../source/operations/bounded.js';

test('mapBounded keeps at most the limit under way, runs every item once and keeps their order', async (t) => {
	let running = 0;
	let most = 0;
	const seen: number[] = [];
	const results = await mapBounded(
		Array.from({ length: 30 }, (_, index) => index),
		async (item) => {
			running++;
			most = Math.max(most, running);
			seen.push(item);
			await new Promise((resolve) => setImmediate(resolve));
			running--;
			return item * 2;
		},
	);
	t.is(most, readConcurrency);
	t.deepEqual(
		results,
		Array.from({ length: 30 }, (_, index) => index * 2),
	);
	t.deepEqual(
		[...seen].sort((a, b) => a - b),
		Array.from({ length: 30 }, (_, index) => index),
	);
	t.deepEqual(await mapBounded([], async () => 1), []);
});

test('mapBounded fails as the first failing call fails', async (t) => {
	await t.throwsAsync(
		() =>
			mapBounded([1, 2, 3], async (item) => {
				if (item === 2) throw new Error('read failed');
				return item;
			}),
		{ message: 'read failed' },
	);
});
