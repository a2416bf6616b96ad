/**
 * The centralized baseline: the same model, loss, optimizer (plain SGD, the clients' lr and
 * batch size) trained on the pooled data the clients train on.
 *
 * Fair budget: a federated run makes rounds · localEpochs passes over the data of each round's
 * cohort, which holds cohortGoal / clients of the data in expectation, so it makes
 * rounds · localEpochs · cohortGoal / clients passes over the whole training set
 * (`equivalentEpochs` in model.ts). The baseline gets exactly that many epochs; a fractional
 * remainder is one more pass over a seeded random subset of that fraction of the data.
 */
import { featurizeSparse, type FeatureSpec } from '@conclave/client-sdk';
import type { Email } from './corpus.ts';
import { buildModel, evaluateModel, trainLocal, type Dataset, type ModelOptions } from './model.ts';
import { deriveSeed, mulberry32, shuffled } from './random.ts';

export interface CentralizedOptions {
  train: readonly Email[] | Dataset;
  test: readonly Email[] | Dataset;
  spec: FeatureSpec;
  /** Passes over `train`; may be fractional. */
  epochs: number;
  batchSize: number;
  lr: number;
  seed: number;
  /** Model shape, as for the federated run. @default {} (logistic regression) */
  model?: ModelOptions;
}

export interface CentralizedResult {
  accuracy: number;
  loss: number;
  /** Wall time of training only (featurizing and evaluation excluded). */
  ms: number;
}

/** Featurizes e-mails (or passes an already featurized dataset through). */
export function toDataset(data: readonly Email[] | Dataset, spec: FeatureSpec): Dataset {
  if ('features' in data) return data;
  const emails = data as readonly Email[];
  return { features: emails.map((e) => featurizeSparse(e.text, spec)), labels: emails.map((e) => e.label) };
}

export function trainCentralized(options: CentralizedOptions): CentralizedResult {
  const { spec, epochs, batchSize, lr, seed } = options;
  if (!(epochs >= 0)) throw new RangeError(`epochs is ${epochs}, expected >= 0`);
  const train = toDataset(options.train, spec);
  const test = toDataset(options.test, spec);
  // Same initial weights as the federated run for the same seed.
  const model = buildModel(spec, seed, options.model ?? {});
  const started = performance.now();
  const whole = Math.floor(epochs);
  trainLocal(model, train, { epochs: whole, batchSize, lr, seed: deriveSeed(seed, 0xce) });
  const fraction = epochs - whole;
  if (fraction > 0) {
    const n = train.features.length;
    const rows = shuffled(
      Array.from({ length: n }, (_, i) => i),
      mulberry32(deriveSeed(seed, 0xcf)),
    ).slice(0, Math.round(fraction * n));
    const subset: Dataset = { features: rows.map((r) => train.features[r]!), labels: rows.map((r) => train.labels[r]!) };
    trainLocal(model, subset, { epochs: 1, batchSize, lr, seed: deriveSeed(seed, 0xd0) });
  }
  const ms = performance.now() - started;
  const { accuracy, loss } = evaluateModel(model, test);
  model.dispose();
  return { accuracy, loss, ms };
}
