/**
 * ASCII stand-ins for the glyphs the screens draw, for a terminal whose locale is not UTF-8 (LANG=C), where they
 * would show as garbage. Each stand-in is one column wide, as the glyph was, so Ink's layout (measured on the
 * glyphs) still fits the terminal.
 */
const standIns: Readonly<Record<string, string>> = {
	'❯': '>',
	'✓': '+',
	'✗': 'x',
	'…': '.',
	'→': '>',
	'←': '<',
	'↑': '^',
	'↓': 'v',
	'·': '-',
	'•': '*',
	// The wording's typography: "the tenant’s …" is in status lines that show while a read is slow.
	'’': "'",
	'‘': "'",
	'“': '"',
	'”': '"',
	'–': '-',
	'—': '-',
	'─': '-',
	'━': '-',
	'═': '=',
	'│': '|',
	'┃': '|',
	'║': '|',
	'╭': '+',
	'╮': '+',
	'╰': '+',
	'╯': '+',
	'┌': '+',
	'┐': '+',
	'└': '+',
	'┘': '+',
	'╔': '+',
	'╗': '+',
	'╚': '+',
	'╝': '+',
	'├': '+',
	'┤': '+',
	'┬': '+',
	'┴': '+',
	'┼': '+',
};

const glyphs = new RegExp(`[${Object.keys(standIns).join('')}\\u2800-\\u28FF]`, 'gu');

/** The text with every glyph replaced by its ASCII stand-in (the braille spinner becomes `*`). */
export function asciiGlyphs(text: string): string {
	return text.replace(glyphs, (glyph) => standIns[glyph] ?? '*');
}

/** The locale's character set is not UTF-8 (LC_ALL, then LC_CTYPE, then LANG; unset keeps the glyphs). */
export function wantsAscii(env: NodeJS.ProcessEnv): boolean {
	const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
	return locale !== undefined && locale !== '' && !/utf-?8/i.test(locale);
}

/** A terminal stream whose text goes out with ASCII stand-ins; everything else (size, resize events) is the stream's. */
export function asciiStream(stream: NodeJS.WriteStream): NodeJS.WriteStream {
	return new Proxy(stream, {
		get(target, property) {
			if (property === 'write') {
				return (chunk: unknown, ...rest: unknown[]) =>
					(target.write as (...args: unknown[]) => boolean)(
						typeof chunk === 'string' ? asciiGlyphs(chunk) : chunk,
						...rest,
					);
			}
			const value = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}
