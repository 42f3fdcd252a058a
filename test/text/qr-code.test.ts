import test from 'ava';
import { decodeQR } from 'qr/decode.js';
import { modulesFromLines, qrLines, qrModules } from '../../source/text/qr-code.js';

// The drawing is checked by decoding it: the text lines are turned back into pixels and read by a QR decoder.

/** Pixels of the modules, `scale` pixels a module, dark as black, for the decoder. */
function image(modules: readonly boolean[][], scale = 4) {
	const size = modules.length * scale;
	const data = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const dark = modules[Math.floor(y / scale)]?.[Math.floor(x / scale)] === true;
			data.set(dark ? [0, 0, 0, 255] : [255, 255, 255, 255], (y * size + x) * 4);
		}
	}
	return { width: size, height: size, data };
}

const link =
	'https://contosocustomers.ciamlogin.com/6e1d35e3-2c2e-4b9a-9d3f-2f6f0d3c7a11/oauth2/v2.0/authorize?client_id=a442e488-8827-43b0-af92-3894fc6abef4&redirect_uri=https%3A%2F%2Fshop.contoso.com%2F&response_type=code&scope=openid%20offline_access&response_mode=query&state=AAECAwQFBgcICQoLDA0ODw&nonce=AAECAwQFBgcICQoLDA0ODw&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256';

for (const background of ['dark', 'light'] as const) {
	test(`a drawing for a ${background} background decodes to the link it was made from`, (t) => {
		const lines = qrLines(link, { background });
		const read = modulesFromLines(lines, background).slice(0, qrModules(link).length);
		t.deepEqual(read, qrModules(link));
		// Decoders want a wider quiet zone than the terminal can spare: add it to the picture only.
		const padded = qrModules(link, 4);
		t.is(decodeQR(image(padded)), link);
		t.is(decodeQR(image(addBorder(read, 2))), link);
	});
}

function addBorder(modules: readonly boolean[][], border: number): boolean[][] {
	const size = modules.length + border * 2;
	return Array.from({ length: size }, (_, y) =>
		Array.from({ length: size }, (_, x) => modules[y - border]?.[x - border] === true),
	);
}

test('the drawing fits an 80-column terminal for a run link, two module rows a line, with a light quiet zone', (t) => {
	const lines = qrLines(link);
	const width = qrModules(link).length;
	t.true(width <= 80, `width ${width}`);
	t.true(lines.every((line) => [...line].length === width));
	t.is(lines.length, Math.ceil(width / 2));
	// On a dark background, light modules are blocks: the first line (quiet zone) is all full blocks.
	t.is(lines[0], '█'.repeat(width));
	t.is(qrLines(link, { background: 'light' })[0], ' '.repeat(width));
});

test('a known vector: "HELLO" at the lowest correction is version 1 (21 modules) with finder patterns', (t) => {
	const modules = qrModules('HELLO', 0);
	t.is(modules.length, 21);
	// The top-left finder: a 7×7 dark ring, a light ring, a 3×3 dark core.
	t.deepEqual(modules[0]!.slice(0, 7), Array(7).fill(true));
	t.deepEqual(modules[1]!.slice(0, 7), [true, false, false, false, false, false, true]);
	t.deepEqual(modules[3]!.slice(0, 7), [true, false, true, true, true, false, true]);
});
