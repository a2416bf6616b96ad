import { DEFAULT_LIMITS } from '@conclave/proto';
import { z } from 'zod';
import { ServerError } from './errors.ts';
import { modelTaskMismatches } from './task-model-shape.ts';

const STREAM = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export const OptimizerSpec = z
  .object({
    kind: z.enum(['fedavg', 'fedavgm', 'fedadam', 'fedyogi', 'fedadagrad']).default('fedavg'),
    /** Server learning rate η. @default 1 */
    learningRate: z.number().positive().max(100).default(1),
    /** FedAvgM momentum. @default 0.9 */
    momentum: z.number().min(0).max(1).default(0.9),
    /** Adaptive optimizers (Reddi et al. 2021, Alg. 2): β1, β2 and adaptivity τ. */
    beta1: z.number().min(0).max(1).default(0.9),
    beta2: z.number().min(0).max(1).default(0.99),
    tau: z.number().positive().default(1e-3),
  })
  .strict();
export type OptimizerSpec = z.infer<typeof OptimizerSpec>;

const WeightSpec = z.object({
  name: z.string().min(1).max(256),
  shape: z.array(z.number().int().nonnegative()).max(8),
  dtype: z.literal('float32', { errorMap: () => ({ message: 'only float32 weights are supported' }) }),
});

export const ModelSpec = z
  .object({
    /** TensorFlow.js layers topology (the `modelTopology` of a model.json). */
    modelTopology: z.record(z.unknown()),
    /** Names, shapes and order of the weights, as in a model.json weightsManifest. */
    weightSpecs: z.array(WeightSpec).min(1).max(10_000),
    /**
     * Initial weights: float32 little-endian, concatenated in weightSpecs order, base64.
     * Required when creating a task; the store keeps them as model version 0, not in the spec.
     */
    weightsBase64: z.string().min(1).optional(),
  })
  .strict();
export type ModelSpec = z.infer<typeof ModelSpec>;

/** The privacy settings a task's author writes. */
const privacyFields = {
  mode: z.enum(['central', 'distributed']),
  targetEpsilon: z.number().positive().max(100),
  delta: z.number().gt(0).lt(0.01),
  /** Fixed L2 clip norm of one device's update (give this or `adaptive`). */
  clipNorm: z.number().positive().max(1e6).optional(),
  /**
   * Adaptive clipping (Andrew, Thakkar, McMahan & Ramaswamy 2021): the clip norm follows
   * the `targetQuantile` of the update norms, estimated each round from a privatized count
   * of unclipped updates (accounted with the updates). Central mode only.
   */
  adaptive: z
    .object({
      /** Clip norm of the first round. @default 0.1 */
      initialClipNorm: z.number().positive().max(1e6).default(0.1),
      /** Fraction of updates the clip norm should leave unclipped. @default 0.5 */
      targetQuantile: z.number().gt(0).lt(1).default(0.5),
      /** Geometric step η_C of the clip-norm update. @default 0.2 */
      learningRate: z.number().positive().max(10).default(0.2),
      /** σ_b of the noise on the unclipped count. @default expected cohort / 20 */
      countStddev: z.number().positive().optional(),
    })
    .strict()
    .optional(),
  /** Derived from targetEpsilon over the planned rounds when absent. */
  noiseMultiplier: z.number().positive().max(1e4).optional(),
  /** Devices the sampling rate refers to. @default enrolled devices when the task is created */
  population: z.number().int().min(1).optional(),
  /**
   * The most training rounds one device takes part in, enforced on the device; ε against the
   * coordinator is composed over this many rounds (and the final evaluation), and the noise is
   * calibrated for it. @default q·rounds plus two standard deviations (`defaultParticipationLimit`)
   */
  participationLimit: z.number().int().min(1).max(100_000).optional(),
};

/**
 * What the coordinator derives when the task is created, stored beside the author's settings.
 * An author may not bring them: they could claim less noise than is accounted.
 */
const derivedPrivacyFields = {
  /** goal / population. */
  samplingRate: z.number().gt(0).max(1).optional(),
  /** With adaptive clipping: the update's share of the noise, z_Δ. */
  updateNoiseMultiplier: z.number().positive().optional(),
  /** Distributed mode: the devices' encoding and noise share (a `DistributedDpPlan`). */
  distributed: z.record(z.unknown()).optional(),
};
export const COORDINATOR_PRIVACY_FIELDS = Object.keys(derivedPrivacyFields) as (keyof typeof derivedPrivacyFields)[];

type PrivacyShape = { mode: 'central' | 'distributed'; clipNorm?: number | undefined; adaptive?: object | undefined };

