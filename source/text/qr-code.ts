// A QR code drawn with text, so a phone can open a link shown in a terminal (over SSH too). Two rows of modules
// per line with half blocks; no colours, because a command's output passes the sanitizer, which drops escapes.
import { encodeQR } from 'qr';

/**
 * The terminal's background decides what a block is: on a dark one (the usual) a block is a light module, so
 * the code reads dark-on-light as scanners expect; on a light one a block is a dark module.
 */
export type QrBackground = 'dark' | 'light';

/** The modules, true for dark, with a quiet zone of `border` light modules around them. */
export function qrModules(text: string, border = 2): boolean[][] {
	// The encoder insists on a border of at least one module; it is cut off and ours drawn instead.
	const code = encodeQR(text, 'raw', { ecc: 'low', border: 1 })
		.slice(1, -1)
		.map((row) => row.slice(1, -1));
	const size = code.length + border * 2;
	return Array.from({ length: size }, (_, y) =>
		Array.from({ length: size }, (_, x) => code[y - border]?.[x - border] === true),
	);
}

const blocks = [' ', '▄', '▀', '█'] as const;

/** The code as lines of text, each as wide as the code has modules (a 2-module border by default). */
export function qrLines(
	text: string,
	options: { background?: QrBackground; border?: number } = {},
): string[] {
	const modules = qrModules(text, options.border ?? 2);
	const drawn = (dark: boolean) => (options.background === 'light' ? dark : !dark);
	const lines: string[] = [];
	for (let y = 0; y < modules.length; y += 2) {
		const top = modules[y]!;
		// Past the last row is quiet zone: light.
		const bottom = modules[y + 1] ?? top.map(() => false);
		lines.push(top.map((dark, x) => blocks[(drawn(dark) ? 2 : 0) + (drawn(bottom[x]!) ? 1 : 0)]).join(''));
	}
	return lines;
}

/** Reads lines drawn by qrLines back into modules (true for dark): for tests and for checking a drawing. */
export function modulesFromLines(lines: readonly string[], background: QrBackground = 'dark'): boolean[][] {
	const rows: boolean[][] = [];
	for (const line of lines) {
		const top: boolean[] = [];
		const bottom: boolean[] = [];
		for (const char of line) {
			const index = blocks.indexOf(char as (typeof blocks)[number]);
			const drawnTop = index >= 2;
			const drawnBottom = index % 2 === 1;
			top.push(background === 'light' ? drawnTop : !drawnTop);
			bottom.push(background === 'light' ? drawnBottom : !drawnBottom);
		}
		rows.push(top, bottom);
	}
	return rows;
}
