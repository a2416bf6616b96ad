/**
 * Properties of the accountant (fast-check) and its edge cases: ε grows with steps and
 * falls with noise, composition adds RDP order by order (Mironov 2017, Prop. 1),
 * noiseMultiplierFor inverts epsilonFor, and the state survives JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ORDERS,
  DpError,
  PrivacyAccountant,
  computeRdp,
  epsilonFor,
  noiseMultiplierFor,
  rdpToEpsilon,
} from '../src/index.ts';

/** A smaller grid keeps the many-run properties fast; one check per property uses the default. */
const SMALL_ORDERS = [1.5, 1.75, 2, 2.5, 3, 4, 5.5, 8, 12, 16, 24, 32, 64, 128];

const samplingRate = fc.oneof(
  fc.double({ min: 1e-5, max: 1, noNaN: true }),
  fc.constantFrom(1, 0.5, 1e-3),
);
const noiseMultiplier = fc.double({ min: 0.3, max: 30, noNaN: true });
const steps = fc.integer({ min: 1, max: 100_000 });
const delta = fc.constantFrom(1e-3, 1e-5, 1e-7, 1e-9);

function expectDpError(fn: () => unknown, code: string, message?: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DpError);
  expect((thrown as DpError).code).toBe(code);
  if (message) expect((thrown as DpError).message).toMatch(message);
}

