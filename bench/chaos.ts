/**
 * A coordinator that is killed mid-work and comes back (issue 15 item 3).
 *
 * `conclave serve` runs as its own process, exactly as deployed, with a task that uses central
 * differential privacy under secure aggregation; real SDK devices in this process train a tiny
 * model over real WebSockets. At random moments (seeded) the coordinator is killed with SIGKILL —
 * no shutdown hook runs, whatever transaction was open is cut — and restarted on the same port
 * and data directory. After each kill this checks, from the store itself:
 *
 * - SQLite's `PRAGMA integrity_check` passes on the database the killed process left;
 * - the committed rounds are numbered 1..N, no gap and no duplicate;
 * - every round committed before the kill is still there with the same ε (and ε never falls);
 * - every device is back (reconnected and authenticated) within 10 s of the restart;
 * - the rounds continue: a new round commits after the restart.
 *
 *   pnpm bench:chaos [--kills 20] [--devices 20] [--seed 1] [--json]
 *
 * `runChaos` is also the small-scale test (test/e2e-chaos.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { createClient, createIdentity, createInlineTrainer, type ConclaveClient } from '@conclave/client-sdk';
import { LocalApprover, LocalAuthority } from '@conclave/server';
import { adminApi, freePort, startServe, stopServe, until } from './serve-process.ts';

/** The coordinator's own SQLite driver, to read its database as the killed process left it. */
const Database = createRequire(new URL('../packages/server/package.json', import.meta.url))('better-sqlite3') as new (file: string) => SqliteDb;
interface SqliteDb {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown };
  close(): void;
}

export interface ChaosOptions {
  /** SIGKILLs of the coordinator. @default 20 */
  kills: number;
  /** SDK devices. @default 20 */
  devices: number;
  /** Seed of the kill moments. @default 1 */
  seed: number;
  /** Devices must be back within this long after the restart. @default 10_000 */
  returnWithinMs: number;
  /** A kill comes this long (uniform, ms) after the previous restart's first new commit. @default [200, 4000] */
  killDelayMs: [number, number];
  /** Progress lines. @default none */
  log?: (line: string) => void;
}

export interface KillRecord {
  kill: number;
  /** Committed rounds in the store when the process died. */
  committed: number;
  integrity: string;
  /** From the restarted coordinator listening to the last device authenticated. */
  devicesBackMs: number;
  /** From the restarted coordinator listening to its first new committed round. */
  nextCommitMs: number;
  problems: string[];
}

export interface ChaosResult {
  options: Omit<ChaosOptions, 'log'>;
  kills: KillRecord[];
  roundsCommitted: number;
  epsilonSpent: number;
  problems: string[];
  pass: boolean;
}

/** mulberry32: kill moments only, not a security boundary. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Logistic regression over 4 features, as TensorFlow.js saves it. */
async function tinyModel(): Promise<{ modelTopology: object; weightSpecs: unknown[]; weightsBase64: string }> {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) })] });
  let out!: { modelTopology: object; weightSpecs: unknown[]; weightsBase64: string };
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      out = { modelTopology: a.modelTopology as object, weightSpecs: a.weightSpecs!, weightsBase64: Buffer.from(a.weightData as ArrayBuffer).toString('base64') };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  model.dispose();
  return out;
}

interface StoredRound {
  round: number;
  epsilon: number | null;
}

