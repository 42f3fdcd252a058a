import { useTextEditor } from '../../keys/input-router.js';
import type { TextEdit } from '../../keys/text-edit.js';
import type { AppState } from '../../store/index.js';
import { useStore } from '../store-context.js';

/** A capture handler that edits a text held in the store at the field's cursor, reading it fresh on every key. */
export function useTextCapture(read: (state: AppState) => string, write: (text: string) => void) {
	const store = useStore();
	const edit = useTextEditor();
	return (change: TextEdit) => {
		const before = read(store.getState());
		const after = edit(before, change);
		// Moving the cursor changes no text: nothing is written (a filter would jump back to its first row).
		if (after !== before) write(after);
	};
}
