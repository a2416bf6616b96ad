/** Stable codes for {@link PiiError}. */
export type PiiErrorCode = 'INVALID_SPAN' | 'INVALID_SCRUBBER';

/**
 * Thrown when a custom scrubber misbehaves. A bad span is never clamped or skipped: either
 * would leave text unscrubbed without anyone noticing.
 */
export class PiiError extends Error {
  override readonly name = 'PiiError';
  constructor(
    readonly code: PiiErrorCode,
    message: string,
  ) {
    super(message);
  }
}
