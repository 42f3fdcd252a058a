import type { BuildOptions } from 'esbuild';

/** The esbuild settings of dist/ (scripts/bundle-options.mjs). */
export declare const bundleOptions: BuildOptions;
/** The entry points of dist/. */
export declare const entryPoints: Record<string, string>;
