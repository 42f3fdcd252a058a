import { useMemo } from 'react';
import { useAppState } from '../store-context.js';

/** The reason keys that touch a row are disabled while it changes: two writes to one row would race. */
export const busyReason = 'A change to this item is still in progress.';

/** Row target → short verb ("removing") of the write changing it. */
export function usePending(): ReadonlyMap<string, string> {
	const activity = useAppState((state) => state.activity);
	return useMemo(
		() =>
			new Map(
				activity
					.filter((item) => item.target)
					.map((item) => [item.target ?? '', (item.verb.split(' ')[0] ?? '').toLowerCase()]),
			),
		[activity],
	);
}