function refinePrivacy<T extends PrivacyShape, I>(schema: z.ZodType<T, z.ZodTypeDef, I>) {
  return schema
    .refine((p) => (p.clipNorm === undefined) !== (p.adaptive === undefined), {
      message: 'give exactly one of clipNorm (a fixed clip norm) and adaptive (adaptive clipping)',
    })
    .refine((p) => !(p.adaptive && p.mode === 'distributed'), {
      message: 'adaptive clipping is only available in central mode: its unclipped count would need its own distributed noise; give a fixed clipNorm',
    });
}

const PrivacySpec = refinePrivacy(z.object(privacyFields).strict());
const StoredPrivacySpec = refinePrivacy(z.object({ ...privacyFields, ...derivedPrivacyFields }).strict());

const TaskObject = z
  .object({
    name: z.string().min(1).max(100),
    /** Shown to employees: why this task wants their data. */
    purpose: z.string().min(1).max(2000),
    /** The data stream devices train on (consent is given per stream). */
    stream: z.string().regex(STREAM, 'stream must be lowercase letters, digits, . _ - (at most 64)'),
    model: ModelSpec,
    /** How a device turns recorded examples into a tensor, e.g. { kind: 'hashed-bow', dim: 4096 }. */
    features: z.object({ kind: z.string().min(1).max(64) }).passthrough(),
    /** Loss on the devices: binaryCrossentropy needs one sigmoid output unit, the categorical ones a softmax output. */
    loss: z.enum(['binaryCrossentropy', 'categoricalCrossentropy', 'sparseCategoricalCrossentropy', 'meanSquaredError']).default('binaryCrossentropy'),
    training: z
      .object({
        localEpochs: z.number().int().min(1).max(1000).default(1),
        batchSize: z.number().int().min(1).max(65_536).default(32),
        clientLearningRate: z.number().positive().max(100),
        /** FedProx proximal term μ (Li et al. 2020); 0 is plain FedAvg. @default 0 */
        proxMu: z.number().min(0).max(100).default(0),
        /** Most examples a device uses in one round (0 = all). @default 0 */
        maxExamples: z.number().int().min(0).default(0),
        /** Fewest training examples a device needs to take part in a round; it withdraws below. @default 1 */
        minExamples: z.number().int().min(1).max(10_000_000).default(1),
      })
      .strict()
      // Gradient descent on the proximal term alone oscillates and diverges once lr·μ ≥ 2.
      .refine((t) => t.clientLearningRate * t.proxMu < 2, {
        message: 'clientLearningRate × proxMu must be below 2, or local SGD on the proximal term diverges',
      }),
    serverOptimizer: OptimizerSpec.default({}),
    cohort: z
      .object({
        /** Reports wanted per round. */
        goal: z.number().int().min(1).max(100_000),
        /** Fewest reports a round may commit with. */
        minimum: z.number().int().min(1).max(100_000),
        /** Devices selected per round relative to the goal, to absorb dropouts. @default 1.3 */
        overSelection: z.number().min(1).max(10).default(1.3),
      })
      .strict()
      .refine((c) => c.minimum <= c.goal, { message: 'cohort.minimum must not exceed cohort.goal' }),
    rounds: z.number().int().min(1).max(1_000_000),
    timeouts: z
      .object({
        /** How long a round waits to select its cohort (at most 7 days). @default 60_000 */
        selectionMs: z.number().int().min(10).default(60_000),
        /** How long selected devices have to report (at most 24 hours). @default 300_000 */
        roundMs: z.number().int().min(10).default(300_000),
      })
      .strict()
      .default({}),
    evaluation: z
      .object({
        /** Fraction of each device's examples held out for federated evaluation. @default 0.2 */
        evalFraction: z.number().gt(0).lt(1).default(0.2),
        /** Run an evaluation-only round on the final model. @default true */
        finalRound: z.boolean().default(true),
        /**
         * The most held-out examples one device's evaluation counts (its sums are scaled down to
         * this many). Under DP it sets the noise in example units: keep it near a device's
         * typical held-out count. @default 16
         */
        maxExamplesPerDevice: z.number().int().min(1).max(100_000).default(16),
      })
      .strict()
      .default({}),
    /**
     * Secure aggregation (SecAgg+, Bell et al. 2020): on by default. Devices quantize their
     * update (and its example-count weight) and mask it; the coordinator only ever learns the
     * cohort's sum.
     */
    secureAggregation: z
      .object({
        enabled: z.boolean().default(true),
        /** Each update coordinate is clipped to [−clipRange, clipRange] before quantization. @default 1 */
        clipRange: z.number().positive().max(1e6).default(1),
        /** Bits per quantized value. @default the most the cohort's sum can hold without wrapping, at most 24 */
        bits: z.number().int().min(1).max(31).optional(),
        /** Example counts are clamped to this weight (it bounds the sum's headroom). @default 1000 */
        maxWeight: z.number().int().min(1).max(1_000_000).default(1000),
        /** Fraction of the cohort the neighbour graph must tolerate dropping out. @default 0.3 */
        dropoutRate: z.number().min(0).max(0.9).default(0.3),
        /**
         * Protection against a malicious coordinator (Bonawitz et al. 2017, §6): advertisements
         * signed with each device's enrolled Ed25519 key, checked by the other devices against
         * the cohort's keys, and the consistency-check round in which every survivor signs the
         * survivor set before any share is revealed, with a threshold above half the degree.
         * On by default; `false` is an explicit opt-out, stored with the task and shown by
         * `conclave task status`, that devices refuse unless their own policy allows it
         * (docs/THREAT-MODEL.md). @default true
         */
        maliciousServer: z.boolean().default(true),
        /** Deadline of each key-exchange and unmasking phase (at most 1 hour). @default 30_000 */
        phaseTimeoutMs: z.number().int().min(10).default(30_000),
      })
      .strict()
      .default({}),
    /**
     * Differential privacy (DP-FedAvg, McMahan et al. 2018): devices clip their update to
     * `clipNorm` (or to a norm that adapts each round, `adaptive`); the coordinator samples
     * devices by Poisson sampling at rate goal/population and accounts the privacy spent after
     * every round. `central`: the coordinator adds Gaussian noise of standard deviation
     * noiseMultiplier × clipNorm to the sum. `distributed` (Kairouz, Liu & Steinke 2021): every
     * device adds its share of discrete Gaussian noise before secure aggregation masks its
     * update, so the coordinator never adds noise and never sees an un-noised sum.
     */
    privacy: PrivacySpec.optional(),
    /** Consecutive failed round attempts (too few devices) before the task fails (at most 100). @default 10 */
    maxConsecutiveFailures: z.number().int().min(1).default(10),
  })
  .strict();