/** What the killed process left: the integrity check and the task's committed rounds. */
function inspect(dataDir: string, taskId: string): { integrity: string; committed: StoredRound[] } {
  const db = new Database(path.join(dataDir, 'conclave.db'));
  try {
    const integrity = (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const rows = db.prepare(`SELECT round, metrics_json FROM rounds WHERE task_id = ? AND status = 'committed' ORDER BY id`).all(taskId) as { round: number; metrics_json: string | null }[];
    const committed = rows.map((r) => ({ round: r.round, epsilon: (JSON.parse(r.metrics_json ?? '{}') as { epsilonSpent?: number }).epsilonSpent ?? null }));
    return { integrity, committed };
  } finally {
    db.close();
  }
}

/** Committed rounds' median duration and the aborted attempts by reason, for the log. */
function roundSummary(dataDir: string, taskId: string): string {
  const db = new Database(path.join(dataDir, 'conclave.db'));
  try {
    const rows = db.prepare(`SELECT status, reason, metrics_json FROM rounds WHERE task_id = ?`).all(taskId) as { status: string; reason: string; metrics_json: string | null }[];
    const durations = rows.filter((r) => r.status === 'committed').map((r) => (JSON.parse(r.metrics_json ?? '{}') as { durationMs?: number }).durationMs ?? 0);
    const aborted = new Map<string, number>();
    for (const r of rows.filter((x) => x.status === 'aborted')) {
      const key = `${r.reason.replace(/\(withdrawals: .*\)/, '').replace(/\d+(\.\d+)?/g, 'N').slice(0, 60)}${/\(withdrawals: .*\)/.exec(r.reason)?.[0] ?? ''}`;
      aborted.set(key, (aborted.get(key) ?? 0) + 1);
    }
    return `${durations.length} committed, median ${Math.round(median(durations))} ms; aborted: ${[...aborted].map(([k, n]) => `${n}× ${k}`).join(' | ') || 'none'}`;
  } finally {
    db.close();
  }
}

/** Gaps, duplicates, changed or falling ε: each in words. */
function roundProblems(before: readonly StoredRound[], after: readonly StoredRound[]): string[] {
  const problems: string[] = [];
  after.forEach((r, i) => {
    if (r.round !== i + 1) problems.push(`committed round #${i + 1} is numbered ${r.round} (gap or duplicate)`);
    const prev = after[i - 1];
    if (prev && r.epsilon !== null && prev.epsilon !== null && r.epsilon < prev.epsilon) problems.push(`ε fell from ${prev.epsilon} to ${r.epsilon} at round ${r.round}`);
  });
  for (const b of before) {
    const a = after.find((x) => x.round === b.round);
    if (!a) problems.push(`round ${b.round}, committed before, is gone`);
    else if (a.epsilon !== b.epsilon) problems.push(`round ${b.round}'s ε changed from ${b.epsilon} to ${a.epsilon}`);
  }
  return problems;
}

export const CHAOS_DEFAULTS: Omit<ChaosOptions, 'log'> = { kills: 20, devices: 20, seed: 1, returnWithinMs: 10_000, killDelayMs: [200, 4000] };

export async function runChaos(options: Partial<ChaosOptions> = {}): Promise<ChaosResult> {
  const o = { ...CHAOS_DEFAULTS, ...options };
  const log = o.log ?? (() => {});
  const random = seeded(o.seed);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'conclave-chaos-'));
  const port = await freePort();
  let coordinator = await startServe(port, dataDir);
  const api = adminApi(() => coordinator);
  const clients: ConclaveClient[] = [];
  const trainer = createInlineTrainer();
  try {
    // The bench is its own approver and enrollment authority; the devices pin both keys.
    const approver = await LocalApprover.create('chaos approver');
    const authority = await LocalAuthority.create('chaos authority');
    const { tokens } = (await api('POST', '/api/enrollment-tokens', { count: o.devices })) as { tokens: string[] };
    const identities = tokens.map(() => createIdentity());
    await authority.certify({ storeCertificates: (body) => api('POST', '/api/certificates', body) }, identities.map((i) => i.publicKey));
    const lastConnected = new Map<number, number>();
    for (let i = 0; i < o.devices; i++) {
      const client = createClient({
        url: coordinator.deviceUrl,
        enrollmentToken: tokens[i]!,
        identity: identities[i]!,
        approverKeys: [approver.publicKey],
        authorityKeys: [authority.publicKey],
        trainer,
        // Small DP cohorts: the device's own minimum of certified peers, stated explicitly.
        minCertifiedPeers: 3,
        // The host's choice: a back-off capped at 8 s brings a device back within 10 s of a
        // restart (the SDK's default cap, 30 s, can leave it away for up to 30 s).
        reconnect: { initialDelayMs: 500, maxDelayMs: 8_000 },
      });
      client.on('connected', () => lastConnected.set(i, performance.now()));
      await client.consent.grant('points');
      for (let k = 0; k < 40; k++) {
        const features = [Math.sin(i * 7 + k), Math.cos(i * 3 + k * 2), Math.sin(k * 0.7), Math.cos(i + k * 0.3)];
        await client.record('points', { features, label: features[0]! - features[1]! > 0 ? 1 : 0 });
      }
      clients.push(client);
    }
    await Promise.all(clients.map((c) => c.start()));
    await until(() => lastConnected.size === o.devices, 30_000, 'every device to connect');
    // Poisson sampling at rate goal / devices: high enough that a cohort rarely falls below 3.
    const goal = Math.max(3, Math.round(o.devices * 0.6));
    const created = (await api('POST', '/api/tasks', {
      name: 'chaos',
      purpose: 'A coordinator killed at random moments must lose nothing.',
      stream: 'points',
      model: await tinyModel(),
      features: { kind: 'dense', dim: 4 },
      training: { localEpochs: 1, batchSize: 8, clientLearningRate: 0.5 },
      cohort: { goal, minimum: 3 },
      rounds: 10_000,
      timeouts: { selectionMs: 2_000, roundMs: 20_000 },
      evaluation: { finalRound: false },
      secureAggregation: { phaseTimeoutMs: 5_000 },
      privacy: { mode: 'central', targetEpsilon: 100, delta: 1e-5, clipNorm: 1 },
      maxConsecutiveFailures: 100,
    })) as { id: string };
    const taskId = created.id;
    await approver.approve(
      { approvalRequest: (id) => api('GET', `/api/tasks/${id}/approval-request`), acceptApproval: (id, body) => api('POST', `/api/tasks/${id}/approval`, body) },
      taskId,
    );
    const roundsDone = async () => ((await api('GET', `/api/tasks/${taskId}`)) as { roundsDone: number }).roundsDone;
    await until(async () => (await roundsDone()) >= 1, 60_000, 'the first round to commit');
    log(`chaos: ${o.devices} devices, task ${taskId} (central DP, secure aggregation, cohort goal ${goal}); ${o.kills} kills`);

    const kills: KillRecord[] = [];
    let before: StoredRound[] = [];
    for (let k = 1; k <= o.kills; k++) {
      const [lo, hi] = o.killDelayMs;
      await new Promise((r) => setTimeout(r, lo + random() * (hi - lo)));
      await stopServe(coordinator, 'SIGKILL');
      const killedAt = performance.now();
      const { integrity, committed } = inspect(dataDir, taskId);
      const problems = roundProblems(before, committed);
      if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
      coordinator = await startServe(port, dataDir);
      const restarted = coordinator.listeningAt;
      let devicesBackMs = Number.NaN;
      try {
        await until(() => clients.every((_, i) => (lastConnected.get(i) ?? 0) > killedAt), 60_000, 'every device to reconnect');
        devicesBackMs = Math.max(...[...lastConnected.values()]) - restarted;
        if (devicesBackMs > o.returnWithinMs) problems.push(`devices back after ${Math.round(devicesBackMs)} ms (at most ${o.returnWithinMs})`);
      } catch (err) {
        problems.push((err as Error).message);
      }
      let nextCommitMs = Number.NaN;
      try {
        await until(async () => (await roundsDone()) > committed.length, 60_000, 'a round to commit after the restart');
        nextCommitMs = performance.now() - restarted;
      } catch (err) {
        problems.push((err as Error).message);
      }
      kills.push({ kill: k, committed: committed.length, integrity, devicesBackMs, nextCommitMs, problems });
      log(
        `kill ${String(k).padStart(2)}: ${committed.length} rounds committed, integrity ${integrity}, devices back in ${Math.round(devicesBackMs)} ms, next commit after ${Math.round(nextCommitMs)} ms${problems.length ? ` — ${problems.join('; ')}` : ''}`,
      );
      before = committed;
    }
    // The rounds the last restart committed, checked against everything seen before.
    const final = (await api('GET', `/api/tasks/${taskId}`)) as { roundsDone: number; privacy: { epsilonSpent: number } | null };
    await Promise.all(clients.map((c) => c.stop()));
    clients.length = 0;
    await stopServe(coordinator, 'SIGTERM');
    const { integrity, committed } = inspect(dataDir, taskId);
    log(`rounds: ${roundSummary(dataDir, taskId)}`);
    const problems = [...kills.flatMap((k) => k.problems.map((p) => `kill ${k.kill}: ${p}`)), ...roundProblems(before, committed)];
    if (integrity !== 'ok') problems.push(`final integrity_check: ${integrity}`);
    const { log: _log, ...shown } = o;
    return { options: shown, kills, roundsCommitted: committed.length, epsilonSpent: final.privacy?.epsilonSpent ?? 0, problems, pass: problems.length === 0 };
  } finally {
    await Promise.all(clients.map((c) => c.stop()));
    await trainer.close();
    await stopServe(coordinator, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { kills: { type: 'string', default: '20' }, devices: { type: 'string', default: '20' }, seed: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } },
    args: process.argv.slice(2).filter((a) => a !== '--'),
  });
  const say = (s: string) => (values.json ? process.stderr : process.stdout).write(s + '\n');
  const result = await runChaos({ kills: Number(values.kills), devices: Number(values.devices), seed: Number(values.seed), log: say });
  const back = result.kills.map((k) => k.devicesBackMs);
  const next = result.kills.map((k) => k.nextCommitMs);
  say(
    `\n${result.kills.length} kills: ${result.roundsCommitted} rounds committed, ε spent ${result.epsilonSpent.toFixed(3)}; devices back in median ${Math.round(median(back))} ms, max ${Math.round(Math.max(...back))} ms; next commit median ${Math.round(median(next))} ms, max ${Math.round(Math.max(...next))} ms`,
  );
  say(result.pass ? 'PASS: no gap or duplicate, ε unchanged, integrity ok, devices back in time' : `FAIL:\n  ${result.problems.join('\n  ')}`);
  if (values.json) process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(result.pass ? 0 : 1);
}
