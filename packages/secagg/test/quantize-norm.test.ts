import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantizationNormSlack, quantizationSafeClipNorm, quantizeWeighted } from '../src/index.ts';
import type { RandomSource } from '../src/random.ts';

/** A RandomSource that repeats the given 32-bit words (fast-check picks and shrinks them). */
function wordsSource(words: readonly number[]): RandomSource {
  let next = 0;
  return (bytes) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let offset = 0; offset + 4 <= bytes.length; offset += 4) view.setUint32(offset, words[next++ % words.length] as number, true);
  };
}

/** What the coordinator decodes for one device, divided by its weight (dequantizeWeightedMean's arithmetic). */
function decodedContribution(q: Uint32Array, d: number, c: number, bits: number, maxWeight: number, weight: number): Float64Array {
  const step = (2 * c) / (2 ** bits - 1);
  return Float64Array.from({ length: d }, (_, i) => (((q[i] as number) * step - c) * maxWeight) / weight);
}

const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((a, x) => a + x * x, 0));

describe('clipping that accounts for quantization', () => {
  it('reproduces the worst case of the issue: W = 1000, w = 1, c = 1, 24 bits, d = 4,097 reaches 1.076·C at C = 0.1', () => {
    const slack = quantizationNormSlack({ clipRange: 1, bits: 24, maxWeight: 1000, weight: 1, dimension: 4097 });
    expect((0.1 + slack) / 0.1).toBeCloseTo(1.076, 3);
    const safe = quantizationSafeClipNorm(0.1, { clipRange: 1, bits: 24, maxWeight: 1000, weight: 1, dimension: 4097 });
    expect(safe).toBeLessThanOrEqual(0.1 - slack);
    expect(safe).toBeGreaterThan(0.09);
  });

  it('property: a contribution clipped to the safe norm decodes to a norm of at most C, whatever the rounding draws', () => {
    fc.assert(
      fc.property(
        fc.record({
          d: fc.integer({ min: 1, max: 48 }),
          bits: fc.integer({ min: 8, max: 24 }),
          c: fc.double({ min: 0.05, max: 4, noNaN: true }),
          maxWeight: fc.integer({ min: 1, max: 1000 }),
          weightShare: fc.double({ min: 0, max: 1, noNaN: true }),
          clipNorm: fc.double({ min: 0.01, max: 10, noNaN: true }),
          direction: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 48, maxLength: 48 }),
          words: fc.array(fc.constantFrom(0, 0xffff_ffff, 0x8000_0000, 1), { minLength: 1, maxLength: 16 }),
        }),
        ({ d, bits, c, maxWeight, weightShare, clipNorm, direction, words }) => {
          const weight = Math.max(1, Math.round(weightShare * maxWeight));
          const options = { clipRange: c, bits, maxWeight, weight, dimension: d };
          let safe: number;
          try {
            safe = quantizationSafeClipNorm(clipNorm, options);
          } catch {
            // Refused: quantization alone could exceed C. Then the slack must really be that large.
            expect(quantizationNormSlack(options)).toBeGreaterThanOrEqual(clipNorm * 0.999);
            return;
          }
          // An update far outside the ball, clipped as the device does: scaled in double, stored as float32.
          const x = Float32Array.from({ length: d }, (_, i) => (direction[i] as number) * 100 + (i === 0 ? 1 : 0));
          const n = norm(x);
          const clipped = Float32Array.from(x, (v) => v * (safe / n));
          const q = quantizeWeighted(clipped, weight, { clipRange: c, bits, maxWeight, cohortSize: 1, random: wordsSource(words) });
          expect(norm(decodedContribution(q, d, c, bits, maxWeight, weight))).toBeLessThanOrEqual(clipNorm);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('without the reduction, rounding can push a contribution past C (so the property above can fail)', () => {
    // Every entry at c/2^… just above a grid point rounds up when the random word is 0.
    const d = 64;
    const c = 1;
    const bits = 8;
    const clipped = new Float32Array(d).fill(0.01);
    const C = norm(clipped);
    const q = quantizeWeighted(clipped, 1, { clipRange: c, bits, maxWeight: 10, cohortSize: 1, random: wordsSource([0]) });
    expect(norm(decodedContribution(q, d, c, bits, 10, 1))).toBeGreaterThan(C);
  });

  it('refuses what cannot work, naming the numbers', () => {
    expect(() => quantizationSafeClipNorm(0.001, { clipRange: 1, bits: 8, maxWeight: 1000, weight: 1, dimension: 100 })).toThrow(/leaves nothing of the clip norm 0.001/);
    expect(() => quantizationNormSlack({ clipRange: 1, bits: 24, maxWeight: 10, weight: 11, dimension: 1 })).toThrow(/weight must be an integer in \[1, maxWeight = 10\], got 11/);
  });
});
