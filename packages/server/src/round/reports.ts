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

/** The numbers that come with a training update (in the clear; under SecAgg+ only what the protocol does not carry). */
export interface UpdateReport {
  numExamples: number;
  trainLoss: number;
  evalExamples: number;
  evalLoss: number;
  evalAccuracy: number;
}

export interface EvalReport {
  evalExamples: number;
  evalLoss: number;
  evalAccuracy: number;
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

/** Checks an UploadStart: round kind, model version, length, protocol phase, claimed numbers. */
export function checkUploadStart(m: BodyOf<'uploadStart'>, e: UploadExpectation): Verdict<UpdateReport> {
  const round = m.round ?? 0;
  if (e.kind !== 'train') return refuse('INVALID_REPORT', `round ${round} is an evaluation round; send an EvalReport, not an update`);
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
  const evalExamples = m.evalExamples ?? 0;
  const accuracy = m.evalAccuracy ?? 0;
  const numbers = [m.trainLoss ?? 0, m.evalLoss ?? 0, accuracy];
  if (!numbers.every(Number.isFinite) || evalExamples > max || accuracy < 0 || accuracy > 1) {
    return refuse('INVALID_REPORT', `update metrics are out of range: loss ${m.trainLoss}, eval loss ${m.evalLoss}, eval accuracy ${m.evalAccuracy}`);
  }
  return { ok: true, value: { numExamples: n, trainLoss: m.trainLoss ?? 0, evalExamples, evalLoss: m.evalLoss ?? 0, evalAccuracy: accuracy } };
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

/** Checks an EvalReport: round kind, model version, numbers in range. */
export function checkEvalReport(
  m: BodyOf<'evalReport'>,
  e: { round: number; kind: 'train' | 'evaluate'; modelVersionIn: number; firstReport: boolean; limits: ReportLimits },
): Verdict<EvalReport> {
  if (e.kind !== 'evaluate') return refuse('INVALID_REPORT', `round ${e.round} is a training round; send an update, not an EvalReport`);
  if (!e.firstReport) return refuse('INVALID_REPORT', `this device already reported for round ${e.round}`);
  if ((m.modelVersion ?? 0) !== e.modelVersionIn) {
    return refuse('STALE_UPDATE', `evaluation of model version ${m.modelVersion ?? 0}, round ${e.round} evaluates version ${e.modelVersionIn}`);
  }
  const n = m.evalExamples ?? 0;
  const loss = m.evalLoss ?? 0;
  const acc = m.evalAccuracy ?? 0;
  if (n < 1 || n > e.limits.maxExamplesPerReport || !Number.isFinite(loss) || !(acc >= 0 && acc <= 1)) {
    return refuse('INVALID_REPORT', `evaluation report out of range: ${n} examples, loss ${loss}, accuracy ${acc}`);
  }
  return { ok: true, value: { evalExamples: n, evalLoss: loss, evalAccuracy: acc } };
}
