import { describe, expect, it } from 'vitest';
import { ReasonCode, REASON_CODE_NAMES, decodeFrame, encodeFrame, isReasonCode, reasonCodeName } from '../src/index.ts';

describe('reason codes', () => {
  it('travel in Withdraw as a code, with exact bytes', () => {
    const bytes = encodeFrame('withdraw', { taskId: 't', round: 2, code: ReasonCode.NOT_ENOUGH_EXAMPLES });
    // Envelope field 13 (withdraw), length 7: task_id "t", round 2, code 1 (field 4, varint).
    expect([...bytes]).toEqual([0x6a, 0x07, 0x0a, 0x01, 0x74, 0x10, 0x02, 0x20, 0x01]);
    const frame = decodeFrame(bytes);
    expect(frame.body).toBe('withdraw');
    expect(frame.body === 'withdraw' && frame.message.code).toBe(ReasonCode.NOT_ENOUGH_EXAMPLES);
  });

  it('are a fixed, named set with stable numbers', () => {
    expect(REASON_CODE_NAMES[0]).toBe('REASON_UNSPECIFIED');
    expect(ReasonCode.CONSENT_WITHDRAWN).toBe(2);
    expect(ReasonCode.TRAINING_FAILED).toBe(20);
    expect(reasonCodeName(ReasonCode.PAUSED)).toBe('PAUSED');
    expect(reasonCodeName(9999)).toBe('REASON_UNSPECIFIED');
    expect(isReasonCode(ReasonCode.POLICY_REFUSED_TASK_NOT_APPROVED)).toBe(true);
    expect(isReasonCode(0)).toBe(false);
    expect(isReasonCode(9999)).toBe(false);
    expect(isReasonCode('PAUSED')).toBe(false);
  });
});
