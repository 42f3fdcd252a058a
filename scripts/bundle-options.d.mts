import type { BuildOptions } from 'esbuild';

/** The esbuild settings of dist/ (scripts/bundle-options.mjs). */
export declare const bundleOptions: BuildOptions;
