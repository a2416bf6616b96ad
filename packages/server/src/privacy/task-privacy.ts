/**
 * What the coordinator derives from a task's privacy settings, as its own type: the author's
 * `TaskSpec` says what they want (a target ε, a clip norm or adaptive clipping, central or
 * distributed noise); a `TaskPrivacy` is what the coordinator fixed when the task was created
 * (the Poisson sampling rate, the noise multipliers, the devices' distributed encoding) and
 * runs every round with. One variant per mode, so no round code needs an optional field, a `!`
 * or an `as` to know which mode it is in.
 *
 * The store keeps the derived values beside the author's settings in the task's spec (the
 * layout coordinators have always written), so a restarted coordinator reads back exactly what
 * it accounted with.
 */
import {
  PrivacyAccountant,
  defaultParticipationLimit,
  noiseMultiplierFor,
  noiseMultiplierForDistributed,
  planDistributedDp,
  type DistributedDpPlan,
} from '@conclave/dp';
import { z } from 'zod';
import { ServerError } from '../errors.ts';
import type { RoundRow } from '../store/store.ts';
import type { StoredTaskSpec, TaskSpec } from '../task-spec.ts';
import { accountRound, privacyFigures } from './privacy-figures.ts';

interface PrivacyCommon {
  targetEpsilon: number;
  delta: number;
  /** N: the devices the sampling rate refers to. */
  population: number;
  /** q = goal / N: every eligible device joins a training round independently with this chance. */
  samplingRate: number;
  /** z: the noise multiplier of one round, as the accountant composes it. */
  noiseMultiplier: number;
  /** L: training rounds one device takes part in at most (the device enforces it). */
  participationLimit: number;
  /** Evaluation rounds (the final one, 0 or 1): accounted like a round, joined whatever the limit. */
  evaluationRounds: number;
}

/** Central DP with a fixed clip norm: the coordinator adds N(0, (z·C)²) to the sum. */
export interface CentralPrivacy extends PrivacyCommon {
  kind: 'central';
  clipNorm: number;
}

/**
 * Central DP with adaptive clipping (Andrew et al. 2021): the update gets noise z_Δ·C and the
 * unclipped count noise σ_b, with z^−2 = z_Δ^−2 + (2σ_b)^−2.
 */
export interface AdaptivePrivacy extends PrivacyCommon {
  kind: 'adaptive';
  initialClipNorm: number;
  targetQuantile: number;
  learningRate: number;
  /** σ_b: noise on the count of unclipped updates. */
  countStddev: number;
  /** z_Δ: the update's share of the noise. */
  updateNoiseMultiplier: number;
}

/** Distributed DP (Kairouz, Liu & Steinke 2021): devices add discrete Gaussian shares under secure aggregation. */
export interface DistributedPrivacy extends PrivacyCommon {
  kind: 'distributed';
  clipNorm: number;
  plan: DistributedDpPlan;
}

export type TaskPrivacy = CentralPrivacy | AdaptivePrivacy | DistributedPrivacy;

/** The mode the author chose, as the status view names it. */
export function privacyMode(p: TaskPrivacy): 'central' | 'distributed' {
  return p.kind === 'distributed' ? 'distributed' : 'central';
}

/**
 * The largest Poisson-sampled cohort a distributed-DP round accepts: the modular headroom of
 * the devices' encoding is sized for it. Far above the goal, so it never binds in practice.
 */
export function maxDistributedCohort(population: number, goal: number): number {
  return Math.max(2 * population, 4 * goal);
}

function modelDimension(spec: TaskSpec): number {
  return spec.model.weightSpecs.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
}

/**
 * Fixes the sampling rate (goal / population) and, unless given, the noise multiplier that
 * spends exactly the target ε over the planned rounds; with adaptive clipping, the share of
 * that noise the update gets; in distributed mode, the devices' encoding and noise share.
 * `enrolled` is the population when the task names none.
 */