describe('properties', () => {
  it('ε never decreases with more steps (exactly, in floating point)', () => {
    fc.assert(
      fc.property(samplingRate, noiseMultiplier, steps, steps, delta, (q, sigma, s1, s2, d) => {
        const [a, b] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const base = { samplingRate: q, noiseMultiplier: sigma, delta: d, orders: SMALL_ORDERS };
        expect(epsilonFor({ ...base, steps: a }).epsilon).toBeLessThanOrEqual(epsilonFor({ ...base, steps: b }).epsilon);
      }),
      { numRuns: 200 },
    );
  });

  it('RDP at every order, and ε, never increase with more noise', () => {
    fc.assert(
      fc.property(samplingRate, noiseMultiplier, noiseMultiplier, steps, delta, (q, n1, n2, s, d) => {
        const [lo, hi] = n1 <= n2 ? [n1, n2] : [n2, n1];
        const base = { samplingRate: q, steps: s, orders: SMALL_ORDERS };
        const rLo = computeRdp({ ...base, noiseMultiplier: lo });
        const rHi = computeRdp({ ...base, noiseMultiplier: hi });
        // The two are computed independently; allow rounding-level slack when σ's nearly tie.
        rHi.forEach((r, k) => expect(r).toBeLessThanOrEqual((rLo[k] as number) * (1 + 1e-9) + 1e-15));
        const eLo = epsilonFor({ ...base, noiseMultiplier: lo, delta: d }).epsilon;
        const eHi = epsilonFor({ ...base, noiseMultiplier: hi, delta: d }).epsilon;
        expect(eHi).toBeLessThanOrEqual(eLo * (1 + 1e-9) + 1e-12);
      }),
      { numRuns: 150 },
    );
  });

  it('the same, at the default orders', () => {
    const base = { samplingRate: 0.01, steps: 5000, delta: 1e-6 };
    let previous = Infinity;
    for (const sigma of [0.5, 0.6, 0.8, 1, 1.5, 2, 4, 8, 16]) {
      const eps = epsilonFor({ ...base, noiseMultiplier: sigma }).epsilon;
      expect(eps).toBeLessThan(previous);
      previous = eps;
    }
  });

  it('composing steps with different q and σ adds their RDP order by order', () => {
    const part = fc.record({ samplingRate, noiseMultiplier, steps: fc.integer({ min: 0, max: 10_000 }) });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const accountant = new PrivacyAccountant({ orders: SMALL_ORDERS });
        const expected = SMALL_ORDERS.map(() => 0);
        for (const p of parts) {
          accountant.compose(p);
          computeRdp({ ...p, orders: SMALL_ORDERS }).forEach((r, k) => {
            expected[k] = (expected[k] as number) + r;
          });
        }
        expect(accountant.rdp()).toEqual(expected);
        expect(accountant.steps).toBe(parts.reduce((n, p) => n + p.steps, 0));
      }),
      { numRuns: 100 },
    );
  });

  it('n single steps compose to the same RDP as one step repeated n times', () => {
    fc.assert(
      fc.property(samplingRate, noiseMultiplier, fc.integer({ min: 1, max: 40 }), (q, sigma, n) => {
        const one = new PrivacyAccountant({ orders: SMALL_ORDERS });
        for (let i = 0; i < n; i++) one.compose({ samplingRate: q, noiseMultiplier: sigma, steps: 1 });
        const many = computeRdp({ samplingRate: q, noiseMultiplier: sigma, steps: n, orders: SMALL_ORDERS });
        one.rdp().forEach((r, k) => expect(Math.abs(r - (many[k] as number))).toBeLessThanOrEqual(1e-13 * (many[k] as number)));
      }),
      { numRuns: 30 },
    );
  });

  it('noiseMultiplierFor returns the smallest σ meeting the target (round trip with epsilonFor)', () => {
    const tolerance = 1e-9;
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.3, noNaN: true }),
        fc.integer({ min: 1, max: 50_000 }),
        delta,
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.constantFrom('improved' as const, 'basic' as const),
        (q, s, d, targetEpsilon, conversion) => {
          const options = { samplingRate: q, steps: s, delta: d, orders: SMALL_ORDERS, conversion };
          let sigma: number;
          try {
            sigma = noiseMultiplierFor({ ...options, targetEpsilon, tolerance });
          } catch (error) {
            // Only legitimate when the target is below what the largest order allows.
            expect((error as DpError).code).toBe('BUDGET_UNREACHABLE');
            expect(epsilonFor({ ...options, noiseMultiplier: 1e6 }).epsilon).toBeGreaterThan(targetEpsilon);
            return;
          }
          expect(epsilonFor({ ...options, noiseMultiplier: sigma }).epsilon).toBeLessThanOrEqual(targetEpsilon);
          expect(epsilonFor({ ...options, noiseMultiplier: sigma * (1 - 2 * tolerance) }).epsilon).toBeGreaterThan(
            targetEpsilon,
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('noiseMultiplierFor at the default orders', () => {
    const options = { samplingRate: 0.01, steps: 1000, delta: 1e-6 };
    const sigma = noiseMultiplierFor({ ...options, targetEpsilon: 3 });
    expect(epsilonFor({ ...options, noiseMultiplier: sigma }).epsilon).toBeLessThanOrEqual(3);
    expect(epsilonFor({ ...options, noiseMultiplier: sigma * (1 - 2e-9) }).epsilon).toBeGreaterThan(3);
    expect(sigma).toBeGreaterThan(0.8);
    expect(sigma).toBeLessThan(1);
  });
});

