import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** The young generation's size (both halves) past which it grows no more. */
export const youngGenerationCap = 8 * 1024 * 1024;

let watching = false;

/**
 * Once the first frame is out, V8 is told to keep its heap small: an app left open for hours over SSH should
 * not hold on to the garbage of a large list load (measured: 166 → 104 MiB after 10,000 flows, for about 4 ms
 * more per key, still within a frame). Set after start-up so the first frame is not slowed; the bench calls it
 * too, to measure what people get.
 *
 * The young generation also stops growing at 8 MiB. A list load doubled it to 16 MiB in some runs and not in
 * others, so memory after 10,000 flows swung by 20 MiB from run to run. Stopped at 8 MiB, with answers read
 * piece by piece (graph/read-answer.ts), it measured 81–93 MiB in 12 runs, against 85–105 MiB with the reading
 * alone. Kept at its first 2 MiB, keys took about 4 ms more each (docs/measured.md).
 * V8 has no run-time limit for it, only a growth factor that it reads each time it grows the young
 * generation: after each collection the size is looked at, and once it is at the cap the factor becomes 1.
 */
export function favourMemoryOverSpeed(): void {
	setFlagsFromString('--optimize-for-size');
	// Once a process: a test that runs the app many times over needs one watcher, not one a run.
	if (watching) return;
	watching = true;
	const observer = new PerformanceObserver(() => {
		const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
		if (!young || young.space_size < youngGenerationCap) return;
		setFlagsFromString('--semi-space-growth-factor=1');
		observer.disconnect();
	});
	observer.observe({ entryTypes: ['gc'] });
}
