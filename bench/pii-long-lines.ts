// The PII scrubber on long texts of one line (a log line, a minified JSON blob or a pasted table
// without line breaks): the time of one scrub at 1×, 2× and 4× the length, for texts of several
// scripts and shapes. A scrub that grows with the square of the length shows 4× and 16×.
//   pnpm exec tsx --conditions=source bench/pii-long-lines.ts
import { scrubPii } from '@conclave/client-sdk';

const UNITS: ReadonlyArray<readonly [string, string]> = [
  ['password cues, Japanese and Chinese', 'パスワード： パスワードは 密码： '],
  ['Thai street words', 'ซอย ถนน หมู่บ้าน ม.1 ซ.ก '],
  ['Persian street parts', 'خ سرو - ک یاس - '],
  ['Greek words', 'Οδός Ανθέων Πλατάνων Κυπαρισσίων '],
  ['units and buildings', 'Flat 12, Tower Heights, Room 5, 4th Floor, '],
  ['English chat', 'Thanks Priya, the invoice for Acme is attached and the call moved to 3pm. '],
];
const SIZES = [1000, 2000, 4000];

/** Best of three, in milliseconds. */
function best(text: string): number {
  let ms = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    scrubPii(text);
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
}

scrubPii(UNITS.map(([, u]) => u).join('\n')); // warm-up
console.log('| one line of | chars at 1× | 1× ms | 2× / 1× | 4× / 1× |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [label, unit] of UNITS) {
  const [a, b, c] = SIZES.map((n) => best(unit.repeat(n))) as [number, number, number];
  console.log(`| ${label} | ${(unit.length * (SIZES[0] ?? 0)).toLocaleString('en')} | ${a.toFixed(0)} | ${(b / a).toFixed(1)} | ${(c / a).toFixed(1)} |`);
}
console.log(`\nnode ${process.version}; linear growth shows 2.0 and 4.0`);