describe('special cases', () => {
  const orders = [1.5, 2, 3.25, 32, Infinity];

  it('q = 0 is 0 at every order, even α = ∞ and σ = 0; ε is 0 at any δ', () => {
    for (const sigma of [0, 1]) {
      expect(computeRdp({ samplingRate: 0, noiseMultiplier: sigma, steps: 10, orders })).toEqual([0, 0, 0, 0, 0]);
      expect(epsilonFor({ samplingRate: 0, noiseMultiplier: sigma, steps: 10, delta: 0, orders }).epsilon).toBe(0);
    }
  });

  it('q = 1 is the Gaussian mechanism α/(2σ²), ∞ at α = ∞', () => {
    const got = computeRdp({ samplingRate: 1, noiseMultiplier: 3, steps: 4, orders });
    expect(got).toEqual(orders.map((a) => (4 * a) / 18));
  });

  it('σ = 0 with q > 0 is ∞ everywhere, and so is ε', () => {
    expect(computeRdp({ samplingRate: 0.1, noiseMultiplier: 0, steps: 1, orders })).toEqual(orders.map(() => Infinity));
    expect(epsilonFor({ samplingRate: 0.1, noiseMultiplier: 0, steps: 1, delta: 1e-5 }).epsilon).toBe(Infinity);
    // Below 1e-100 the RDP is reported as ∞ (a sound bound: it exceeds 1e199).
    expect(computeRdp({ samplingRate: 0.1, noiseMultiplier: 1e-101, steps: 1, orders: [2] })).toEqual([Infinity]);
  });

  it('α = ∞ with 0 < q < 1 is ∞; steps = 0 is 0', () => {
    expect(computeRdp({ samplingRate: 0.3, noiseMultiplier: 2, steps: 1, orders: [Infinity] })).toEqual([Infinity]);
    expect(computeRdp({ samplingRate: 0.3, noiseMultiplier: 2, steps: 0, orders })).toEqual([0, 0, 0, 0, 0]);
  });

  it('stays finite, non-negative and sound at extreme parameters', () => {
    const alphas = [1.01, 1.1, 1.5, 2, 3.9, 10.9, 32, 256.5, 1024];
    for (const q of [1e-12, 1e-6, 0.05, 0.5, 0.999999]) {
      for (const sigma of [0.05, 0.3, 1, 30, 1e4, 1e8, 1e50]) {
        const rdp = computeRdp({ samplingRate: q, noiseMultiplier: sigma, steps: 1, orders: alphas });
        rdp.forEach((r, k) => {
          const label = `q=${q} σ=${sigma} α=${alphas[k]}: ${r}`;
          expect(r, label).toBeGreaterThanOrEqual(0);
          expect(r, label).toBeLessThan(Infinity);
          // Never above the unsampled Gaussian's α/(2σ²) (RDP falls with q); fractional orders
          // may sit up to their ~2e-13/(α−1) truncation margin above the truth.
          const alpha = alphas[k] as number;
          expect(r, label).toBeLessThanOrEqual(alpha / (2 * sigma * sigma) + 3e-13 / (alpha - 1));
        });
      }
    }
  });

  it('integer orders at large σ follow A_α − 1 ≈ α(α−1)q²/(2σ²), to full relative precision', () => {
    for (const q of [1e-9, 0.01, 0.7]) {
      for (const sigma of [1e5, 1e8, 1e50]) {
        for (const alpha of [2, 7, 64]) {
          const [r] = computeRdp({ samplingRate: q, noiseMultiplier: sigma, steps: 1, orders: [alpha] });
          const approx = (alpha * q * q) / (2 * sigma * sigma);
          expect(Math.abs((r as number) / approx - 1), `q=${q} σ=${sigma} α=${alpha}`).toBeLessThan(1e-6);
        }
      }
    }
  });

  it('an α = ∞ order is a pure-DP bound: ε = ε_∞ at any δ, including 0', () => {
    expect(rdpToEpsilon({ orders: [2, Infinity], rdp: [5, 0.7], delta: 0 })).toEqual({ epsilon: 0.7, delta: 0, order: Infinity });
    expect(rdpToEpsilon({ orders: [2, Infinity], rdp: [5, 0.7], delta: 1e-5, conversion: 'basic' }).epsilon).toBe(0.7);
    expect(rdpToEpsilon({ orders: [2, 3], rdp: [5, 0.7], delta: 0 }).epsilon).toBe(Infinity);
  });

  it('the improved conversion is Prop. 12 of CKS 2020, and 0 once δ² ≥ 1 − e^{−ε_α}', () => {
    const [a, r, d] = [8, 0.5, 1e-6];
    expect(rdpToEpsilon({ orders: [a], rdp: [r], delta: d }).epsilon).toBeCloseTo(
      r + Math.log1p(-1 / a) - Math.log(d * a) / (a - 1),
      14,
    );
    expect(rdpToEpsilon({ orders: [a], rdp: [r], delta: d, conversion: 'basic' }).epsilon).toBeCloseTo(
      r - Math.log(d) / (a - 1),
      14,
    );
    expect(rdpToEpsilon({ orders: [2], rdp: [1e-7], delta: 1e-3 }).epsilon).toBe(0);
    // Ties go to the first order; all-infinite reports the first order.
    expect(rdpToEpsilon({ orders: [3, 2], rdp: [Infinity, Infinity], delta: 1e-5 })).toEqual({
      epsilon: Infinity,
      delta: 1e-5,
      order: 3,
    });
  });

  it('the improved conversion never exceeds the basic one', () => {
    fc.assert(
      fc.property(samplingRate, noiseMultiplier, steps, delta, (q, sigma, s, d) => {
        const base = { samplingRate: q, noiseMultiplier: sigma, steps: s, delta: d, orders: SMALL_ORDERS };
        expect(epsilonFor(base).epsilon).toBeLessThanOrEqual(epsilonFor({ ...base, conversion: 'basic' }).epsilon);
      }),
      { numRuns: 100 },
    );
  });

  it('noiseMultiplierFor: 0 when nothing is revealed; BUDGET_UNREACHABLE below the floor', () => {
    expect(noiseMultiplierFor({ samplingRate: 0, steps: 100, delta: 1e-5, targetEpsilon: 0.1 })).toBe(0);
    expect(noiseMultiplierFor({ samplingRate: 0.1, steps: 0, delta: 1e-5, targetEpsilon: 0.1 })).toBe(0);
    // Basic conversion: ε ≥ log(1/δ)/(1024 − 1) ≈ 0.0113 at δ = 1e-5, whatever the noise.
    expectDpError(
      () => noiseMultiplierFor({ samplingRate: 0.01, steps: 100, delta: 1e-5, targetEpsilon: 0.01, conversion: 'basic' }),
      'BUDGET_UNREACHABLE',
      /targetEpsilon 0\.01 is unreachable at delta 0\.00001 .* even noiseMultiplier 1000000 gives epsilon 0\.011/,
    );
  });
});

