/**
 * The store contract (packages/server/src/store/store.ts), one suite run against both stores:
 * SQLite in a temporary directory, and PostgreSQL in a throwaway cluster this file starts
 * (test/support/postgres-cluster.ts: initdb on a free port, stopped in afterAll). Without
 * PostgreSQL installed the PostgreSQL half fails with the command that installs it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSigningKeyPair, issueCertificate, issueRevocationList } from '@conclave/proto';
import { parseTaskSpec, PostgresStore, SqliteStore, SqliteTrustStore, verifyAuditChain, type Store, type TrustRelayStore } from '@conclave/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster.ts';

type RoundCommit = Parameters<Store['commitRound']>[0];

/** One backend: a fresh empty store, the same data opened again, and raw SQL past the store. */
interface Backend {
  fresh(): Promise<{ store: Store; trust: TrustRelayStore; reopen(): Promise<Store>; raw(sql: string): Promise<unknown> }>;
}

const spec = () =>
  parseTaskSpec({
    name: 'store test',
    purpose: 'p',
    stream: 's',
    model: { modelTopology: {}, weightSpecs: [{ name: 'w', shape: [2], dtype: 'float32' }] },
    features: { kind: 'dense', dim: 2 },
    training: { clientLearningRate: 0.1 },
    cohort: { goal: 3, minimum: 3 },
    rounds: 3,
  });

const metrics = { participants: 1, selected: 1, examples: 5, trainLoss: 0.5, evalExamples: 0, evalLoss: null, evalAccuracy: null, durationMs: 1, bytesIn: 8, bytesOut: 8 };

const round1 = (over: Partial<RoundCommit> = {}): RoundCommit => ({
  taskId: 't1',
  round: 1,
  kind: 'train',
  modelVersionIn: 0,
  newModel: { version: 1, weights: new Float32Array([3, 4]), optimizerState: Buffer.from([7, 8, 9]), privacyState: '{"steps":1}' },
  metrics,
  participants: [{ deviceId: 'd1', numExamples: 5 }],
  startedAt: 1,
  endedAt: 2,
  ...over,
});

