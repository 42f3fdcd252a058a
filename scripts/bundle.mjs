// Bundles cli.tsx into dist/: one entry file plus lazily loaded chunks, so commands never load Ink or React.
import { build } from 'esbuild';

await build({
	entryPoints: { cli: 'cli.tsx' },
	outdir: 'dist',
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
	logLevel: 'warning',
});
