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

// got's type checks (@sindresorhus/is) build two Intl.ListFormat at load, for the wording of a failed check:
// the first ListFormat loads ICU's locale data, about 4.4 MiB more resident memory for every program that
// sends a request (measured). Made on first use instead, the wording stays the same.
const listFormatOnUse = {
	name: 'list-format-on-use',
	setup(bundle) {
		bundle.onLoad({ filter: /[\\/]@sindresorhus[\\/]is[\\/]distribution[\\/]index\.js$/ }, async (file) => {
			const text = await readFile(file.path, 'utf8');
			const patched = text.replace(
				/const (andFormatter|orFormatter) = (new Intl\.ListFormat\([^)]*\));/g,
				'const $1 = { format: (list) => $2.format(list) };',
			);
			if ((patched.match(/\{ format: \(list\) =>/g) ?? []).length !== 2) {
				throw new Error('@sindresorhus/is changed: update the list-format-on-use plugin');
			}
			return { contents: patched, loader: 'js' };
		});
	},
};

// From Node 22, node:http has lazy WebSocket, CloseEvent and MessageEvent exports backed by undici. An ESM
// import of a built-in reads every export to build the namespace, so `import http from 'node:http'` (got, the
// emulator) loads undici, a client we never use: a command peaked 3–8 MiB higher on Node 24 (measured).
// Taken through require() instead, the exports stay lazy; esbuild reads named imports off it at each use.
const httpByRequire = {
	name: 'http-by-require',
	setup(bundle) {
		bundle.onResolve({ filter: /^(node:)?http$/ }, (args) =>
			args.kind === 'import-statement' || args.kind === 'dynamic-import'
				? { path: 'node:http', namespace: 'http-by-require' }
				: undefined,
		);
		bundle.onLoad({ filter: /.*/, namespace: 'http-by-require' }, () => ({
			contents: "module.exports = require('node:http');",
			loader: 'js',
		}));
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
	plugins: [yogaWithoutFetch, inkWithoutDevtools, listFormatOnUse, httpByRequire],
	logLevel: 'warning',
};

/**
 * dist/cli.js is start.ts: the Node version check, which then loads the program (cli.tsx) as a chunk.
 * dist/emulator-worker.js is the thread the demo's emulator runs in (source/emulator/serve-in-worker.ts).
 */
export const entryPoints = { cli: 'start.ts', 'emulator-worker': 'source/emulator/serve-worker.ts' };
