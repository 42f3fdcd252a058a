/** What a key does to a text field (the cursor stays at the end). */
export type TextEdit = { readonly type: 'insert'; readonly text: string } | { readonly type: 'backspace' };

/** Applies an edit to a value; pasted control characters and line breaks are dropped. */
export function applyEdit(value: string, edit: TextEdit): string {
	if (edit.type === 'backspace') return [...value].slice(0, -1).join('');
	return value + edit.text.replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
}