export function deriveTaskPrivacy(spec: TaskSpec, enrolled: number): TaskPrivacy | undefined {
  const p = spec.privacy;
  if (!p) return undefined;
  const population = p.population ?? enrolled;
  if (population < spec.cohort.goal) {
    throw new ServerError(
      'INVALID_TASK',
      `invalid task: privacy.population: ${population} device${population === 1 ? '' : 's'} (enrolled now, or privacy.population) cannot give a cohort goal of ${spec.cohort.goal}; Poisson sampling needs population ≥ goal`,
    );
  }
  const samplingRate = spec.cohort.goal / population;
  // An author's limit stands as given (rounds lost after their sums were revealed count too).
  const participationLimit = p.participationLimit ?? defaultParticipationLimit(samplingRate, spec.rounds);
  const evaluationRounds = spec.evaluation.finalRound ? 1 : 0;
  const common = { targetEpsilon: p.targetEpsilon, delta: p.delta, population, samplingRate, participationLimit, evaluationRounds };
  const invalid = (err: unknown) => new ServerError('INVALID_TASK', `invalid task: privacy: ${(err as Error).message}`);
  if (p.mode === 'distributed') {
    if (p.clipNorm === undefined) throw new ServerError('INVALID_TASK', 'invalid task: privacy.clipNorm: distributed mode needs a fixed clip norm');
    const planOptions = {
      clipNorm: p.clipNorm,
      dimension: modelDimension(spec),
      minClients: spec.cohort.minimum,
      maxClients: maxDistributedCohort(population, spec.cohort.goal),
    };
    try {
      if (p.noiseMultiplier !== undefined) {
        const plan = planDistributedDp({ ...planOptions, noiseMultiplier: p.noiseMultiplier });
        return { kind: 'distributed', ...common, noiseMultiplier: p.noiseMultiplier, clipNorm: p.clipNorm, plan };
      }
      // Calibrated on ε against the coordinator: no amplification, over the rounds one device can
      // join (its limit and the evaluation round), so the task never has to stop early.
      const { noiseMultiplier, plan } = noiseMultiplierForDistributed({ ...planOptions, samplingRate: 1, steps: participationLimit + evaluationRounds, delta: p.delta, targetEpsilon: p.targetEpsilon });
      return { kind: 'distributed', ...common, noiseMultiplier, clipNorm: p.clipNorm, plan };
    } catch (err) {
      throw invalid(err);
    }
  }
  let noiseMultiplier = p.noiseMultiplier;
  if (noiseMultiplier === undefined) {
    try {
      noiseMultiplier = noiseMultiplierFor({ samplingRate, steps: spec.rounds + evaluationRounds, delta: p.delta, targetEpsilon: p.targetEpsilon });
    } catch (err) {
      throw invalid(err);
    }
  }
  if (!p.adaptive) {
    if (p.clipNorm === undefined) throw new ServerError('INVALID_TASK', 'invalid task: privacy: give exactly one of clipNorm (a fixed clip norm) and adaptive (adaptive clipping)');
    return { kind: 'central', ...common, noiseMultiplier, clipNorm: p.clipNorm };
  }
  // Andrew et al. 2021, §3: the update and the unclipped count (values ±1/2, sensitivity 1/2)
  // are two Gaussian queries of one step; their noise shares z_Δ and σ_b compose to z:
  // z^−2 = z_Δ^−2 + (2σ_b)^−2.
  const countStddev = p.adaptive.countStddev ?? spec.cohort.goal / 20;
  const rest = noiseMultiplier ** -2 - (2 * countStddev) ** -2;
  if (!(rest > 0)) {
    throw new ServerError(
      'INVALID_TASK',
      `invalid task: privacy.adaptive.countStddev: ${countStddev} leaves no noise budget for the update; it must exceed half the noise multiplier (${(noiseMultiplier / 2).toFixed(4)}). Raise it, or raise cohort.goal`,
    );
  }
  return {
    kind: 'adaptive',
    ...common,
    noiseMultiplier,
    initialClipNorm: p.adaptive.initialClipNorm,
    targetQuantile: p.adaptive.targetQuantile,
    learningRate: p.adaptive.learningRate,
    countStddev,
    updateNoiseMultiplier: rest ** -0.5,
  };
}

/** The task's spec as the store keeps it: the author's privacy settings with the derived values beside them. */
export function storedSpec(spec: TaskSpec, privacy: TaskPrivacy | undefined): StoredTaskSpec {
  if (!spec.privacy || !privacy) return spec;
  const derived = { population: privacy.population, samplingRate: privacy.samplingRate, noiseMultiplier: privacy.noiseMultiplier, participationLimit: privacy.participationLimit };
  switch (privacy.kind) {
    case 'central':
      return { ...spec, privacy: { ...spec.privacy, ...derived } };
    case 'adaptive': {
      const adaptive = {
        initialClipNorm: privacy.initialClipNorm,
        targetQuantile: privacy.targetQuantile,
        learningRate: privacy.learningRate,
        countStddev: privacy.countStddev,
      };
      return { ...spec, privacy: { ...spec.privacy, ...derived, adaptive, updateNoiseMultiplier: privacy.updateNoiseMultiplier } };
    }
    case 'distributed':
      return { ...spec, privacy: { ...spec.privacy, ...derived, distributed: { ...privacy.plan } } };
  }
}

const finite = z.number().finite();
const positiveInt = z.number().int().positive();
/** The fields of a `DistributedDpPlan` as stored; checked when a task is read back. */
const StoredDistributedPlan = z
  .object({
    dimension: positiveInt,
    paddedDimension: positiveInt,
    bits: positiveInt,
    clipNorm: finite.positive(),
    beta: finite,
    scale: finite.positive(),
    localSigma2: finite.nonnegative(),
    l2Sensitivity: finite.nonnegative(),
    l1Sensitivity: finite.nonnegative(),
    minClients: positiveInt,
    maxClients: positiveInt,
    effectiveNoiseMultiplier: finite.positive(),
    tau: finite.nonnegative(),
    wrapProbabilityBound: finite.nonnegative(),
  })
  .passthrough();

