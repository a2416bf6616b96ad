// What the PII scrubber costs a browser page: the browser face (src/browser.ts) and the scrubber
// alone (src/pii/index.ts), bundled, minified and split by esbuild for the browser as
// scripts/build-browser.mjs builds the SDK; each output gzipped (level 9). The lexicon
// (src/pii/lexicon-data.ts) is a chunk of its own that the page fetches after start
// (loadPiiLexicon), so the initial chunk is what a page pays before it runs.
//   pnpm exec tsx --conditions=source packages/client-sdk/bench/pii-browser-cost.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import * as esbuild from 'esbuild';
import { browserPlugin } from '../scripts/build-browser.mjs';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const kb = (n: number): string => `${(n / 1024).toFixed(1)} kB`;

async function cost(entry: string, label: string): Promise<void> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'pii-browser-cost-'));
  try {
    const result = await esbuild.build({
      entryPoints: { [label]: path.join(src, entry) },
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['source', 'browser'],
      define: { 'process.env.NODE_ENV': '"production"' },
      outdir,
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [browserPlugin()],
    });
    const outputs = result.metafile.outputs;
    const bytes = new Map(result.outputFiles.map((f) => [path.relative(process.cwd(), f.path), f.contents]));
    const gz = (files: Iterable<string>): [number, number] => {
      let min = 0;
      let zip = 0;
      for (const f of files) {
        const b = bytes.get(f) ?? new Uint8Array();
        min += b.length;
        zip += gzipSync(b, { level: 9 }).length;
      }
      return [min, zip];
    };
    // What the page loads before it runs: the entry chunk and the chunks it imports statically.
    const entryFile = Object.keys(outputs).find((k) => outputs[k]?.entryPoint?.endsWith(entry) && !k.endsWith('.map')) ?? '';
    const initial = new Set<string>();
    const visit = (f: string): void => {
      if (initial.has(f)) return;
      initial.add(f);
      for (const i of outputs[f]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(entryFile);
    const lexicon = Object.keys(outputs).filter((k) => Object.keys(outputs[k]?.inputs ?? {}).some((i) => i.endsWith('pii/lexicon-data.ts')));
    const [im, iz] = gz(initial);
    const [lm, lz] = gz(lexicon);
    console.log(`| ${label}: initial chunks (${initial.size}) | ${kb(im)} | ${kb(iz)} |`);
    console.log(`| ${label}: lexicon chunk, loaded after start | ${kb(lm)} | ${kb(lz)} |`);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

console.log('| output | minified | gzipped |');
console.log('| --- | ---: | ---: |');
await cost('pii/index.ts', 'scrubber');
await cost('browser.ts', 'browser face');
