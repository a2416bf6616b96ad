/**
 * Shamir secret sharing (Shamir 1979) over the prime field GF(65537), with a secret of L bytes
 * split into L/2 independent 16-bit chunks, each shared with its own random polynomial of
 * degree t−1.
 *
 * Why p = 65537 = 2^16 + 1 rather than a 127- or 255-bit field with BigInt:
 * - every 16-bit chunk is a field element (0 … 65535 < p), so no encoding bias or rejection;
 * - a product of two elements is < 2^33, exact in a JS double, so sharing and Lagrange
 *   interpolation are plain Number arithmetic: no BigInt allocation per operation, ~50× faster;
 * - security is unchanged: each chunk is perfectly hidden by its own uniformly random
 *   polynomial, so any t−1 shares of the whole secret are uniform and independent of it.
 * The cost is that a share value can be 65536, one bit more than a chunk: a share of a 32-byte
 * secret encodes as 16 low halves (32 bytes) plus a 16-bit map of high bits = 34 bytes.
 *
 * x-coordinates are 1 … 65536. The protocol uses the holder's position in the owner's sorted
 * neighbour list (1 … k), so the same x-sets recur across owners and their Lagrange
 * coefficients can be cached ({@link LagrangeCache}).
 */
import { SecAggError } from './errors.ts';
import type { RandomSource } from './random.ts';

export const SHAMIR_PRIME = 65_537;
export const MAX_SHARE_X = SHAMIR_PRIME - 1;

/** Largest multiple of p below 2^32 is 65537·65535 = 2^32 − 1: reject only 0xffffffff. */
const UNIFORM_LIMIT = SHAMIR_PRIME * 65_535;

let inverses: Uint32Array | undefined;

/** Multiplicative inverses of 1 … p−1 by the recurrence inv(i) = −⌊p/i⌋·inv(p mod i) (256 kB, built once). */
function inverseTable(): Uint32Array {
  if (inverses === undefined) {
    const inv = new Uint32Array(SHAMIR_PRIME);
    inv[1] = 1;
    for (let i = 2; i < SHAMIR_PRIME; i++) {
      inv[i] = (SHAMIR_PRIME - ((Math.floor(SHAMIR_PRIME / i) * (inv[SHAMIR_PRIME % i] as number)) % SHAMIR_PRIME)) % SHAMIR_PRIME;
    }
    inverses = inv;
  }
  return inverses;
}

export function fieldInverse(a: number): number {
  const r = a % SHAMIR_PRIME;
  if (r === 0) throw new RangeError('0 has no inverse');
  return inverseTable()[r] as number;
}

export function shareLength(secretLength: number): number {
  const chunks = secretLength / 2;
  return 2 * chunks + Math.ceil(chunks / 8);
}

function checkSecretLength(secretLength: number): void {
  if (!Number.isInteger(secretLength) || secretLength <= 0 || secretLength % 2 !== 0) {
    throw new SecAggError('WRONG_LENGTH', `Shamir secrets must have a positive even length, got ${secretLength} bytes`);
  }
}

function checkXs(xs: readonly number[]): void {
  const seen = new Set<number>();
  for (const x of xs) {
    if (!Number.isInteger(x) || x < 1 || x > MAX_SHARE_X) {
      throw new SecAggError('MALFORMED_MESSAGE', `share x-coordinate ${x} is outside 1…${MAX_SHARE_X}`);
    }
    if (seen.has(x)) throw new SecAggError('MALFORMED_MESSAGE', `share x-coordinate ${x} appears twice`);
    seen.add(x);
  }
}

/** Reads the 16-bit chunks of a secret (little-endian), each a field element. */
function secretChunks(secret: Uint8Array): Uint32Array {
  const chunks = new Uint32Array(secret.length / 2);
  for (let c = 0; c < chunks.length; c++) chunks[c] = (secret[2 * c] as number) | ((secret[2 * c + 1] as number) << 8);
  return chunks;
}

export function encodeShare(values: Uint32Array): Uint8Array {
  const m = values.length;
  const out = new Uint8Array(2 * m + Math.ceil(m / 8));
  for (let c = 0; c < m; c++) {
    const v = values[c] as number;
    out[2 * c] = v & 0xff;
    out[2 * c + 1] = (v >>> 8) & 0xff;
    if (v > 0xffff) out[2 * m + (c >>> 3)] = (out[2 * m + (c >>> 3)] as number) | (1 << (c & 7));
  }
  return out;
}

export function decodeShare(share: Uint8Array, secretLength: number): Uint32Array {
  const m = secretLength / 2;
  if (!(share instanceof Uint8Array) || share.length !== shareLength(secretLength)) {
    const got = share instanceof Uint8Array ? share.length : typeof share;
    throw new SecAggError('WRONG_LENGTH', `share has ${got} bytes, expected ${shareLength(secretLength)}`);
  }
  const values = new Uint32Array(m);
  for (let c = 0; c < m; c++) {
    const low = (share[2 * c] as number) | ((share[2 * c + 1] as number) << 8);
    const high = ((share[2 * m + (c >>> 3)] as number) >>> (c & 7)) & 1;
    if (high === 1 && low !== 0) throw new SecAggError('MALFORMED_MESSAGE', `share value ${0x10000 + low} is not below ${SHAMIR_PRIME}`);
    values[c] = high === 1 ? 0x10000 : low;
  }
  const spareBits = (share[share.length - 1] as number) >>> (((m - 1) & 7) + 1);
  if (m % 8 !== 0 && spareBits !== 0) throw new SecAggError('MALFORMED_MESSAGE', 'share has non-zero padding bits');
  return values;
}

