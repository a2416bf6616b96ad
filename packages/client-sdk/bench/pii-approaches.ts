// Compares ways of finding names on the held-out evaluation (issue 13): the stdlib lexicon with
// context rules (the scrubber before), the same with the build-half multicultural lexicon
// matched in any case, compromise's people(), the TensorFlow.js-trained tagger alone, and the
// combination the scrubber ships. wink-nlp's English light model has no person entity, so it
// cannot take part. Imports the pii module's internals on purpose: each approach is one of them.
//   pnpm exec tsx --conditions=source packages/client-sdk/bench/pii-approaches.ts
import compromise from 'compromise';
import { createScrubber } from '../src/pii/index.ts';
import type { PiiFinding, Scrubber } from '../src/pii/index.ts';
import { findPersons } from '../src/pii/person.ts';
import { findTaggedNames } from '../src/pii/name-tagger.ts';
import { BUILD_GIVEN_SET, BUILD_SURNAME_SET, foldName } from '../src/pii/name-lexicon.ts';
import { loadOriginEval, scoreOriginEval } from '../test/fixtures/pii/origin-eval.ts';


const nlp = compromise as unknown as (text: string) => { people(): { json(o: object): Array<{ offset: { start: number; length: number } }> } };

function* lexiconNames(text: string): Generator<{ start: number; end: number }> {
  for (const m of text.matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)) {
    const f = foldName(m[0]);
    if (f.length >= 3 && (BUILD_GIVEN_SET.has(f) || BUILD_SURNAME_SET.has(f))) yield { start: m.index, end: m.index + m[0].length };
  }
}
function* compromisePeople(text: string): Generator<{ start: number; end: number }> {
  for (const p of nlp(text).people().json({ offset: true })) yield { start: p.offset.start, end: p.offset.start + p.offset.length };
}

// Typed NAME so that `disable: ['PERSON']` leaves it running; scored as PERSON below.
const person = (find: Scrubber['find']): Scrubber => ({ type: 'NAME', priority: 80, find });
const approaches: Array<[string, Scrubber]> = [
  ['stdlib lexicon + context rules (before)', person(findPersons)],
  ['+ build-half multicultural lexicon, any case', person((t) => [...findPersons(t), ...lexiconNames(t)])],
  ['compromise people()', person(compromisePeople)],
  ['name tagger alone (TensorFlow.js-trained)', person(findTaggedNames)],
];
const sentences = await loadOriginEval();
console.log('| approach | recall overall | lowest origin | with cue | without cue | lower case | upper case | ordinary words kept | MB/s |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const text = sentences.map((s) => s.text).join('\n');
const bytes = new TextEncoder().encode(text).length;
for (const [label, scrubber] of [...approaches, ['shipped: rules + tagger + lexicon', undefined] as const]) {
  const s = scrubber === undefined ? createScrubber() : createScrubber({ disable: ['PERSON'], extra: [scrubber] });
  const r = scoreOriginEval(sentences, (t): PiiFinding[] => s.scrub(t).findings.map((f) => (f.type === 'NAME' ? { ...f, type: 'PERSON' } : f)));
  const slice = (k: string): string => (r.bySlice.find((x) => x.slice === k)?.recall ?? 0).toFixed(3);
  const low = r.byOrigin.reduce((a, b) => (b.recall < a.recall ? b : a));
  const t0 = performance.now();
  s.scrub(text);
  const mbps = bytes / 1e6 / ((performance.now() - t0) / 1000);
  console.log(`| ${label} | ${r.overall.recall.toFixed(3)} | ${low.recall.toFixed(3)} (${low.origin}) | ${slice('with cue')} | ${slice('without cue')} | ${slice('casing lower')} | ${slice('casing upper')} | ${(r.ordinaryKept / r.ordinaryWords).toFixed(4)} | ${mbps.toFixed(2)} |`);
}