describe('PrivacyAccountant state', () => {
  it('starts at ε = 0 on the default orders', () => {
    const accountant = new PrivacyAccountant();
    expect(accountant.orders).toEqual(DEFAULT_ORDERS);
    expect(accountant.epsilon(1e-5)).toBe(0);
    expect(accountant.steps).toBe(0);
  });

  it('round-trips through JSON text bit for bit, Infinity included, and keeps composing identically', () => {
    const orders = [1.1, 2, 7.5, 64, Infinity];
    const a = new PrivacyAccountant({ orders });
    a.compose({ samplingRate: 0.01, noiseMultiplier: 1.1, steps: 300 });
    a.compose({ samplingRate: 0.02, noiseMultiplier: 0.9, steps: 40 });
    const text = JSON.stringify(a);
    expect(JSON.parse(text)).toMatchObject({ format: 'conclave.dp.rdp-accountant', version: 1, steps: 340 });
    expect(JSON.parse(text).orders).toEqual([1.1, 2, 7.5, 64, 'Infinity']);
    for (const b of [PrivacyAccountant.fromJSON(JSON.parse(text)), PrivacyAccountant.fromJSON(text), a.clone()]) {
      expect(b.orders).toEqual(orders);
      expect(b.rdp()).toEqual(a.rdp());
      expect(b.steps).toBe(340);
      expect(b.guarantee(1e-6)).toEqual(a.guarantee(1e-6));
      b.compose({ samplingRate: 0.05, noiseMultiplier: 1.3, steps: 7 });
      const c = PrivacyAccountant.fromJSON(text).compose({ samplingRate: 0.05, noiseMultiplier: 1.3, steps: 7 });
      expect(b.rdp()).toEqual(c.rdp());
    }
    // The clones are independent of the original.
    expect(a.steps).toBe(340);
  });

  it('rejects malformed states with INVALID_STATE', () => {
    const good = new PrivacyAccountant({ orders: [2, 3] }).compose({ samplingRate: 0.1, noiseMultiplier: 1, steps: 3 }).toJSON();
    const bad: [unknown, RegExp][] = [
      [null, /must be an object/],
      ['{', /not valid JSON/],
      [{ ...good, format: 'x' }, /format must be 'conclave\.dp\.rdp-accountant', got "x"/],
      [{ ...good, version: 2 }, /version 2 is not supported, expected 1/],
      [{ ...good, orders: [] }, /orders must be a non-empty array/],
      [{ ...good, orders: [1, 3] }, /orders\[0\] must be a number > 1, got 1/],
      [{ ...good, rdp: [0.1] }, /rdp must be an array of 2 values/],
      [{ ...good, rdp: [0.1, -1] }, /rdp\[1\] must be a number >= 0, got -1/],
      [{ ...good, rdp: [0.1, null] }, /rdp\[1\] must be a number >= 0, got null/],
      [{ ...good, steps: 1.5 }, /steps must be a non-negative integer, got 1\.5/],
    ];
    for (const [state, message] of bad) expectDpError(() => PrivacyAccountant.fromJSON(state), 'INVALID_STATE', message);
  });

  it('a rejected compose leaves the accountant unchanged', () => {
    const a = new PrivacyAccountant({ orders: [2, 3] }).compose({ samplingRate: 0.1, noiseMultiplier: 1, steps: 3 });
    const before = a.toJSON();
    expectDpError(() => a.compose({ samplingRate: 0.1, noiseMultiplier: -1, steps: 3 }), 'INVALID_ARGUMENT');
    expect(a.toJSON()).toEqual(before);
  });
});

