/**
 * Conditional randomized rounding (Kairouz, Liu & Steinke 2021, §4 and Thm 1): the step of a
 * device's encoding that puts its rotated, scaled update on the integer grid while bounding
 * the rounded vector's L2 norm by Δ₂.
 */
import { DpError } from '../errors.ts';
import type { RandomStream } from '../random.ts';

/** Conditional rounding retries: each try fails with probability ≤ β, so 1000 fail together with probability ≤ β^1000 (e^−500 at the default β). */
const MAX_ROUNDING_ATTEMPTS = 1000;

/**
 * Conditional randomized rounding (Kairouz et al. 2021, §4): each entry rounds up with
 * probability equal to its fractional part (so each try is unbiased), and tries are
 * repeated until ‖x̃‖₂ ≤ `bound`. The conditioning adds a small bias towards the origin
 * when x is near the clip norm. The bound is checked exactly: a floating-point sum of
 * squares decides unless it is within its rounding error of the bound, then BigInts do.
 */
export function conditionalRandomizedRounding(
  x: Float64Array,
  bound: number,
  beta: number,
  stream: RandomStream,
): { rounded: Float64Array; attempts: number } {
  const D = x.length;
  const rounded = new Float64Array(D);
  for (let attempt = 1; attempt <= MAX_ROUNDING_ATTEMPTS; attempt++) {
    let sumSq = 0;
    for (let j = 0; j < D; j++) {
      const v = x[j] as number;
      const floor = Math.floor(v);
      const r = stream.openUnit() < v - floor ? floor + 1 : floor; // v − ⌊v⌋ is exact
      rounded[j] = r;
      sumSq += r * r;
    }
    if (squaredNormAtMost(rounded, sumSq, bound)) return { rounded, attempts: attempt };
  }
  throw new DpError(
    'NUMERICAL_FAILURE',
    `conditional rounding failed ${MAX_ROUNDING_ATTEMPTS} times (probability <= beta^${MAX_ROUNDING_ATTEMPTS} ` +
      `with beta = ${beta}); the random source or the plan is broken`,
  );
}

/** Whether Σ rounded_j² ≤ bound², given the floating-point sum `approx` of the squares. */
function squaredNormAtMost(rounded: Float64Array, approx: number, bound: number): boolean {
  const bound2 = bound * bound;
  // D squares and D − 1 additions each err by ≤ 2^−53 relative, bound² by one more.
  const slack = (rounded.length + 4) * 2 ** -52;
  if (approx <= bound2 * (1 - slack)) return true;
  if (approx > bound2 * (1 + slack)) return false;
  let exact = 0n;
  for (const r of rounded) {
    const b = BigInt(r);
    exact += b * b;
  }
  const { numerator, exponent } = dyadic(bound);
  return exact << BigInt(2 * exponent) <= numerator * numerator;
}

/** x ≥ 0 finite as numerator / 2^exponent, exactly. */
function dyadic(x: number): { numerator: bigint; exponent: number } {
  let scaled = x;
  let exponent = 0;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    exponent++;
  }
  return { numerator: BigInt(scaled), exponent };
}
