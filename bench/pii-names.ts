// Held-out name evaluation (issue 13): PERSON recall per origin on names the scrubber was not
// built from, and how many ordinary words survive.
//   pnpm exec tsx bench/pii-names.ts [--examples N]
import { scrubPii } from '@conclave/client-sdk';
import { ORIGINS } from '../packages/client-sdk/scripts/pii-name-sources.mjs';
import { formatOriginReport, loadOriginEval, scoreOriginEval } from '../packages/client-sdk/test/fixtures/pii/origin-eval.ts';

const examplesArg = process.argv.indexOf('--examples');
const examples = examplesArg >= 0 ? Number(process.argv[examplesArg + 1] ?? '10') : 0;
const sentences = await loadOriginEval();
const report = scoreOriginEval(sentences, (t) => scrubPii(t).findings);
console.log(formatOriginReport(report, new Map(ORIGINS.map((o) => [o.id, o.label]))));
if (examples > 0) {
  for (const [title, xs] of [['missed', report.misses], ['partly removed', report.partials], ['ordinary words removed', report.removedWords]] as const) {
    console.log(`\n## ${title} (${xs.length})`);
    for (const x of xs.slice(0, examples)) console.log(`- ${x}`);
  }
}
