// The esbuild settings of dist/: shared by the bundle script and the bench's bare-Ink baseline.
import { readFile } from 'node:fs/promises';

// yoga's wasm is inlined as base64; fetching that data: URL loads undici (30+ ms at start), decoding it does not.
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(bundle) {
		bundle.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, async (file) => {
			const text = await readFile(file.path, 'utf8');
			const patched = text.replaceAll('"function"!=typeof fetch', 'true');
			if (patched === text) throw new Error('yoga-layout changed: update the yoga-without-fetch plugin');
			return { contents: patched, loader: 'js' };
		});
	},
};

/** Node 20 ESM, minified, React in production mode, lazily loaded chunks. */
export const bundleOptions = {
	bundle: true,
	splitting: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	alias: { 'react-devtools-core': './scripts/devtools-stub.js' },
	define: { 'process.env.NODE_ENV': '"production"' },
	banner: {
		js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);",
	},
	plugins: [yogaWithoutFetch],
	logLevel: 'warning',
};
