// What the PII scrubber adds to a browser bundle: src/pii/index.ts bundled and minified with
// esbuild for the browser, gzipped (level 9), with the share of each generated data file.
//   pnpm exec tsx --conditions=source packages/client-sdk/bench/pii-browser-cost.ts
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import * as esbuild from 'esbuild';

const entry = fileURLToPath(new URL('../src/pii/index.ts', import.meta.url));
const result = await esbuild.build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true });
const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
const kb = (n: number): string => `${(n / 1024).toFixed(1)} kB`;
console.log(`| part | minified | gzipped |`);
console.log(`| --- | ---: | ---: |`);
const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
for (const [file, info] of Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 6)) {
  console.log(`| ${file.replace(/^.*src\/pii\//, 'src/pii/')} | ${kb(info.bytesInOutput)} | — |`);
}
console.log(`| **whole scrubber** | ${kb(bytes.length)} | ${kb(gzipSync(bytes, { level: 9 }).length)} |`);
