import { useEffect, useMemo, useState } from 'react';
import type { RecordedRequest } from '../../store/index.js';
import { useStore } from '../store-context.js';

/**
 * The session's recorded Graph calls, oldest first. Subscribes only while the calling screen is mounted, so
 * recording never re-renders anything else.
 */
export function useRequestHistory(): readonly RecordedRequest[] {
	const store = useStore();
	const history = store.deps().requests;
	const [version, setVersion] = useState(0);
	useEffect(() => history?.subscribe(() => setVersion((value) => value + 1)), [history]);
	// biome-ignore lint/correctness/useExhaustiveDependencies: version is the recorder's change signal
	return useMemo(() => history?.entries() ?? [], [history, version]);
}