function describeStoreContract(name: string, backend: () => Backend) {
  describe(`store contract: ${name}`, () => {
    const withTask = async () => {
      const b = await backend().fresh();
      await b.store.createTask({ id: 't1', spec: spec(), initialWeights: new Float32Array([1, 2]), now: 1 });
      return b;
    };

    it('commits a round in one transaction: model, optimizer and privacy state, metrics, participants; all there after a reopen', async () => {
      const b = await withTask();
      await b.store.commitRound(round1());
      await b.store.close();
      const again = await b.reopen();
      const task = (await again.getTask('t1'))!;
      expect(task).toMatchObject({ id: 't1', name: 'store test', status: 'running', modelVersion: 1, finalEvalDone: false, createdAt: 1, updatedAt: 2 });
      expect(task.spec.cohort.goal).toBe(3);
      expect(Array.from((await again.getModel('t1', 1))!)).toEqual([3, 4]);
      expect(Array.from((await again.getModel('t1', 0))!)).toEqual([1, 2]);
      expect(await again.getModel('t1', 2)).toBeUndefined();
      expect([...(await again.getOptimizerState('t1'))!]).toEqual([7, 8, 9]);
      expect(await again.getPrivacyState('t1')).toBe('{"steps":1}');
      expect((await again.listRounds('t1'))[0]).toMatchObject({ taskId: 't1', round: 1, kind: 'train', status: 'committed', modelVersionIn: 0, modelVersionOut: 1, metrics });
      expect(await again.participation('t1', 1)).toEqual([{ deviceId: 'd1', numExamples: 5 }]);
      expect(await again.listModelVersions('t1')).toEqual([
        { version: 0, round: null, createdAt: 1, metrics: null },
        { version: 1, round: 1, createdAt: 2, metrics },
      ]);
      await again.close();
    });

    it('writes nothing when a commit fails part-way, and never commits a stale round', async () => {
      const b = await withTask();
      // The duplicate participant violates the primary key after the round row was inserted.
      const commit = round1({ participants: [{ deviceId: 'd1', numExamples: 5 }, { deviceId: 'd1', numExamples: 6 }] });
      await expect(b.store.commitRound(commit)).rejects.toThrow(/unique/i);
      expect((await b.store.getTask('t1'))!.modelVersion).toBe(0);
      expect(await b.store.listRounds('t1')).toEqual([]);
      expect(await b.store.getModel('t1', 1)).toBeUndefined();
      expect(await b.store.getPrivacyState('t1')).toBeNull();
      await b.store.commitRound({ ...commit, participants: [{ deviceId: 'd1', numExamples: 5 }] });
      await expect(b.store.commitRound({ ...commit, round: 2, participants: [] })).rejects.toThrow('round 2 was computed from model version 0, task is at 1');
      await expect(b.store.commitRound(round1({ taskId: 'nope' }))).rejects.toThrow('task nope does not exist');
      await b.store.close();
    });

    it('lets one of two concurrent commits of a round through, never both', async () => {
      const b = await withTask();
      const results = await Promise.allSettled([b.store.commitRound(round1()), b.store.commitRound(round1({ participants: [{ deviceId: 'd2', numExamples: 3 }] }))]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((await b.store.listRounds('t1')).filter((r) => r.status === 'committed')).toHaveLength(1);
      expect(await b.store.participation('t1', 1)).toHaveLength(1);
      await b.store.close();
    });

    it('charges privacy ahead of a reveal (write-ahead), kept across a reopen', async () => {
      const b = await withTask();
      await b.store.chargePrivacy('t1', 1, '{"steps":1}', 5);
      expect(await b.store.getPrivacyState('t1')).toBe('{"steps":1}');
      await b.store.close();
      const again = await b.reopen();
      expect(await again.getPrivacyState('t1')).toBe('{"steps":1}');
      await again.close();
    });

    it('records aborted rounds (with the ε a revealed sum spent), evaluation and finish, and lists rounds oldest first up to a limit', async () => {
      const b = await withTask();
      await b.store.recordAbortedRound({ taskId: 't1', round: 1, kind: 'train', modelVersionIn: 0, reason: 'timed out', startedAt: 1, endedAt: 2, privacyState: '{"steps":1}' });
      expect(await b.store.getPrivacyState('t1')).toBe('{"steps":1}');
      await b.store.commitRound(round1({ newModel: { version: 1, weights: new Float32Array([3, 4]), optimizerState: null }, startedAt: 3, endedAt: 4 }));
      // A model without privacy state keeps the one stored.
      expect(await b.store.getPrivacyState('t1')).toBe('{"steps":1}');
      expect(await b.store.getOptimizerState('t1')).toBeNull();
      await b.store.commitRound({
        taskId: 't1',
        round: 2,
        kind: 'evaluate',
        modelVersionIn: 1,
        metrics,
        participants: [],
        startedAt: 5,
        endedAt: 6,
        privacyState: '{"steps":2}',
        finish: { status: 'completed', reason: 'completed 1 rounds' },
      });
      expect(await b.store.getTask('t1')).toMatchObject({ status: 'completed', statusReason: 'completed 1 rounds', modelVersion: 1, finalEvalDone: true });
      expect(await b.store.getPrivacyState('t1')).toBe('{"steps":2}');
      const rounds = await b.store.listRounds('t1');
      expect(rounds.map((r) => [r.round, r.kind, r.status, r.reason, r.modelVersionOut])).toEqual([
        [1, 'train', 'aborted', 'timed out', null],
        [1, 'train', 'committed', '', 1],
        [2, 'evaluate', 'committed', '', null],
      ]);
      expect(rounds[0]!.metrics).toBeNull();
      expect((await b.store.listRounds('t1', 2)).map((r) => r.kind)).toEqual(['train', 'evaluate']);
      // The finishing commit is on the audit record (ε spent only when the round's metrics carry it).
      expect((await b.store.auditLog()).map((e) => e.action)).toEqual(['task.create', 'task.status']);
      await b.store.commitRound(round1({ taskId: 't1', round: 3, modelVersionIn: 1, newModel: { version: 2, weights: new Float32Array([5, 6]), optimizerState: null }, metrics: { ...metrics, epsilonSpent: 0.5 } }));
      expect((await b.store.auditLog(1))[0]).toMatchObject({ action: 'privacy.spent', detail: { taskId: 't1', round: 3, kind: 'train', epsilonSpent: 0.5 } });
      await b.store.setTaskStatus('t1', 'stopped', 'by hand', 7);
      expect(await b.store.listTasks()).toMatchObject([{ id: 't1', status: 'stopped', statusReason: 'by hand', updatedAt: 7 }]);
      await b.store.close();
    });

    it('spends each enrollment token once, refuses unknown and expired ones and revoked devices, and counts enrolled devices', async () => {
      const { store } = await backend().fresh();
      const key = new Uint8Array(32).fill(5);
      await store.createEnrollmentTokens(['h1', 'h2', 'h3'], 10, 100);
      await expect(store.enrollDevice('nope', 'd1', key, 20)).rejects.toThrow('enrollment token is not one this coordinator issued');
      await expect(store.enrollDevice('h3', 'd1', key, 101)).rejects.toThrow(/enrollment token expired on/);
      await store.enrollDevice('h1', 'd1', key, 20);
      await expect(store.enrollDevice('h1', 'd2', key, 21)).rejects.toThrow('enrollment token was already used; each token enrolls one device');
      expect(await store.getDevice('d1')).toEqual({ id: 'd1', publicKey: key, firstSeen: 20, lastSeen: 20, enrolledAt: 20, revokedAt: null, revokedReason: '' });
      await store.touchDevice('d1', 30);
      await store.touchDevice('d9', 31);
      expect((await store.getDevice('d1'))!.lastSeen).toBe(30);
      expect(await store.countEnrolledDevices()).toBe(1);
      await store.revokeDevice('d1', 'left', 40);
      await expect(store.revokeDevice('d1', 'again', 41)).rejects.toThrow('device d1 is already revoked');
      await expect(store.revokeDevice('zz', '', 41)).rejects.toThrow('no device with id "zz"');
      await expect(store.enrollDevice('h2', 'd1', key, 42)).rejects.toThrow('device d1 was revoked and can never join again');
      expect(await store.countEnrolledDevices()).toBe(0);
      expect((await store.listDevices()).map((d) => [d.id, d.revokedAt, d.revokedReason])).toEqual([
        ['d1', 40, 'left'],
        ['d9', null, ''],
      ]);
      // Device ids never enter the audit log: pseudonyms stand for them.
      const log = await store.auditLog();
      expect(log.map((e) => e.action)).toEqual(['enrollment.issue', 'device.enroll', 'device.revoke']);
      expect(JSON.stringify(log)).not.toContain('"d1"');
      await store.close();
    });

    it('keeps the audit log a verifiable, append-only hash chain', async () => {
      const b = await withTask();
      await b.store.audit('admin', 'task.start', { taskId: 't1', devices: ['d1', 'd2'] }, 5);
      const chain = await b.store.auditChain();
      expect(chain.map((e) => [e.seq, e.action])).toEqual([
        [1, 'task.create'],
        [2, 'task.start'],
      ]);
      expect(verifyAuditChain(chain)).toMatchObject({ ok: true, entries: 2, head: { seq: 2, hash: chain[1]!.hash } });
      expect((await b.store.auditLog(1)).map((e) => e.seq)).toEqual([2]);
      await expect(b.raw('DELETE FROM audit_log')).rejects.toThrow('audit_log is append-only');
      await expect(b.raw("UPDATE audit_log SET actor = 'x'")).rejects.toThrow('audit_log is append-only');
      await b.store.close();
    });

    it('keeps a task awaiting approval until its approval and head are appended, in one transaction, across a restart', async () => {
      const b = await backend().fresh();
      const { store } = b;
      await store.createTask({ id: 't1', spec: spec(), initialWeights: new Float32Array([1, 2]), now: 1, awaitingApproval: true });
      await store.createTask({ id: 't2', spec: spec(), initialWeights: new Float32Array([1, 2]), now: 1 });
      expect((await store.getTask('t1'))?.status).toBe('awaiting-approval');
      expect((await store.getTask('t2'))?.status).toBe('running');
      // A head for the wrong log size, or for a task not awaiting approval, changes nothing.
      await expect(store.appendApproval({ taskId: 't1', leafIndex: 3, approvalJson: '{}', headJson: '{}', now: 2 })).rejects.toThrow(/the transparency log has 0 entries, the approval was made for 3/);
      await expect(store.appendApproval({ taskId: 't2', leafIndex: 0, approvalJson: '{}', headJson: '{}', now: 2 })).rejects.toThrow(/task "t2" is not awaiting approval/);
      expect(await store.listApprovals()).toEqual([]);
      await store.appendApproval({ taskId: 't1', leafIndex: 0, approvalJson: '{"a":1}', headJson: '{"h":1}', now: 2 });
      expect((await store.getTask('t1'))?.status).toBe('running');
      await expect(store.setTaskStatus('t2', 'awaiting-approval', '', 3)).rejects.toThrow(/only an approval changes that/);
      // A stopped task that was awaiting approval reads as stopped.
      await store.createTask({ id: 't3', spec: spec(), initialWeights: new Float32Array([1, 2]), now: 1, awaitingApproval: true });
      await store.setTaskStatus('t3', 'stopped', 'never approved', 3);
      expect((await store.getTask('t3'))?.status).toBe('stopped');
      await expect(b.raw('UPDATE task_approvals SET approved_at = 0')).rejects.toThrow(/task_approvals is append-only/);
      await expect(b.raw('DELETE FROM log_heads')).rejects.toThrow(/log_heads is append-only/);
      await store.close();
      const again = await b.reopen();
      expect(await again.listApprovals()).toEqual([{ taskId: 't1', approvalJson: '{"a":1}' }]);
      expect(await again.listLogHeads()).toEqual(['{"h":1}']);
      expect((await again.auditLog()).some((e) => e.action === 'task.approve' && e.detail.taskId === 't1')).toBe(true);
      await again.close();
    });

    it('forgets a device: its records go, anonymous counts and the chain stay, and it says which versions it went into', async () => {
      const b = await withTask();
      await b.store.createEnrollmentTokens(['h1'], 1, 100);
      await b.store.enrollDevice('h1', 'd1', new Uint8Array(32).fill(1), 2);
      await b.store.commitRound(round1());
      expect(await b.store.forgetDevice('d1', 9)).toEqual({ forgotten: true, modelVersions: [{ taskId: 't1', versions: [1] }] });
      expect(await b.store.getDevice('d1')).toBeUndefined();
      expect(await b.store.participation('t1', 1)).toEqual([]);
      expect((await b.store.listRounds('t1'))[0]!.metrics).toMatchObject({ participants: 1 });
      expect(await b.store.forgetDevice('d1', 10)).toEqual({ forgotten: false, modelVersions: [] });
      expect(verifyAuditChain(await b.store.auditChain()).ok).toBe(true);
      await b.store.close();
    });

    it('relays certificates and the newest revocation list of each authority, never an older or a forked one', async () => {
      const b = await backend().fresh();
      const authority = await generateSigningKeyPair();
      const device = await generateSigningKeyPair();
      const cert = await issueCertificate(authority, { publicKey: device.publicKey, issuedAtMs: 1, expiresAtMs: 1000 });
      await b.trust.putCertificates([cert], 5);
      expect(await b.trust.certificateOf(cert.deviceId)).toEqual(cert);
      const list = (sequence: number, revoked: string[]) => issueRevocationList(authority, { sequence, issuedAtMs: sequence, revoked });
      await b.trust.putRevocationList(await list(2, ['a']), 6);
      await expect(b.trust.putRevocationList(await list(1, []), 7)).rejects.toThrow('revocation list 1 is older than the stored list 2');
      await expect(b.trust.putRevocationList(await list(2, ['b']), 7)).rejects.toThrow('revocation list 2 differs from the stored list with the same sequence');
      await b.trust.putRevocationList(await list(3, ['a', 'b']), 8);
      expect((await b.trust.revocationLists()).map((l) => [l.sequence, l.revoked])).toEqual([[3, ['a', 'b']]]);
      expect(await b.trust.forgetCertificate(cert.deviceId)).toBe(true);
      expect(await b.trust.certificateOf(cert.deviceId)).toBeUndefined();
      await b.trust.close();
      await b.store.close();
    });
  });
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describeStoreContract('SQLite', () => ({
  async fresh() {
    const dir = mkdtempSync(path.join(tmpdir(), 'conclave-store-'));
    tempDirs.push(dir);
    const store = new SqliteStore({ dataDir: dir });
    const db = (store as unknown as { db: { prepare(sql: string): { run(): unknown } } }).db;
    return {
      store,
      trust: new SqliteTrustStore({ dataDir: dir }),
      reopen: async () => new SqliteStore({ dataDir: dir }),
      raw: async (sql: string) => db.prepare(sql).run(),
    };
  },
}));

let cluster: PostgresCluster | undefined;
let databases = 0;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
}, 60_000);

