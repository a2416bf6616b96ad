/**
 * L2 clipping: bounds each client's contribution, which is what the noise is calibrated to
 * (the noise multiplier is σ divided by the clipping norm).
 */
import { DpError, formatValue } from './errors.ts';

export interface ClipResult<T> {
  /** The clipped copy (the input is never modified or aliased). */
  clipped: T;
  /** The L2 norm of the input. */
  norm: number;
  /** The factor applied: min(1, clipNorm / norm), or slightly less (see {@link clipL2}). */
  scale: number;
}

/** Doubles below this squared would underflow; above the upper one, overflow. */
const PLAIN_SUM_MIN = 1e-140;
const PLAIN_SUM_MAX = 1e140;

/**
 * The Euclidean norm √(Σ vᵢ²), without overflow or underflow (the vector is rescaled by a
 * power of two when its entries are extreme) and with compensated (Neumaier) summation.
 * Throws on NaN or infinite entries: a clipping bound cannot be enforced on them.
 */
export function l2Norm(v: ArrayLike<number>): number {
  const n = checkVector(v);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i] as number;
    if (!Number.isFinite(x)) {
      throw new DpError('INVALID_ARGUMENT', `v[${i}] must be a finite number, got ${formatValue(x)}`);
    }
    const ax = Math.abs(x);
    if (ax > max) max = ax;
  }
  if (max === 0) return 0;
  // Scale by a power of two 2^k (exact) when squares could leave the double range; k is
  // applied in two halves since 2^k alone may overflow (subnormal entries need k ≈ 1074).
  let k1 = 0;
  let k2 = 0;
  if (!(max > PLAIN_SUM_MIN && max < PLAIN_SUM_MAX)) {
    const k = -Math.floor(Math.log2(max));
    k1 = Math.trunc(k / 2);
    k2 = k - k1;
  }
  const s1 = 2 ** k1;
  const s2 = 2 ** k2;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const x = (v[i] as number) * s1 * s2;
    const sq = x * x;
    const t = sum + sq;
    compensation += sum >= sq ? sum - t + sq : sq - t + sum;
    sum = t;
  }
  return Math.sqrt(sum + compensation) / s1 / s2;
}

/**
 * Scales `v` down so its L2 norm is at most `clipNorm` (a copy; unchanged values when
 * already within the bound). The result's norm, as computed by {@link l2Norm} on the
 * output type, is guaranteed ≤ clipNorm: rounding the scaled entries to the output type
 * (float32 in particular) can push the norm a hair above, so the scale is nudged down
 * until it is not.
 */
export function clipL2(v: Float32Array, clipNorm: number): ClipResult<Float32Array>;
export function clipL2(v: Float64Array, clipNorm: number): ClipResult<Float64Array>;
export function clipL2(v: readonly number[], clipNorm: number): ClipResult<number[]>;
export function clipL2(
  v: Float32Array | Float64Array | readonly number[],
  clipNorm: number,
): ClipResult<Float32Array | Float64Array | number[]> {
  if (typeof clipNorm !== 'number' || !(clipNorm > 0 && clipNorm < Infinity)) {
    throw new DpError('INVALID_ARGUMENT', `clipNorm must be a finite number > 0, got ${formatValue(clipNorm)}`);
  }
  const norm = l2Norm(v);
  const isF32 = v instanceof Float32Array;
  const make = (scale: number): Float32Array | Float64Array | number[] => {
    if (v instanceof Float32Array) return v.map((x) => x * scale);
    if (v instanceof Float64Array) return v.map((x) => x * scale);
    return v.map((x) => x * scale);
  };
  if (norm <= clipNorm) return { clipped: make(1), norm, scale: 1 };
  // Each retry shrinks by a few units in the last place of the output type.
  const nudge = isF32 ? 1 - 2 ** -21 : 1 - 2 ** -50;
  let scale = clipNorm / norm;
  for (let attempt = 0; attempt < 64; attempt++) {
    const clipped = make(scale);
    if (l2Norm(clipped) <= clipNorm) return { clipped, norm, scale };
    scale *= nudge;
  }
  throw new DpError('NUMERICAL_FAILURE', `could not clip a vector of norm ${norm} to ${clipNorm}`);
}

function checkVector(v: unknown): number {
  const ok =
    Array.isArray(v) ||
    (ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array));
  if (!ok) {
    throw new DpError('INVALID_ARGUMENT', `v must be an array or typed array of numbers, got ${formatValue(v)}`);
  }
  return (v as ArrayLike<number>).length;
}
