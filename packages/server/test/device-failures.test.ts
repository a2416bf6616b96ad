import { describe, expect, it } from 'vitest';
import { deviceFailureCounts, dominantFailure, dominantFailureReason, formatWithdrawals, withdrawalsFromReason } from '../src/device-failures.ts';
import type { RoundRow } from '../src/store/store.ts';

function round(n: number, status: RoundRow['status'], withdrawals: Record<string, number> | undefined, reason = ''): RoundRow {
  const metrics = status === 'committed' ? ({ participants: 3, ...(withdrawals ? { withdrawals } : {}) } as RoundRow['metrics']) : null;
  return { taskId: 't', round: n, kind: 'train', status, modelVersionIn: n - 1, modelVersionOut: status === 'committed' ? n : null, reason, metrics, startedAt: 0, endedAt: 1 };
}

describe('device failures', () => {
  it('a failure code given by more than half of the selected devices dominates; choices never do', () => {
    expect(dominantFailure({ MODEL_MISMATCH: 3 }, 4)).toEqual({ code: 'MODEL_MISMATCH', count: 3, selected: 4 });
    expect(dominantFailure({ MODEL_MISMATCH: 2 }, 4)).toBeUndefined();
    expect(dominantFailure({ MODEL_MISMATCH: 2, OUT_OF_MEMORY: 2 }, 4)).toBeUndefined();
    expect(dominantFailure({ CONSENT_WITHDRAWN: 4 }, 4)).toBeUndefined();
    expect(dominantFailure({ NOT_ENOUGH_EXAMPLES: 4, INELIGIBLE: 1 }, 5)).toBeUndefined();
    expect(dominantFailureReason({ code: 'MODEL_MISMATCH', count: 3, selected: 4 })).toBe(
      "most devices failed: MODEL_MISMATCH (3 of 4 selected) — the model does not fit what devices feed it: check the model's input width against the feature recipe and the loss against its output layer",
    );
  });

  it('reads back the counts an aborted round lists in its reason', () => {
    const listed = formatWithdrawals({ NOT_ENOUGH_EXAMPLES: 1, CONSENT_WITHDRAWN: 2 });
    expect(listed).toBe('CONSENT_WITHDRAWN 2, NOT_ENOUGH_EXAMPLES 1');
    expect(withdrawalsFromReason(`round timed out with 1 of 3 reports (withdrawals: ${listed})`)).toEqual({ CONSENT_WITHDRAWN: 2, NOT_ENOUGH_EXAMPLES: 1 });
    expect(withdrawalsFromReason('selection timed out')).toEqual({});
  });

  it('counts codes per round and for the task, from committed metrics and aborted reasons', () => {
    const rounds = [
      round(1, 'committed', undefined),
      round(2, 'committed', { NOT_ENOUGH_EXAMPLES: 1 }),
      round(3, 'aborted', undefined, 'round timed out (withdrawals: MODEL_MISMATCH 2, NOT_ENOUGH_EXAMPLES 1)'),
      round(3, 'aborted', undefined, 'most devices failed: MODEL_MISMATCH (3 of 4 selected) (withdrawals: MODEL_MISMATCH 3)'),
    ];
    expect(deviceFailureCounts(rounds)).toEqual({
      total: { NOT_ENOUGH_EXAMPLES: 2, MODEL_MISMATCH: 5 },
      failed: 5,
      rounds: [
        { round: 2, kind: 'train', status: 'committed', counts: { NOT_ENOUGH_EXAMPLES: 1 } },
        { round: 3, kind: 'train', status: 'aborted', counts: { MODEL_MISMATCH: 2, NOT_ENOUGH_EXAMPLES: 1 } },
        { round: 3, kind: 'train', status: 'aborted', counts: { MODEL_MISMATCH: 3 } },
      ],
    });
  });
});
