// Held-out evaluation (issue 13): PERSON recall per origin on names the scrubber was not built
// from, ordinary words kept, and the formats the evaluation adds (lower-case IBANs, cards with
// dots or mixed separators, spaced SSNs, passwords in a sentence, street addresses, dates of
// birth) with their look-alikes.
//   pnpm exec tsx --conditions=source bench/pii-names.ts [--examples N]
import { scrubPii } from '@conclave/client-sdk';
import { ORIGINS } from '../packages/client-sdk/scripts/pii-name-sources.mjs';
import { formatOriginReport, loadOriginEval, scoreOriginEval } from '../packages/client-sdk/test/fixtures/pii/origin-eval.ts';
import { formatPatternScores, makePatternCases, scorePatternCases } from '../packages/client-sdk/test/fixtures/pii/pattern-eval.ts';

const examplesArg = process.argv.indexOf('--examples');
const examples = examplesArg >= 0 ? Number(process.argv[examplesArg + 1] ?? '10') : 0;
const sentences = await loadOriginEval();
const report = scoreOriginEval(sentences, (t) => scrubPii(t).findings);
console.log(formatOriginReport(report, new Map(ORIGINS.map((o) => [o.id, o.label]))));
const cases = makePatternCases();
console.log('');
console.log(formatPatternScores(scorePatternCases(cases, (t) => scrubPii(t).findings)));
if (examples > 0) {
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
