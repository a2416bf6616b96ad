/**
 * Device failures as the admin sees them: the reason codes devices withdrew with, counted per
 * round and for the task (never which device gave which: the store keeps counts only, in a
 * committed round's metrics or an aborted round's reason), and the rule that fails a task at
 * once when most of a round's cohort failed the same way — a model that does not fit its
 * features fails on every device, and retrying it only hides the cause behind later errors.
 */
import type { ReasonCodeName } from '@conclave/proto';
import { sameAttempt } from './round/attempt.ts';
import type { RoundRow } from './store/store.ts';

/** Codes that mean the round failed on the device (not a choice: consent, eligibility, policy). */
export const FAILURE_CODES: ReadonlySet<string> = new Set<ReasonCodeName>([
  'TRAINING_FAILED',
  'EVALUATION_FAILED',
  'MODEL_DOWNLOAD_FAILED',
  'SECURE_AGGREGATION_FAILED',
  'ENCODING_REFUSED',
  'UPLOAD_FAILED',
  'MODEL_MISMATCH',
  'OUT_OF_MEMORY',
  'STORAGE_ERROR',
  'TIMEOUT',
  'INTERNAL',
]);

/** What each failure code most likely means for the task's author. */
const EXPLANATIONS: Partial<Record<ReasonCodeName, string>> = {
  MODEL_MISMATCH: "the model does not fit what devices feed it: check the model's input width against the feature recipe and the loss against its output layer",
  OUT_OF_MEMORY: 'devices run out of memory: make the model or training.batchSize smaller',
  STORAGE_ERROR: "the devices' own storage fails: check the host application's data directory",
  TIMEOUT: 'a step on the devices does not finish in time',
  INTERNAL: 'a bug in the SDK or the host application: check its logs on a device',
  TRAINING_FAILED: 'training fails on the devices: check the task against a device with the same SDK',
  EVALUATION_FAILED: 'evaluation fails on the devices',
  MODEL_DOWNLOAD_FAILED: 'devices cannot download the model',
  SECURE_AGGREGATION_FAILED: "devices refuse the round's secure-aggregation configuration",
  ENCODING_REFUSED: "devices cannot encode their update as planned (quantization or distributed-DP settings)",
  UPLOAD_FAILED: 'devices cannot upload their update',
};

/** Share of a round's selected devices that must fail with one code for the task to fail at once. */
export const DOMINANT_FAILURE_SHARE = 0.5;

export interface DominantFailure {
  code: string;
  count: number;
  selected: number;
}

/** The failure code more than half of the round's selected devices gave, if one did. */
export function dominantFailure(withdrawals: Partial<Record<string, number>>, selected: number): DominantFailure | undefined {
  for (const [code, count = 0] of Object.entries(withdrawals)) {
    if (FAILURE_CODES.has(code) && count > selected * DOMINANT_FAILURE_SHARE) return { code, count, selected };
  }
  return undefined;
}

/** The task's failure reason, e.g. `most devices failed: MODEL_MISMATCH (3 of 4 selected) — the model does not fit …`. */
export function dominantFailureReason(f: DominantFailure): string {
  const why = EXPLANATIONS[f.code as ReasonCodeName];
  return `most devices failed: ${f.code} (${f.count} of ${f.selected} selected)${why ? ` — ${why}` : ''}`;
}

/** `CONSENT_WITHDRAWN 2, NOT_ENOUGH_EXAMPLES 1`: how an aborted round's reason lists its withdrawals. */
export function formatWithdrawals(counts: Partial<Record<string, number>>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
}

const WITHDRAWALS_IN_REASON = /\(withdrawals: ((?:[A-Z][A-Z0-9_]* \d+)(?:, [A-Z][A-Z0-9_]* \d+)*)\)/;

/** The counts an aborted round's stored reason lists (see {@link formatWithdrawals}). */
export function withdrawalsFromReason(reason: string): Record<string, number> {
  const list = WITHDRAWALS_IN_REASON.exec(reason)?.[1];
  if (!list) return {};
  return Object.fromEntries(list.split(', ').map((item) => [item.slice(0, item.lastIndexOf(' ')), Number(item.slice(item.lastIndexOf(' ') + 1))]));
}

