/**
 * What a device tells the coordinator when a round fails on it: one code from the fixed set in
 * conclave.proto (`ReasonCode`), chosen by the kind of failure, never its message. Messages can
 * carry what a device holds (a file path, a value, an example's shape); a code names only the
 * cause, so the admin learns why most of a cohort fails (a model that does not fit its features,
 * devices out of memory) without learning anything about one person's data.
 *
 * Errors from a worker trainer arrive as plain `Error`s carrying only the worker's message, so
 * the cause is read from the error's name, its `code` and the wording of the libraries that
 * throw it (TensorFlow.js, better-sqlite3, IndexedDB, Node's worker threads).
 */
import { ReasonCode } from '@conclave/proto';

/** The codes a failure on the device maps to. */
export type FailureCode =
  | typeof ReasonCode.TRAINING_FAILED
  | typeof ReasonCode.EVALUATION_FAILED
  | typeof ReasonCode.MODEL_MISMATCH
  | typeof ReasonCode.OUT_OF_MEMORY
  | typeof ReasonCode.STORAGE_ERROR
  | typeof ReasonCode.TIMEOUT
  | typeof ReasonCode.INTERNAL;

/** A failure whose cause the SDK knows where it happens (e.g. reading the example store). */
export class DeviceFailure extends Error {
  override readonly name = 'DeviceFailure';
  constructor(
    readonly code: FailureCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const OUT_OF_MEMORY = /out of memory|allocation failed|invalid typed array length|invalid array length|heap limit|memory limit|failed to allocate|OOM when allocating/i;
/** TensorFlow.js's shape errors, the trainer's own plan checks, and a model that does not build. */
const MODEL_MISMATCH =
  /is incompatible with layer|expected axis .* to have value|to have shape|to have \d+ dimension|features, the plan expects|model has \d+ values, received|must match the product of shape|incompatible shapes|shapes? .* (do not|does not|must) match|unknown layer|improper config format|weight.* (count|mismatch)/i;
const STORAGE = /SQLITE_|indexeddb|QuotaExceeded|ENOSPC|EROFS|EACCES|EIO\b|EMFILE|database (is locked|disk image|corrupt)|unable to open database/i;
const TIMEOUT = /timed out|timeout|ETIMEDOUT/i;
const PROGRAMMING = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError']);
/** The same bugs once a worker has flattened them to their message. */
const PROGRAMMING_MESSAGE = /cannot read propert|is not a function|is not defined|is not iterable|is not a constructor/i;

/**
 * A failure inside the trainer, marked with its code. There a TypeError means TensorFlow.js could
 * not build the plan's model (a malformed topology), not a bug of the SDK: it keeps the stage's
 * code unless a cause is recognised.
 */
export function trainerFailure(err: unknown, kind: 'train' | 'evaluate'): DeviceFailure {
  if (err instanceof DeviceFailure) return err;
  const code = failureCode(err, kind);
  const stage = kind === 'evaluate' ? ReasonCode.EVALUATION_FAILED : ReasonCode.TRAINING_FAILED;
  const message = err instanceof Error ? err.message : String(err);
  return new DeviceFailure(code === ReasonCode.INTERNAL ? stage : code, message, { cause: err });
}

/**
 * The code for a failure in a round of `kind`: a cause it recognises, else the stage's own code
 * (TRAINING_FAILED or EVALUATION_FAILED).
 */
export function failureCode(err: unknown, kind: 'train' | 'evaluate'): FailureCode {
  const fallback = kind === 'evaluate' ? ReasonCode.EVALUATION_FAILED : ReasonCode.TRAINING_FAILED;
  if (err instanceof DeviceFailure) return err.code;
  if (!(err instanceof Error)) return fallback;
  const code = (err as { code?: unknown }).code;
  const text = `${err.name}: ${err.message}`;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY' || OUT_OF_MEMORY.test(text)) return ReasonCode.OUT_OF_MEMORY;
  if (MODEL_MISMATCH.test(err.message)) return ReasonCode.MODEL_MISMATCH;
  if (err.name === 'QuotaExceededError' || STORAGE.test(text) || (typeof code === 'string' && code.startsWith('SQLITE_'))) return ReasonCode.STORAGE_ERROR;
  if (err.name === 'TimeoutError' || code === 'ETIMEDOUT' || TIMEOUT.test(err.message)) return ReasonCode.TIMEOUT;
  if (PROGRAMMING.has(err.name) || PROGRAMMING_MESSAGE.test(err.message)) return ReasonCode.INTERNAL;
  return fallback;
}
