// Held-out evaluation (issue 13): PERSON recall per origin on names the scrubber was not built
// from, ordinary words kept, and the formats the evaluation adds (lower-case IBANs, cards with
// dots or mixed separators, spaced SSNs, passwords in a sentence, street addresses, dates of
// birth) with their look-alikes. Two parts (test/fixtures/pii/origin-eval.ts): 'test' is what
// BENCHMARKS.md reports and is never inspected; 'dev' is where misses are looked at.
//   pnpm exec tsx --conditions=source bench/pii-names.ts [--part test|dev|both] [--examples N]
//   pnpm exec tsx --conditions=source bench/pii-names.ts --fresh SEEDS [--names N] [--templates dev|seventh|eighth|ninth|nineteenth] [--examples N]
// --examples lists misses of the dev part only. --fresh scores names only, on fresh draws of the
// dev part (comma-separated seeds, N names per origin each, 1,000 unless given): combinations of
// dev tokens that no rule was tuned on; --templates seventh, eighth, ninth or nineteenth sets them in that pass's
// templates instead of the dev part's.
import { scrubPii } from '@conclave/client-sdk';
import { ORIGINS } from '../packages/client-sdk/scripts/pii-name-sources.mjs';
import { formatOriginReport, loadOriginEval, scoreOriginEval } from '../packages/client-sdk/test/fixtures/pii/origin-eval.ts';
import type { EvalPart } from '../packages/client-sdk/test/fixtures/pii/origin-eval.ts';
import { formatPatternScores, makePatternCases, scorePatternCases } from '../packages/client-sdk/test/fixtures/pii/pattern-eval.ts';

const arg = (flag: string): string | undefined => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const examples = Number(arg('--examples') ?? '0');
const partArg = arg('--part') ?? 'both';
if (!['test', 'dev', 'both'].includes(partArg)) throw new Error(`--part is ${JSON.stringify(partArg)}; expected test, dev or both`);
const parts: EvalPart[] = partArg === 'both' ? ['test', 'dev'] : [partArg as EvalPart];
const labels = new Map(ORIGINS.map((o) => [o.id, o.label]));

const freshArg = arg('--fresh');
if (freshArg !== undefined) {
  const namesPerOrigin = Number(arg('--names') ?? '1000');
  const seeds = freshArg.split(',').map(Number);
  const templates = arg('--templates') ?? 'dev';
  if (templates !== 'dev' && templates !== 'seventh' && templates !== 'eighth' && templates !== 'ninth' && templates !== 'nineteenth') throw new Error(`--templates is ${JSON.stringify(templates)}; expected dev, seventh, eighth, ninth or nineteenth`);
  if (seeds.some((s) => !Number.isInteger(s)) || !(namesPerOrigin > 0)) throw new Error(`--fresh takes integer seeds and --names a positive count; got ${freshArg} and ${namesPerOrigin}`);
  const sentences = (await Promise.all(seeds.map((seed) => loadOriginEval('dev', { seed, namesPerOrigin, templates })))).flat();
  const report = scoreOriginEval(sentences, (t) => scrubPii(t).findings);
  console.log(`# fresh draws of the dev part: seeds ${seeds.join(', ')}, ${namesPerOrigin} names per origin each, ${templates} templates\n`);
  console.log(formatOriginReport(report, labels));
  for (const [title, xs] of [['missed', report.misses], ['partly removed', report.partials], ['ordinary words removed', report.removedWords]] as const) {
    console.log(`\n## ${title} (${xs.length})`);
    for (const x of xs.slice(0, examples)) console.log(`- ${x}`);
  }
  process.exit(0);
}

for (const part of parts) {
  console.log(`# ${part} part${part === 'test' ? ' (reported; never inspected)' : ' (inspected)'}\n`);
  const report = scoreOriginEval(await loadOriginEval(part), (t) => scrubPii(t).findings);
  console.log(formatOriginReport(report, labels));
  console.log('');
  const cases = makePatternCases(part);
  console.log(formatPatternScores(scorePatternCases(cases, (t) => scrubPii(t).findings)));
  console.log('');
  if (examples <= 0 || part !== 'dev') continue;
  for (const [title, xs] of [['missed', report.misses], ['partly removed', report.partials], ['ordinary words removed', report.removedWords]] as const) {
    console.log(`\n## ${title} (${xs.length})`);
    for (const x of xs.slice(0, examples)) console.log(`- ${x}`);
  }
  console.log('\n## formats missed');
  const rows = new Map<string, number>();
  for (const c of cases) {
    const found = scrubPii(c.text).findings;
    const ok = c.span !== undefined ? found.some((f) => f.type === c.type && f.start < c.span!.end && c.span!.start < f.end) : !found.some((f) => f.start < c.keep!.end && c.keep!.start < f.end);
    if (!ok && (rows.get(c.format) ?? 0) < examples) {
      rows.set(c.format, (rows.get(c.format) ?? 0) + 1);
      console.log(`- ${c.format}: ${JSON.stringify(c.text)} → ${JSON.stringify(scrubPii(c.text).text)}`);
    }
  }
}