type TaskShape = {
  privacy?: PrivacyShape | undefined;
  secureAggregation: { enabled: boolean; clipRange: number };
  cohort: { minimum: number };
};

function refineTask<T extends TaskShape, I>(schema: z.ZodType<T, z.ZodTypeDef, I>) {
  return schema
  .refine((t) => t.privacy?.mode !== 'distributed' || t.secureAggregation.enabled, {
    message: 'privacy.mode "distributed" adds the noise on the devices under secure aggregation; enable secureAggregation or use "central"',
    path: ['privacy', 'mode'],
  })
  .refine((t) => !(t.privacy?.adaptive && t.secureAggregation.enabled && t.secureAggregation.clipRange < 0.5), {
    message: 'adaptive clipping sends ±0.5 per device through secure aggregation: secureAggregation.clipRange must be at least 0.5',
    path: ['secureAggregation', 'clipRange'],
  })
  .refine((t) => !t.secureAggregation.enabled || t.cohort.minimum >= 3, {
    message:
      'secure aggregation needs cohort.minimum ≥ 3 (a sum of two updates reveals each to the other device); raise the minimum or set secureAggregation.enabled to false',
    path: ['secureAggregation'],
  });
}

/** 2^31 − 1 ms: Node's timers fire at once (after 1 ms) for anything longer. */
const MAX_TIMER_MS = 2_147_483_647;
const HOUR_MS = 3_600_000;
/** Base64 characters of the largest model the wire carries. */
const MAX_WEIGHTS_BASE64 = Math.ceil(DEFAULT_LIMITS.maxModelBytes / 3) * 4;
/** Largest feature width devices build (2^20 floats: 4 MiB per dense example). */
const MAX_FEATURE_DIM = 1 << 20;

/** A timeout's bound: a sane maximum, never beyond what a timer can wait. */
const atMostMs = (max: number, what: string) => {
  const bound = Math.min(max, MAX_TIMER_MS);
  return z.number().max(bound, `${what} must be at most ${bound} ms (${bound / HOUR_MS} h)`);
};

/**
 * Bounds a new task must keep (the admin API and task files). They are not applied when a stored
 * task is read back, so a task stored before a bound existed still loads.
 */
const AuthorBounds = z.object({
  timeouts: z.object({ selectionMs: atMostMs(7 * 24 * HOUR_MS, 'timeouts.selectionMs'), roundMs: atMostMs(24 * HOUR_MS, 'timeouts.roundMs') }),
  secureAggregation: z.object({ phaseTimeoutMs: atMostMs(HOUR_MS, 'secureAggregation.phaseTimeoutMs') }),
  maxConsecutiveFailures: z.number().max(100, 'maxConsecutiveFailures must be at most 100 (each failed attempt is a stored round)'),
  training: z.object({ maxExamples: z.number().max(10_000_000, 'training.maxExamples must be at most 10000000') }),
  serverOptimizer: z.object({ tau: z.number().max(1, 'serverOptimizer.tau must be at most 1') }),
  privacy: z
    .object({
      population: z.number().max(1e9, 'privacy.population must be at most 1000000000').optional(),
      adaptive: z.object({ countStddev: z.number().max(1e6, 'privacy.adaptive.countStddev must be at most 1000000').optional() }).optional(),
    })
    .optional(),
  model: z.object({
    weightsBase64: z
      .string()
      .max(MAX_WEIGHTS_BASE64, `model.weightsBase64 must fit the wire's model cap of ${DEFAULT_LIMITS.maxModelBytes} bytes (${MAX_WEIGHTS_BASE64} base64 characters)`)
      .optional(),
  }),
});

