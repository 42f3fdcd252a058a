import type { ActionId } from '../../keys/keymap.js';
import { currentEntry } from '../../store/index.js';
import { useStore } from '../store-context.js';

/** Handlers for list movement; they read the cursor from the store at key time, so fast repeats never drop. */
export function useListKeys(count: number, page: number): Partial<Record<ActionId, () => void>> {
	const store = useStore();
	const last = Math.max(0, count - 1);
	const cursor = () => Math.min(currentEntry(store.getState()).cursor, last);
	const move = (index: number) =>
		store.dispatch({ type: 'route/cursorMoved', index: Math.max(0, Math.min(index, last)) });
	const step = Math.max(1, page - 1);
	return {
		'list.down': () => move(cursor() + 1),
		'list.up': () => move(cursor() - 1),
		'list.top': () => move(0),
		'list.bottom': () => move(last),
		'list.pageDown': () => move(cursor() + step),
		'list.pageUp': () => move(cursor() - step),
	};
}
