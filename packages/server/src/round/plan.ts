/**
 * Configuration (Bonawitz et al. 2019, §2.2): what a selected cohort is told. From the task's
 * spec, its derived privacy and the round, this module fixes the round's aggregation mode, the
 * plan every device trains by, and the secure-aggregation configuration. Pure apart from the
 * injected random source (SecAgg+ round id and graph seed, the distributed-DP rotation seed).
 *
 * SecAgg+ parameters come from `@conclave/secagg`'s rule alone (`createRoundConfig`, Bell et
 * al. 2020, §3.2 and §4.2). A small cohort cannot tolerate the task's full dropout rate under
 * that rule; the round then asks the rule for the most dropouts it can tolerate, down to none,
 * rather than inventing a threshold of its own.
 */
import type { PrivacyAccountant } from '@conclave/dp';
import { PlanKind, revocationListToWire, type BodyOf, type RevocationList } from '@conclave/proto';
import { EVALUATION_ENTRIES, ROUND_METRIC_ENTRIES, createRoundConfig, maxQuantizationBits, roundMetricsFit, type RoundConfig } from '@conclave/secagg';
import { evaluationPlan } from '../privacy/privacy-figures.ts';
import type { AdaptivePrivacy, CentralPrivacy, DistributedPrivacy, PrivacyState } from '../privacy/task-privacy.ts';
import { byteSource, randomWord, type RandomSource } from '../random.ts';
import { configToWire, distributedToWire } from '../secagg-wire.ts';
import type { TaskSpec } from '../task-spec.ts';
import type { EvaluationEncoding } from './finalize/types.ts';

export type RoundKind = 'train' | 'evaluate';

/** Quantization of the secure sum (secure-aggregation settings of the task, bits for this cohort). */
export interface Quantization {
  clipRange: number;
  bits: number;
  maxWeight: number;
}

/** One round's secure-aggregation configuration. */
export interface SecureSetup {
  config: RoundConfig;
  quant: Quantization;
  /** Entries of masked round metrics after the weight entry (0 under DP). */
  metricsEntries: number;
  /** Dropouts the configuration tolerates, and the ⌈δn⌉ the task asked for. */
  dropouts: { tolerated: number; requested: number };
}

/**
 * How one round aggregates and what its finalize step does: one variant per mode. The clip
 * norm, rotation seed and secure setup a mode needs are fields of that variant alone.
 */
export type RoundMode =
  /** Federated evaluation under SecAgg+: the survivors' sums of held-out examples, loss and correct predictions (PROTOCOL.md §4). */
  | { kind: 'evaluate'; secure: SecureSetup; evaluation: EvaluationEncoding }
  /** FedAvg in the clear: example-weighted mean of the updates. */
  | { kind: 'plain' }
  /** FedAvg under SecAgg+: the weighted mean of the survivors, never one device's update. */
  | { kind: 'secure'; secure: SecureSetup }
  /** DP-FedAvg with central Gaussian noise and a fixed clip norm, with or without SecAgg+. */
  | { kind: 'central-dp'; privacy: CentralPrivacy; accountant: PrivacyAccountant; clipNorm: number; secure: SecureSetup | null }
  /** DP-FedAvg with adaptive clipping: devices append their unclipped indicator. */
  | { kind: 'adaptive-clipping'; privacy: AdaptivePrivacy; accountant: PrivacyAccountant; clipNorm: number; secure: SecureSetup | null }
  /** Distributed DP: devices rotate, encode and noise their update; always under SecAgg+. */
  | { kind: 'distributed-dp'; privacy: DistributedPrivacy; accountant: PrivacyAccountant; rotationSeed: number; secure: SecureSetup };

/** The secure setup of a mode, if the round runs secure aggregation. */
export function secureSetupOf(mode: RoundMode): SecureSetup | null {
  switch (mode.kind) {
    case 'plain':
      return null;
    default:
      return mode.secure;
  }
}

/** The clip norm devices use in this round, under DP. */
export function clipNormOf(mode: RoundMode): number | undefined {
  switch (mode.kind) {
    case 'central-dp':
    case 'adaptive-clipping':
      return mode.clipNorm;
    case 'distributed-dp':
      return mode.privacy.clipNorm;
    default:
      return undefined;
  }
}

/**
 * Entries of one device's training update before secure aggregation's weight entry: the model,
 * the unclipped indicator with adaptive clipping, or the padded rotated vector in distributed DP.
 */
export function updateWords(privacy: PrivacyState['privacy'] | undefined, modelSize: number): number {
  if (privacy?.kind === 'distributed') return privacy.plan.paddedDimension;
  return modelSize + (privacy?.kind === 'adaptive' ? 1 : 0);
}

/** Entries of the vector one device uploads in this round (a masked input carries weight and metrics too). */
export function uploadWords(mode: RoundMode, privacy: PrivacyState['privacy'] | undefined, modelSize: number): number {
  if (mode.kind === 'evaluate') return mode.secure.config.vectorLength;
  const secure = secureSetupOf(mode);
  return updateWords(privacy, modelSize) + (secure ? 1 + secure.metricsEntries : 0);
}

