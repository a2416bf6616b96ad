// PII scrubber quality and speed on the labelled corpus.
//   cd /work/main && pnpm exec tsx bench/pii.ts [--examples N] [--corpus path.jsonl]
// Quality: span-level precision/recall per type (definition in corpus-eval.ts) and the share of
// ordinary tokens (dates, versions, prices, ids, …) that a finding touches. Speed: the whole
// corpus scrubbed as one text and line by line, best of several runs.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scrubPii } from '@conclave/client-sdk';
import { evaluate, formatReport, loadCorpus } from '../packages/client-sdk/test/fixtures/pii/corpus-eval.ts';

const RUNS = 5;
const examplesArg = process.argv.indexOf('--examples');
const examples = examplesArg >= 0 ? Number(process.argv[examplesArg + 1] ?? '10') : 0;

const corpusArg = process.argv.indexOf('--corpus');
const corpusPath = corpusArg >= 0 ? process.argv[corpusArg + 1] : undefined;
const lines = corpusPath === undefined ? loadCorpus() : loadCorpus(pathToFileURL(resolve(corpusPath)));
const report = evaluate(lines, (text) => scrubPii(text).findings);

function best(fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}
const whole = lines.map((l) => l.text).join('\n');
const bytes = new TextEncoder().encode(whole).length;
scrubPii(whole); // warm-up
const wholeMs = best(() => scrubPii(whole));
const perLineMs = best(() => {
  for (const l of lines) scrubPii(l.text);
});
const mbps = (ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(2);

console.log(`corpus: ${lines.length} lines, ${(bytes / 1e6).toFixed(2)} MB (UTF-8)\n`);
console.log(formatReport(report));
console.log('');
console.log('| throughput | time | MB/s |');
console.log('| --- | ---: | ---: |');
console.log(`| one ${(bytes / 1e6).toFixed(2)} MB text | ${wholeMs.toFixed(0)} ms | ${mbps(wholeMs)} |`);
console.log(`| ${lines.length} texts, one call each | ${perLineMs.toFixed(0)} ms | ${mbps(perLineMs)} |`);
console.log(`\nnode ${process.version}, best of ${RUNS} runs`);

if (examples > 0) {
  const show = (title: string, xs: Array<{ type: string; value: string; text: string }>): void => {
    console.log(`\n## ${title} (${xs.length})`);
    for (const x of xs.slice(0, examples)) console.log(`- ${x.type} ${JSON.stringify(x.value)} in ${JSON.stringify(x.text.slice(0, 200))}`);
  };
  show('missed', report.misses);
  show('false positives', report.falsePositives);
  show('ordinary tokens removed', report.removedKeeps);
}
