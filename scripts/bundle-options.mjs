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

// Ink loads ./devtools.js (react-devtools-core and ws) only when DEV=true. The installed package has no
// node_modules to find them in, so the bundle carries an empty module in its place: DEV=true draws as usual.
const inkWithoutDevtools = {
	name: 'ink-without-devtools',
	setup(bundle) {
		bundle.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
			/[\\/]node_modules[\\/]ink[\\/]/.test(args.importer)
				? { path: new URL('./devtools-stub.js', import.meta.url).pathname }
				: undefined,
		);
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
	define: { 'process.env.NODE_ENV': '"production"' },
	banner: {
		js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);",
	},
	plugins: [yogaWithoutFetch, inkWithoutDevtools],
	logLevel: 'warning',
};

/** dist/cli.js is start.ts: the Node version check, which then loads the program (cli.tsx) as a chunk. */
export const entryPoints = { cli: 'start.ts' };