export type ModePlan = { ok: true; mode: RoundMode } | { ok: false; reason: string };

/**
 * Fixes the round's mode for a cohort of `cohortSize`: its privacy variant, clip norm and
 * rotation seed, and its secure-aggregation configuration when the task asks for one.
 */
export function planRoundMode(input: {
  spec: TaskSpec;
  kind: RoundKind;
  privacy: PrivacyState | undefined;
  cohortSize: number;
  modelSize: number;
  random: RandomSource;
}): ModePlan {
  const { spec, kind, privacy, cohortSize, random } = input;
  if (kind === 'evaluate') return planEvaluation(spec, privacy, cohortSize, random);
  let secure: SecureSetup | null = null;
  if (spec.secureAggregation.enabled) {
    // Without DP, devices' losses and evaluation travel masked with the update.
    const metricsEntries = !privacy && roundMetricsFit(cohortSize, spec.secureAggregation.maxWeight) ? ROUND_METRIC_ENTRIES : 0;
    try {
      secure = secureSetup(spec, cohortSize, updateWords(privacy?.privacy, input.modelSize) + 1 + metricsEntries, metricsEntries, random);
    } catch (err) {
      return { ok: false, reason: `secure aggregation cannot run with ${cohortSize} selected devices: ${(err as Error).message}` };
    }
  }
  if (!privacy) return { ok: true, mode: secure ? { kind: 'secure', secure } : { kind: 'plain' } };
  // Under DP every device weighs 1: a maximum weight of 1 keeps quantization's share of the
  // norm ((W/w)·step·√d, which devices clip away) negligible.
  if (secure) secure = { ...secure, quant: { ...secure.quant, maxWeight: 1 } };
  const { privacy: p, accountant, clipNorm } = privacy;
  switch (p.kind) {
    case 'central':
      return { ok: true, mode: { kind: 'central-dp', privacy: p, accountant, clipNorm, secure } };
    case 'adaptive':
      return { ok: true, mode: { kind: 'adaptive-clipping', privacy: p, accountant, clipNorm, secure } };
    case 'distributed':
      // The task schema refuses distributed DP without secure aggregation; a stored task that
      // somehow has it gets a reason, not a sum in the clear.
      if (!secure) return { ok: false, reason: 'distributed DP needs secure aggregation, which this task does not enable' };
      return { ok: true, mode: { kind: 'distributed-dp', privacy: p, accountant, rotationSeed: randomWord(random), secure } };
  }
}

/**
 * An evaluation round: always under SecAgg+, whatever the task's training rounds do, since a
 * device's evaluation never travels in the clear. Without DP the three sums are exact; with DP
 * a unit-norm vector, noised by the coordinator (central) or by the devices (distributed) with
 * the training rounds' noise multiplier, and accounted like a round.
 */
function planEvaluation(spec: TaskSpec, privacy: PrivacyState | undefined, cohortSize: number, random: RandomSource): ModePlan {
  const maxExamples = spec.evaluation.maxExamplesPerDevice;
  const p = privacy?.privacy;
  const evalPlan = p?.kind === 'distributed' ? evaluationPlan(p.plan, p.noiseMultiplier) : undefined;
  const words = evalPlan ? evalPlan.paddedDimension + 1 : p ? EVALUATION_ENTRIES + 1 : EVALUATION_ENTRIES;
  let secure: SecureSetup;
  try {
    secure = secureSetup(spec, cohortSize, words, 0, random);
  } catch (err) {
    return { ok: false, reason: `secure aggregation cannot run the evaluation with ${cohortSize} selected devices: ${(err as Error).message}` };
  }
  if (!privacy || !p) return { ok: true, mode: { kind: 'evaluate', secure, evaluation: { kind: 'exact', maxExamples } } };
  const { accountant, clipNorm } = privacy;
  if (p.kind === 'distributed' && evalPlan) {
    const evaluation: EvaluationEncoding = { kind: 'distributed-dp', maxExamples, privacy: p, accountant, plan: evalPlan, rotationSeed: randomWord(random), clipNorm };
    return { ok: true, mode: { kind: 'evaluate', secure, evaluation } };
  }
  // Central: the unit vectors quantized in [−1, 1], every device with weight 1.
  secure = { ...secure, quant: { ...secure.quant, clipRange: 1, maxWeight: 1 } };
  return { ok: true, mode: { kind: 'evaluate', secure, evaluation: { kind: 'central-dp', maxExamples, privacy: p, accountant, clipNorm } } };
}

/**
 * SecAgg+ configuration for a cohort of n from `@conclave/secagg`'s rule: the neighbour degree
 * and Shamir threshold follow from the tolerated dropout rate. When the rule finds no
 * configuration for the task's rate (small cohorts), the most dropouts it can serve are used.
 */
