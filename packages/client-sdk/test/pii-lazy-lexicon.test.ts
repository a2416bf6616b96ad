/**
 * The PII lexicon in browsers: the scrubber bundled for the browser (esbuild, code splitting, as
 * scripts/build-browser.mjs builds the SDK) keeps the word lists, the tagger weights and the
 * built-in scrubbers' rules out of what a page loads at first; `scrubPii` refuses to run before
 * `loadPiiLexicon()` has fetched them, and gives the same findings as in Node afterwards. The
 * bundle has no browser-only API, so Node runs it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_SCRUBBERS } from '../src/pii/builtin.ts';
import * as nodeScrubber from '../src/pii/index.ts';

const PKG = fileURLToPath(new URL('..', import.meta.url));
const DATA_FILES = ['english-data.ts', 'names-data.ts', 'names-build-data.ts', 'name-tagger-weights.ts'];
/** Some of the rules' modules, which come with the data (lexicon-data.ts exports the built-in scrubbers). */
const RULE_FILES = ['builtin.ts', 'person.ts', 'secret.ts', 'password-in-prose.ts', 'street-address.ts', 'phone.ts'];

type ScrubberModule = typeof nodeScrubber;

describe('the PII lexicon, loaded apart in browsers', () => {
  let outdir: string;
  let metafile: esbuild.Metafile;
  let entryFile: string;
  let browserScrubber: ScrubberModule;

  beforeAll(async () => {
    outdir = mkdtempSync(path.join(tmpdir(), 'pii-lazy-'));
    const result = await esbuild.build({
      absWorkingDir: PKG,
      entryPoints: { scrubber: 'src/pii/index.ts' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['source', 'browser'],
      // Minified, as a page ships it and as BENCHMARKS.md measures it (bench/pii-browser-cost.ts).
      minify: true,
      outdir,
      metafile: true,
      logLevel: 'silent',
    });
    metafile = result.metafile;
    entryFile = Object.keys(metafile.outputs).find((k) => metafile.outputs[k]?.entryPoint === 'src/pii/index.ts') ?? '';
    browserScrubber = (await import(pathToFileURL(path.join(PKG, entryFile)).href)) as ScrubberModule;
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('keeps the word lists, tagger weights and rules out of what a page loads first, in a chunk of their own', () => {
    // What a page loads first: the entry and the chunks it imports statically (code shared with the lazy chunk).
    const initialFiles = [entryFile];
    for (let i = 0; i < initialFiles.length; i++) {
      for (const imp of metafile.outputs[initialFiles[i] ?? '']?.imports ?? []) {
        if (imp.kind === 'import-statement' && !initialFiles.includes(imp.path)) initialFiles.push(imp.path);
      }
    }
    const initialInputs = initialFiles.flatMap((f) => Object.keys(metafile.outputs[f]?.inputs ?? {}));
    expect(initialInputs).toContain('src/pii/engine.ts');
    expect(initialInputs).toContain('src/pii/lexicon.ts');
    for (const f of [...DATA_FILES, ...RULE_FILES]) expect(initialInputs, f).not.toContain(`src/pii/${f}`);
    const lazy = Object.entries(metafile.outputs).find(([, o]) => Object.keys(o.inputs).includes('src/pii/lexicon-data.ts'));
    expect(lazy).toBeDefined();
    for (const f of [...DATA_FILES, ...RULE_FILES]) expect(Object.keys(lazy?.[1].inputs ?? {}), f).toContain(`src/pii/${f}`);
    // What loads first is the engine and the API: a few kB gzipped (1.8 kB when the rules moved to the
    // lazy chunk in the eighteenth pass; until then they were loaded first, 94 kB with that pass's
    // passphrase rules against a budget of 90 kB). BENCHMARKS.md has the figures (bench/pii-browser-cost.ts).
    const initialGz = initialFiles.reduce((n, f) => n + gzipSync(readFileSync(path.join(PKG, f)), { level: 9 }).length, 0);
    expect(initialGz).toBeLessThan(8_000);
  });

  it('refuses to scrub before the lexicon is loaded, then scrubs as in Node', async () => {
    expect(browserScrubber.isPiiLexiconLoaded()).toBe(false);
    let error: unknown;
    try {
      browserScrubber.scrubPii('Thanks, Grace Okonkwo-Adeyemi.');
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ name: 'PiiError', code: 'LEXICON_NOT_LOADED' });
    expect(String((error as Error).message)).toMatch(/loadPiiLexicon\(\)/);

    const scrubber = browserScrubber.createScrubber();
    await Promise.all([scrubber.ready(), browserScrubber.loadPiiLexicon()]);
    expect(browserScrubber.isPiiLexiconLoaded()).toBe(true);
    for (const text of [
      'Thanks, Grace Okonkwo-Adeyemi. Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00.',
      'talked to nkechi adebayo about the on-call rotation',
      'Will you mark the ticket as done? The release slipped to May.',
    ]) {
      expect(scrubber.scrub(text), text).toEqual(nodeScrubber.scrubPii(text));
    }
  });

  it('names the built-in types before the rules have loaded: those of the built-in scrubbers, in their order', () => {
    const types = [...new Set(BUILTIN_SCRUBBERS.map((s) => s.type))];
    expect(browserScrubber.createScrubber().types).toEqual(types);
    expect(browserScrubber.createScrubber({ disable: ['PHONE'] }).types).toEqual(types.filter((t) => t !== 'PHONE'));
  });

  it('is loaded from the start in Node', async () => {
    expect(nodeScrubber.isPiiLexiconLoaded()).toBe(true);
    await expect(nodeScrubber.createScrubber().ready()).resolves.toBeUndefined();
  });
});
