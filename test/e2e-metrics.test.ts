import { afterEach, describe, expect, it } from 'vitest';
import { denseTask, startHarness, waitForTask, type Harness } from './helpers.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text exposition format (what /metrics serves). */
function parseMetrics(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

const pick = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
const value = (samples: Sample[], name: string, labels: Record<string, string>) => pick(samples, name, labels).reduce((a, s) => a + s.value, 0);

describe('per-task Prometheus metrics', () => {
  it('after real rounds, /metrics shows each round by task, kind and outcome as the store records them, phases, devices and the model version', async () => {
    h = await startHarness();
    const taskId = await h.server.coordinator.createTask(await denseTask(8, { rounds: 2 }));
    // The metrics read the task's progress (no pool scan) on every device message: at each
    // change it equals the same fields of the full status, read at the same moment.
    const c = h.server.coordinator;
    const compared: { progress: Promise<unknown>; status: Promise<Record<string, unknown>> }[] = [];
    const off = c.events.on('changed', (id) => {
      if (id === taskId) compared.push({ progress: c.taskProgress(id), status: c.taskStatus(id) as unknown as Promise<Record<string, unknown>> });
    });
    for (let i = 0; i < 4; i++) await h.addClient();
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    off();
    expect(done.status).toBe('completed');
    const pairs = await Promise.all(compared.map(async (x) => [await x.progress, await x.status] as const));
    expect(pairs.filter(([, st]) => st.phase === 'reporting').length).toBeGreaterThan(0);
    for (const [progress, st] of pairs) {
      const keys = ['status', 'phase', 'round', 'roundKind', 'cohort', 'modelVersion', 'privacy'];
      expect(progress).toEqual(Object.fromEntries(keys.map((k) => [k, st[k]])));
    }
    const rows = await h.server.coordinator.store.listRounds(taskId);
    expect(rows.filter((r) => r.status === 'committed').map((r) => r.kind)).toEqual(['train', 'train', 'evaluate']);

    const scrape = async () => parseMetrics(await (await fetch(`${h!.server.url}/metrics`)).text());
    // The last round's row reaches the metrics once the store has it: wait for that event, bounded.
    let samples = await scrape();
    for (let i = 0; i < 100 && value(samples, 'conclave_task_rounds_total', { task: taskId }) < rows.length; i++) {
      await new Promise((r) => setTimeout(r, 50));
      samples = await scrape();
    }

    for (const kind of ['train', 'evaluate'] as const) {
      for (const outcome of ['committed', 'aborted'] as const) {
        const mine = rows.filter((r) => r.kind === kind && r.status === outcome);
        const labels = { task: taskId, kind, outcome };
        expect(value(samples, 'conclave_task_rounds_total', labels)).toBe(mine.length);
        expect(value(samples, 'conclave_round_duration_seconds_count', labels)).toBe(mine.length);
        const seconds = mine.reduce((a, r) => a + (r.endedAt - r.startedAt) / 1000, 0);
        expect(value(samples, 'conclave_round_duration_seconds_sum', labels)).toBeCloseTo(seconds, 6);
      }
    }
    // Histogram buckets are cumulative and end with every round.
    const inf = pick(samples, 'conclave_round_duration_seconds_bucket', { task: taskId, kind: 'train', outcome: 'committed', le: '+Inf' });
    expect(inf.map((s) => s.value)).toEqual([2]);

    const task = (await h.server.coordinator.store.getTask(taskId))!;
    expect(value(samples, 'conclave_model_version', { task: taskId })).toBe(task.modelVersion);
    expect(task.modelVersion).toBe(2);
    // Both phases were timed, at least once per committed round; the task is idle now, its cohort gauges 0.
    expect(value(samples, 'conclave_round_phase_duration_seconds_count', { task: taskId, phase: 'selecting' })).toBeGreaterThanOrEqual(3);
    expect(value(samples, 'conclave_round_phase_duration_seconds_count', { task: taskId, phase: 'reporting' })).toBeGreaterThanOrEqual(3);
    for (const state of ['selected', 'reported', 'dropped']) expect(value(samples, 'conclave_round_devices', { task: taskId, state })).toBe(0);
    // Nobody dropped out: the store's rounds say every selected device took part.
    const dropped = rows.reduce((a, r) => a + (r.metrics ? r.metrics.selected - r.metrics.participants : 0), 0);
    expect(value(samples, 'conclave_round_dropouts_total', { task: taskId })).toBe(dropped);
    // No DP on this task: no ε series for it.
    expect(pick(samples, 'conclave_epsilon_spent', { task: taskId })).toEqual([]);
    // The metric names carry no device id anywhere.
    const devices = (await h.server.coordinator.listDevices()).map((d) => d.id);
    const text = await (await fetch(`${h.server.url}/metrics`)).text();
    for (const id of devices) expect(text).not.toContain(id);
  });
});
