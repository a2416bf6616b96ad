import { describe, expect, it } from 'vitest';
import { WORD_PATTERN, WordSequence, contextFeatures, hashFeature, lineRegime, scanWords } from '../src/pii/name-features.ts';
import { addContextWeights } from '../src/pii/name-feature-hashes.ts';
import { scrubPii } from '../src/pii/index.ts';
import { loadCorpus } from './fixtures/pii/corpus-eval.ts';

// The tagger's word and line-case scans are hand-written for speed; they must find exactly what
// the patterns they replace find, or the features would differ from those the tagger was trained on.
const SAMPLES = [
  "O'Brien and Jean-Luc met Đặng Văn An at 10:32; x@Grace, [PERSON], café, cafe\u0301 naïve",
  'NGUYỄN THỊ HÀ wrote: ok_ab 3rd ab3 [AB] __init__ ß STRASSE Σίσυφος',
  'emoji 😀 and 𝐀𝐁 math letters, 𐐷𐐷 deseret, - -a- a-- a\'', // outside the BMP
  "rock'n'roll don’t l'été it's — ‘quoted’ 1a2b αβ-γδ",
];

describe('name tagger scans', () => {
  const texts = [...SAMPLES, ...loadCorpus().slice(0, 800).map((l) => l.text)];

  it('finds the same words as the word pattern', () => {
    for (const text of texts) {
      const starts: number[] = [];
      const ends: number[] = [];
      scanWords(text, starts, ends);
      const expected = [...text.matchAll(WORD_PATTERN)].map((m) => [m.index, m.index + m[0].length]);
      expect(starts.map((s, i) => [s, ends[i]])).toEqual(expected);
    }
  });

  it('judges line case as the line-word pattern does', () => {
    for (const text of texts) {
      for (const line of [...text.split('\n'), text.toUpperCase(), text.toLowerCase()]) {
        expect(lineRegime(line)).toBe(lineRegime(line, true));
      }
    }
  });
});

describe('words of logs and tickets are not names', () => {
  it.each([
    ['[SEC-53729] Login fails after the upgrade.', 'Login'],
    ['Latency p99 went from 33 ms to 80 ms.', 'Latency'],
    ['Bill Payments team owns OPS-5573.', 'Bill Payments'],
    ['how to rotate utf-8 credentials.', 'utf'],
    ['how to rotate aarch64-apple-darwin credentials.', 'apple-darwin'],
  ])('keeps %j', (text, word) => {
    const out = scrubPii(text).text;
    expect(out).toContain(word);
    expect(out).not.toContain('[PERSON]');
  });

  it('removes the name after a title but keeps the title', () => {
    expect(scrubPii('Prof. Müller approved the budget.').text).toBe('Prof. [PERSON] approved the budget.');
  });

  it('still takes a word-name with a known surname', () => {
    expect(scrubPii('Bill Smith owns OPS-5573.').text).toBe('[PERSON] owns OPS-5573.');
  });
});

describe('street lines without a street word', () => {
  it.each(['7875 The Paddock', 'Im Frohental 268', 'Zum Claashäuschen 12c', 'Norra Skogsgärdet 96', 'Incrocio Rossini 14', 'Strandgränden 5', '43 Anne Approach'])(
    'finds %j',
    (street) => {
      expect(scrubPii(`Please ship it to ${street} by Friday.`).text).toBe('Please ship it to [STREET_ADDRESS] by Friday.');
    },
  );

  it('keeps a count before "The"', () => {
    expect(scrubPii('We shipped 3 the same day.').findings).toEqual([]);
  });
});

describe("the tagger's context features hashed as they are read", () => {
  // addContextWeights (name-feature-hashes.ts) must land on the buckets contextFeatures' strings
  // hash to, or the tagger would score words by weights it was not trained with.
  it('adds the weights of the buckets the feature strings hash to', () => {
    const mask = (1 << 18) - 1;
    const byIndex = Float32Array.from({ length: mask + 1 }, (_, i) => i);
    const scrambled = Float32Array.from({ length: mask + 1 }, (_, i) => (i * 7919) % 65521);
    const texts = [...SAMPLES, ...loadCorpus().slice(0, 800).map((l) => l.text)];
    let words = 0;
    for (const text of texts) {
      const tokens = new WordSequence(text);
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens.at(i);
        if (t === undefined) continue;
        const around = [tokens.at(i - 2), tokens.at(i - 1), tokens.at(i + 1), tokens.at(i + 2)] as const;
        for (const weights of [byIndex, scrambled]) {
          let expected = 0;
          for (const f of contextFeatures(t, ...around)) expected += weights[hashFeature(f) & mask] ?? 0;
          expect(addContextWeights(0, weights, mask, t, ...around)).toBe(expected);
        }
        words++;
      }
    }
    expect(words).toBeGreaterThan(5000);
  });
});
