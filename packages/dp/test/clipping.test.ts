/** L2 norm and clipping: the bound holds after rounding to the output type, inputs are never modified. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DpError, clipL2, l2Norm } from '../src/index.ts';

describe('l2Norm', () => {
  it('is exact on simple vectors and survives extreme magnitudes', () => {
    expect(l2Norm([3, 4])).toBe(5);
    expect(l2Norm(new Float32Array([0, 0]))).toBe(0);
    expect(l2Norm([])).toBe(0);
    expect(l2Norm([3e200, 4e200])).toBeCloseTo(5e200, -186);
    expect(l2Norm([3e-200, 4e-200]) / 5e-200).toBeCloseTo(1, 14);
    expect(l2Norm([Number.MIN_VALUE, 0])).toBe(Number.MIN_VALUE);
    expect(l2Norm([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Infinity); // the true norm exceeds the double range
    expect(l2Norm(new Array(1_000_000).fill(0.001))).toBeCloseTo(1, 13);
  });

  it('rejects NaN and infinite entries, naming the index', () => {
    expect(() => l2Norm([1, Number.NaN])).toThrow(/^v\[1\] must be a finite number, got NaN$/);
    expect(() => l2Norm(new Float32Array([Infinity]))).toThrow(DpError);
    expect(() => l2Norm('abc' as never)).toThrow(/^v must be an array or typed array of numbers/);
  });
});

describe('clipL2', () => {
  it('scales down to the clip norm and reports norm and scale', () => {
    const { clipped, norm, scale } = clipL2([3, 4], 1);
    expect(norm).toBe(5);
    expect(scale).toBeCloseTo(0.2, 15);
    expect(clipped[0]).toBeCloseTo(0.6, 15);
    expect(clipped[1]).toBeCloseTo(0.8, 15);
    expect(l2Norm(clipped)).toBeLessThanOrEqual(1);
  });

  it('returns an unmodified copy when within the bound', () => {
    const v = new Float32Array([0.1, -0.2]);
    const r = clipL2(v, 1);
    expect(r.scale).toBe(1);
    expect(r.clipped).toEqual(v);
    expect(r.clipped).not.toBe(v);
  });

  it('never exceeds the clip norm after rounding, keeps the type, never touches the input', () => {
    const entry = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 300 }), fc.double({ min: 1e-6, max: 1e4, noNaN: true }), (xs, c) => {
        const f32 = Float32Array.from(xs);
        const copy = Float32Array.from(f32);
        const r32 = clipL2(f32, c);
        expect(r32.clipped).toBeInstanceOf(Float32Array);
        expect(l2Norm(r32.clipped)).toBeLessThanOrEqual(c);
        expect(f32).toEqual(copy);
        if (r32.norm > c) expect(r32.scale).toBeGreaterThan((c / r32.norm) * (1 - 1e-5));
        const r64 = clipL2(Float64Array.from(xs), c);
        expect(r64.clipped).toBeInstanceOf(Float64Array);
        expect(l2Norm(r64.clipped)).toBeLessThanOrEqual(c);
        const rArr = clipL2(xs, c);
        expect(Array.isArray(rArr.clipped)).toBe(true);
        expect(l2Norm(rArr.clipped)).toBeLessThanOrEqual(c);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a bad clip norm', () => {
    for (const c of [0, -1, Infinity, Number.NaN]) {
      expect(() => clipL2([1], c)).toThrow(/^clipNorm must be a finite number > 0, got /);
    }
  });
});
