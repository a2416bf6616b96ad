/**
 * Fixed-point encoding of model updates into the ring Z_{2^32} the masks live in.
 *
 * A value x is clipped to [−c, c], mapped affinely onto [0, 2^b − 1] and rounded
 * stochastically (up with probability equal to the fractional part), so E[q] is exactly the
 * scaled value and the sum over a cohort is an unbiased estimate of the scaled sum. Each q is
 * at most 2^b − 1, so a sum of n vectors is at most n(2^b − 1); we refuse any configuration
 * where that can reach 2^32 ('OVERFLOW_RISK'), because a wrapped sum decodes to garbage with no
 * way to tell. The cohort size, not the expected survivors, sets the headroom: every selected
 * client might survive.
 */
import { SecAggError } from './errors.ts';
import { systemRandom, type RandomSource } from './random.ts';

const RING = 2 ** 32;
/** @default 16 */
export const DEFAULT_QUANTIZATION_BITS = 16;
/** Random words drawn per batch for stochastic rounding. */
const ROUNDING_BATCH = 4096;

export interface QuantizationOptions {
  /** c: values are clipped to [−c, c] (the task's clipping norm per coordinate). */
  readonly clipRange: number;
  /** b: bits per quantized value, 1 … 31. @default 16 */
  readonly bits?: number;
  /** n: the most vectors that will ever be summed, i.e. the cohort size. */
  readonly cohortSize: number;
  /** Source for stochastic rounding. @default the platform CSPRNG */
  readonly random?: RandomSource;
}

export interface DequantizationOptions {
  readonly clipRange: number;
  /** @default 16 */
  readonly bits?: number;
  /** Number of vectors actually in the sum (the round's survivors). */
  readonly survivors: number;
}

export interface WeightedQuantizationOptions extends QuantizationOptions {
  /** W: weights (example counts) are clamped to [0, W]. */
  readonly maxWeight: number;
}

export interface WeightedDequantizationOptions extends DequantizationOptions {
  readonly maxWeight: number;
}

function levels(bits: number): number {
  if (!Number.isInteger(bits) || bits < 1 || bits > 31) throw new SecAggError('INVALID_CONFIG', `bits must be an integer in 1…31, got ${bits}`);
  return 2 ** bits - 1;
}

function checkClipRange(c: number): void {
  if (!(Number.isFinite(c) && c > 0)) throw new SecAggError('INVALID_CONFIG', `clipRange must be a positive finite number, got ${c}`);
}

/**
 * Throws 'OVERFLOW_RISK' unless `count` values of at most `maxValue` each sum below 2^32.
 * The message names the numbers and the largest safe alternatives.
 */
export function checkHeadroom(count: number, maxValue: number, what = 'values'): void {
  if (!Number.isInteger(count) || count < 1) throw new SecAggError('INVALID_CONFIG', `cohort size must be a positive integer, got ${count}`);
  const worst = count * maxValue;
  if (worst >= RING) {
    const bitsThatFit = Math.floor(Math.log2(Math.floor((RING - 1) / count) + 1));
    throw new SecAggError(
      'OVERFLOW_RISK',
      `${count} clients × ${what} up to ${maxValue} can sum to ${worst}, which wraps modulo 2^32 (max ${RING - 1}); ` +
        `use at most ${bitsThatFit} bits or at most ${Math.floor((RING - 1) / maxValue)} clients`,
    );
  }
}

/** The largest b such that `cohortSize` b-bit values cannot wrap. */
export function maxQuantizationBits(cohortSize: number): number {
  return Math.min(31, Math.floor(Math.log2(Math.floor((RING - 1) / cohortSize) + 1)));
}

function quantizeInto(
  out: Uint32Array,
  values: ArrayLike<number>,
  scale: number,
  clipRange: number,
  maxLevel: number,
  random: RandomSource,
): void {
  const words = new Uint32Array(Math.min(ROUNDING_BATCH, Math.max(1, values.length)));
  const bytes = new Uint8Array(words.buffer);
  let used = words.length;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (!Number.isFinite(x)) throw new SecAggError('INVALID_INPUT', `value ${i} is ${x}, not a finite number`);
    const clipped = x < -clipRange ? -clipRange : x > clipRange ? clipRange : x;
    const scaled = (clipped + clipRange) * scale; // in [0, maxLevel]
    const floor = Math.floor(scaled);
    if (used === words.length) {
      random(bytes);
      used = 0;
    }
    const u = (words[used++] as number) / RING; // uniform in [0, 1)
    const q = floor + (u < scaled - floor ? 1 : 0);
    out[i] = q > maxLevel ? maxLevel : q;
  }
}

/** Clips, scales to [0, 2^b − 1] and rounds stochastically; checks the cohort's headroom first. */
export function quantize(values: ArrayLike<number>, options: QuantizationOptions): Uint32Array {
  const maxLevel = levels(options.bits ?? DEFAULT_QUANTIZATION_BITS);
  checkClipRange(options.clipRange);
  checkHeadroom(options.cohortSize, maxLevel, `${options.bits ?? DEFAULT_QUANTIZATION_BITS}-bit values`);
  const out = new Uint32Array(values.length);
  quantizeInto(out, values, maxLevel / (2 * options.clipRange), options.clipRange, maxLevel, options.random ?? systemRandom);
  return out;
}

