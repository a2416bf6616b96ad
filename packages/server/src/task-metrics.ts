/**
 * Feeds the per-task Prometheus metrics (metrics.ts `TaskMetrics`) from the coordinator's task
 * events: the task's progress (status-view.ts `TaskProgress`) gives the current phase, the cohort's counts, ε and the model version;
 * the store's round rows give each ended round's duration and outcome, so the histograms count
 * exactly the rounds the store records. Counts only: nothing here knows a device.
 */
import type { TaskMetrics } from './metrics.ts';
import type { TaskProgress } from './status-view.ts';
import type { RoundRow, Store } from './store/store.ts';
import type { TaskEvents } from './task-events.ts';

/** What the observer needs of the coordinator. */
export interface ObservedCoordinator {
  readonly events: Pick<TaskEvents, 'on'>;
  readonly store: Pick<Store, 'listRounds'>;
  /** Read on every device message: no pool scan, no store read while the task runs here. */
  taskProgress(id: string): Promise<TaskProgress>;
}

export interface TaskMetricsOptions {
  /** @default Date.now */
  now?: () => number;
  /** A round's row can reach the store just after its end is announced: look again this often… @default 25 */
  retryMs?: number;
  /** …this many times. @default 80 */
  retries?: number;
}

interface TaskState {
  /** `round:phase` of the phase in progress, and when it started. */
  phaseKey?: string;
  phase?: string;
  since: number;
  /** Dropped devices of the current cohort already counted. */
  dropped: number;
  /** Round rows already observed (`round:status:startedAt`). */
  seen: Set<string>;
  refreshing: boolean;
  dirty: boolean;
}

const rowKey = (r: RoundRow) => `${r.round}:${r.status}:${r.startedAt}`;

/** Starts observing; returns a function that stops it. */
export function observeTaskMetrics(m: TaskMetrics, coordinator: ObservedCoordinator, options: TaskMetricsOptions = {}): () => void {
  const now = options.now ?? Date.now;
  const retryMs = options.retryMs ?? 25;
  const retries = options.retries ?? 80;
  const tasks = new Map<string, TaskState>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;

  const stateOf = (id: string): TaskState => {
    let s = tasks.get(id);
    if (!s) tasks.set(id, (s = { since: now(), dropped: 0, seen: new Set(), refreshing: false, dirty: false }));
    return s;
  };

  const applyStatus = (id: string, s: TaskState, v: TaskProgress) => {
    const task = { task: id };
    m.modelVersion.set(task, v.modelVersion);
    if (v.privacy) {
      m.epsilonSpent.set(task, v.privacy.epsilonSpent);
      m.epsilonReleased.set(task, v.privacy.epsilonForReleasedModel);
    }
    const active = v.phase === 'selecting' || v.phase === 'reporting';
    const key = active ? `${v.round}:${v.phase}` : undefined;
    const t = now();
    if (s.phaseKey !== key) {
      if (s.phase) m.phaseDuration.observe({ task: id, phase: s.phase }, (t - s.since) / 1000);
      s.phaseKey = key;
      s.phase = active ? v.phase : undefined;
      s.since = t;
      s.dropped = 0;
    }
    const c = v.cohort;
    m.roundDevices.set({ task: id, state: 'selected' }, c?.selected ?? 0);
    m.roundDevices.set({ task: id, state: 'reported' }, c?.reported ?? 0);
    m.roundDevices.set({ task: id, state: 'dropped' }, c?.dropped ?? 0);
    if (c && s.phase && c.dropped > s.dropped) {
      m.dropouts.inc({ task: id, phase: s.phase }, c.dropped - s.dropped);
      s.dropped = c.dropped;
    }
  };

  const refresh = async (id: string): Promise<void> => {
    const s = stateOf(id);
    if (s.refreshing) return void (s.dirty = true);
    s.refreshing = true;
    try {
      do {
        s.dirty = false;
        applyStatus(id, s, await coordinator.taskProgress(id));
      } while (s.dirty && !stopped);
    } catch {
      // The task is gone or the store failed: the next event tries again.
    } finally {
      s.refreshing = false;
    }
  };

  /** Observes every round row not seen yet; true once a row of `round` with `status` is among them. */
  const syncRounds = async (id: string, round?: number, status?: RoundRow['status']): Promise<boolean> => {
    const s = stateOf(id);
    let found = round === undefined;
    for (const r of await coordinator.store.listRounds(id)) {
      const key = rowKey(r);
      if (s.seen.has(key)) {
        if (r.round === round && r.status === status) found = true;
        continue;
      }
      s.seen.add(key);
      if (r.round === round && r.status === status) found = true;
      m.roundDuration.observe({ task: id, kind: r.kind, outcome: r.status }, Math.max(0, r.endedAt - r.startedAt) / 1000);
      m.roundsEnded.inc({ task: id, kind: r.kind, outcome: r.status });
    }
    return found;
  };

  const onRoundEnd = (id: string, outcome: RoundRow['status'], round: number, left = retries): void => {
    syncRounds(id, round, outcome).then(
      (found) => {
        if (found || left <= 0 || stopped) return;
        const timer = setTimeout(() => {
          timers.delete(timer);
          onRoundEnd(id, outcome, round, left - 1);
        }, retryMs);
        timers.add(timer);
      },
      () => undefined,
    );
    void refresh(id);
  };

  const offChanged = coordinator.events.on('changed', (id) => {
    if (stopped) return;
    // The first sight of a task takes in the rounds it already has (after a restart, too).
    if (!tasks.has(id)) void syncRounds(id).catch(() => undefined);
    void refresh(id);
  });
  const offRoundEnd = coordinator.events.on('round-end', (id, outcome, round) => {
    if (!stopped) onRoundEnd(id, outcome, round);
  });
  return () => {
    stopped = true;
    offChanged();
    offRoundEnd();
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };
}
