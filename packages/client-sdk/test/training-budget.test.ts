import { describe, expect, it } from 'vitest';
import { MemoryKeyValueStore } from '../src/kv-store.ts';
import { TrainingBudget, trainingDayKey } from '../src/training-budget.ts';

/** Local-time instants, so calendar days are the device's own. */
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('TrainingBudget (limits.trainingMsPerDay)', () => {
  it('counts training time per local calendar day and is exhausted once the day is used up', async () => {
    let now = at(2026, 12, 4, 9);
    const budget = new TrainingBudget({ kv: new MemoryKeyValueStore(), now: () => now, msPerDay: 60_000 });
    expect(await budget.exhausted()).toBe(false);
    await budget.add(45_000);
    expect(await budget.usedToday()).toBe(45_000);
    expect(await budget.exhausted()).toBe(false);
    await budget.add(15_000);
    expect(await budget.exhausted()).toBe(true);
    // A minute before midnight it is still today; after midnight a new day starts from zero.
    now = at(2026, 12, 4, 23, 59);
    expect(await budget.exhausted()).toBe(true);
    now = at(2026, 12, 5, 0, 1);
    expect(await budget.usedToday()).toBe(0);
    expect(await budget.exhausted()).toBe(false);
  });

  it('persists in the key-value store, so a restarted client keeps today’s count', async () => {
    const kv = new MemoryKeyValueStore();
    const now = () => at(2026, 12, 4);
    await new TrainingBudget({ kv, now, msPerDay: 1_000 }).add(700);
    expect(await kv.get(trainingDayKey(now()))).toBe('700');
    expect(trainingDayKey(now())).toBe('conclave.training-ms.2026-12-4');
    const again = new TrainingBudget({ kv, now, msPerDay: 1_000 });
    expect(await again.usedToday()).toBe(700);
    await again.add(300);
    expect(await again.exhausted()).toBe(true);
  });

  it('never loses time when rounds finish together', async () => {
    const budget = new TrainingBudget({ kv: new MemoryKeyValueStore(), now: () => at(2026, 12, 4) });
    await Promise.all(Array.from({ length: 20 }, () => budget.add(50)));
    expect(await budget.usedToday()).toBe(1_000);
  });

  it('without a limit is never exhausted; a zero limit always is', async () => {
    const kv = new MemoryKeyValueStore();
    const now = () => at(2026, 12, 4);
    const unlimited = new TrainingBudget({ kv, now });
    await unlimited.add(1e12);
    expect(unlimited.msPerDay).toBe(Infinity);
    expect(await unlimited.exhausted()).toBe(false);
    expect(await new TrainingBudget({ kv: new MemoryKeyValueStore(), now, msPerDay: 0 }).exhausted()).toBe(true);
  });

  it('refuses bad limits and bad durations, naming the value; reads a corrupt count as zero', async () => {
    const kv = new MemoryKeyValueStore();
    const now = () => at(2026, 12, 4);
    expect(() => new TrainingBudget({ kv, now, msPerDay: -1 })).toThrow('msPerDay must be a number >= 0, got -1');
    const budget = new TrainingBudget({ kv, now, msPerDay: 10 });
    await expect(budget.add(Number.NaN)).rejects.toThrow('training time must be a finite number >= 0, got NaN');
    await kv.set(trainingDayKey(now()), 'not a number');
    expect(await budget.usedToday()).toBe(0);
  });
});
