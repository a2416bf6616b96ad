/** Stable codes for {@link PiiError}. */
export type PiiErrorCode = 'INVALID_SPAN' | 'INVALID_SCRUBBER' | 'LEXICON_NOT_LOADED';

/**
 * Thrown when a custom scrubber misbehaves (a bad span is never clamped or skipped: either
 * would leave text unscrubbed without anyone noticing), or when text is scrubbed before the
 * lexicon is loaded (browsers: `await loadPiiLexicon()`).
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
