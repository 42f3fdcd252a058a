// Names from Graph can hold characters that do not show (zero-width, bidi marks) or be spelled in another
// Unicode form (é as e + ◌́): two names that look the same must never be confused silently.

// Characters that take no visible space, or turn text around, in a terminal. Some are combining marks (a
// variation selector, the grapheme joiner): each is matched on its own, to be removed or marked.
// biome-ignore lint/complexity/useRegexLiterals: as a literal, the class of combining marks reads as misleading to the linter
const invisible = new RegExp(
	'[\\u034F\\u00AD\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0]',
	'g',
);
// Controls (C0, DEL, C1) that a sanitized string no longer has but a raw one may.
const controls = /[\u0000-\u001F\u007F-\u009F]/g;

const codePoint = (char: string) =>
	`⟨U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`;

/**
 * The name with every invisible character and control shown as ⟨U+XXXX⟩, and its combining marks too when
 * it is not in the composed (NFC) form that a person typing it would produce. Plain names come back unchanged.
 */
export function visible(text: string): string {
	const marked = text.replace(invisible, codePoint).replace(controls, codePoint);
	if (marked.normalize('NFC') === marked) return marked;
	return marked.replace(/\p{M}/gu, codePoint);
}

/** True when `visible` would show something the eye cannot see in `text`. */
export function hasHiddenCharacters(text: string): boolean {
	return visible(text) !== text;
}

/** The form names are compared in to find look-alikes: composed, without invisible characters, case folded. */
export function lookAlikeKey(text: string): string {
	return text.normalize('NFKC').replace(invisible, '').replace(controls, '').toLowerCase();
}

/**
 * True when what the person typed to confirm names `name`: the same once both are composed, stripped of
 * what cannot be seen or typed, and case folded (they type what they see), or the object's `id`.
 */
export function typedNameMatches(typed: string, name: string, id?: string): boolean {
	const answer = typed.trim();
	if (id && answer.toLowerCase() === id.toLowerCase()) return true;
	return answer !== '' && lookAlikeKey(answer) === lookAlikeKey(name.trim());
}