/** What `conclave task status` shows: codes devices left rounds with, per round and for the task. */
export interface DeviceFailureCounts {
  /** Every round's counts added up, by code. */
  total: Record<string, number>;
  /** Only devices that failed (the codes in {@link FAILURE_CODES}), added up. */
  failed: number;
  /** The latest rounds in which any device withdrew, oldest first (at most {@link ROUNDS_SHOWN}). */
  rounds: { round: number; kind: RoundRow['kind']; status: RoundRow['status']; counts: Record<string, number> }[];
}

/** Rounds listed in {@link DeviceFailureCounts.rounds}. */
export const ROUNDS_SHOWN = 20;

/** Counts by code from the task's stored rounds (committed: their metrics; aborted: their reason). */
export function deviceFailureCounts(rounds: readonly RoundRow[]): DeviceFailureCounts {
  const total: Record<string, number> = {};
  let failed = 0;
  const listed: DeviceFailureCounts['rounds'] = [];
  for (const r of rounds) {
    const counts = (r.status === 'committed' ? r.metrics?.withdrawals : withdrawalsFromReason(r.reason)) ?? {};
    const entries = Object.entries(counts).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0);
    if (entries.length === 0) continue;
    for (const [code, n] of entries) {
      total[code] = (total[code] ?? 0) + n;
      if (FAILURE_CODES.has(code)) failed += n;
    }
    listed.push({ round: r.round, kind: r.kind, status: r.status, counts: Object.fromEntries(entries) });
  }
  return { total, failed, rounds: listed.slice(-ROUNDS_SHOWN) };
}

/** Lines for `conclave task status`: the task's counts by code, then its latest rounds'. */
export function formatDeviceFailures(f: DeviceFailureCounts, rounds = 5): string[] {
  if (Object.keys(f.total).length === 0) return [];
  return [
    `withdrew  ${formatWithdrawals(f.total)} (${f.failed} failed on the device)`,
    ...f.rounds.slice(-rounds).map((r) => `          round ${r.round} (${r.kind}, ${r.status}): ${formatWithdrawals(r.counts)}`),
  ];
}

/** What {@link AttemptFailures} reads of a round attempt's reporting phase as it closes. */
export interface ClosingAttempt {
  info: { round: number; attemptId: Uint8Array };
  cohort: { size: number; pendingMembers(): readonly { session: { link: { sessionId: string } } }[] };
  withdrawals(): Partial<Record<string, number>>;
}

/**
 * The failure codes of an attempt that has closed (aborted), still counted: a round aborts as
 * soon as too few devices can still report, often on the first failure, while the rest of the
 * cohort is failing the same way a moment later. Their withdrawals name the closed attempt;
 * each device that was still in it counts once.
 */
export class AttemptFailures {
  private readonly counts: Record<string, number>;
  private readonly pending: Set<string>;

  private constructor(
    readonly round: number,
    private readonly attemptId: Uint8Array,
    private readonly selected: number,
    counts: Partial<Record<string, number>>,
    pending: Iterable<string>,
  ) {
    this.counts = Object.fromEntries(Object.entries(counts).filter((e): e is [string, number] => e[1] !== undefined));
    this.pending = new Set(pending);
  }

  /** Taken before the attempt closes, while its members' states are still those of the round. */
  static of(a: ClosingAttempt): AttemptFailures {
    return new AttemptFailures(a.info.round, a.info.attemptId, a.cohort.size, a.withdrawals(), a.cohort.pendingMembers().map((p) => p.session.link.sessionId));
  }

  /** Counts a late withdrawal of this attempt; returns the failure that now dominates it, if one does. */
  count(sessionId: string, round: number, attemptId: Uint8Array | null | undefined, code: string): DominantFailure | undefined {
    if (round !== this.round || !sameAttempt(attemptId, this.attemptId) || !this.pending.delete(sessionId)) return undefined;
    this.counts[code] = (this.counts[code] ?? 0) + 1;
    return dominantFailure(this.counts, this.selected);
  }
}
