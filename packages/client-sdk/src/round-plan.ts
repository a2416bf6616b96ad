/**
 * A round's plan as the device reads it from Selected: what the round is (RoundInfo), the plan's
 * defaults for fields the coordinator left unset, and the trainer's jobs built from the device's
 * examples (held-out split, newest examples first, capped).
 */
import { PlanKind, type BodyOf, type IPlan } from '@conclave/proto';
import type { RoundInfo } from './client-api.ts';
import { isHeldOut, type StoredExample } from './example-store.ts';
import type { EvalJob, Example, TrainJob } from './train/types.ts';

/** What a plan means when the coordinator leaves a field unset (protobuf's zero). */
export const PLAN_DEFAULTS = {
  evalFraction: 0.2,
  localEpochs: 1,
  batchSize: 32,
  clientLearningRate: 0.01,
  minExamples: 1,
  loss: 'binaryCrossentropy',
  featuresJson: '{}',
} as const;

export function roundInfoFrom(m: BodyOf<'selected'>): RoundInfo {
  const plan = m.plan ?? {};
  return {
    taskId: m.taskId ?? '',
    round: m.round ?? 0,
    modelVersion: m.modelVersion ?? 0,
    kind: plan.kind === PlanKind.EVALUATE ? 'evaluate' : 'train',
    stream: plan.stream ?? '',
    purpose: plan.purpose ?? '',
  };
}

/** Only what a trainer needs of an example: never its id or when it was recorded. */
function strip(e: Example): Example {
  return { label: e.label, ...(e.text !== undefined ? { text: e.text } : {}), ...(e.features ? { features: e.features } : {}) };
}

export interface RoundJobs {
  /** Examples this device trains on (before the plan's `maxExamples` cap). */
  trainCount: number;
  /** The evaluation job: the global model on the held-out examples. */
  evaluate: EvalJob;
  /** The training job (newest `maxExamples` of the training examples). */
  train(distributedDp?: TrainJob['distributedDp']): TrainJob;
}

/**
 * Splits the stream's examples into training and held-out sets by the plan's `evalFraction`
 * (the same example stays on the same side in every round) and builds the trainer's jobs.
 */
export function roundJobs(plan: IPlan, round: number, weights: Float32Array, examples: readonly StoredExample[]): RoundJobs {
  const fraction = plan.evalFraction || PLAN_DEFAULTS.evalFraction;
  const evalExamples = examples.filter((e) => isHeldOut(e.id, fraction));
  const trainExamples = examples.filter((e) => !isHeldOut(e.id, fraction));
  const cap = plan.maxExamples || Infinity;
  const evaluate: EvalJob = {
    topologyJson: plan.topologyJson ?? '',
    featuresJson: plan.featuresJson ?? PLAN_DEFAULTS.featuresJson,
    loss: plan.loss ?? PLAN_DEFAULTS.loss,
    weights: weights.slice(),
    evalExamples: evalExamples.map(strip),
  };
  return {
    trainCount: trainExamples.length,
    evaluate,
    train: (distributedDp) => ({
      ...evaluate,
      examples: trainExamples.slice(-cap).map(strip),
      localEpochs: plan.localEpochs || PLAN_DEFAULTS.localEpochs,
      batchSize: plan.batchSize || PLAN_DEFAULTS.batchSize,
      learningRate: plan.clientLearningRate || PLAN_DEFAULTS.clientLearningRate,
      proxMu: plan.proxMu ?? 0,
      seed: round,
      ...(distributedDp ? { distributedDp } : {}),
    }),
  };
}

/** Why a training round cannot use this device's examples, or undefined when it can. */
export function examplesShortfall(plan: IPlan, trainCount: number): string | undefined {
  if (trainCount === 0) return 'no training examples for this stream';
  const minExamples = plan.minExamples || PLAN_DEFAULTS.minExamples;
  if (trainCount < minExamples) {
    return `${trainCount} training example${trainCount === 1 ? '' : 's'} for this stream; the task needs at least ${minExamples} per round`;
  }
  return undefined;
}
