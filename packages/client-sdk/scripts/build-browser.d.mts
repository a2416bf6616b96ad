// Types of build-browser.mjs, for the TypeScript that imports it (examples, tests).
import type { Metafile, Plugin } from 'esbuild';

export declare const DEFAULT_OUTDIR: string;
export declare function browserPlugin(): Plugin;
export declare function buildBrowserSdk(options?: { outdir?: string; minify?: boolean }): Promise<{ outdir: string; metafile: Metafile; wasmFiles: string[] }>;
export declare function bundleBrowserApp(options: { entry: string; outfile: string; sdkUrl: string }): Promise<{ outfile: string }>;
