import { applyEdit, type TextEdit } from '../../keys/text-edit.js';
import type { AppState } from '../../store/index.js';
import { useStore } from '../store-context.js';

/** A capture handler that edits a text held in the store, reading it fresh on every key. */
export function useTextCapture(read: (state: AppState) => string, write: (text: string) => void) {
	const store = useStore();
	return (edit: TextEdit) => write(applyEdit(read(store.getState()), edit));
}
