/**
 * The write-ahead privacy charge of a round (issue 11 item 7): under distributed DP the sum the
 * coordinator unmasks already carries the devices' noise and is released the moment it is
 * revealed, so the round's ε must be in the store before the reveal, not only with the commit —
 * a coordinator that stops between the two (a crash, a lost lease) still counts it. The
 * accountant is the one the round's finalize step computes, by the same function.
 */
import type { PrivacyAccountant } from '@conclave/dp';
import { accountRound } from '../privacy/privacy-figures.ts';
import { accountOneRound } from '../privacy/task-privacy.ts';
import type { RoundMode } from './plan.ts';

/** The accountant after this round if unmasking it releases a distributed-DP sum; else undefined. */
export function revealCharge(mode: RoundMode): PrivacyAccountant | undefined {
  if (mode.kind === 'distributed-dp') return accountOneRound(mode.privacy, mode.accountant);
  if (mode.kind === 'evaluate' && mode.evaluation.kind === 'distributed-dp') return accountRound(mode.evaluation.privacy, mode.evaluation.accountant, 'evaluate');
  return undefined;
}
