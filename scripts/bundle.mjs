// Bundles the program into dist/: one entry file plus lazily loaded chunks, so commands never load Ink or
// React, and writes THIRD-PARTY-NOTICES for the packages the bundle carries.
import { rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { bundleOptions, entryPoints } from './bundle-options.mjs';
import { bundledPackages, noticesText } from './third-party-notices.mjs';

// Chunk names change with their content: old ones would pile up in dist/.
await rm('dist', { recursive: true, force: true });
const { metafile } = await build({ ...bundleOptions, entryPoints, outdir: 'dist', metafile: true });
await writeFile('THIRD-PARTY-NOTICES', noticesText(await bundledPackages(metafile)));
