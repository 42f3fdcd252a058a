// Terminal columns of text: CJK and emoji take two, combining marks none. Wrapping by string length instead
// lets a wide character spill past the edge, where the terminal (or Ink) cuts it off.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const zeroWidth = /^(?:\p{Mn}|\p{Me}|[\u200B-\u200D]|[\uFE00-\uFE0F])+$/u;
const pictographic = /\p{Extended_Pictographic}/u;

function isWideCodePoint(code: number): boolean {
	return (
		(code >= 0x1100 && code <= 0x115f) ||
		(code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xfe30 && code <= 0xfe4f) ||
		(code >= 0xff00 && code <= 0xff60) ||
		(code >= 0xffe0 && code <= 0xffe6) ||
		(code >= 0x20000 && code <= 0x3fffd)
	);
}

/** Columns one grapheme (a user-perceived character) takes: 0, 1 or 2. */
export function graphemeWidth(grapheme: string): number {
	if (zeroWidth.test(grapheme)) return 0;
	if (pictographic.test(grapheme)) return 2;
	return isWideCodePoint(grapheme.codePointAt(0) ?? 0) ? 2 : 1;
}

/** Columns the text takes in a terminal. */
export function textWidth(text: string): number {
	let width = 0;
	for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment);
	return width;
}

/** Cuts text into pieces of at most `width` columns, never inside a character (URLs and JSON have no spaces). */
export function wrapToWidth(text: string, width: number): string[] {
	const size = Math.max(2, width);
	const pieces: string[] = [];
	let piece = '';
	let used = 0;
	for (const { segment } of segmenter.segment(text)) {
		const columns = graphemeWidth(segment);
		if (used + columns > size && piece !== '') {
			pieces.push(piece);
			piece = '';
			used = 0;
		}
		piece += segment;
		used += columns;
	}
	pieces.push(piece);
	return pieces;
}

/**
 * A path cut to `width` columns in the middle: the start, "…", and the last segment, which names the resource
 * (`/identity/au…/identityProviders/$ref`). A last segment too long for that is itself cut at its end.
 */
export function cutPathMiddle(path: string, width: number): string {
	if (textWidth(path) <= width) return path;
	// `$ref` and `$value` say what is done to the segment before them, so the two stay together.
	const end = path.lastIndexOf('/');
	const slash = /^\/\$[a-z]+$/i.test(path.slice(end)) ? path.lastIndexOf('/', end - 1) : end;
	const last = slash >= 0 ? path.slice(slash) : path;
	const head = slash >= 0 ? path.slice(0, slash) : '';
	const room = width - 1 - textWidth(last);
	if (room < 2) return `${wrapToWidth(path, Math.max(2, width - 1))[0] ?? ''}…`;
	return `${wrapToWidth(head, room)[0] ?? ''}…${last}`;
}
