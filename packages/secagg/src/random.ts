/**
 * Randomness is injected everywhere (keys, Shamir coefficients, stochastic rounding) so tests
 * can replay a round from a seed. The default is the platform CSPRNG.
 */
import { SecAggError } from './errors.ts';

/** Fills `bytes` with cryptographically secure random bytes. */
export type RandomSource = (bytes: Uint8Array) => void;

/** WebCrypto's getRandomValues refuses more than 65,536 bytes per call. */
const GET_RANDOM_VALUES_LIMIT = 65_536;

export const systemRandom: RandomSource = (bytes) => {
  const c = globalThis.crypto;
  if (c === undefined || typeof c.getRandomValues !== 'function') {
    throw new SecAggError('CRYPTO_UNAVAILABLE', 'globalThis.crypto.getRandomValues is not available');
  }
  for (let offset = 0; offset < bytes.length; offset += GET_RANDOM_VALUES_LIMIT) {
    c.getRandomValues(bytes.subarray(offset, Math.min(bytes.length, offset + GET_RANDOM_VALUES_LIMIT)));
  }
};

export function randomBytes(random: RandomSource, length: number): Uint8Array {
  const out = new Uint8Array(length);
  random(out);
  return out;
}