/** Uniform field elements by rejection sampling 32-bit words. */
function randomFieldElements(random: RandomSource, count: number): Uint32Array {
  const out = new Uint32Array(count);
  const words = new Uint32Array(count);
  let filled = 0;
  while (filled < count) {
    random(new Uint8Array(words.buffer));
    for (let i = 0; i < count && filled < count; i++) {
      const w = words[i] as number;
      if (w < UNIFORM_LIMIT) out[filled++] = w % SHAMIR_PRIME;
    }
  }
  return out;
}

/**
 * Evaluates, for every chunk c, f_c(x) = secret_c + Σ_{j=1}^{t−1} coefficients[c·(t−1) + j−1]·x^j
 * at each x (Horner). Exposed for tests that construct polynomials explicitly.
 */
export function evaluateShares(secret: Uint8Array, coefficients: Uint32Array, threshold: number, xs: readonly number[]): Uint8Array[] {
  checkSecretLength(secret.length);
  checkXs(xs);
  const chunks = secretChunks(secret);
  const m = chunks.length;
  const degree = threshold - 1;
  if (coefficients.length !== m * degree) {
    throw new SecAggError('WRONG_LENGTH', `expected ${m * degree} coefficients, got ${coefficients.length}`);
  }
  return xs.map((x) => {
    const values = new Uint32Array(m);
    for (let c = 0; c < m; c++) {
      let acc = 0;
      for (let j = degree - 1; j >= 0; j--) acc = (acc * x + (coefficients[c * degree + j] as number)) % SHAMIR_PRIME;
      values[c] = (acc * x + (chunks[c] as number)) % SHAMIR_PRIME;
    }
    return encodeShare(values);
  });
}

/** Splits `secret` (even length) into shares at `xs`; any `threshold` of them reconstruct it. */
export function shamirSplit(secret: Uint8Array, threshold: number, xs: readonly number[], random: RandomSource): Uint8Array[] {
  checkSecretLength(secret.length);
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > xs.length) {
    throw new SecAggError('INVALID_CONFIG', `threshold ${threshold} must be between 1 and the ${xs.length} shares`);
  }
  const coefficients = randomFieldElements(random, (secret.length / 2) * (threshold - 1));
  try {
    return evaluateShares(secret, coefficients, threshold, xs);
  } finally {
    coefficients.fill(0);
  }
}

/** Lagrange basis at 0: λ_i = Π_{j≠i} x_j / (x_j − x_i) mod p. */
export function lagrangeAtZero(xs: readonly number[]): Uint32Array {
  checkXs(xs);
  const inv = inverseTable();
  const lambdas = new Uint32Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const xi = xs[i] as number;
    let num = 1;
    let den = 1;
    for (let j = 0; j < xs.length; j++) {
      if (j === i) continue;
      const xj = xs[j] as number;
      num = (num * xj) % SHAMIR_PRIME;
      den = (den * ((xj - xi + SHAMIR_PRIME) % SHAMIR_PRIME)) % SHAMIR_PRIME;
    }
    lambdas[i] = (num * (inv[den] as number)) % SHAMIR_PRIME;
  }
  return lambdas;
}

/**
 * Caches Lagrange coefficients by x-set. With neighbour-local x-coordinates the server sees
 * the same few x-sets for most owners (e.g. {1…t} whenever an owner's first t holders all
 * answered), so a reconstruction is usually t·L/2 multiply-adds and nothing else.
 */
export class LagrangeCache {
  readonly #cache = new Map<string, Uint32Array>();
  readonly #limit: number;
  hits = 0;
  misses = 0;

  /** @param limit maximum cached x-sets (each t numbers). @default 4096 */
  constructor(limit = 4096) {
    this.#limit = limit;
  }

  coefficients(xs: readonly number[]): Uint32Array {
    const key = xs.join(',');
    const cached = this.#cache.get(key);
    if (cached !== undefined) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const lambdas = lagrangeAtZero(xs);
    if (this.#cache.size >= this.#limit) this.#cache.clear();
    this.#cache.set(key, lambdas);
    return lambdas;
  }
}

export interface SharePoint {
  readonly x: number;
  readonly share: Uint8Array;
}

/**
 * Reconstructs a secret of `secretLength` bytes from exactly the first `threshold` points
 * (Lagrange interpolation at 0). Throws `RECONSTRUCTION_FAILED` when a chunk comes out as
 * 65536, which no honest sharing produces.
 */
export function shamirCombine(points: readonly SharePoint[], threshold: number, secretLength: number, cache?: LagrangeCache): Uint8Array {
  checkSecretLength(secretLength);
  if (points.length < threshold) {
    throw new SecAggError('TOO_FEW_SURVIVORS', `${points.length} shares cannot reconstruct a secret with threshold ${threshold}`);
  }
  const used = points.slice(0, threshold);
  const xs = used.map((p) => p.x);
  const lambdas = cache === undefined ? lagrangeAtZero(xs) : cache.coefficients(xs);
  const m = secretLength / 2;
  const acc = new Float64Array(m);
  for (let i = 0; i < used.length; i++) {
    const values = decodeShare((used[i] as SharePoint).share, secretLength);
    const lambda = lambdas[i] as number;
    for (let c = 0; c < m; c++) {
      // λ·y < 2^33; reducing each term keeps the running sum far below 2^53.
      acc[c] = (acc[c] as number) + ((lambda * (values[c] as number)) % SHAMIR_PRIME);
    }
  }
  const secret = new Uint8Array(secretLength);
  for (let c = 0; c < m; c++) {
    const v = (acc[c] as number) % SHAMIR_PRIME;
    if (v > 0xffff) throw new SecAggError('RECONSTRUCTION_FAILED', `reconstructed chunk ${c} is ${v}, not a 16-bit value: some share is wrong`);
    secret[2 * c] = v & 0xff;
    secret[2 * c + 1] = v >>> 8;
  }
  return secret;
}
