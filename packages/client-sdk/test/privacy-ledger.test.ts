import { DEFAULT_ORDERS, epsilonFor } from '@conclave/dp';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClientError } from '../src/errors.ts';
import { MemoryKeyValueStore } from '../src/kv-store.ts';
import { DEFAULT_PRIVACY_DELTA, PersonalPrivacyAccount } from '../src/privacy-ledger.ts';

const DELTA = DEFAULT_PRIVACY_DELTA;

/**
 * Independent of @conclave/dp: k Gaussian mechanisms with noise multiplier z have RDP
 * k·α/(2z²) at order α (Mironov 2017), converted to ε with Canonne, Kamath & Steinke 2020,
 * Prop. 12: ε = ε_α + log(1 − 1/α) − (log δ + log α)/(α − 1), minimised over the orders.
 */
function gaussianEpsilon(noise: readonly number[], delta: number): number {
  let best = Infinity;
  for (const a of DEFAULT_ORDERS) {
    const rdp = noise.reduce((sum, z) => sum + a / (2 * z * z), 0);
    best = Math.min(best, rdp + Math.log1p(-1 / a) - Math.log(delta * a) / (a - 1));
  }
  return Math.max(0, best);
}

/** erfc with fractional error below 1.2e-7 everywhere (Numerical Recipes, erfcc). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}
const Phi = (x: number) => 0.5 * erfc(-x / Math.SQRT2);

/**
 * The exact δ(ε) of the Gaussian mechanism with sensitivity 1 and standard deviation σ
 * (Balle & Wang 2018, "Improving the Gaussian Mechanism for Differential Privacy", Thm. 8);
 * k compositions with noise multiplier z are one Gaussian with σ = z/√k. Any sound accounting
 * must give an ε at which this is at most δ.
 */
function exactGaussianDelta(epsilon: number, sigma: number): number {
  return Phi(1 / (2 * sigma) - epsilon * sigma) - Math.exp(epsilon) * Phi(-1 / (2 * sigma) - epsilon * sigma);
}

function account(organisationCap = 10, kv = new MemoryKeyValueStore()): Promise<PersonalPrivacyAccount> {
  return PersonalPrivacyAccount.open({ kv, organisationCap });
}

