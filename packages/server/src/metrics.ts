import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics served at `/metrics`. Counts and sizes only; never data or identities. */
export interface Metrics {
  registry: Registry;
  connectedDevices: Gauge;
  bytesIn: Counter;
  bytesOut: Counter;
  deviceErrors: Counter<'code'>;
  rounds: Counter<'outcome'>;
  /** Messages devices sent for a round (attempt) that had closed: told so, not counted as errors (PROTOCOL.md §6). */
  lateReports: Counter;
  /** Per-task metrics, labelled by task id (fed by task-metrics.ts from the coordinator's task events). */
  task: TaskMetrics;
}

/**
 * Per-task metrics (issue 12, item 3). Labels are task ids, round kinds, outcomes and phases:
 * never a device. Phases are the task runner's: `selecting` (waiting for a cohort) and `reporting`
 * (configuration, training, uploads and every secure-aggregation step until the round ends).
 */
export interface TaskMetrics {
  roundDuration: Histogram<'task' | 'kind' | 'outcome'>;
  phaseDuration: Histogram<'task' | 'phase'>;
  roundDevices: Gauge<'task' | 'state'>;
  dropouts: Counter<'task' | 'phase'>;
  epsilonSpent: Gauge<'task'>;
  epsilonReleased: Gauge<'task'>;
  modelVersion: Gauge<'task'>;
  roundsEnded: Counter<'task' | 'kind' | 'outcome'>;
}

/** Round durations from a second to a day: rounds wait for devices that are idle and charging. */
const ROUND_SECONDS = [1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400];

function createTaskMetrics(registry: Registry): TaskMetrics {
  const registers = [registry];
  return {
    roundDuration: new Histogram({ name: 'conclave_round_duration_seconds', help: 'Round durations from selection to commit or abort, by task, kind and outcome', labelNames: ['task', 'kind', 'outcome'], buckets: ROUND_SECONDS, registers }),
    phaseDuration: new Histogram({ name: 'conclave_round_phase_duration_seconds', help: 'Time a round spent in each phase (selecting, reporting), by task', labelNames: ['task', 'phase'], buckets: ROUND_SECONDS, registers }),
    roundDevices: new Gauge({ name: 'conclave_round_devices', help: "Devices of the current round's cohort by state (selected, reported, dropped), by task; 0 between rounds", labelNames: ['task', 'state'], registers }),
    dropouts: new Counter({ name: 'conclave_round_dropouts_total', help: 'Selected devices dropped from rounds, by task and the phase they dropped in', labelNames: ['task', 'phase'], registers }),
    epsilonSpent: new Gauge({ name: 'conclave_epsilon_spent', help: 'DP tasks: ε spent against the coordinator (the figure budgets stop on), by task', labelNames: ['task'], registers }),
    epsilonReleased: new Gauge({ name: 'conclave_epsilon_released_model', help: 'DP tasks: ε for whoever sees only the released model, by task', labelNames: ['task'], registers }),
    modelVersion: new Gauge({ name: 'conclave_model_version', help: 'Latest committed model version, by task', labelNames: ['task'], registers }),
    roundsEnded: new Counter({ name: 'conclave_task_rounds_total', help: 'Rounds ended, by task, kind and outcome', labelNames: ['task', 'kind', 'outcome'], registers }),
  };
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'conclave_' });
  return {
    registry,
    connectedDevices: new Gauge({ name: 'conclave_connected_devices', help: 'Devices connected now', registers: [registry] }),
    bytesIn: new Counter({ name: 'conclave_device_bytes_in_total', help: 'Bytes received from devices', registers: [registry] }),
    bytesOut: new Counter({ name: 'conclave_device_bytes_out_total', help: 'Bytes sent to devices', registers: [registry] }),
    deviceErrors: new Counter({ name: 'conclave_device_errors_total', help: 'Errors sent to or caused by devices, by code', labelNames: ['code'], registers: [registry] }),
    rounds: new Counter({ name: 'conclave_rounds_total', help: 'Rounds ended, by outcome', labelNames: ['outcome'], registers: [registry] }),
    lateReports: new Counter({ name: 'conclave_late_reports_total', help: 'Device reports that arrived after their round attempt closed (not errors)', registers: [registry] }),
    task: createTaskMetrics(registry),
  };
}
