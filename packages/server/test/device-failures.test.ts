import { describe, expect, it } from 'vitest';
import { AttemptFailures, deviceFailureCounts, dominantFailure, dominantFailureReason, formatDeviceFailures, formatWithdrawals, withdrawalsFromReason } from '../src/device-failures.ts';
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

  it('an aborted attempt keeps counting the late withdrawals of devices still in it, once each', () => {
    const attemptId = new Uint8Array([1, 2, 3]);
    const member = (sessionId: string) => ({ session: { link: { sessionId } } });
    const closed = AttemptFailures.of({
      info: { round: 4, attemptId },
      cohort: { size: 4, pendingMembers: () => [member('b'), member('c'), member('d')] },
      withdrawals: () => ({ OUT_OF_MEMORY: 1 }),
    });
    expect(closed.count('b', 4, attemptId, 'OUT_OF_MEMORY')).toBeUndefined();
    expect(closed.count('b', 4, attemptId, 'OUT_OF_MEMORY')).toBeUndefined(); // the same device again
    expect(closed.count('c', 4, new Uint8Array([9]), 'OUT_OF_MEMORY')).toBeUndefined(); // another attempt
    expect(closed.count('c', 3, attemptId, 'OUT_OF_MEMORY')).toBeUndefined(); // another round
    expect(closed.count('a', 4, attemptId, 'OUT_OF_MEMORY')).toBeUndefined(); // no longer pending when it closed
    expect(closed.count('c', 4, attemptId, 'OUT_OF_MEMORY')).toEqual({ code: 'OUT_OF_MEMORY', count: 3, selected: 4 });
  });

  it('task status shows the task’s counts and its latest rounds’', () => {
    const counts = deviceFailureCounts([round(1, 'committed', { NOT_ENOUGH_EXAMPLES: 1 }), round(2, 'aborted', undefined, 'x (withdrawals: MODEL_MISMATCH 3)')]);
    expect(formatDeviceFailures(counts)).toEqual([
      'withdrew  MODEL_MISMATCH 3, NOT_ENOUGH_EXAMPLES 1 (3 failed on the device)',
      '          round 1 (train, committed): NOT_ENOUGH_EXAMPLES 1',
      '          round 2 (train, aborted): MODEL_MISMATCH 3',
    ]);
    expect(formatDeviceFailures(deviceFailureCounts([round(1, 'committed', undefined)]))).toEqual([]);
  });
});