describe('PersonalPrivacyAccount: accounting', () => {
  it('starts at zero and uses δ = 1e-6 unless told otherwise', async () => {
    const a = await account();
    expect(DEFAULT_PRIVACY_DELTA).toBe(1e-6);
    expect(a.delta).toBe(1e-6);
    expect(await a.spent()).toBe(0);
    expect(await a.participations()).toBe(0);
  });

  it('composes each participation as a plain Gaussian (no amplification by sampling), matching the closed form', async () => {
    const a = await account();
    const noise = [1.1, 0.8, 2.5, 1.1];
    for (const z of noise) await a.record({ noiseMultiplier: z });
    const spent = await a.spent();
    expect(spent).toBeCloseTo(gaussianEpsilon(noise, DELTA), 9);
    expect(await a.participations()).toBe(4);
    // The same as the coordinator's accountant would say at sampling rate 1.
    const b = await account();
    for (let k = 0; k < 3; k++) await b.record({ noiseMultiplier: 1.3 });
    expect(await b.spent()).toBeCloseTo(epsilonFor({ samplingRate: 1, noiseMultiplier: 1.3, steps: 3, delta: DELTA }).epsilon, 12);
    // Far more conservative than the sampled guarantee the coordinator states for the task.
    expect(await b.spent()).toBeGreaterThan(10 * epsilonFor({ samplingRate: 0.01, noiseMultiplier: 1.3, steps: 3, delta: DELTA }).epsilon);
  });

  it('is sound against the exact privacy curve of the Gaussian mechanism (Balle & Wang 2018)', async () => {
    for (const [z, k] of [
      [0.7, 1],
      [1, 1],
      [2, 5],
      [5, 40],
    ] as const) {
      const a = await account(Infinity);
      for (let i = 0; i < k; i++) await a.record({ noiseMultiplier: z });
      const spent = await a.spent();
      const sigma = z / Math.sqrt(k);
      expect(exactGaussianDelta(spent, sigma), `z=${z} k=${k}`).toBeLessThanOrEqual(DELTA * 1.001);
      // ...and not wildly loose: at 70% of it, the exact curve already needs a larger δ.
      expect(exactGaussianDelta(0.7 * spent, sigma), `z=${z} k=${k}`).toBeGreaterThan(DELTA);
    }
  });

  it('returns ε shares that are non-negative and add up to spent() (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.double({ min: 0.3, max: 20, noNaN: true }), { minLength: 1, maxLength: 8 }), async (noise) => {
        const a = await account(Infinity);
        let sum = 0;
        for (const z of noise) {
          const share = await a.record({ noiseMultiplier: z });
          expect(share).toBeGreaterThanOrEqual(0);
          sum += share;
        }
        const spent = await a.spent();
        expect(sum).toBeCloseTo(spent, 9);
        expect(spent).toBeCloseTo(gaussianEpsilon(noise, DELTA), 9);
      }),
      { numRuns: 40 },
    );
  });

  it('states ε at another δ on request', async () => {
    const a = await account();
    await a.record({ noiseMultiplier: 1 });
    expect(await a.spent({ delta: 1e-3 })).toBeCloseTo(gaussianEpsilon([1], 1e-3), 9);
    expect(await a.spent({ delta: 1e-3 })).toBeLessThan(await a.spent());
    await expect(a.spent({ delta: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('loses no participation when records are not awaited one by one', async () => {
    const a = await account(Infinity);
    const shares = await Promise.all(Array.from({ length: 10 }, () => a.record({ noiseMultiplier: 3 })));
    expect(await a.participations()).toBe(10);
    expect(shares.reduce((x, y) => x + y, 0)).toBeCloseTo(await a.spent(), 9);
  });

  it('refuses nonsense noise multipliers; zero noise is unbounded loss', async () => {
    const a = await account(Infinity);
    for (const z of [-1, NaN, Infinity, '1' as unknown as number]) {
      await expect(a.record({ noiseMultiplier: z })).rejects.toBeInstanceOf(ClientError);
      await expect(a.wouldExceed({ noiseMultiplier: z })).rejects.toThrow(/noiseMultiplier/);
    }
    const capped = await account(5);
    expect(await capped.wouldExceed({ noiseMultiplier: 0 })).toBe(true);
    expect(await a.record({ noiseMultiplier: 0 })).toBe(Infinity);
    expect(await a.spent()).toBe(Infinity);
  });
});

describe('PersonalPrivacyAccount: the cap', () => {
  it('declines a participation that would take it over the cap, and only that', async () => {
    const cap = 4;
    const a = await account(cap);
    const z = 2;
    let k = 0;
    while (!(await a.wouldExceed({ noiseMultiplier: z }))) {
      await a.record({ noiseMultiplier: z });
      k += 1;
    }
    expect(k).toBeGreaterThan(0);
    expect(await a.spent()).toBeLessThanOrEqual(cap);
    expect(gaussianEpsilon(Array(k + 1).fill(z), DELTA)).toBeGreaterThan(cap);
    // A noisier round may still fit.
    expect(await a.wouldExceed({ noiseMultiplier: 1000 })).toBe(false);
    // wouldExceed does not spend anything.
    expect(await a.participations()).toBe(k);
  });

  it('lets the employee lower the cap, never raise it above the organisation default', async () => {
    const a = await account(3);
    expect(await a.caps()).toEqual({ organisation: 3, employee: null, effective: 3 });
    await expect(a.setCap(3.5)).rejects.toMatchObject({ code: 'PRIVACY_CAP_RAISED', message: expect.stringMatching(/3\.5.*organisation's 3/) });
    expect((await a.caps()).effective).toBe(3);
    await a.setCap(1);
    expect(await a.caps()).toEqual({ organisation: 3, employee: 1, effective: 1 });
    expect(await a.wouldExceed({ noiseMultiplier: 2 })).toBe(gaussianEpsilon([2], DELTA) > 1);
    await a.setCap(2); // still below the organisation's: allowed
    await a.setCap(null); // back to the organisation's
    expect((await a.caps()).effective).toBe(3);
    for (const bad of [-1, NaN, 'low' as unknown as number]) await expect(a.setCap(bad)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('applies an organisation default lowered below a saved employee cap', async () => {
    const kv = new MemoryKeyValueStore();
    await (await account(5, kv)).setCap(4);
    expect(await (await account(2, kv)).caps()).toEqual({ organisation: 2, employee: 4, effective: 2 });
  });

  it('validates its options', () => {
    expect(() => new PersonalPrivacyAccount({ kv: new MemoryKeyValueStore(), organisationCap: -1 })).toThrow(/organisationCap/);
    expect(() => new PersonalPrivacyAccount({ kv: new MemoryKeyValueStore(), organisationCap: 1, delta: 1 })).toThrow(/delta/);
    expect(() => new PersonalPrivacyAccount({ organisationCap: 1 } as never)).toThrow(/kv/);
  });
});

describe('PersonalPrivacyAccount: persistence', () => {
  it('keeps the account and the cap across restarts', async () => {
    const kv = new MemoryKeyValueStore();
    const a = await account(8, kv);
    await a.record({ noiseMultiplier: 1.5 });
    await a.record({ noiseMultiplier: 0 }); // ∞ must survive JSON too
    await a.setCap(6);
    const b = await account(8, kv);
    expect(await b.spent()).toBe(Infinity);
    expect(await b.participations()).toBe(2);
    expect((await b.caps()).employee).toBe(6);

    const kv2 = new MemoryKeyValueStore();
    const c = await account(8, kv2);
    const share = await c.record({ noiseMultiplier: 1.5 });
    const d = await account(8, kv2);
    expect(await d.spent()).toBe(share);
  });

  it('refuses an unreadable saved account', async () => {
    for (const raw of ['{', JSON.stringify({ format: 'conclave.sdk.personal-privacy', version: 1, accountant: { format: 'nope' }, employeeCap: null })]) {
      const kv = new MemoryKeyValueStore();
      await kv.set('conclave.privacy.v1', raw);
      const a = new PersonalPrivacyAccount({ kv, organisationCap: 1 });
      await expect(a.ready()).rejects.toMatchObject({ code: 'STORAGE_CORRUPT' });
      await expect(a.wouldExceed({ noiseMultiplier: 10 })).rejects.toMatchObject({ code: 'STORAGE_CORRUPT' });
    }
  });
});
