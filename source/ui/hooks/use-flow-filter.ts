import { useMemo, useRef } from 'react';
import {
	type FilterResult,
	type FlowIndex,
	type FlowRow,
	filterIndex,
	indexRows,
	type Rows,
} from '../../store/index.js';

/**
 * The rows of `all` that `filter` matches, through an index kept across renders: pages arriving extend it, and
 * each keystroke starts from the previous keystroke's matches. The rows are a view, read with `at`.
 */
export function useFlowFilter(all: readonly FlowRow[], filter: string): Rows<FlowRow> {
	const index = useRef<FlowIndex | undefined>(undefined);
	const last = useRef<FilterResult | undefined>(undefined);
	return useMemo(() => {
		index.current = indexRows(all, index.current);
		last.current = filterIndex(index.current, filter, last.current);
		return last.current.rows;
	}, [all, filter]);
}
