import type { RunningEmulator } from '../../source/emulator/server.js';

/** The requests the emulator saw after `since`, as "METHOD path" with the query left off. */
export function requestLines(emulator: RunningEmulator, since = 0): string[] {
	return emulator.log
		.slice(since)
		.map((entry) => `${entry.method} ${decodeURIComponent(entry.path.split('?')[0] ?? '')}`);
}

/** How long every request waits at an emulator started with `heldFaults`. */
export const holdMs = 400;

/** A fault spec that holds every request `holdMs` at the emulator, as a far-away service would. */
export const heldFaults = `F-L1:min=${holdMs}:max=${holdMs}`;

/**
 * The round trips among the requests after `since`, on an emulator that holds each one `holdMs`: requests
 * sent side by side arrive within moments of each other, while one sent after an answer arrives at least
 * `holdMs` after the request it waited for. A count, read from the log's arrival times.
 */
export function roundTrips(emulator: RunningEmulator, since = 0): number {
	const arrivals = emulator.log.slice(since).map((entry) => Date.parse(entry.time));
	let rounds = 0;
	let roundStart = Number.NEGATIVE_INFINITY;
	for (const arrival of arrivals) {
		if (arrival - roundStart >= holdMs / 2) {
			rounds++;
			roundStart = arrival;
		}
	}
	return rounds;
}