function decodeInto(out: Float64Array, sum: Uint32Array, count: number, options: DequantizationOptions, maxLevel: number): void {
  const step = (2 * options.clipRange) / maxLevel;
  const limit = options.survivors * maxLevel;
  for (let i = 0; i < count; i++) {
    const s = sum[i] as number;
    if (s > limit) {
      throw new SecAggError('OVERFLOW_RISK', `sum entry ${i} is ${s}, above the ${limit} that ${options.survivors} survivors can produce: the sum is not a valid aggregate`);
    }
    out[i] = s * step - options.survivors * options.clipRange;
  }
}

function checkSurvivors(survivors: number, maxLevel: number, what: string): void {
  if (!Number.isInteger(survivors) || survivors < 1) throw new SecAggError('INVALID_CONFIG', `survivors must be a positive integer, got ${survivors}`);
  checkHeadroom(survivors, maxLevel, what);
}

/** Decodes a sum of `survivors` quantized vectors back to the (approximate) sum of the values. */
export function dequantizeSum(sum: Uint32Array, options: DequantizationOptions): Float64Array {
  const bits = options.bits ?? DEFAULT_QUANTIZATION_BITS;
  const maxLevel = levels(bits);
  checkClipRange(options.clipRange);
  checkSurvivors(options.survivors, maxLevel, `${bits}-bit values`);
  const out = new Float64Array(sum.length);
  decodeInto(out, sum, sum.length, options, maxLevel);
  return out;
}

function checkMaxWeight(maxWeight: number): void {
  if (!(Number.isInteger(maxWeight) && maxWeight >= 1)) throw new SecAggError('INVALID_CONFIG', `maxWeight must be a positive integer, got ${maxWeight}`);
}

/**
 * The weighted variant the coordinator uses for federated averaging. With w' = min(w, W):
 * entries 0 … d−1 encode (w'/W)·clip(x) — still in [−c, c], so the same headroom applies —
 * and entry d is w' itself as an exact integer. Both travel masked, so the server learns only
 * Σ w'_u x_u and Σ w'_u over the survivors, never one device's example count.
 */
export function quantizeWeighted(values: ArrayLike<number>, weight: number, options: WeightedQuantizationOptions): Uint32Array {
  const bits = options.bits ?? DEFAULT_QUANTIZATION_BITS;
  const maxLevel = levels(bits);
  checkClipRange(options.clipRange);
  checkMaxWeight(options.maxWeight);
  if (!(Number.isInteger(weight) && weight >= 0)) throw new SecAggError('INVALID_INPUT', `weight must be a non-negative integer (an example count), got ${weight}`);
  checkHeadroom(options.cohortSize, maxLevel, `${bits}-bit values`);
  checkHeadroom(options.cohortSize, options.maxWeight, 'weights');
  const w = Math.min(weight, options.maxWeight);
  const factor = w / options.maxWeight;
  const scaledValues = new Float64Array(values.length);
  const c = options.clipRange;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (!Number.isFinite(x)) throw new SecAggError('INVALID_INPUT', `value ${i} is ${x}, not a finite number`);
    scaledValues[i] = factor * (x < -c ? -c : x > c ? c : x);
  }
  const out = new Uint32Array(values.length + 1);
  quantizeInto(out, scaledValues, maxLevel / (2 * c), c, maxLevel, options.random ?? systemRandom);
  out[values.length] = w;
  return out;
}

export interface WeightedMean {
  /** Σ w'_u x_u / Σ w'_u; all zeros when the total weight is 0. */
  readonly mean: Float64Array;
  /** Σ w'_u over the survivors. */
  readonly totalWeight: number;
}

/** Server side of {@link quantizeWeighted}: decodes the sum and divides by the summed weight. */
export function dequantizeWeightedMean(sum: Uint32Array, options: WeightedDequantizationOptions): WeightedMean {
  const bits = options.bits ?? DEFAULT_QUANTIZATION_BITS;
  const maxLevel = levels(bits);
  checkClipRange(options.clipRange);
  checkMaxWeight(options.maxWeight);
  checkSurvivors(options.survivors, maxLevel, `${bits}-bit values`);
  checkHeadroom(options.survivors, options.maxWeight, 'weights');
  if (sum.length < 1) throw new SecAggError('WRONG_LENGTH', 'a weighted sum needs at least the weight entry');
  const d = sum.length - 1;
  const totalWeight = sum[d] as number;
  if (totalWeight > options.survivors * options.maxWeight) {
    throw new SecAggError('OVERFLOW_RISK', `summed weight ${totalWeight} exceeds ${options.survivors} survivors × max weight ${options.maxWeight}`);
  }
  const mean = new Float64Array(d);
  decodeInto(mean, sum, d, options, maxLevel);
  if (totalWeight > 0) {
    const factor = options.maxWeight / totalWeight;
    for (let i = 0; i < d; i++) mean[i] = (mean[i] as number) * factor;
  } else {
    mean.fill(0);
  }
  return { mean, totalWeight };
}
