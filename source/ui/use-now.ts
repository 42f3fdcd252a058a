import { useEffect, useState } from 'react';

/** The current time, ticking every `intervalMs` while `active` (countdowns), and at once when `restartOn` changes. */
export function useNow(active: boolean, intervalMs = 1000, restartOn?: unknown): number {
	const [now, setNow] = useState(() => Date.now());
	// biome-ignore lint/correctness/useExhaustiveDependencies: restartOn only restarts the clock, see below.
	useEffect(() => {
		if (!active) return;
		setNow(Date.now());
		const timer = setInterval(() => setNow(Date.now()), intervalMs);
		return () => clearInterval(timer);
		// A new restartOn restarts the clock, so a countdown that begins between two ticks starts from now, not
		// from the last tick (a 1 s wait had shown as "retrying in 2s").
	}, [active, intervalMs, restartOn]);
	return now;
}
