/**
 * Shamir sharing over GF(65537) (src/shamir.ts), as properties over fast-check's choice of
 * secrets, thresholds, x-coordinates, polynomials and subsets; the independently computed
 * vectors are in shamir-vectors.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecAggError } from '../src/errors.ts';
import {
  SHAMIR_PRIME,
  LagrangeCache,
  decodeShare,
  encodeShare,
  evaluateShares,
  fieldInverse,
  lagrangeAtZero,
  shamirCombine,
  shamirSplit,
  shareLength,
} from '../src/shamir.ts';
import { SeededRandom } from './helpers/seeded-random.ts';

const P = SHAMIR_PRIME;
const mul = (a: number, b: number): number => (a * b) % P;

/** Polynomial coefficients (c0 … c_{m-1}) through the m points, by Gaussian elimination mod p. */
function interpolate(points: ReadonlyArray<readonly [number, number]>): number[] {
  const m = points.length;
  const rows = points.map(([x, y]) => {
    const row: number[] = [];
    let power = 1;
    for (let j = 0; j < m; j++) {
      row.push(power);
      power = mul(power, x);
    }
    row.push(y);
    return row;
  });
  for (let col = 0; col < m; col++) {
    const pivot = rows.findIndex((r, i) => i >= col && (r[col] as number) !== 0);
    [rows[col], rows[pivot]] = [rows[pivot] as number[], rows[col] as number[]];
    const pr = rows[col] as number[];
    const inv = fieldInverse(pr[col] as number);
    for (let j = 0; j <= m; j++) pr[j] = mul(pr[j] as number, inv);
    for (let i = 0; i < m; i++) {
      if (i === col) continue;
      const r = rows[i] as number[];
      const f = r[col] as number;
      for (let j = 0; j <= m; j++) r[j] = ((r[j] as number) - mul(f, pr[j] as number) + P) % P;
    }
  }
  return rows.map((r) => r[m] as number);
}

/** x-coordinates as the protocol uses them (neighbour positions 1 … k) and anywhere in 1 … p−1. */
const xArb = fc.oneof(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: P - 1 }));

interface Sharing {
  secret: Uint8Array;
  t: number;
  xs: number[];
  /** t−1 coefficients per 16-bit chunk, as evaluateShares takes them. */
  coefficients: Uint32Array;
}

/** A secret of 2–48 bytes, a threshold t ≤ 8, n = t + extra distinct x's, and a random polynomial per chunk. */
function sharingArb({ maxT = 8, maxExtra = 8 } = {}): fc.Arbitrary<Sharing> {
  return fc
    .record({ half: fc.integer({ min: 1, max: 24 }), t: fc.integer({ min: 1, max: maxT }), extra: fc.integer({ min: 0, max: maxExtra }) })
    .chain(({ half, t, extra }) =>
      fc.record({
        secret: fc.uint8Array({ minLength: 2 * half, maxLength: 2 * half }),
        t: fc.constant(t),
        xs: fc.uniqueArray(xArb, { minLength: t + extra, maxLength: t + extra }),
        coefficients: fc
          .array(fc.integer({ min: 0, max: P - 1 }), { minLength: half * (t - 1), maxLength: half * (t - 1) })
          .map((a) => Uint32Array.from(a)),
      }),
    );
}

const pointsOf = (s: Sharing, shares: Uint8Array[], indices: readonly number[]) =>
  indices.map((i) => ({ x: s.xs[i] as number, share: shares[i] as Uint8Array }));

/** Every k-subset of 0 … n−1, in lexicographic order. */
function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let first = 0; first <= n - k; first++) {
    for (const rest of subsets(n - first - 1, k - 1)) out.push([first, ...rest.map((i) => i + first + 1)]);
  }
  return out;
}

