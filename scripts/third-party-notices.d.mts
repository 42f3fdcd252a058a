import type { Metafile } from 'esbuild';

/** One bundled package and its licence (scripts/third-party-notices.mjs). */
export type BundledPackage = {
	readonly name: string;
	readonly version: string;
	readonly license: string;
	readonly repository?: string;
	readonly texts: readonly string[];
};

export declare function packageFolder(input: string): string | undefined;
export declare function bundledPackages(metafile: Metafile, root?: string): Promise<BundledPackage[]>;
export declare function noticesText(packages: readonly BundledPackage[]): string;
