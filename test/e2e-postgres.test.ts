/**
 * A coordinator on PostgreSQL (`serve({ store: 'postgres://…' })`, as `conclave serve --store`):
 * a real secure round (malicious-server SecAgg+, certified devices, an approved task) over
 * sockets, everything kept in a throwaway PostgreSQL cluster and nothing in the data directory
 * but the admin token; a restarted coordinator on the same database finds it all.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { serve, verifyAuditChain } from '@conclave/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denseTask, startHarness, waitForTask, type Harness } from './helpers.ts';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster.ts';

let cluster: PostgresCluster | undefined;
let h: Harness | undefined;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 120_000);
afterAll(async () => {
  await h?.close();
  await cluster?.stop();
}, 60_000);

describe('a coordinator on PostgreSQL', () => {
  it('runs secure rounds with the store in PostgreSQL, and a restarted coordinator finds every round, model, certificate and approval', async () => {
    const url = await cluster!.createDatabase('e2e_secure');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'conclave-e2e-pg-'));
    h = await startHarness({ dataDir, store: url, storePoolSize: 4 });
    const taskId = await h.server.coordinator.createTask(await denseTask(8, { rounds: 2, cohort: { goal: 4, minimum: 4, overSelection: 1 }, secureAggregation: { maliciousServer: true } }));
    for (let i = 0; i < 4; i++) await h.addClient();
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(done).toMatchObject({ status: 'completed', roundsDone: 2 });
    expect(done.secureAggregation.maliciousServer).toBe(true);
    expect(done.lastMetrics!.evalAccuracy).toBeGreaterThan(0.7);
    const devices = h.clients.map((c) => c.deviceId).sort();
    expect((await h.server.coordinator.store.participation(taskId, 2)).map((p) => p.deviceId).sort()).toEqual(devices);
    const before = await h.server.coordinator.latestModel(taskId);
    // Nothing of the coordinator's state went to SQLite: the data directory holds the admin token only.
    expect(readdirSync(dataDir)).toEqual(['admin-token']);
    await h.close();
    h = undefined;

    const again = await serve({ port: 0, dataDir, store: url, logger: pino({ level: 'silent' }) });
    try {
      const status = await again.coordinator.taskStatus(taskId);
      expect(status).toMatchObject({ status: 'completed', roundsDone: 2, modelVersion: 2 });
      const after = await again.coordinator.latestModel(taskId);
      expect(after.version).toBe(2);
      expect(Array.from(after.weights)).toEqual(Array.from(before.weights));
      const rounds = (await again.coordinator.store.listRounds(taskId)).filter((r) => r.status === 'committed');
      expect(rounds.map((r) => [r.round, r.kind, r.modelVersionOut])).toEqual([
        [1, 'train', 1],
        [2, 'train', 2],
        [3, 'evaluate', null],
      ]);
      // The approval and its log, and the authority's certificates, came back from the database.
      expect(again.coordinator.transparencyLog().entries).toHaveLength(1);
      expect((await again.coordinator.trust.roundTrust(devices)).certificates.every((c) => c !== undefined)).toBe(true);
      expect(await again.coordinator.trust.pending()).toEqual([]);
      const chain = await again.coordinator.store.auditChain();
      expect(verifyAuditChain(chain).ok).toBe(true);
      expect(chain.map((e) => e.action)).toEqual(expect.arrayContaining(['task.create', 'task.approve', 'device.enroll', 'certificates.stored']));
      expect(existsSync(path.join(dataDir, 'conclave.db'))).toBe(false);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('refuses to start on a PostgreSQL server it cannot reach, naming the store without its password', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'conclave-e2e-pg-'));
    const url = new URL(cluster!.url);
    url.port = '1';
    await expect(serve({ port: 0, dataDir, store: url.toString(), logger: pino({ level: 'silent' }) })).rejects.toThrow(
      /^cannot open the PostgreSQL store at postgres:\/\/conclave:\*\*\*@127\.0\.0\.1:1\/conclave: /,
    );
    await expect(serve({ port: 0, dataDir, store: 'mysql://x', logger: pino({ level: 'silent' }) })).rejects.toThrow(
      '--store "mysql:…" is not a store this coordinator knows: give sqlite:PATH or postgres://user:password@host:port/database',
    );
  });
});
