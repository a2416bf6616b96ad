/**
 * The one error class of `@conclave/dp`, with a closed set of stable codes.
 *
 * - `INVALID_ARGUMENT`: an argument is out of its documented domain.
 * - `BUDGET_UNREACHABLE`: no noise multiplier within the search limit meets the target ε.
 * - `INVALID_STATE`: a persisted accountant state is malformed.
 * - `NO_SECURE_RANDOM`: no random source was given and `globalThis.crypto` is missing.
 * - `NUMERICAL_FAILURE`: a series failed to converge or produced a non-finite value where
 *   a finite one is guaranteed; a bug or an input far outside the tested range.
 */
export type DpErrorCode =
  | 'INVALID_ARGUMENT'
  | 'BUDGET_UNREACHABLE'
  | 'INVALID_STATE'
  | 'NO_SECURE_RANDOM'
  | 'NUMERICAL_FAILURE';

export class DpError extends Error {
  readonly code: DpErrorCode;

  constructor(code: DpErrorCode, message: string) {
    super(message);
    this.name = 'DpError';
    this.code = code;
  }
}

/** Formats a value for an error message: numbers as JavaScript prints them, others as JSON, at most 80 characters. */
export function formatValue(value: unknown): string {
  let text: string;
  if (typeof value === 'number' || typeof value === 'bigint' || value === undefined || typeof value === 'function') {
    text = typeof value === 'function' ? `function ${value.name || '(anonymous)'}` : String(value);
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
