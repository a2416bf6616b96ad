import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { Coordinator } from '../../src/coordinator.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { FakeClock } from './fake-clock.ts';
import { Events, MemoryDevice } from './memory-device.ts';
import { seededRandom } from './seeded-random.ts';

export const DIM = 4;

/** A small task over `DIM` weights; plain aggregation unless overridden. */
export function task(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'round test',
    purpose: 'Testing the coordinator round by round.',
    stream: 'points',
    model: {
      modelTopology: {},
      weightSpecs: [{ name: 'w', shape: [DIM], dtype: 'float32' }],
      weightsBase64: Buffer.from(new Float32Array(DIM).buffer).toString('base64'),
    },
    features: { kind: 'dense', dim: DIM },
    training: { clientLearningRate: 0.1 },
    cohort: { goal: 3, minimum: 3, overSelection: 1 },
    rounds: 1,
    timeouts: { selectionMs: 1000, roundMs: 5000 },
    evaluation: { finalRound: false },
    secureAggregation: { enabled: false },
    ...over,
  };
}

export type RoundEnd = { taskId: string; outcome: 'committed' | 'aborted'; round: number };

/** A coordinator on a fake clock and a seeded random source, with a real SQLite store in a temporary directory. */
export async function coordinatorHarness(onRoundEnd?: (end: RoundEnd, h: { db: Database.Database }) => void) {
  const dir = mkdtempSync(path.join(tmpdir(), 'conclave-rounds-'));
  const store = new SqliteStore({ dataDir: dir });
  // A second connection to the same database: tests use it to make the store fail for real.
  const db = new Database(path.join(dir, 'conclave.db'));
  const clock = new FakeClock();
  const events = new Events();
  const ends: RoundEnd[] = [];
  const options = {
    store,
    logger: pino({ level: 'silent' }),
    clock,
    random: seededRandom('coordinator'),
    poolHoldMs: 1e9,
    // These tests are about rounds: tasks start without waiting for an approver (issue 10).
    requireApproval: false,
    onRoundEnd: (taskId: string, outcome: 'committed' | 'aborted', round: number) => {
      const end = { taskId, outcome, round };
      ends.push(end);
      onRoundEnd?.(end, { db });
      events.notify();
    },
  };
  const coordinator = await Coordinator.open(options);
  await coordinator.start();
  const devices = (n: number) => Array.from({ length: n }, (_, i) => new MemoryDevice(`device-${i + 1}`, coordinator, events));
  return {
    coordinator,
    store,
    db,
    clock,
    events,
    ends,
    devices,
    async close() {
      coordinator.stop();
      db.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
