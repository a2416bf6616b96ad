/**
 * A task's status as the admin API, the CLI and the dashboard show it: where its round stands,
 * what it waits for in words, its last metrics, and its privacy spent and left. Built from a
 * snapshot of the running task (or of the store alone for a task that is not running).
 */
import type { PrivacyAccountant } from '@conclave/dp';
import { deviceFailureCounts, type DeviceFailureCounts } from './device-failures.ts';
import { seconds } from './format.ts';
import { privacyFigures } from './privacy/privacy-figures.ts';
import { nextClipNorm, privacyMode, restoreAccountant, taskPrivacyOf, type TaskPrivacy } from './privacy/task-privacy.ts';
import type { RoundKind } from './round/plan.ts';
import type { RoundMetrics, Store, TaskRow } from './store/store.ts';

export type RoundPhase = 'selecting' | 'reporting' | 'idle';

export interface TaskStatusView {
  id: string;
  name: string;
  status: TaskRow['status'];
  statusReason: string;
  stream: string;
  purpose: string;
  roundsPlanned: number;
  roundsDone: number;
  modelVersion: number;
  phase: RoundPhase | 'finished';
  round: number | null;
  roundKind: RoundKind | null;
  /** What the task is waiting for right now, in words; empty when it is not waiting. */
  waitingFor: string;
  devices: { checkedIn: number; eligible: number };
  cohort: { selected: number; reported: number; dropped: number } | null;
  lastMetrics: (RoundMetrics & { round: number; kind: RoundKind }) | null;
  lastAbortReason: string;
  consecutiveFailures: number;
  /**
   * The reason codes devices left rounds with, counted per round and for the task (counts only:
   * the coordinator never keeps which device gave which).
   */
  deviceFailures: DeviceFailureCounts;
  /**
   * The secure-aggregation settings in force, as stored with the task (also while it awaits
   * approval): `maliciousServer: false` is an explicit opt-out of the malicious-server setting.
   */
  secureAggregation: {
    enabled: boolean;
    maliciousServer: boolean;
    dropoutRate: number;
    clipRange: number;
    maxWeight: number;
    bits: number | null;
    phaseTimeoutMs: number;
  };
  /** Differential privacy of the task, when on. */
  privacy: {
    mode: string;
    targetEpsilon: number;
    delta: number;
    /** ε against the coordinator so far: the figure the budget stops on (= epsilonAgainstCoordinator). */
    epsilonSpent: number;
    epsilonRemaining: number;
    /** ε against the coordinator: no amplification by sampling, over the rounds one device can join. */
    epsilonAgainstCoordinator: number;
    /** ε for whoever sees only the released model: amplified by Poisson sampling (equal in central mode). */
    epsilonForReleasedModel: number;
    /** The neighbouring notion both figures are stated under. */
    neighbouring: string;
    /** Training rounds one device takes part in at most (enforced on the device). */
    participationLimit: number;
    noiseMultiplier: number;
    samplingRate: number;
    /** The clip norm of the next round (it moves each round with adaptive clipping). */
    clipNorm: number;
    adaptiveClipping: boolean;
    population: number;
    /** Distributed mode: the devices' discrete Gaussian noise share, in model units (σ per device). */
    deviceNoiseStddev?: number;
    /** Distributed mode: bound on the chance that a round's sum wraps modulo 2^bits. */
    wrapProbabilityBound?: number;
  } | null;
}

/** The privacy part of the view: ε spent and left at the task's δ, its noise, and the next clip norm. */
export function privacyView(privacy: TaskPrivacy, accountant: PrivacyAccountant, clipNorm: number): NonNullable<TaskStatusView['privacy']> {
  const figures = privacyFigures(privacy, accountant);
  const spent = figures.epsilonAgainstCoordinator;
  return {
    mode: privacyMode(privacy),
    targetEpsilon: privacy.targetEpsilon,
    delta: privacy.delta,
    epsilonSpent: spent,
    epsilonRemaining: Math.max(0, privacy.targetEpsilon - spent),
    epsilonAgainstCoordinator: spent,
    epsilonForReleasedModel: figures.epsilonForReleasedModel,
    neighbouring: figures.neighbouring,
    participationLimit: privacy.participationLimit,
    noiseMultiplier: privacy.noiseMultiplier,
    samplingRate: privacy.samplingRate,
    clipNorm,
    adaptiveClipping: privacy.kind === 'adaptive',
    population: privacy.population,
    ...(privacy.kind === 'distributed'
      ? { deviceNoiseStddev: Math.sqrt(privacy.plan.localSigma2) * privacy.plan.scale, wrapProbabilityBound: privacy.plan.wrapProbabilityBound }
      : {}),
  };
}

/** Where a running task's round stands, as the task runner sees it. */
export type RoundSnapshot =
  | { phase: 'idle' }
  | { phase: 'selecting'; round: number; kind: RoundKind; selectionDeadline: number; wanted: number }
  | { phase: 'reporting'; round: number; kind: RoundKind; reportDeadline: number; selected: number; reported: number; dropped: number };

export interface RunningTaskSnapshot {
  task: TaskRow;
  round: RoundSnapshot;
  devices: { checkedIn: number; eligible: number };
  lastAbortReason: string;
  consecutiveFailures: number;
  privacy: { privacy: TaskPrivacy; accountant: PrivacyAccountant; clipNorm: number } | undefined;
  /** The stored rounds' part (`storedRoundsView`), which the runner reads again only after it records a round. */
  rounds: StoredRoundsView;
  now: number;
}

async function lastCommitted(store: Store, taskId: string): Promise<TaskStatusView['lastMetrics']> {
  const last = (await store.listRounds(taskId, 20)).filter((x) => x.status === 'committed').at(-1);
  return last?.metrics ? { ...last.metrics, round: last.round, kind: last.kind } : null;
}

