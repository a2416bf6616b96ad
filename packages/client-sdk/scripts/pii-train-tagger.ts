// Trains the name tagger with TensorFlow.js and writes src/pii/name-tagger-weights.ts.
//
//   pnpm exec tsx packages/client-sdk/scripts/pii-train-tagger.ts [--epochs 4] [--sentences 30000]
//
// The model is a logistic regression over hashed sparse features (src/pii/name-features.ts):
// an embedding bag of width 1, trained with Adam on the CPU backend from a fixed seed, so a run
// gives the same weights every time on the same machine. Training text is generated from the
// build half of the name sources only (scripts/pii-tagger-text.ts); half the name words lose
// their lexicon and identity features, so the tagger learns names it has never seen from their
// letters and context. The weights are stored as int8 with one scale.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { allLocales } from '@faker-js/faker';
import { FIRST_NAME_SET } from '../src/pii/name-lexicon.ts';
import { JARGON_WORDS, ENGLISH_TIER } from '../src/pii/english-lexicon.ts';
import { featuresOf, hashFeature, isCandidate, tokenize } from '../src/pii/name-features.ts';
import { buildNames, fold } from './pii-name-sources.mjs';
import type { OriginNames } from './pii-name-sources.mjs';
import { FILLER_TEMPLATES, HEADER_TEMPLATES, HEADER_WORDS, NAME_TEMPLATES, PRODUCTS, WORD_NAME_SENTENCES } from './pii-tagger-text.ts';
import type { Casing, TrainingSentence } from './pii-tagger-text.ts';

const pkgRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(pkgRoot, 'src/pii/name-tagger-weights.ts');
const arg = (flag: string, fallback: number): number => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
/** Hash buckets: a power of two. */
const BUCKETS = 1 << arg('--bits', 16);
const EPOCHS = arg('--epochs', 4);
const SENTENCES = arg('--sentences', 30_000);
const BATCH = 1024;
const LEARNING_RATE = 0.02;
const L2 = arg('--l2', 1e-6);
/** Share of name words whose lexicon and identity features are hidden in training. */
const LEXICON_DROPOUT = 0.5;
const THRESHOLD = arg('--threshold', 0.5);
const EXTEND_THRESHOLD = arg('--extend', 0.2);
const SEED = 0x7a66e5;

let state = SEED >>> 0;
function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const stripMarks = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').replace(/ı/g, 'i');
const cased = (s: string, c: Casing): string => (c === 'lower' ? s.toLowerCase() : c === 'upper' ? s.toUpperCase() : s);

// ------------------------------------------------------------------------------------------
// Text.
// ------------------------------------------------------------------------------------------
// A fifth of the build-half tokens are kept out of training to choose the settings on: names
// the model has not seen, like the held-out half, without touching the held-out half.
const isDevToken = (t: string): boolean => hashFeature(`dev:${fold(t)}`) % 5 === 0;
const allNames: OriginNames[] = await buildNames();
allNames.push({ id: 'stdlib', label: 'stdlib', given: [...FIRST_NAME_SET], surnames: allNames.flatMap((o) => o.surnames) });
const split = (dev: boolean): OriginNames[] =>
  allNames.map((o) => {
    const keep = (e: string): boolean => e.split(' ').every((t) => isDevToken(t) === dev);
    return { ...o, given: o.given.filter(keep), surnames: o.surnames.filter(keep) };
  });
const trainOrigins = split(false);
const devOrigins = split(true);
let origins = trainOrigins;

