/**
 * What a round that reached its goal writes (`Store.commitRound`), from the finalized outcome:
 * the metrics with the round's totals and withdrawals, the new model version (training), the
 * accountant (DP), and whether this commit finishes the task. Pure; the task runner writes it.
 */
import type { PrivacyAccountant } from '@conclave/dp';
import type { ReasonCodeName } from '@conclave/proto';
import { encodeOptimizerState } from '../optimizers.ts';
import type { RoundCommit } from '../store/store.ts';
import type { TaskSpec } from '../task-spec.ts';
import { withRoundTotals, type FinalizeOutcome } from './finalize/index.ts';
import type { RoundMode } from './plan.ts';
import type { RoundInfo } from './reporting-round.ts';

export interface CommitPlan {
  readonly commit: RoundCommit;
  /** The model version the round produced (training), else undefined. */
  readonly version: number | undefined;
  readonly finishing: { readonly status: 'completed'; readonly reason: string } | undefined;
}

export interface CommitInput {
  readonly taskId: string;
  readonly spec: TaskSpec;
  readonly info: RoundInfo;
  readonly outcome: Extract<FinalizeOutcome, { ok: true }>;
  readonly totals: { readonly selected: number; readonly durationMs: number; readonly bytesIn: number; readonly bytesOut: number };
  readonly withdrawals: Partial<Record<ReasonCodeName, number>>;
  readonly now: number;
}

export function planCommit(input: CommitInput): CommitPlan {
  const { info: r, outcome, spec } = input;
  const { model, privacy } = outcome;
  const metrics = { ...withRoundTotals(outcome.metrics, input.totals), ...(Object.keys(input.withdrawals).length ? { withdrawals: input.withdrawals } : {}) };
  const version = model ? r.modelVersionIn + 1 : undefined;
  const newModel = model && {
    version: r.modelVersionIn + 1,
    weights: model.weights,
    optimizerState: encodeOptimizerState(model.optimizerState),
    ...(privacy ? { privacyState: JSON.stringify(privacy.accountant.toJSON()) } : {}),
  };
  const finishing =
    r.kind === 'evaluate' || (r.modelVersionIn + 1 >= spec.rounds && !spec.evaluation.finalRound)
      ? { status: 'completed' as const, reason: `completed ${spec.rounds} rounds` }
      : undefined;
  const commit: RoundCommit = {
    taskId: input.taskId,
    round: r.round,
    kind: r.kind,
    modelVersionIn: r.modelVersionIn,
    metrics,
    participants: outcome.participants,
    startedAt: r.startedAt,
    endedAt: input.now,
    ...(newModel ? { newModel } : {}),
    // A DP evaluation round changes no model but spends ε: stored with the round.
    ...(!newModel && privacy ? { privacyState: JSON.stringify(privacy.accountant.toJSON()) } : {}),
    ...(finishing ? { finish: finishing } : {}),
  };
  return { commit, version, finishing };
}

/**
 * The ε a round whose commit failed has spent all the same: a distributed-DP sum (training or
 * evaluation) was revealed when it was unmasked (it carries the devices' noise, not the
 * coordinator's). In central DP the noised result never left the coordinator: nothing.
 */
export function spentDespiteFailedCommit(mode: RoundMode, privacy: { accountant: PrivacyAccountant } | undefined): PrivacyAccountant | undefined {
  const distributed = mode.kind === 'distributed-dp' || (mode.kind === 'evaluate' && mode.evaluation.kind === 'distributed-dp');
  return distributed ? privacy?.accountant : undefined;
}