/** What a status shows of the task's stored rounds: it changes only when a round is recorded. */
export interface StoredRoundsView {
  lastMetrics: TaskStatusView['lastMetrics'];
  deviceFailures: TaskStatusView['deviceFailures'];
}

export async function storedRoundsView(store: Store, taskId: string): Promise<StoredRoundsView> {
  return { lastMetrics: await lastCommitted(store, taskId), deviceFailures: deviceFailureCounts(await store.listRounds(taskId)) };
}

function taskHead(task: TaskRow) {
  return {
    id: task.id,
    name: task.spec.name,
    status: task.status,
    statusReason: task.statusReason,
    stream: task.spec.stream,
    purpose: task.spec.purpose,
    roundsPlanned: task.spec.rounds,
    roundsDone: task.modelVersion,
    modelVersion: task.modelVersion,
    secureAggregation: secureAggregationView(task),
  };
}

/** The stored secure-aggregation settings (the author's, with the schema's defaults filled in). */
export function secureAggregationView(task: TaskRow): TaskStatusView['secureAggregation'] {
  const sa = task.spec.secureAggregation;
  return {
    enabled: sa.enabled,
    maliciousServer: sa.enabled && sa.maliciousServer,
    dropoutRate: sa.dropoutRate,
    clipRange: sa.clipRange,
    maxWeight: sa.maxWeight,
    bits: sa.bits ?? null,
    phaseTimeoutMs: sa.phaseTimeoutMs,
  };
}

/**
 * What moves within a round — phase, cohort counts, ε, model version — read on every device
 * message (the task metrics), so it scans neither the device pool nor the store.
 */
export type TaskProgress = Pick<TaskStatusView, 'status' | 'phase' | 'round' | 'roundKind' | 'cohort' | 'modelVersion' | 'privacy'>;

/**
 * A running task's privacy view, computed once per privacy state: the runner replaces the state
 * (never changes it) when a round is charged, and the figures take RDP conversions that the
 * metrics would otherwise redo on every device message.
 */
const runningPrivacyViews = new WeakMap<NonNullable<RunningTaskSnapshot['privacy']>, NonNullable<TaskStatusView['privacy']>>();

function runningPrivacyView(p: NonNullable<RunningTaskSnapshot['privacy']>): NonNullable<TaskStatusView['privacy']> {
  let view = runningPrivacyViews.get(p);
  if (!view) runningPrivacyViews.set(p, (view = privacyView(p.privacy, p.accountant, p.clipNorm)));
  return view;
}

/** The progress of a task that is running on this coordinator. */
export function runningTaskProgress(task: TaskRow, r: RoundSnapshot, privacy: RunningTaskSnapshot['privacy']): TaskProgress {
  return {
    status: task.status,
    phase: task.status === 'running' ? r.phase : 'finished',
    round: r.phase === 'idle' ? null : r.round,
    roundKind: r.phase === 'idle' ? null : r.kind,
    cohort: r.phase === 'reporting' ? { selected: r.selected, reported: r.reported, dropped: r.dropped } : null,
    modelVersion: task.modelVersion,
    privacy: privacy ? runningPrivacyView(privacy) : null,
  };
}

/** The status of a task that is running on this coordinator. */
export function runningTaskStatus(s: RunningTaskSnapshot): TaskStatusView {
  const { task, round: r } = s;
  const progress = runningTaskProgress(task, r, s.privacy);
  const cohort = task.spec.cohort;
  let waitingFor = '';
  if (r.phase === 'selecting') {
    waitingFor = `devices: ${s.devices.eligible} of ${r.wanted} wanted (minimum ${cohort.minimum}) eligible for stream "${task.spec.stream}"; selection times out in ${seconds(Math.max(0, r.selectionDeadline - s.now))}`;
  } else if (r.phase === 'reporting') {
    waitingFor = `reports: ${r.reported} of goal ${cohort.goal} (minimum ${cohort.minimum}) received; round times out in ${seconds(Math.max(0, r.reportDeadline - s.now))}`;
  }
  return {
    ...taskHead(task),
    phase: progress.phase,
    round: progress.round,
    roundKind: progress.roundKind,
    waitingFor,
    devices: s.devices,
    cohort: progress.cohort,
    lastMetrics: s.rounds.lastMetrics,
    deviceFailures: s.rounds.deviceFailures,
    lastAbortReason: s.lastAbortReason,
    consecutiveFailures: s.consecutiveFailures,
    privacy: progress.privacy,
  };
}

/** The status of a task no runner holds (finished, or a coordinator that has not started), from the store alone. */
export async function storedTaskStatus(task: TaskRow, store: Store, checkedIn: number): Promise<TaskStatusView> {
  const lastAborted = (await store.listRounds(task.id, 1)).find((r) => r.status === 'aborted');
  const privacy = taskPrivacyOf(task.id, task.spec);
  return {
    ...taskHead(task),
    phase: task.status === 'running' || task.status === 'awaiting-approval' ? 'idle' : 'finished',
    round: null,
    roundKind: null,
    waitingFor: task.status === 'running' ? 'the coordinator to start' : task.status === 'awaiting-approval' ? `an approver's signature: conclave task approve ${task.id} --key …` : '',
    devices: { checkedIn, eligible: 0 },
    cohort: null,
    ...(await storedRoundsView(store, task.id)),
    lastAbortReason: lastAborted?.reason ?? '',
    consecutiveFailures: 0,
    privacy: privacy ? privacyView(privacy, restoreAccountant(await store.getPrivacyState(task.id)), nextClipNorm(privacy, await store.listRounds(task.id))) : null,
  };
}