const fillers: string[] = [...PRODUCTS, ...[...JARGON_WORDS].filter((_, i) => i % 3 === 0)];
for (const loc of Object.values(allLocales)) {
  const l = loc.location as { city_name?: string[]; country?: string[] } | undefined;
  for (const c of [...(l?.city_name ?? []).slice(0, 80), ...(l?.country ?? []).slice(0, 40)]) {
    if (/^[\p{Script=Latin} '-]+$/u.test(c)) fillers.push(c);
  }
}
const rareWords = [...ENGLISH_TIER].filter(([, t]) => t === 3).map(([w]) => w);

function makeName(o: OriginNames): string {
  const r = rand();
  const given = pick(o.given);
  if (r < 0.15 || o.surnames.length === 0) return given;
  if (r < 0.25) return `${given} ${o.id === 'hispanic' ? pick(o.surnames) : pick(o.given)} ${pick(o.surnames)}`;
  return `${given} ${pick(o.surnames)}`;
}

function randomCasing(): Casing {
  const r = rand();
  return r < 0.45 ? 'title' : r < 0.8 ? 'lower' : 'upper';
}

function fill(template: string, slot: (k: string) => string | undefined, casing: Casing): TrainingSentence {
  let text = '';
  const nameWords: TrainingSentence['nameWords'] = [];
  for (const part of template.split(/(\{[nmxh]\})/)) {
    const key = /^\{([nmxh])\}$/.exec(part)?.[1];
    if (key === undefined) {
      text += cased(part, casing);
      continue;
    }
    const value = cased(slot(key) ?? '', casing);
    if (key === 'n' || key === 'm') {
      for (const w of value.matchAll(/\S+/g)) nameWords.push({ start: text.length + w.index, end: text.length + w.index + w[0].length });
    }
    text += value;
  }
  return { text, nameWords };
}

function generate(count: number): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    const casing = randomCasing();
    const o = pick(origins);
    const ascii = rand() < 0.25;
    const name = (): string => (ascii ? stripMarks(makeName(o)) : makeName(o));
    const filler = (): string => (rand() < 0.3 ? pick(rareWords) : pick(fillers));
    if (r < 0.65) {
      out.push(fill(pick(NAME_TEMPLATES), () => name(), casing));
    } else if (r < 0.72) {
      out.push(fill(pick(HEADER_TEMPLATES), (k) => (k === 'h' ? pick(HEADER_WORDS) : k === 'x' ? filler() : name()), casing));
    } else if (r < 0.9) {
      out.push(fill(pick(FILLER_TEMPLATES), filler, casing));
    } else {
      out.push(fill(pick(WORD_NAME_SENTENCES), () => undefined, casing));
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Examples: the words the tagger scores (candidates and their neighbours), as hashed ids.
// ------------------------------------------------------------------------------------------
interface Examples {
  ids: Int32Array[];
  labels: Uint8Array;
}

function examplesOf(sentences: readonly TrainingSentence[], dropout: boolean, unseen = false): Examples {
  const ids: Int32Array[] = [];
  const labels: number[] = [];
  for (const s of sentences) {
    const tokens = tokenize(s.text);
    const scored = new Uint8Array(tokens.length);
    tokens.forEach((t, i) => {
      if (!isCandidate(t)) return;
      scored[i] = 1;
      if (i > 0) scored[i - 1] = 1;
      if (i + 1 < tokens.length) scored[i + 1] = 1;
    });
    tokens.forEach((t, i) => {
      if (scored[i] !== 1 || t.code) return;
      const label = s.nameWords.some((w) => w.start < t.end && t.start < w.end) ? 1 : 0;
      const drop = unseen ? label === 1 : dropout && rand() < (label === 1 ? LEXICON_DROPOUT : 0.1);
      ids.push(Int32Array.from(featuresOf(tokens, i, drop), (f) => hashFeature(f) & (BUCKETS - 1)));
      labels.push(label);
    });
  }
  return { ids, labels: Uint8Array.from(labels) };
}

const t0 = performance.now();
const train = examplesOf(generate(SENTENCES), true);
origins = devOrigins;
const valid = examplesOf(generate(Math.floor(SENTENCES / 10)), false, true);
const positives = train.labels.reduce((a, b) => a + b, 0);
console.log(`examples built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`training words: ${train.labels.length} (${positives} in names), validation words: ${valid.labels.length}`);

// ------------------------------------------------------------------------------------------
// Training: logits = bias + sum of the weights of each word's features.
// ------------------------------------------------------------------------------------------
await tf.setBackend('cpu');
// The pad bucket (index BUCKETS) takes the empty feature slots; its weight stays 0.
const w = tf.variable(tf.zeros([BUCKETS + 1]));
const b = tf.variable(tf.scalar(0));
const optimizer = tf.train.adam(LEARNING_RATE);
const order = Array.from({ length: train.labels.length }, (_, i) => i);
const width = train.ids.reduce((m, x) => Math.max(m, x.length), 0);

/**
 * Looks up each feature's weight. The gradient is a scatter-add into the buckets: the CPU
 * backend's own gradient of gather (an unsorted segment sum) loops once per bucket.
 */
function lookup(weights: tf.Tensor1D, ids: tf.Tensor2D): tf.Tensor2D {
  const f = tf.customGrad((x, save) => {
    save([ids]);
    return {
      value: tf.gather(x as tf.Tensor1D, ids),
      gradFunc: (dy) => tf.scatterND(ids.reshape([-1, 1]), (dy as tf.Tensor).reshape([-1]).mul(ids.less(BUCKETS).cast('float32').reshape([-1])), [BUCKETS + 1]),
    };
  });
  return f(weights) as tf.Tensor2D;
}

for (let epoch = 0; epoch < EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  let total = 0;
  let batches = 0;
  for (let at = 0; at < order.length; at += BATCH) {
    const batch = order.slice(at, at + BATCH);
    const flat = new Int32Array(batch.length * width).fill(BUCKETS);
    batch.forEach((e, k) => flat.set(train.ids[e] ?? [], k * width));
    const idsT = tf.tensor2d(flat, [batch.length, width], 'int32');
    const y = tf.tensor1d(batch.map((e) => train.labels[e] ?? 0), 'float32');
    const loss = optimizer.minimize(
      () => {
        const logits = lookup(w as tf.Variable<tf.Rank.R1>, idsT).sum(1).add(b);
        return tf.losses.sigmoidCrossEntropy(y, logits).add(tf.sum(tf.square(w)).mul(L2)) as tf.Scalar;
      },
      true,
      [w, b],
    );
    total += (await loss?.data())?.[0] ?? 0;
    batches++;
    tf.dispose([idsT, y, loss]);
    if (process.argv.includes('--verbose') && batches % 20 === 0) {
      console.log(`  batch ${batches}: ${tf.memory().numTensors} tensors, ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
    }
  }
  console.log(`epoch ${epoch + 1}/${EPOCHS}: loss ${(total / batches).toFixed(4)}`);
}

// ------------------------------------------------------------------------------------------
// Quantize, check on the validation words, write.
// ------------------------------------------------------------------------------------------
const weights = ((await w.data()) as Float32Array).subarray(0, BUCKETS);
const bias = ((await b.data()) as Float32Array)[0] ?? 0;
let maxAbs = 0;
for (const v of weights) maxAbs = Math.max(maxAbs, Math.abs(v));
const scale = maxAbs / 127;
const q = new Int8Array(BUCKETS);
let nonZero = 0;
for (let i = 0; i < BUCKETS; i++) {
  q[i] = Math.round((weights[i] ?? 0) / scale);
  if (q[i] !== 0) nonZero++;
}

function evaluate(ex: Examples, threshold: number): { precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  ex.ids.forEach((ids, i) => {
    let z = bias;
    for (const id of ids) z += (q[id] ?? 0) * scale;
    const yes = 1 / (1 + Math.exp(-z)) >= threshold;
    const label = ex.labels[i] === 1;
    if (yes && label) tp++;
    else if (yes) fp++;
    else if (label) fn++;
  });
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}
for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
  const r = evaluate(valid, t);
  console.log(`dev (build-half names kept out of training, int8) at p >= ${t}: precision ${r.precision.toFixed(4)}, recall ${r.recall.toFixed(4)}`);
}

const b64 = Buffer.from(q.buffer).toString('base64');
writeFileSync(
  OUT,
  `// GENERATED by packages/client-sdk/scripts/pii-train-tagger.ts (TensorFlow.js, seed ${SEED}). Do not edit.
//
// Logistic regression over ${BUCKETS} hashed feature buckets (src/pii/name-features.ts), trained for
// ${EPOCHS} epochs on ${train.labels.length} words of generated text (${SENTENCES} sentences) whose names come
// from the build half only. ${nonZero} non-zero weights, int8 with one scale.

/** The name tagger's weights and decision thresholds (probabilities). */
export const NAME_TAGGER_MODEL = {
  buckets: ${BUCKETS},
  scale: ${scale},
  bias: ${bias},
  threshold: ${THRESHOLD},
  extendThreshold: ${EXTEND_THRESHOLD},
  weights: '${b64}',
} as const;
`,
);
console.log(`wrote ${OUT}: ${nonZero}/${BUCKETS} non-zero weights`);
