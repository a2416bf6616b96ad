import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WeightedDeltaAggregator } from '../src/aggregator.ts';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import { parseTaskSpec } from '../src/task-spec.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function spec() {
  return parseTaskSpec({
    name: 'store test',
    purpose: 'p',
    stream: 's',
    model: { modelTopology: {}, weightSpecs: [{ name: 'w', shape: [2], dtype: 'float32' }] },
    features: { kind: 'dense', dim: 2 },
    training: { clientLearningRate: 0.1 },
    cohort: { goal: 3, minimum: 3 },
    rounds: 3,
  });
}

const metrics = { participants: 1, selected: 1, examples: 5, trainLoss: 0.5, evalExamples: 0, evalLoss: null, evalAccuracy: null, durationMs: 1, bytesIn: 8, bytesOut: 8 };

async function fresh() {
  const dir = mkdtempSync(path.join(tmpdir(), 'conclave-store-'));
  dirs.push(dir);
  const store = new SqliteStore({ dataDir: dir });
  await store.createTask({ id: 't1', spec: spec(), initialWeights: new Float32Array([1, 2]), now: 1 });
  return { dir, store };
}

describe('SqliteStore', () => {
  it('commits a round in one transaction: model, metrics, participants', async () => {
    const { store, dir } = await fresh();
    await store.commitRound({
      taskId: 't1', round: 1, kind: 'train', modelVersionIn: 0,
      newModel: { version: 1, weights: new Float32Array([3, 4]), optimizerState: null },
      metrics, participants: [{ deviceId: 'd1', numExamples: 5 }], startedAt: 1, endedAt: 2,
    });
    await store.close();
    const again = new SqliteStore({ dataDir: dir });
    expect((await again.getTask('t1'))!.modelVersion).toBe(1);
    expect(Array.from((await again.getModel('t1', 1))!)).toEqual([3, 4]);
    expect((await again.listRounds('t1'))[0]).toMatchObject({ round: 1, status: 'committed', metrics });
    expect(await again.participation('t1', 1)).toEqual([{ deviceId: 'd1', numExamples: 5 }]);
    await again.close();
  });

  it('writes nothing when a commit fails part-way, and never commits a stale round', async () => {
    const { store } = await fresh();
    const commit = {
      taskId: 't1', round: 1, kind: 'train' as const, modelVersionIn: 0,
      newModel: { version: 1, weights: new Float32Array([3, 4]), optimizerState: null },
      metrics, participants: [{ deviceId: 'd1', numExamples: 5 }, { deviceId: 'd1', numExamples: 6 }], startedAt: 1, endedAt: 2,
    };
    // The duplicate participant violates the primary key after the round row was inserted.
    await expect(store.commitRound(commit)).rejects.toThrow(/UNIQUE/);
    expect((await store.getTask('t1'))!.modelVersion).toBe(0);
    expect(await store.listRounds('t1')).toEqual([]);
    expect(await store.getModel('t1', 1)).toBeUndefined();
    await store.commitRound({ ...commit, participants: [{ deviceId: 'd1', numExamples: 5 }] });
    await expect(store.commitRound({ ...commit, round: 2, participants: [] })).rejects.toThrow('round 2 was computed from model version 0, task is at 1');
    await store.close();
  });

  it('keeps the audit log append-only', async () => {
    const { store } = await fresh();
    expect((await store.auditLog()).map((a) => a.action)).toEqual(['task.create']);
    const db = (store as unknown as { db: { prepare(s: string): { run(): void } } }).db;
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('audit_log is append-only');
    await store.close();
  });
});

describe('WeightedDeltaAggregator', () => {
  it('computes the example-weighted mean while holding only the running sum', () => {
    const agg = new WeightedDeltaAggregator(2);
    agg.add(new Float32Array([1, 0]), 1);
    agg.add(new Float32Array([0, 3]), 3);
    expect(Array.from(agg.mean())).toEqual([0.25, 2.25]);
    expect(agg.contributors).toBe(2);
    expect(() => agg.add(new Float32Array(3), 1)).toThrow('update has 3 values, model has 2');
  });
});
