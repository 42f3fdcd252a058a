import test from 'ava';
import { readBack } from '../../source/operations/read-back.js';

test('reads until the answer settles, waiting between tries', async (t) => {
	let reads = 0;
	const answer = await readBack(
		async () => ++reads,
		(read) => read === 3,
		{ delays: [1, 1, 1, 1] },
	);
	t.is(answer, 3);
	t.is(reads, 3);
});

test('once stopped (the app ends), no more tries: the last answer is returned at once', async (t) => {
	const stop = new AbortController();
	let reads = 0;
	const started = Date.now();
	const answer = await readBack(
		async () => {
			reads += 1;
			stop.abort();
			return 'as it was';
		},
		() => false,
		{ delays: [60_000, 60_000], stop: stop.signal },
	);
	t.is(answer, 'as it was');
	t.is(reads, 1, 'no read after the stop');
	t.true(Date.now() - started < 30_000, 'the wait ended with the stop, not after a minute');
});