describe('Shamir sharing over GF(65537)', () => {
  it('field inverses are inverses', () => {
    for (const a of [1, 2, 3, 255, 256, 65535, 65536]) expect(mul(a, fieldInverse(a))).toBe(1);
  });

  it('any t of n shares reconstruct the secret, from shamirSplit with its own randomness (property)', () => {
    fc.assert(
      fc.property(
        sharingArb().chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray([...s.xs.keys()], { minLength: s.t, maxLength: s.t }), fc.integer())),
        ([s, subset, seed]) => {
          const shares = shamirSplit(s.secret, s.t, s.xs, new SeededRandom(`split ${seed}`).fill);
          expect(shares).toHaveLength(s.xs.length);
          for (const share of shares) expect(share).toHaveLength(shareLength(s.secret.length));
          expect(shamirCombine(pointsOf(s, shares, subset), s.t, s.secret.length)).toEqual(s.secret);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every t-subset of the shares, in any order, reconstructs the secret, for any polynomial (exhaustive over subsets, property over the rest)', () => {
    fc.assert(
      fc.property(sharingArb({ maxT: 5, maxExtra: 3 }), fc.boolean(), (s, reversed) => {
        const shares = evaluateShares(s.secret, s.coefficients, s.t, s.xs);
        const cache = new LagrangeCache();
        for (const subset of subsets(s.xs.length, s.t)) {
          const order = reversed ? [...subset].reverse() : subset;
          expect(shamirCombine(pointsOf(s, shares, order), s.t, s.secret.length, cache), `subset ${order}`).toEqual(s.secret);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('with more than t shares the first t are used; with fewer than t none reconstruct (property)', () => {
    fc.assert(
      fc.property(
        sharingArb().chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray([...s.xs.keys()], { minLength: 0, maxLength: s.xs.length }))),
        ([s, subset]) => {
          const shares = evaluateShares(s.secret, s.coefficients, s.t, s.xs);
          const points = pointsOf(s, shares, subset);
          if (subset.length >= s.t) {
            expect(shamirCombine(points, s.t, s.secret.length)).toEqual(s.secret);
          } else {
            expect(() => shamirCombine(points, s.t, s.secret.length)).toThrow(
              new SecAggError('TOO_FEW_SURVIVORS', `${subset.length} shares cannot reconstruct a secret with threshold ${s.t}`),
            );
          }
        },
      ),
    );
  });

  it('a share with any bit flipped never gives back the secret: another secret or an error (property)', () => {
    fc.assert(
      fc.property(
        sharingArb().chain((s) =>
          fc.tuple(
            fc.constant(s),
            fc.integer({ min: 0, max: s.t - 1 }),
            fc.integer({ min: 0, max: shareLength(s.secret.length) - 1 }),
            fc.integer({ min: 0, max: 7 }),
          ),
        ),
        ([s, victim, byte, bit]) => {
          const shares = evaluateShares(s.secret, s.coefficients, s.t, s.xs);
          const tampered = (shares[victim] as Uint8Array).slice();
          tampered[byte] = (tampered[byte] as number) ^ (1 << bit);
          shares[victim] = tampered;
          const points = pointsOf(s, shares, [...s.xs.keys()].slice(0, s.t));
          let result: Uint8Array | undefined;
          try {
            result = shamirCombine(points, s.t, s.secret.length);
          } catch (e) {
            // A value ≥ p or a set padding bit is malformed; a chunk of 65536 cannot be a secret.
            expect(e).toBeInstanceOf(SecAggError);
            expect(['RECONSTRUCTION_FAILED', 'MALFORMED_MESSAGE']).toContain((e as SecAggError).code);
          }
          if (result !== undefined) expect(result).not.toEqual(s.secret);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('t−1 shares are consistent with every secret, by a bijection of the coefficients (property)', () => {
    // For fixed x's, the t−1 shares of secret A under coefficients a equal those of secret B
    // under b = a + δ, where δ depends only on (A, B, x's): a translation, so uniformly random
    // a gives uniformly random b and the shares' distribution is the same for A and for B.
    const coefficientsArb = (t: number) =>
      fc.array(fc.integer({ min: 0, max: P - 1 }), { minLength: 2 * (t - 1), maxLength: 2 * (t - 1) }).map((a) => Uint32Array.from(a));
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((t) =>
          fc.record({
            t: fc.constant(t),
            xs: fc.uniqueArray(xArb, { minLength: t - 1, maxLength: t - 1 }),
            secretA: fc.uint8Array({ minLength: 4, maxLength: 4 }),
            secretB: fc.uint8Array({ minLength: 4, maxLength: 4 }),
            trials: fc.tuple(coefficientsArb(t), coefficientsArb(t)),
          }),
        ),
        ({ t, xs, secretA, secretB, trials }) => {
          const chunks = (s: Uint8Array): number[] => [(s[0] as number) | ((s[1] as number) << 8), (s[2] as number) | ((s[3] as number) << 8)];
          const deltas: number[][] = [];
          for (const a of trials) {
            const sharesA = evaluateShares(secretA, a, t, xs);
            const b = new Uint32Array(2 * (t - 1));
            for (let c = 0; c < 2; c++) {
              const points: Array<[number, number]> = [[0, chunks(secretB)[c] as number]];
              xs.forEach((x, i) => points.push([x, decodeShare(sharesA[i] as Uint8Array, 4)[c] as number]));
              const coeffs = interpolate(points);
              expect(coeffs[0]).toBe(chunks(secretB)[c]);
              for (let j = 1; j < t; j++) b[c * (t - 1) + j - 1] = coeffs[j] as number;
            }
            expect(evaluateShares(secretB, b, t, xs)).toEqual(sharesA);
            deltas.push(Array.from(b, (bj, i) => (bj - (a[i] as number) + P) % P));
          }
          expect(deltas[0]).toEqual(deltas[1]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('t−1 shares of a 1-chunk secret with t = 2 are uniform whatever the secret (exhaustive)', () => {
    // f(x) = s + a·x: as a ranges over GF(p), f(3) takes every value exactly once, for every s.
    for (const s of [0, 1, 40000, 65535]) {
      const seen = new Uint8Array(P);
      for (let a = 0; a < P; a++) seen[(s + 3 * a) % P] = 1;
      expect(seen.every((v) => v === 1)).toBe(true);
    }
  });

  it('shares encode in 34 bytes for a 32-byte secret and round-trip values up to 65536', () => {
    expect(shareLength(32)).toBe(34);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: P - 1 }), { minLength: 16, maxLength: 16 }), (values) => {
        const encoded = encodeShare(Uint32Array.from(values));
        expect(encoded.length).toBe(34);
        expect(Array.from(decodeShare(encoded, 32))).toEqual(values);
      }),
    );
  });

  it('rejects non-field share values, wrong lengths and duplicate x', () => {
    const bad = new Uint8Array(34);
    bad[0] = 1; // low half 1 …
    bad[32] = 1; // … with the high bit: 65537, not below p
    expect(() => decodeShare(bad, 32)).toThrow(/not below 65537/);
    expect(() => decodeShare(new Uint8Array(33), 32)).toThrowError(SecAggError);
    const rng = new SeededRandom('dup');
    expect(() => shamirSplit(rng.bytes(32), 2, [5, 5], rng.fill)).toThrow(/appears twice/);
    expect(() => shamirSplit(rng.bytes(32), 2, [0, 5], rng.fill)).toThrow(/outside/);
  });

  it('fewer than t shares do not reconstruct; a corrupted share is detected when it leaves the 16-bit range', () => {
    const rng = new SeededRandom('few');
    const secret = rng.bytes(32);
    const shares = shamirSplit(secret, 3, [1, 2, 3], rng.fill);
    expect(() => shamirCombine([{ x: 1, share: shares[0] as Uint8Array }], 3, 32)).toThrow(/cannot reconstruct/);
    // Tampering changes the secret (possibly detected): never silently returns the right one.
    const tampered = (shares[2] as Uint8Array).slice();
    tampered[0] = (tampered[0] as number) ^ 1;
    const points = [1, 2, 3].map((x, i) => ({ x, share: i === 2 ? tampered : (shares[i] as Uint8Array) }));
    let result: Uint8Array | undefined;
    try {
      result = shamirCombine(points, 3, 32);
    } catch (e) {
      expect((e as SecAggError).code).toBe('RECONSTRUCTION_FAILED');
    }
    if (result !== undefined) expect(result).not.toEqual(secret);
  });

  it('caches Lagrange coefficients by x-set', () => {
    const cache = new LagrangeCache();
    const a = cache.coefficients([1, 2, 3]);
    expect(cache.coefficients([1, 2, 3])).toBe(a);
    expect(cache.hits).toBe(1);
    expect(Array.from(a)).toEqual(Array.from(lagrangeAtZero([1, 2, 3])));
    // λ for {1,2,3} at 0 is (3, −3, 1)
    expect(Array.from(a)).toEqual([3, P - 3, 1]);
  });
});
