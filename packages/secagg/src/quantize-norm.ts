/**
 * Clipping that accounts for quantization. A device clips its update to an L2 norm C for
 * differential privacy, then {@link quantizeWeighted} scales it by w/W and rounds every entry
 * stochastically to the grid of step s = 2c/(2^b − 1). What the coordinator decodes for the
 * device, divided by its weight, is clip(x) + (W/w)·r with |r_i| < s for each of the d entries,
 * so its norm can exceed C by up to (W/w)·s·√d: with W = 1000, w = 1, c = 1, b = 24 and
 * d = 4,097, that is 0.0076, or 1.076·C at C = 0.1. The accountant assumes C. Clipping to
 * C − (W/w)·s·√d instead keeps the decoded contribution's norm at most C, whatever the rounding
 * draws (triangle inequality; clipping each entry to [−c, c] only shrinks the norm).
 */
import { SecAggError } from './errors.ts';

export interface QuantizationNormOptions {
  /** c: each entry is clipped to [−c, c] before quantization. */
  readonly clipRange: number;
  /** b: bits per quantized value. */
  readonly bits: number;
  /** W: the round's maximum weight. */
  readonly maxWeight: number;
  /** w: the weight this device sends (1 under differential privacy). */
  readonly weight: number;
  /** d: entries of the update (without the weight entry). */
  readonly dimension: number;
}

/** The most quantization can add to the L2 norm of a weighted contribution divided by its weight: (W/w)·s·√d. */
export function quantizationNormSlack(options: QuantizationNormOptions): number {
  const { clipRange: c, bits, maxWeight: W, weight: w, dimension: d } = options;
  if (!(Number.isFinite(c) && c > 0)) throw new SecAggError('INVALID_CONFIG', `clipRange must be a positive finite number, got ${c}`);
  if (!Number.isInteger(bits) || bits < 1 || bits > 31) throw new SecAggError('INVALID_CONFIG', `bits must be an integer in 1…31, got ${bits}`);
  if (!(Number.isInteger(W) && W >= 1)) throw new SecAggError('INVALID_CONFIG', `maxWeight must be a positive integer, got ${W}`);
  if (!(Number.isInteger(w) && w >= 1 && w <= W)) throw new SecAggError('INVALID_CONFIG', `weight must be an integer in [1, maxWeight = ${W}], got ${w}`);
  if (!(Number.isInteger(d) && d >= 1)) throw new SecAggError('INVALID_CONFIG', `dimension must be a positive integer, got ${d}`);
  const step = (2 * c) / (2 ** bits - 1);
  return (W / w) * step * Math.sqrt(d);
}

/**
 * The norm to clip to so that the quantized contribution's norm is at most `clipNorm`: C minus
 * {@link quantizationNormSlack}, rounded down to a float32 (devices clip in float32). Throws
 * 'INVALID_CONFIG' naming the numbers when quantization alone could use up C.
 */
export function quantizationSafeClipNorm(clipNorm: number, options: QuantizationNormOptions): number {
  if (!(Number.isFinite(clipNorm) && clipNorm > 0)) throw new SecAggError('INVALID_CONFIG', `clipNorm must be a positive finite number, got ${clipNorm}`);
  const slack = quantizationNormSlack(options);
  // The clipped entries are stored as float32: rounding each to nearest scales the norm by at
  // most 1 + 2^−24. Then the bound itself is rounded down to a float32.
  const exact = (clipNorm - slack) / (1 + 2 ** -24);
  const safe = float32AtMost(exact);
  if (!(exact > 0 && safe > 0)) {
    throw new SecAggError(
      'INVALID_CONFIG',
      `quantization can add up to ${slack} to a contribution's norm (maxWeight ${options.maxWeight} / weight ${options.weight} × step ${(2 * options.clipRange) / (2 ** options.bits - 1)} × √${options.dimension}), ` +
        `which leaves nothing of the clip norm ${clipNorm}; use more bits, a smaller clipRange or a smaller maxWeight`,
    );
  }
  return safe;
}

/** The largest float32 that is at most x (x > 0). */
function float32AtMost(x: number): number {
  const f = new Float32Array([x]);
  if ((f[0] as number) > x) {
    const bits = new Uint32Array(f.buffer);
    bits[0] = (bits[0] as number) - 1; // positive floats: the next pattern down is the next float down
  }
  return f[0] as number;
}