export function secureSetup(spec: TaskSpec, n: number, vectorLength: number, metricsEntries: number, random: RandomSource): SecureSetup {
  const sa = spec.secureAggregation;
  const base = {
    cohortSize: n,
    vectorLength,
    minSurvivors: Math.min(n, Math.max(3, spec.cohort.minimum)),
    consistencyCheck: sa.maliciousServer,
    random: byteSource(random),
  };
  // ⌈δn⌉ as the rule counts it (params.ts guards against 0.3·10 = 3.0000000000000004).
  const requested = Math.ceil(sa.dropoutRate * n - 1e-9);
  let first: unknown;
  for (let tolerated = requested; tolerated >= 0; tolerated--) {
    try {
      const config = createRoundConfig({ ...base, dropoutRate: tolerated === requested ? sa.dropoutRate : tolerated / n });
      const quant = { clipRange: sa.clipRange, bits: sa.bits ?? Math.min(24, maxQuantizationBits(n)), maxWeight: sa.maxWeight };
      return { config, quant, metricsEntries, dropouts: { tolerated, requested } };
    } catch (err) {
      first ??= err;
    }
  }
  throw first;
}

/** The plan every device of the round trains (or evaluates) by. */
export function devicePlan(spec: TaskSpec, mode: RoundMode): NonNullable<BodyOf<'selected'>['plan']> {
  const t = spec.training;
  const participationLimit = 'privacy' in mode ? mode.privacy.participationLimit : 0;
  const plan: NonNullable<BodyOf<'selected'>['plan']> = {
    kind: mode.kind === 'evaluate' ? PlanKind.EVALUATE : PlanKind.TRAIN,
    stream: spec.stream,
    purpose: spec.purpose,
    localEpochs: t.localEpochs,
    batchSize: t.batchSize,
    clientLearningRate: t.clientLearningRate,
    proxMu: t.proxMu,
    featuresJson: JSON.stringify(spec.features),
    topologyJson: JSON.stringify({ modelTopology: spec.model.modelTopology, weightSpecs: spec.model.weightSpecs }),
    loss: spec.loss,
    evalFraction: spec.evaluation.evalFraction,
    maxExamples: t.maxExamples,
    minExamples: t.minExamples,
    maxEvalExamples: spec.evaluation.maxExamplesPerDevice,
    // The device refuses training rounds beyond this many (ε against the coordinator is composed over them).
    ...(participationLimit > 0 ? { participationLimit } : {}),
  };
  switch (mode.kind) {
    case 'evaluate': {
      const e = mode.evaluation;
      if (e.kind === 'exact') return plan;
      const dp = { noiseMultiplier: e.privacy.noiseMultiplier, samplingRate: e.privacy.samplingRate, clipNorm: e.clipNorm };
      return e.kind === 'central-dp' ? { ...plan, ...dp } : { ...plan, ...dp, distributedDp: distributedToWire(e.plan, e.rotationSeed) };
    }
    case 'central-dp':
    case 'adaptive-clipping':
      return {
        ...plan,
        clipNorm: mode.clipNorm,
        noiseMultiplier: mode.privacy.noiseMultiplier,
        samplingRate: mode.privacy.samplingRate,
        clipIndicator: mode.kind === 'adaptive-clipping',
      };
    case 'distributed-dp':
      return {
        ...plan,
        clipNorm: mode.privacy.clipNorm,
        noiseMultiplier: mode.privacy.noiseMultiplier,
        samplingRate: mode.privacy.samplingRate,
        clipIndicator: false,
        distributedDp: distributedToWire(mode.privacy.plan, mode.rotationSeed),
      };
    default:
      return plan;
  }
}

/** The `Selected` message for the device with SecAgg+ id `clientId` (1-based position in the cohort). */
export function selectedMessage(input: {
  taskId: string;
  round: number;
  modelVersion: number;
  plan: NonNullable<BodyOf<'selected'>['plan']>;
  modelBytes: number;
  modelCached: boolean;
  reportDeadline: number;
  secure: SecureSetup | null;
  identityKeys: readonly Uint8Array[];
  /** The enrollment authorities' newest revocation lists (devices refuse older ones). @default [] */
  revocationLists?: readonly RevocationList[];
  clientId: number;
}): BodyOf<'selected'> {
  const { secure } = input;
  return {
    taskId: input.taskId,
    round: input.round,
    modelVersion: input.modelVersion,
    plan: input.plan,
    modelBytes: input.modelBytes,
    modelCached: input.modelCached,
    reportDeadlineMs: input.reportDeadline,
    ...(secure
      ? {
          secagg: {
            ...configToWire(secure.config, input.clientId, secure.quant),
            metricsEntries: secure.metricsEntries,
            ...(secure.config.consistencyCheck ? { identityKeys: [...input.identityKeys] } : {}),
            revocationLists: (input.revocationLists ?? []).map(revocationListToWire),
          },
        }
      : {}),
  };
}
