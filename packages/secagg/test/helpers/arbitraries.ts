/**
 * fast-check arbitraries shared by the property tests: random sources whose every word is
 * chosen (and shrunk) by fast-check, so a failing case prints the exact randomness that broke it.
 */
import fc from 'fast-check';
import type { RandomSource } from '../../src/random.ts';

/**
 * A RandomSource that fills bytes with the given 32-bit words, little-endian, over and over.
 * Only for consumers that take each word as it comes (stochastic rounding); a rejection
 * sampler fed a cycle of rejected words would never stop.
 */
export function cyclingSource(words: readonly number[]): RandomSource {
  let next = 0;
  return (bytes) => {
    for (let offset = 0; offset < bytes.length; offset += 4) {
      const word = words[next++ % words.length] as number;
      for (let k = 0; k < 4 && offset + k < bytes.length; k++) bytes[offset + k] = (word >>> (8 * k)) & 0xff;
    }
  };
}

/** Up to 64 random words for {@link cyclingSource}, extremes (0 and 2^32 − 1, which decide rounding) included. */
export const randomWordsArb: fc.Arbitrary<number[]> = fc.array(fc.integer({ min: 0, max: 0xffff_ffff }), { minLength: 1, maxLength: 64 });
