// Bundles cli.tsx into dist/: one entry file plus lazily loaded chunks, so commands never load Ink or React.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';

// Chunk names change with their content: old ones would pile up in dist/.
await rm('dist', { recursive: true, force: true });
await build({ ...bundleOptions, entryPoints: { cli: 'cli.tsx' }, outdir: 'dist' });
