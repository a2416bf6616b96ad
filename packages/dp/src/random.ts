/**
 * Randomness for the noise samplers: a cryptographic source by default
 * (`globalThis.crypto.getRandomValues`, in Node and browsers), or an injected one.
 * Never `Math.random`.
 */
import { DpError, formatValue } from './errors.ts';

/**
 * Fills `out` with independent, uniformly distributed 32-bit words. Must be a
 * cryptographically secure generator in production; tests inject a seeded CSPRNG.
 */
export type RandomSource = (out: Uint32Array) => void;

/** `getRandomValues` refuses requests above 65536 bytes. */
const GET_RANDOM_VALUES_MAX_WORDS = 16384;

/** The default source: WebCrypto's CSPRNG. */
export const cryptoRandomSource: RandomSource = (out) => {
  const crypto = globalThis.crypto;
  if (crypto === undefined || typeof crypto.getRandomValues !== 'function') {
    throw new DpError(
      'NO_SECURE_RANDOM',
      'globalThis.crypto.getRandomValues is unavailable; pass a cryptographically secure RandomSource',
    );
  }
  for (let offset = 0; offset < out.length; offset += GET_RANDOM_VALUES_MAX_WORDS) {
    crypto.getRandomValues(out.subarray(offset, Math.min(out.length, offset + GET_RANDOM_VALUES_MAX_WORDS)));
  }
};

/** Words fetched from the source at a time. */
const BUFFER_WORDS = 1024;

const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_52 = 2 ** -52;

/** Buffered reader of words, bits, uniform integers and uniform doubles from a source. */
export class RandomStream {
  readonly #source: RandomSource;
  readonly #buffer = new Uint32Array(BUFFER_WORDS);
  #next = BUFFER_WORDS;
  #bits = 0;
  #bitCount = 0;

  constructor(source: RandomSource = cryptoRandomSource) {
    if (typeof source !== 'function') {
      throw new DpError('INVALID_ARGUMENT', `random must be a function filling a Uint32Array, got ${formatValue(source)}`);
    }
    this.#source = source;
  }

  /** A uniform 32-bit word. */
  uint32(): number {
    if (this.#next === BUFFER_WORDS) {
      this.#source(this.#buffer);
      this.#next = 0;
    }
    return this.#buffer[this.#next++] as number;
  }

  /** A uniform bit. */
  bit(): number {
    if (this.#bitCount === 0) {
      this.#bits = this.uint32();
      this.#bitCount = 32;
    }
    this.#bitCount--;
    const b = this.#bits & 1;
    this.#bits >>>= 1;
    return b;
  }

  /** A uniform integer in [0, n) for 1 ≤ n ≤ 2^32, by rejection (exactly uniform). */
  uniformInt(n: number): number {
    if (n === 1) return 0;
    // Accept w < limit, the largest multiple of n not above 2^32.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const w = this.uint32();
      if (w < limit) return w % n;
    }
  }

  /** A uniform double in (0, 1): (k + ½)·2^−52 for a uniform 52-bit k; exact, never 0 or 1. */
  openUnit(): number {
    const hi = this.uint32() >>> 6; // 26 bits
    const lo = this.uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo + 0.5) * TWO_POW_MINUS_52;
  }
}
