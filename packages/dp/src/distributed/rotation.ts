/**
 * The randomized Hadamard rotation of the distributed discrete Gaussian mechanism (Kairouz,
 * Liu & Steinke 2021, §5): random signs from a public seed, then the Walsh–Hadamard
 * transform, so that every coordinate of a rotated update carries about its norm over √D.
 */
import { DpError, formatValue } from '../errors.ts';
import { checkFiniteVector, checkPowerOfTwo, checkSeed } from './checks.ts';

/**
 * Rotates `x`: pads it with zeros to `paddedDimension` (a power of two), flips the sign of
 * entry i when bit i of the public sign stream for `seed` is 1, then applies the
 * Walsh–Hadamard transform in Sylvester order (H_ij = (−1)^popcount(i & j)) scaled by
 * 1/√D, so the rotation is orthogonal.
 *
 * Sign stream: xoshiro128** (Blackman & Vigna, reference `xoshiro128starstar.c`) from the
 * state of four successive splitmix32 outputs of `seed` (state += 0x9E3779B9, then the
 * MurmurHash3 fmix32 finalizer); entry i takes bit (i mod 32) of output ⌊i/32⌋. The
 * rotation is public: it only has to be independent of the updates, not secret.
 */
export function randomizedHadamard(x: ArrayLike<number>, seed: number, paddedDimension: number): Float64Array {
  const n = checkFiniteVector(x, 'x');
  checkSeed(seed, 'seed');
  checkPowerOfTwo(paddedDimension, 'paddedDimension');
  if (paddedDimension < n) {
    throw new DpError('INVALID_ARGUMENT', `paddedDimension ${paddedDimension} is below the length of x (${n})`);
  }
  const out = new Float64Array(paddedDimension);
  for (let i = 0; i < n; i++) out[i] = x[i] as number;
  return rotate(out, seed);
}

/** The exact inverse of {@link randomizedHadamard} (transpose): returns the first `dimension` entries. */
export function inverseRandomizedHadamard(y: ArrayLike<number>, seed: number, dimension: number): Float64Array {
  const D = checkFiniteVector(y, 'y');
  checkPowerOfTwo(D, 'y.length');
  checkSeed(seed, 'seed');
  if (typeof dimension !== 'number' || !Number.isSafeInteger(dimension) || dimension < 0 || dimension > D) {
    throw new DpError('INVALID_ARGUMENT', `dimension must be an integer in [0, ${D}] (y.length), got ${formatValue(dimension)}`);
  }
  const v = Float64Array.from(y);
  return unrotate(v, seed).slice(0, dimension);
}

/** In place: v ← H·S·v/√D. */
export function rotate(v: Float64Array, seed: number): Float64Array {
  applySigns(v, seed);
  walshHadamard(v);
  return v;
}

/** In place: v ← S·H·v/√D, the inverse of {@link rotate} (H is symmetric and H² = D·I). */
export function unrotate(v: Float64Array, seed: number): Float64Array {
  walshHadamard(v);
  applySigns(v, seed);
  return v;
}

/** The fast Walsh–Hadamard transform in place, normalized by 1/√D; v.length a power of two. */
function walshHadamard(v: Float64Array): void {
  const D = v.length;
  for (let h = 1; h < D; h <<= 1) {
    for (let i = 0; i < D; i += h << 1) {
      for (let j = i; j < i + h; j++) {
        const a = v[j] as number;
        const b = v[j + h] as number;
        v[j] = a + b;
        v[j + h] = a - b;
      }
    }
  }
  const norm = 1 / Math.sqrt(D);
  for (let i = 0; i < D; i++) v[i] = (v[i] as number) * norm;
}

function applySigns(v: Float64Array, seed: number): void {
  const rng = new Xoshiro128StarStar(splitmix32State(seed));
  for (let base = 0; base < v.length; base += 32) {
    const word = rng.next();
    const end = Math.min(32, v.length - base);
    for (let b = 0; b < end; b++) {
      if ((word >>> b) & 1) v[base + b] = -(v[base + b] as number);
    }
  }
}

/** Four successive splitmix32 outputs of `seed`: never all zero (fmix32 is a bijection and the inputs differ). */
export function splitmix32State(seed: number): [number, number, number, number] {
  let x = seed >>> 0;
  const next = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return [next(), next(), next(), next()];
}

/** xoshiro128** 1.1 (Blackman & Vigna 2018), 32-bit outputs. Public randomness only: not a CSPRNG. */
export class Xoshiro128StarStar {
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;

  constructor(state: readonly [number, number, number, number]) {
    [this.#s0, this.#s1, this.#s2, this.#s3] = state.map((w) => w >>> 0) as [number, number, number, number];
  }

  next(): number {
    const result = Math.imul(rotl(Math.imul(this.#s1, 5), 7), 9) >>> 0;
    const t = this.#s1 << 9;
    this.#s2 ^= this.#s0;
    this.#s3 ^= this.#s1;
    this.#s1 ^= this.#s2;
    this.#s0 ^= this.#s3;
    this.#s2 ^= t;
    this.#s3 = rotl(this.#s3, 11);
    return result;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
