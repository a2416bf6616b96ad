/**
 * Round attempts (PROTOCOL.md §6). A round keeps its number until it commits, so an aborted
 * round is tried again under the same number; each try gets an attempt id of its own, sent with
 * Selected and echoed in every message a device sends for the round. A message is routed to the
 * running round only when both match: one from an earlier attempt, or from a round that has
 * closed, is late (the device is told so, never blamed), and one for a round that has not
 * started is refused. Pure: the caller sends the messages.
 */
import { byteSource, type RandomSource } from '../random.ts';

/** Bytes of an attempt id: 64 random bits, so two attempts of one round never share one. */
export const ATTEMPT_ID_BYTES = 8;

export function newAttemptId(random: RandomSource): Uint8Array {
  const id = new Uint8Array(ATTEMPT_ID_BYTES);
  byteSource(random)(id);
  return id;
}

export function sameAttempt(a: Uint8Array | null | undefined, b: Uint8Array): boolean {
  return !!a && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The attempt id as logs and messages show it. */
export function attemptHex(id: Uint8Array | null | undefined): string {
  return id?.length ? Buffer.from(id).toString('hex') : '(none)';
}

export type RoundRouting = { kind: 'current' } | { kind: 'late'; reason: string } | { kind: 'refuse'; reason: string };

/**
 * Where a device's message for `message.round` / `message.attemptId` goes, given the task's open
 * round (undefined when the task runs no round now: between rounds or finished).
 */
export function routeRoundMessage(
  open: { round: number; attemptId: Uint8Array; reporting: boolean } | undefined,
  message: { taskId: string; round: number; attemptId: Uint8Array | null | undefined },
): RoundRouting {
  const { taskId, round, attemptId } = message;
  if (open && round === open.round && sameAttempt(attemptId, open.attemptId) && open.reporting) return { kind: 'current' };
  if (open && round > open.round) return { kind: 'refuse', reason: `round ${round} of task ${taskId} has not started; the task is in round ${open.round}` };
  if (open && round === open.round && !open.reporting && sameAttempt(attemptId, open.attemptId)) {
    return { kind: 'refuse', reason: `round ${round} of task ${taskId} is still selecting its cohort` };
  }
  const attempt = open && round === open.round ? ` (attempt ${attemptHex(attemptId)}, the round now runs attempt ${attemptHex(open.attemptId)})` : '';
  return { kind: 'late', reason: `round ${round} of task ${taskId} closed before this message arrived${attempt}` };
}
