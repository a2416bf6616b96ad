/**
 * The fixed set of reasons a device gives for not taking part, leaving a round or refusing a
 * task (`ReasonCode` in conclave.proto). A device sends only a code, never a number or free text
 * about itself; the coordinator counts codes per round and never links one to a device.
 */
import { conclave } from './generated/conclave.js';

/** Reason codes by name (`ReasonCode.NOT_ENOUGH_EXAMPLES === 1`), as generated from conclave.proto. */
export const ReasonCode = conclave.v1.ReasonCode;
export type ReasonCode = conclave.v1.ReasonCode;
/** The name of a reason code, e.g. `'CONSENT_WITHDRAWN'`. */
export type ReasonCodeName = keyof typeof conclave.v1.ReasonCode;

const NAMES = new Map<number, ReasonCodeName>(
  (Object.entries(conclave.v1.ReasonCode) as [ReasonCodeName, number][]).map(([name, code]) => [code, name]),
);

/** Every defined reason code name, in code order (REASON_UNSPECIFIED first). */
export const REASON_CODE_NAMES: readonly ReasonCodeName[] = [...NAMES.entries()].sort((a, b) => a[0] - b[0]).map(([, name]) => name);

/** True when `code` is a defined reason code other than REASON_UNSPECIFIED. */
export function isReasonCode(code: unknown): code is ReasonCode {
  return typeof code === 'number' && code !== 0 && NAMES.has(code);
}

/** The name of a code; codes this build does not know (a newer peer's) read `'REASON_UNSPECIFIED'`. */
export function reasonCodeName(code: number | null | undefined): ReasonCodeName {
  return NAMES.get(code ?? 0) ?? 'REASON_UNSPECIFIED';
}
