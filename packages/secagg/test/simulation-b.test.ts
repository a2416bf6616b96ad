/**
 * Seeded simulated network, seeds 125–249 (the other half runs in simulation-a.test.ts, in
 * parallel): cohorts of 5–40, vectors of 16–64 entries, complete and sparse graphs, with and
 * without the consistency check, random delivery orders, dropouts at every phase, late and bad
 * messages; some rounds run on tweetnacl + WebCrypto, some mix both providers client by client.
 * Every completed round must equal the plain sum of exactly the survivors' inputs (mod 2^32);
 * every aborted round must produce no output; no secret may ever have both its shares sent; and
 * the last phase must complete exactly when every needed secret has t holders.
 */
import { describe, expect, it } from 'vitest';
import { simulateSeeds, type SimulationSummary } from './helpers/simulation.ts';

const FROM = 125;
const TO = 250;
const BATCH = 25;
const summaries: SimulationSummary[] = [];

describe(`simulated network, seeds ${FROM}–${TO - 1}`, () => {
  for (let from = FROM; from < TO; from += BATCH) {
    it(`seeds ${from}–${from + BATCH - 1}: exact survivors' sum, or an abort that reveals nothing`, async () => {
      const summary = await simulateSeeds(from, from + BATCH);
      summaries.push(summary);
      expect(summary.violations).toEqual([]);
    });
  }

  it('the seeds exercise every outcome, not just the easy one', () => {
    const total = (key: Exclude<keyof SimulationSummary, 'violations'>): number => summaries.reduce((a, s) => a + s[key], 0);
    expect(total('rounds')).toBe(TO - FROM);
    expect(total('completed')).toBeGreaterThanOrEqual((TO - FROM) / 4);
    expect(total('abortedEarly')).toBeGreaterThan(0);
    expect(total('abortedAtUnmask')).toBeGreaterThan(0);
    expect(total('sparseCompleted')).toBeGreaterThan(0);
    expect(total('consistencyCompleted')).toBeGreaterThan(0);
    expect(total('portableRounds')).toBeGreaterThan(0);
    expect(total('mixedRounds')).toBeGreaterThan(0); // completed with clients on both providers
  });
});
