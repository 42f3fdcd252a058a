import stringWidth from 'string-width';

// Terminal columns of text: CJK and emoji take two, combining marks none. Wrapping by string length instead
// lets a wide character spill past the edge, where the terminal (or Ink) cuts it off. The measure is
// string-width's, the one Ink lays out with, so a table and the screen around it agree on every row.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Columns one grapheme (a user-perceived character) takes: 0, 1 or 2. */
export function graphemeWidth(grapheme: string): number {
	return Math.min(2, stringWidth(grapheme));
}

/** Columns the text takes in a terminal. */
export function textWidth(text: string): number {
	return stringWidth(text);
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
