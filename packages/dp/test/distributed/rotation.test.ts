/**
 * The randomized Hadamard rotation of the distributed discrete Gaussian mechanism (Kairouz,
 * Liu & Steinke 2021, arXiv:2102.06387, §5), against the dense scipy Hadamard product of
 * fixtures/distributed-reference.py with signs from a separate Python xoshiro128**, and the
 * reference xoshiro128** vector of Blackman & Vigna.
 */
import { describe, expect, it } from 'vitest';
import { inverseRandomizedHadamard, randomizedHadamard } from '../../src/index.ts';
import { Xoshiro128StarStar, splitmix32State } from '../../src/distributed/rotation.ts';
import { expectDpError, norm, reference, vector } from '../helpers/distributed.ts';

describe('randomized Hadamard rotation', () => {
  it('xoshiro128** reproduces the reference implementation from state {1, 2, 3, 4}', () => {
    // Blackman & Vigna, xoshiro128starstar.c (v1.1); the same vector is rand_xoshiro's test.
    const rng = new Xoshiro128StarStar([1, 2, 3, 4]);
    expect(Array.from({ length: 10 }, () => rng.next())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('matches a dense Hadamard product with independently generated signs (fixture)', () => {
    for (const r of reference.rotations) {
      const rng = new Xoshiro128StarStar(splitmix32State(r.seed));
      expect([rng.next(), rng.next()], `sign words for seed ${r.seed}`).toEqual(r.signWords);
      const y = randomizedHadamard(r.x, r.seed, r.paddedDimension);
      expect(y).toHaveLength(r.paddedDimension);
      y.forEach((v, j) => expect(Math.abs(v - (r.y[j] as number)), `seed ${r.seed}, y[${j}]`).toBeLessThan(1e-14));
    }
  });

  it('is orthogonal and exactly inverted, at every power of two and padded lengths', () => {
    const cases: [number, number][] = [[1, 1], [4097, 8192], [3, 4], [1000, 1024]];
    for (let D = 1; D <= 4096; D *= 2) cases.push([D, D]);
    for (const [d, D] of cases) {
      const x = vector(d, d);
      const y = randomizedHadamard(x, 0xdeadbeef, D);
      expect(y).toHaveLength(D);
      expect(Math.abs(norm(y) - norm(x)) / norm(x), `norm at d=${d}, D=${D}`).toBeLessThan(1e-9);
      const back = inverseRandomizedHadamard(y, 0xdeadbeef, d);
      expect(back).toHaveLength(d);
      back.forEach((v, i) => expect(Math.abs(v - (x[i] as number)), `d=${d}, x[${i}]`).toBeLessThan(1e-12));
    }
  });

  it('spreads a one-hot vector evenly: every |coordinate| is 1/√D', () => {
    for (const D of [1, 2, 64, 8192]) {
      for (const hot of [0, D - 1, D >> 1]) {
        const x = new Float64Array(D);
        x[hot] = 1;
        const y = randomizedHadamard(x, 12345, D);
        for (const v of y) expect(Math.abs(Math.abs(v) - 1 / Math.sqrt(D))).toBeLessThan(1e-15);
      }
    }
  });

  it('the seed picks the rotation: the same seed repeats it, different seeds differ', () => {
    const x = vector(100, 3);
    const a = randomizedHadamard(x, 1, 128);
    expect(randomizedHadamard(x, 1, 128)).toEqual(a);
    for (const seed of [0, 2, 0xffffffff]) {
      const b = randomizedHadamard(x, seed, 128);
      let differing = 0;
      for (let j = 0; j < 128; j++) if (Math.abs((a[j] as number) - (b[j] as number)) > 1e-9) differing++;
      expect(differing, `seed ${seed}`).toBeGreaterThan(64);
    }
  });

  it('rejects bad arguments, naming them', () => {
    expectDpError(() => randomizedHadamard([1, 2, 3], 0, 2), 'INVALID_ARGUMENT', /^paddedDimension 2 is below the length of x \(3\)$/);
    expectDpError(() => randomizedHadamard([1], 0, 6), 'INVALID_ARGUMENT', /^paddedDimension must be a power of two/);
    expectDpError(() => randomizedHadamard([1, Number.NaN], 0, 2), 'INVALID_ARGUMENT', /^x\[1\] must be a finite number, got NaN$/);
    expectDpError(() => randomizedHadamard([1], -1, 1), 'INVALID_ARGUMENT', /^seed must be an integer in \[0, 2\^32\), got -1$/);
    expectDpError(() => randomizedHadamard([1], 2 ** 32, 1), 'INVALID_ARGUMENT', /^seed must be an integer/);
    expectDpError(() => inverseRandomizedHadamard([1, 2, 3], 0, 1), 'INVALID_ARGUMENT', /^y\.length must be a power of two/);
    expectDpError(() => inverseRandomizedHadamard([1, 2], 0, 3), 'INVALID_ARGUMENT', /^dimension must be an integer in \[0, 2\]/);
  });
});