describe('argument validation', () => {
  const ok = { samplingRate: 0.1, noiseMultiplier: 1, steps: 10, delta: 1e-5 };
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ samplingRate: 1.5 }, /^samplingRate must be in \[0, 1\], got 1\.5$/],
    [{ samplingRate: Number.NaN }, /^samplingRate must be in \[0, 1\], got NaN$/],
    [{ noiseMultiplier: -1 }, /^noiseMultiplier must be a number in \[0, 1e\+100\], got -1$/],
    [{ steps: 2.5 }, /^steps must be a non-negative integer, got 2\.5$/],
    [{ steps: -1 }, /^steps must be a non-negative integer, got -1$/],
    [{ delta: 1 }, /^delta must be in \[0, 1\), got 1$/],
    [{ orders: [] }, /^orders must be a non-empty array of numbers > 1, got \[\]$/],
    [{ orders: [2, 1] }, /^orders\[1\] must be a number > 1, got 1$/],
    [{ conversion: 'fancy' }, /^conversion must be 'improved' or 'basic', got "fancy"$/],
  ];
  for (const [patch, message] of cases) {
    it(`epsilonFor rejects ${JSON.stringify(patch) ?? String(patch)}`, () => {
      expectDpError(() => epsilonFor({ ...ok, ...patch } as typeof ok), 'INVALID_ARGUMENT', message);
    });
  }

  it('noiseMultiplierFor rejects a bad targetEpsilon', () => {
    for (const targetEpsilon of [0, -1, Infinity, Number.NaN]) {
      expectDpError(
        () => noiseMultiplierFor({ samplingRate: 0.1, steps: 10, delta: 1e-5, targetEpsilon }),
        'INVALID_ARGUMENT',
        /^targetEpsilon must be a finite number > 0, got /,
      );
    }
  });

  it('rdpToEpsilon rejects mismatched or negative RDP', () => {
    expectDpError(() => rdpToEpsilon({ orders: [2, 3], rdp: [1], delta: 1e-5 }), 'INVALID_ARGUMENT', /one value per order \(2\)/);
    expectDpError(() => rdpToEpsilon({ orders: [2], rdp: [-0.1], delta: 1e-5 }), 'INVALID_ARGUMENT', /rdp\[0\] must be a number >= 0, got -0\.1/);
  });
});
