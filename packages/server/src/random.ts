/**
 * Randomness as the coordinator's round code sees it: a source of uniform 32-bit words, the
 * same shape as `@conclave/dp`'s `RandomSource`, so the one source also feeds central DP's
 * Gaussian noise. Production uses the platform CSPRNG ({@link systemRandom}); tests inject a
 * seeded one. Selection and Poisson sampling are privacy-relevant: never `Math.random`.
 */
import { randomFillSync } from 'node:crypto';

/** Fills `out` with independent, uniformly distributed 32-bit words. */
export type RandomSource = (out: Uint32Array) => void;

/** The platform CSPRNG. */
export const systemRandom: RandomSource = (out) => {
  randomFillSync(out);
};

const TWO_POW_32 = 2 ** 32;

/** One uniform word in [0, 2^32). */
export function randomWord(random: RandomSource): number {
  const w = new Uint32Array(1);
  random(w);
  return w[0]!;
}

/** `count` uniform words in [0, 2^32). */
export function randomWords(random: RandomSource, count: number): Uint32Array {
  const out = new Uint32Array(count);
  if (count > 0) random(out);
  return out;
}

/** A uniform integer in [0, n), by rejection sampling (no modulo bias). */
export function randomBelow(random: RandomSource, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw new RangeError(`randomBelow needs an integer bound in 1…2^32, got ${n}`);
  const limit = TWO_POW_32 - (TWO_POW_32 % n);
  for (;;) {
    const w = randomWord(random);
    if (w < limit) return w % n;
  }
}

/** Random bytes from the word source, in the shape `@conclave/secagg`'s `RandomSource` takes. */
export function byteSource(random: RandomSource): (bytes: Uint8Array) => void {
  return (bytes) => {
    const words = randomWords(random, Math.ceil(bytes.length / 4));
    bytes.set(new Uint8Array(words.buffer, 0, bytes.length));
  };
}