describeStoreContract('PostgreSQL', () => ({
  async fresh() {
    if (!cluster) throw new Error('the PostgreSQL cluster did not start (see the beforeAll error above)');
    databases += 1;
    const url = await cluster.createDatabase(`contract_${databases}`);
    const store = await PostgresStore.open({ url, poolSize: 4 });
    const pool = (store as unknown as { pool: { query(sql: string): Promise<unknown> } }).pool;
    return { store, trust: store.trust, reopen: () => PostgresStore.open({ url }), raw: (sql: string) => pool.query(sql) };
  },
}));

describe('PostgreSQL migrations', () => {
  it('records the schema version and refuses a database newer than the code, naming both versions', async () => {
    const url = await cluster!.createDatabase('migrations');
    const store = await PostgresStore.open({ url });
    const pool = (store as unknown as { pool: { query(sql: string): Promise<{ rows: { version: number; name: string }[] }> } }).pool;
    expect((await pool.query('SELECT version, name FROM schema_migrations ORDER BY version')).rows).toEqual([
      { version: 1, name: 'initial schema' },
      { version: 2, name: 'task leases' },
      { version: 3, name: 'node messages' },
    ]);
    await pool.query(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', 0)`);
    await store.close();
    await expect(PostgresStore.open({ url })).rejects.toThrow('database schema version 99 is newer than this coordinator (3); upgrade the coordinator');
    // Opening twice is a no-op: the schema is migrated once.
    const other = await PostgresStore.open({ url: await cluster!.createDatabase('migrations_twice') });
    await other.close();
  });
});
