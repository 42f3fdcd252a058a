// JSON for a terminal or a pipe: JSON.stringify leaves C1 controls, DEL, bidi and zero-width characters raw,
// and a terminal acts on some of them (0x9B is an 8-bit CSI). Escaped as \u, the data reads back the same.
const unsafe = /[\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u206F\uFEFF]/g;

/** The characters a terminal could act on or hide, besides the C0 controls every format escapes itself. */
export const terminalUnsafe = unsafe;

/** Every character a terminal could act on or hide, written as \uXXXX (the escape JSON and YAML share). */
export function escapeUnsafe(text: string, pattern: RegExp = unsafe): string {
	return text.replace(pattern, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** JSON.stringify, with every character a terminal could act on or hide escaped as \uXXXX. */
export function safeJson(value: unknown, space?: number): string {
	return escapeUnsafe(JSON.stringify(value, null, space) ?? 'null');
}
