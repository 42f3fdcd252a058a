// Entra is eventually consistent: a read right after a write may answer 404 or show the old state. Reads that
// decide what a write did are tried again, a few times over a few seconds, before anything is reported.

/** Waits between read-backs, in ms: four more tries over about four seconds. */
export const readBackDelays: readonly number[] = [250, 500, 1000, 2000];

/** Waits `ms`, or less when `stop` aborts meanwhile. */
const sleep = (ms: number, stop?: AbortSignal) =>
	new Promise<void>((resolve) => {
		if (stop?.aborted) return resolve();
		const timer = setTimeout(done, ms);
		stop?.addEventListener('abort', done, { once: true });
		function done() {
			clearTimeout(timer);
			stop?.removeEventListener('abort', done);
			resolve();
		}
	});

/** How readBack waits: `delays` between tries (default readBackDelays); none more once `stop` aborts. */
export type ReadBackPace = { readonly delays?: readonly number[]; readonly stop?: AbortSignal };

/**
 * Runs `read` until `settled` says its answer is final (or it stops throwing), waiting between tries as `pace`
 * says; returns the last answer, or throws the last error when every try failed.
 */
export async function readBack<T>(
	read: () => Promise<T>,
	settled: (answer: T) => boolean,
	{ delays = readBackDelays, stop }: ReadBackPace = {},
): Promise<T> {
	let last: { answer: T } | { error: unknown } = { error: new Error('not read') };
	for (let attempt = 0; attempt <= delays.length; attempt++) {
		if (attempt > 0) await sleep(delays[attempt - 1] ?? 0, stop);
		// Stopped (the app is ending): no more tries; what was read last is the answer.
		if (attempt > 0 && stop?.aborted) break;
		try {
			last = { answer: await read() };
			if (settled(last.answer)) return last.answer;
		} catch (error) {
			last = { error };
		}
	}
	if ('answer' in last) return last.answer;
	throw last.error;
}
