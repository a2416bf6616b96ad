/**
 * What a device may claim in a report, checked before anything enters the round: every refusal
 * names the bad value and what was expected, and drops only that device from the round.
 * Pure: a decoded message and what the round expects in, a verdict out.
 */
import type { BodyOf, WireErrorCode } from '@conclave/proto';
import type { ServerPhase } from '@conclave/secagg';

/** Limits of what one device may claim in a report. */
export interface ReportLimits {
  /** @default 10_000_000 */
  maxExamplesPerReport: number;
}

export const DEFAULT_REPORT_LIMITS: ReportLimits = { maxExamplesPerReport: 10_000_000 };

/**
 * What comes with an update in the clear (rounds without secure aggregation): its example count
 * for the weighted mean. No per-device loss or evaluation ever travels in the clear.
 */
export interface UpdateReport {
  numExamples: number;
}

export type Verdict<T> = { ok: true; value: T } | { ok: false; code: WireErrorCode; message: string };

const refuse = (code: WireErrorCode, message: string): Verdict<never> => ({ ok: false, code, message });

export interface UploadExpectation {
  round: number;
  kind: 'train' | 'evaluate';
  modelVersionIn: number;
  /** The device has not announced an update in this round yet. */
  firstAnnouncement: boolean;
  /** Entries of the upload. */
  words: number;
  /** Under secure aggregation: the protocol's phase and the masked metric entries. */
  secure: { phase: ServerPhase; metricsEntries: number } | null;
  limits: ReportLimits;
}

/** Checks an UploadStart: model version, length, protocol phase, claimed example count. */
export function checkUploadStart(m: BodyOf<'uploadStart'>, e: UploadExpectation): Verdict<UpdateReport> {
  const round = m.round ?? 0;
  if (e.kind === 'evaluate' && !e.secure) return refuse('INVALID_REPORT', `round ${round} is an evaluation round; it takes only a securely aggregated evaluation`);
  if (!e.firstAnnouncement) return refuse('INVALID_REPORT', `this device already sent an update for round ${round}`);
  if ((m.modelVersion ?? 0) !== e.modelVersionIn) {
    return refuse('STALE_UPDATE', `update computed from model version ${m.modelVersion ?? 0}, round ${round} trains version ${e.modelVersionIn}`);
  }
  const values = (m.updateBytes ?? 0) / 4;
  if ((m.updateBytes ?? 0) !== e.words * 4) {
    const what = e.secure
      ? `masked input has ${values} values, expected ${e.words} (model and weight${e.secure.metricsEntries ? ' and round metrics' : ''})`
      : `update has ${values} values, model has ${e.words}`;
    return refuse('WRONG_LENGTH', what);
  }
  if (e.secure && e.secure.phase !== 'masked-input') {
    return refuse('UNEXPECTED_MESSAGE', `masked input before the key exchange finished (secure aggregation is in phase ${e.secure.phase})`);
  }
  const n = m.numExamples ?? 0;
  const max = e.limits.maxExamplesPerReport;
  // Under secure aggregation the example count travels masked inside the vector, never here.
  if (!e.secure && (n < 1 || n > max)) return refuse('INVALID_REPORT', `update claims ${n} examples, expected 1 to ${max}`);
  return { ok: true, value: { numExamples: n } };
}

/** Checks one UploadChunk against the upload so far: it must continue exactly where the last one ended. */
export function checkUploadChunk(m: BodyOf<'uploadChunk'>, upload: { buffer: Float32Array; received: number }): Verdict<{ offset: number; data: Uint8Array }> {
  const data = m.data ?? new Uint8Array();
  const offset = m.offset ?? 0;
  if (offset !== upload.received) return refuse('MALFORMED_FRAME', `update chunk at byte ${offset}, expected byte ${upload.received}`);
  if (data.byteLength % 4 !== 0 || offset + data.byteLength > upload.buffer.byteLength) {
    return refuse('WRONG_LENGTH', `update chunk of ${data.byteLength} bytes at byte ${offset} overruns the ${upload.buffer.byteLength}-byte update`);
  }
  return { ok: true, value: { offset, data } };
}
