import { describe, expect, it } from 'vitest';
import { randomWords } from '../src/random.ts';
import { cohortTarget, selectCohort, type SelectionInput } from '../src/round/selection.ts';
import { seededRandom } from './helpers/seeded-random.ts';

const pool = (n: number) => Array.from({ length: n }, (_, i) => `device-${i}`);
const base = (candidates: string[], over: Partial<SelectionInput<string>> = {}): SelectionInput<string> => ({
  candidates,
  identityOf: (d) => d,
  cohort: { goal: 4, minimum: 3, overSelection: 1.3 },
  sampling: { kind: 'uniform' },
  deadlinePassed: false,
  random: seededRandom(1),
  stream: 'points',
  selectionMs: 1500,
  ...over,
});

describe('selection without DP: a uniform cohort of goal × over-selection', () => {
  it('waits until ⌈goal × overSelection⌉ devices are eligible, then picks that many distinct ones', () => {
    expect(cohortTarget({ goal: 4, minimum: 3, overSelection: 1.3 })).toBe(6);
    expect(selectCohort(base(pool(5)))).toEqual({ kind: 'wait' });
    const picked = selectCohort(base(pool(20)));
    if (picked.kind !== 'cohort') throw new Error(`expected a cohort, got ${picked.kind}`);
    expect(picked.members).toHaveLength(6);
    expect(new Set(picked.members).size).toBe(6);
    for (const m of picked.members) expect(pool(20)).toContain(m);
  });

  it('picks one identity at most once, however many candidates carry it (uniform and Poisson)', () => {
    // Every device appears three times: as if it held three sessions.
    const tripled = pool(8).flatMap((d) => [d, d, d]);
    for (let seed = 0; seed < 50; seed++) {
      const uniform = selectCohort(base(tripled, { random: seededRandom(seed) }));
      if (uniform.kind !== 'cohort') throw new Error(`expected a cohort, got ${uniform.kind}`);
      expect(uniform.members).toHaveLength(6);
      expect(new Set(uniform.members).size).toBe(6);
      const poisson = selectCohort(base(tripled, { sampling: { kind: 'poisson', samplingRate: 1 }, deadlinePassed: true, random: seededRandom(seed) }));
      if (poisson.kind !== 'cohort') throw new Error(`expected a cohort, got ${poisson.kind}`);
      expect([...poisson.members].sort()).toEqual(pool(8).sort());
    }
    // Three sessions of two identities are two candidates: below the minimum of three.
    expect(selectCohort(base(['a', 'a', 'b', 'b', 'b'], { deadlinePassed: true }))).toMatchObject({ kind: 'abort', reason: expect.stringContaining(': 2 eligible devices checked in') });
  });

  it('is uniform: over many draws every device is picked about target/pool of the time', () => {
    const random = seededRandom('uniform');
    const counts = new Map<string, number>();
    const draws = 4000;
    for (let i = 0; i < draws; i++) {
      const out = selectCohort(base(pool(12), { random }));
      if (out.kind !== 'cohort') throw new Error('expected a cohort');
      for (const m of out.members) counts.set(m, (counts.get(m) ?? 0) + 1);
    }
    // Each device: Binomial(4000, 1/2), σ ≈ 32; 5σ bounds.
    for (const d of pool(12)) expect(Math.abs((counts.get(d) ?? 0) - draws / 2)).toBeLessThan(160);
  });

  it('at the deadline takes what there is above the minimum, and below it gives up with the reason', () => {
    const some = selectCohort(base(pool(4), { deadlinePassed: true }));
    expect(some.kind === 'cohort' && some.members.length).toBe(4);
    expect(selectCohort(base(pool(2), { deadlinePassed: true }))).toEqual({
      kind: 'abort',
      reason: 'selection timed out after 1.5 s: 2 eligible devices checked in for stream "points", minimum is 3',
    });
    expect(selectCohort(base(pool(1), { deadlinePassed: true }))).toMatchObject({ reason: expect.stringContaining(': 1 eligible device checked in') });
  });
});

describe('selection under DP: Poisson sampling at the accounted rate', () => {
  const poisson = { kind: 'poisson' as const, samplingRate: 0.25 };

  it('waits for the selection window to gather the pool, however large it is', () => {
    expect(selectCohort(base(pool(1000), { sampling: poisson }))).toEqual({ kind: 'wait' });
  });

  it('takes each device exactly when its uniform word falls below q·2^32', () => {
    const candidates = pool(400);
    const words = randomWords(seededRandom(7), candidates.length);
    const expected = candidates.filter((_, i) => words[i]! < 0.25 * 2 ** 32);
    const out = selectCohort(base(candidates, { sampling: poisson, deadlinePassed: true, random: seededRandom(7) }));
    expect(out).toEqual({ kind: 'cohort', members: expected });
    // Binomial(400, 1/4): 100 ± 8.7.
    expect(Math.abs(expected.length - 100)).toBeLessThan(45);
  });

  it('refuses a sample below the minimum or beyond the distributed encoding\'s headroom, spending nothing', () => {
    expect(selectCohort(base(pool(4), { sampling: { kind: 'poisson', samplingRate: 1e-9 }, deadlinePassed: true }))).toEqual({
      kind: 'abort',
      reason: 'Poisson sampling at rate 0.0000 picked 0 of 4 eligible devices, minimum is 3 (no privacy spent)',
    });
    expect(selectCohort(base(pool(10), { sampling: { kind: 'poisson', samplingRate: 1, maxCohort: 8 }, deadlinePassed: true }))).toEqual({
      kind: 'abort',
      reason: 'Poisson sampling picked 10 devices, more than the 8 the distributed-DP encoding has headroom for (no privacy spent)',
    });
  });
});
