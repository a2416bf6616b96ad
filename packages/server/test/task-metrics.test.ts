import { describe, expect, it } from 'vitest';
import { createMetrics } from '../src/metrics.ts';
import type { TaskProgress, TaskStatusView } from '../src/status-view.ts';
import type { RoundRow } from '../src/store/store.ts';
import { TaskEvents } from '../src/task-events.ts';
import { observeTaskMetrics } from '../src/task-metrics.ts';

/** Statuses and rounds as the coordinator would give them, set by the test step by step. */
function source() {
  let status: Partial<TaskStatusView> = {};
  const rounds: RoundRow[] = [];
  const events = new TaskEvents();
  return {
    events,
    rounds,
    set: (s: Partial<TaskStatusView>) => (status = s),
    coordinator: { events, store: { listRounds: async () => [...rounds] }, taskProgress: async () => ({ modelVersion: 0, privacy: null, cohort: null, ...status }) as TaskProgress },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

async function metricValue(metrics: ReturnType<typeof createMetrics>, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const all = await metrics.registry.getMetricsAsJSON();
  const metric = all.find((m) => m.name === name) ?? all.find((m) => m.name === name.replace(/_(sum|count)$/, ''));
  const values = (metric?.values ?? []) as { value: number; labels: Record<string, string | number>; metricName?: string }[];
  return values.find((v) => (v.metricName ?? name) === name && Object.entries(labels).every(([k, x]) => String(v.labels[k]) === x))?.value;
}

describe('task metrics observer', () => {
  it('times phases on an injected clock, counts dropouts in the phase they happen, and reports ε and the model version', async () => {
    const src = source();
    const metrics = createMetrics();
    let t = 1_000;
    const stop = observeTaskMetrics(metrics.task, src.coordinator, { now: () => t });
    const privacy = { epsilonSpent: 0.5, epsilonForReleasedModel: 0.2 } as TaskStatusView['privacy'];
    src.set({ phase: 'selecting', round: 1, modelVersion: 0, privacy });
    src.events.emit('changed', 'a');
    await settle();
    t = 3_000;
    src.set({ phase: 'reporting', round: 1, modelVersion: 0, privacy, cohort: { selected: 5, reported: 1, dropped: 0 } });
    src.events.emit('changed', 'a');
    await settle();
    t = 4_000;
    src.set({ phase: 'reporting', round: 1, modelVersion: 0, privacy, cohort: { selected: 5, reported: 3, dropped: 2 } });
    src.events.emit('changed', 'a');
    await settle();
    t = 8_000;
    src.rounds.push({ taskId: 'a', round: 1, kind: 'train', status: 'committed', modelVersionIn: 0, modelVersionOut: 1, reason: '', metrics: null, startedAt: 1_000, endedAt: 8_000 });
    src.set({ phase: 'selecting', round: 2, modelVersion: 1, privacy: { epsilonSpent: 0.9, epsilonForReleasedModel: 0.3 } as TaskStatusView['privacy'] });
    src.events.emit('round-end', 'a', 'committed', 1);
    await settle();
    await settle();

    expect(await metricValue(metrics, 'conclave_round_phase_duration_seconds_sum', { task: 'a', phase: 'selecting' })).toBe(2);
    expect(await metricValue(metrics, 'conclave_round_phase_duration_seconds_sum', { task: 'a', phase: 'reporting' })).toBe(5);
    expect(await metricValue(metrics, 'conclave_round_dropouts_total', { task: 'a', phase: 'reporting' })).toBe(2);
    expect(await metricValue(metrics, 'conclave_round_duration_seconds_sum', { task: 'a', kind: 'train', outcome: 'committed' })).toBe(7);
    expect(await metricValue(metrics, 'conclave_task_rounds_total', { task: 'a', kind: 'train', outcome: 'committed' })).toBe(1);
    expect(await metricValue(metrics, 'conclave_epsilon_spent', { task: 'a' })).toBe(0.9);
    expect(await metricValue(metrics, 'conclave_epsilon_released_model', { task: 'a' })).toBe(0.3);
    expect(await metricValue(metrics, 'conclave_model_version', { task: 'a' })).toBe(1);
    expect(await metricValue(metrics, 'conclave_round_devices', { task: 'a', state: 'selected' })).toBe(0);
    // A round announced before its row is stored is counted once the row is there, and only once.
    src.events.emit('round-end', 'a', 'aborted', 2);
    await settle();
    src.rounds.push({ taskId: 'a', round: 2, kind: 'train', status: 'aborted', modelVersionIn: 1, modelVersionOut: null, reason: 'x', metrics: null, startedAt: 8_000, endedAt: 9_500 });
    src.events.emit('changed', 'a');
    await new Promise((r) => setTimeout(r, 100));
    expect(await metricValue(metrics, 'conclave_task_rounds_total', { task: 'a', kind: 'train', outcome: 'aborted' })).toBe(1);
    expect(await metricValue(metrics, 'conclave_round_duration_seconds_sum', { task: 'a', kind: 'train', outcome: 'aborted' })).toBe(1.5);
    stop();
  });
});
