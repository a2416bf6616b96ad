/**
 * Shamir vectors computed independently of this implementation by
 * `test/fixtures/shamir-vectors.py` (plain Python integers, explicit coefficients; run it to
 * regenerate `fixtures/shamir-vectors.json`). The first value is also checked by hand below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../src/bytes.ts';
import { decodeShare, evaluateShares, shamirCombine } from '../src/shamir.ts';

interface Vector {
  name: string;
  secret: string;
  threshold: number;
  xs: number[];
  coefficients: number[];
  values: number[][];
  shares: string[];
}

const vectors = JSON.parse(readFileSync(new URL('./fixtures/shamir-vectors.json', import.meta.url), 'utf8')) as Vector[];

describe('Shamir over GF(65537): independent vectors', () => {
  it('matches a hand computation', () => {
    // Vector t3-bytes-0-31, chunk 0: s = 0x0100 = 256, a1 = 1000, a2 = 3, so f(1) = 256 + 1000 + 3 = 1259
    // and f(2) = 256 + 2000 + 12 = 2268.
    const v = vectors[0] as Vector;
    expect(v.values[0]?.[0]).toBe(1259);
    expect(v.values[1]?.[0]).toBe(2268);
  });

  for (const v of vectors) {
    it(`${v.name}: shares, encoding and reconstruction`, () => {
      const secret = fromHex(v.secret);
      const shares = evaluateShares(secret, Uint32Array.from(v.coefficients), v.threshold, v.xs);
      expect(shares.map(toHex)).toEqual(v.shares);
      shares.forEach((s, i) => expect(Array.from(decodeShare(s, secret.length))).toEqual(v.values[i]));
      // every window of t consecutive shares, and the last t in reverse order, reconstruct
      for (let start = 0; start + v.threshold <= v.xs.length; start++) {
        const points = v.xs.slice(start, start + v.threshold).map((x, i) => ({ x, share: shares[start + i] as Uint8Array }));
        expect(toHex(shamirCombine(points, v.threshold, secret.length))).toBe(v.secret);
      }
      const reversed = v.xs.map((x, i) => ({ x, share: shares[i] as Uint8Array })).reverse();
      expect(toHex(shamirCombine(reversed, v.threshold, secret.length))).toBe(v.secret);
    });
  }
});
