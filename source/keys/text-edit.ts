/** What a key does to a text field. */
export type TextEdit =
	| { readonly type: 'insert'; readonly text: string }
	| { readonly type: 'backspace' }
	| { readonly type: 'left' }
	| { readonly type: 'right' }
	| { readonly type: 'home' }
	| { readonly type: 'end' }
	/** ctrl+u: everything before the cursor goes. */
	| { readonly type: 'deleteToStart' }
	/** ctrl+w: the word before the cursor goes (and the spaces after it). */
	| { readonly type: 'deleteWord' };

/**
 * Where the cursor is, counted in characters from the end (so a value changed elsewhere keeps the cursor at its
 * end), and whether the whole value is selected (typing replaces it, backspace clears it).
 */
export type Caret = { readonly tail: number; readonly selected: boolean };

/** The cursor at the end, nothing selected: where a field starts. */
export const endCaret: Caret = { tail: 0, selected: false };

/** A field's text and cursor after an edit. */
export type EditedText = { readonly value: string; readonly caret: Caret };

// Pasted control characters and line breaks are dropped: a field holds one line of text.
const clean = (text: string) => text.replace(/[\u0000-\u001F\u007F-\u009F]/g, '');

/** Applies one edit at the cursor. Characters are code points, so an emoji moves and erases as one. */
export function editText(value: string, caret: Caret, edit: TextEdit): EditedText {
	const chars = [...value];
	const tail = Math.min(Math.max(0, caret.tail), chars.length);
	const at = chars.length - tail;
	const before = chars.slice(0, at);
	const after = chars.slice(at);
	const result = (text: string[], nextTail = after.length): EditedText => ({
		value: text.join(''),
		caret: { tail: nextTail, selected: false },
	});
	if (caret.selected) {
		switch (edit.type) {
			case 'insert':
				return result([...clean(edit.text)], 0);
			case 'backspace':
			case 'deleteToStart':
			case 'deleteWord':
				return result([], 0);
			case 'left':
			case 'home':
				return result(chars, chars.length);
			case 'right':
			case 'end':
				return result(chars, 0);
		}
	}
	switch (edit.type) {
		case 'insert':
			return result([...before, ...clean(edit.text), ...after]);
		case 'backspace':
			return result([...before.slice(0, -1), ...after]);
		case 'left':
			return result(chars, Math.min(chars.length, tail + 1));
		case 'right':
			return result(chars, Math.max(0, tail - 1));
		case 'home':
			return result(chars, chars.length);
		case 'end':
			return result(chars, 0);
		case 'deleteToStart':
			return result(after);
		case 'deleteWord': {
			let cut = before.length;
			while (cut > 0 && before[cut - 1] === ' ') cut--;
			while (cut > 0 && before[cut - 1] !== ' ') cut--;
			return result([...before.slice(0, cut), ...after]);
		}
	}
}

/** Applies an edit to a value with the cursor at its end. */
export function applyEdit(value: string, edit: TextEdit): string {
	return editText(value, endCaret, edit).value;
}