/** Features per example the recipe makes, or an issue naming what is wrong with it. */
function featureWidth(features: { kind: string; dim?: unknown }): number | string {
  const dim = features.dim;
  if (features.kind !== 'dense' && features.kind !== 'hashed-bow') return `features.kind is "${features.kind}", devices know "hashed-bow" and "dense"`;
  if (typeof dim !== 'number' || !Number.isInteger(dim) || dim < 1 || dim > MAX_FEATURE_DIM) return `features.dim must be an integer from 1 to ${MAX_FEATURE_DIM}`;
  if (features.kind === 'hashed-bow' && (dim < 16 || (dim & (dim - 1)) !== 0)) return `features.dim is ${dim}; a hashed-bow recipe needs a power of two from 16 to ${MAX_FEATURE_DIM}`;
  return dim;
}

/** The wire's cap on a JSON document inside a plan, for what a plan carries of the task. */
function jsonTooLong(value: unknown, what: string): string | undefined {
  const n = JSON.stringify(value).length;
  return n > DEFAULT_LIMITS.maxJsonLength ? `${what} is ${n} characters as JSON; a plan carries at most ${DEFAULT_LIMITS.maxJsonLength}` : undefined;
}

/** A task as its author writes it (a task file, the admin API). */
export const TaskSpec = refineTask(TaskObject).superRefine((t, ctx) => {
  const bounds = AuthorBounds.safeParse(t);
  if (!bounds.success) for (const issue of bounds.error.issues) ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
  const params = t.model.weightSpecs.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  if (params * 4 > DEFAULT_LIMITS.maxModelBytes) {
    const message = `the weightSpecs declare ${params} float32 values (${params * 4} bytes); devices accept at most ${DEFAULT_LIMITS.maxModelBytes} bytes (the wire's maxModelBytes)`;
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['model', 'weightSpecs'], message });
  }
  const features = jsonTooLong(t.features, 'features');
  if (features) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['features'], message: features });
  const topology = jsonTooLong({ modelTopology: t.model.modelTopology, weightSpecs: t.model.weightSpecs }, 'model.modelTopology with its weightSpecs');
  if (topology) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['model', 'modelTopology'], message: topology });
  const width = featureWidth(t.features);
  if (typeof width === 'string') ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['features'], message: width });
  for (const m of modelTaskMismatches(t.model.modelTopology, typeof width === 'number' ? width : undefined, t.loss)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: m.path, message: m.message });
  }
});
export type TaskSpec = z.infer<typeof TaskSpec>;
/**
 * A task as the store holds it: the author's spec, with what the coordinator derived from the
 * privacy settings when the task was created kept beside them in `privacy` (see
 * `privacy/task-privacy.ts`, which reads them back as a `TaskPrivacy`).
 */
export const StoredTaskSpec = refineTask(TaskObject.extend({ privacy: StoredPrivacySpec.optional() }));
export type StoredTaskSpec = z.infer<typeof StoredTaskSpec>;
export type TaskSpecInput = z.input<typeof TaskSpec>;

/** Validates a task definition; the error names every bad field. */
export function parseTaskSpec(input: unknown): TaskSpec {
  // What the coordinator derives must come from the coordinator: a task that brought its own
  // could claim less noise than is accounted.
  const privacy = typeof input === 'object' && input !== null && 'privacy' in input ? input.privacy : undefined;
  if (typeof privacy === 'object' && privacy !== null) {
    for (const field of COORDINATOR_PRIVACY_FIELDS) {
      if (field in privacy) {
        throw new ServerError('INVALID_TASK', `invalid task: privacy.${field} is set by the coordinator when the task is created; remove it from the task`);
      }
    }
  }
  return parseWith(TaskSpec, input, 'INVALID_TASK', 'invalid task');
}

/** Reads back a task the store holds (the author's spec and what the coordinator derived). */
export function parseStoredTaskSpec(input: unknown): StoredTaskSpec {
  return parseWith(StoredTaskSpec, input, 'STORE_CORRUPT', 'stored task is invalid');
}

function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, input: unknown, code: 'INVALID_TASK' | 'STORE_CORRUPT', what: string): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(task)'}: ${i.message}`).join('; ');
    throw new ServerError(code, `${what}: ${issues}`);
  }
  return result.data;
}
