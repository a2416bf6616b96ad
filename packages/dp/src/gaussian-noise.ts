/**
 * Continuous Gaussian noise for central DP (the server adds it to the unmasked sum).
 *
 * Box–Muller (Box & Muller 1958) on uniforms built from 52 random bits of a
 * cryptographic source. Caveat: floating-point samplers do not realise N(0, σ²) exactly
 * (Mironov 2012 for Laplace; Holohan & Braghin 2021, "Secure Random Sampling in
 * Differential Privacy", for Gaussian samplers) and the tails are cut at ≈ 8.5σ. Where
 * that matters, add {@link sampleDiscreteGaussian} noise to the quantized integer sum.
 */
import { DpError, formatValue } from './errors.ts';
import { type RandomSource, RandomStream } from './random.ts';

/** `n` independent N(0, σ²) samples. σ = 0 gives zeros. */
export function gaussianNoise(n: number, sigma: number, random?: RandomSource): Float64Array {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new DpError('INVALID_ARGUMENT', `n must be a non-negative integer, got ${formatValue(n)}`);
  }
  const out = new Float64Array(n);
  addGaussianNoise(out, sigma, random);
  return out;
}

/**
 * Adds independent N(0, σ²) noise to every entry of `values`, in place, and returns it.
 * With a `Float32Array` the sum is rounded to float32.
 */
export function addGaussianNoise<T extends Float32Array | Float64Array>(values: T, sigma: number, random?: RandomSource): T {
  if (!(values instanceof Float32Array || values instanceof Float64Array)) {
    throw new DpError('INVALID_ARGUMENT', `values must be a Float32Array or Float64Array, got ${formatValue(values)}`);
  }
  checkSigma(sigma);
  if (sigma === 0 || values.length === 0) return values;
  const stream = new RandomStream(random);
  const n = values.length;
  for (let i = 0; i < n; i += 2) {
    const radius = sigma * Math.sqrt(-2 * Math.log(stream.openUnit()));
    const angle = 2 * Math.PI * stream.openUnit();
    values[i] = (values[i] as number) + radius * Math.cos(angle);
    if (i + 1 < n) values[i + 1] = (values[i + 1] as number) + radius * Math.sin(angle);
  }
  return values;
}

function checkSigma(sigma: unknown): asserts sigma is number {
  if (typeof sigma !== 'number' || !(sigma >= 0 && sigma < Infinity)) {
    throw new DpError('INVALID_ARGUMENT', `sigma must be a finite number >= 0, got ${formatValue(sigma)}`);
  }
}
