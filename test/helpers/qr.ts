import { decodeQR } from 'qr/decode.js';
import { modulesFromLines } from '../../source/text/qr-code.js';

/**
 * Finds the QR code drawn in half blocks in printed text (a dark-background drawing: blocks are light), turns it
 * into pixels with a wide quiet zone, and decodes it: what a phone's camera would read.
 */
export function decodeDrawnQr(text: string): string {
	const lines = text.split('\n').filter((line) => /^[█▀▄ ]+$/.test(line.trimEnd()) && line.includes('█'));
	const width = Math.max(...lines.map((line) => [...line].length));
	const modules = modulesFromLines(lines.map((line) => line.padEnd(width, ' ')));
	const scale = 4;
	const size = (Math.max(modules.length, width) + 8) * scale;
	const data = new Uint8Array(size * size * 4).fill(255);
	for (const [y, row] of modules.entries()) {
		for (const [x, dark] of row.entries()) {
			if (!dark) continue;
			for (let dy = 0; dy < scale; dy++) {
				const start = (((y + 4) * scale + dy) * size + (x + 4) * scale) * 4;
				for (let dx = 0; dx < scale; dx++) data.fill(0, start + dx * 4, start + dx * 4 + 3);
			}
		}
	}
	return decodeQR({ width: size, height: size, data });
}