/** Reads the derived privacy of a stored task back; undefined for a task without DP. */
export function taskPrivacyOf(taskId: string, spec: StoredTaskSpec): TaskPrivacy | undefined {
  const p = spec.privacy;
  if (!p) return undefined;
  const corrupt = (what: string) => new ServerError('STORE_CORRUPT', `task ${taskId}: stored privacy settings lack ${what}`, 500);
  const { population, samplingRate, noiseMultiplier } = p;
  if (population === undefined || samplingRate === undefined || noiseMultiplier === undefined) throw corrupt('population, samplingRate or noiseMultiplier');
  // Tasks stored before the participation limit existed get the default one.
  // An author's limit stands as given (rounds lost after their sums were revealed count too).
  const participationLimit = p.participationLimit ?? defaultParticipationLimit(samplingRate, spec.rounds);
  const evaluationRounds = spec.evaluation.finalRound ? 1 : 0;
  const common = { targetEpsilon: p.targetEpsilon, delta: p.delta, population, samplingRate, noiseMultiplier, participationLimit, evaluationRounds };
  if (p.mode === 'distributed') {
    const plan = StoredDistributedPlan.safeParse(p.distributed);
    if (!plan.success || p.clipNorm === undefined) throw corrupt(`a valid distributed plan and clip norm (${plan.error?.issues[0]?.message ?? 'no clip norm'})`);
    return { kind: 'distributed', ...common, clipNorm: p.clipNorm, plan: plan.data };
  }
  if (p.adaptive) {
    const { countStddev } = p.adaptive;
    if (countStddev === undefined || p.updateNoiseMultiplier === undefined) throw corrupt('adaptive.countStddev or updateNoiseMultiplier');
    return {
      kind: 'adaptive',
      ...common,
      initialClipNorm: p.adaptive.initialClipNorm,
      targetQuantile: p.adaptive.targetQuantile,
      learningRate: p.adaptive.learningRate,
      countStddev,
      updateNoiseMultiplier: p.updateNoiseMultiplier,
    };
  }
  if (p.clipNorm === undefined) throw corrupt('a clip norm');
  return { kind: 'central', ...common, clipNorm: p.clipNorm };
}

/**
 * The accountant after one more training round (a copy; the given one is untouched). In
 * distributed mode it composes the released model's figure (`privacy-figures.ts`).
 */
export function accountOneRound(privacy: TaskPrivacy, accountant: PrivacyAccountant): PrivacyAccountant {
  return accountRound(privacy, accountant, 'train');
}

/** ε spent at the task's δ against the coordinator, the figure budgets stop on (0 before the first round). */
export function epsilonSpent(privacy: TaskPrivacy, accountant: PrivacyAccountant): number {
  return privacyFigures(privacy, accountant).epsilonAgainstCoordinator;
}

/**
 * Why the task must stop before its next round of `kind`, or undefined while the budget allows
 * one more: budgets stop on ε against the coordinator.
 */
export function budgetExhausted(privacy: TaskPrivacy, accountant: PrivacyAccountant, roundsDone: number, kind: 'train' | 'evaluate' = 'train'): string | undefined {
  const next = privacyFigures(privacy, accountRound(privacy, accountant, kind)).epsilonAgainstCoordinator;
  if (next <= privacy.targetEpsilon * (1 + 1e-9)) return undefined;
  const spent = epsilonSpent(privacy, accountant);
  const what = kind === 'train' ? 'one more round' : 'the evaluation round';
  // ε is the figure against the coordinator (in central mode, the accountant's).
  return `privacy budget spent: ε = ${spent.toFixed(3)} of ${privacy.targetEpsilon} at δ = ${privacy.delta} after ${roundsDone} rounds; ${what} would reach ε = ${next.toFixed(3)}`;
}

/**
 * The clip norm of the task's next round: fixed, or with adaptive clipping the one the last
 * committed training round chose (stored with that round's results, so a restart resumes it),
 * else the initial one in float32 as devices see it.
 */
export function nextClipNorm(privacy: TaskPrivacy, rounds: readonly RoundRow[]): number {
  if (privacy.kind !== 'adaptive') return privacy.clipNorm;
  const last = rounds
    .filter((r) => r.status === 'committed' && r.kind === 'train' && r.metrics?.nextClipNorm != null)
    .at(-1);
  return last?.metrics?.nextClipNorm ?? Math.fround(privacy.initialClipNorm);
}

/** The accountant a task resumes with: its stored state, or a fresh one. */
export function restoreAccountant(state: string | null): PrivacyAccountant {
  return state ? PrivacyAccountant.fromJSON(state) : new PrivacyAccountant();
}

/** A running DP task's privacy: its settings, what it has spent, and the clip norm of its next round. */
export interface PrivacyState {
  readonly privacy: TaskPrivacy;
  readonly accountant: PrivacyAccountant;
  readonly clipNorm: number;
}
