/** The kinds of personal or secret data the built-in scrubbers find. */
export type PiiType =
  | 'EMAIL'
  | 'PHONE'
  | 'CREDIT_CARD'
  | 'IBAN'
  | 'SSN'
  | 'IP_ADDRESS'
  | 'SECRET'
  | 'DATE_OF_BIRTH'
  | 'STREET_ADDRESS'
  | 'PERSON';

/** Every built-in type, in the order of specificity used to break ties between equal spans. */
export const PII_TYPES: readonly PiiType[] = [
  'SECRET',
  'IBAN',
  'CREDIT_CARD',
  'EMAIL',
  'SSN',
  'IP_ADDRESS',
  'DATE_OF_BIRTH',
  'STREET_ADDRESS',
  'PHONE',
  'PERSON',
];

/** A half-open range `[start, end)` of UTF-16 code units. */
export interface PiiSpan {
  start: number;
  end: number;
}

/**
 * One piece of text that was replaced. `start` and `end` are offsets into the text that was
 * passed in, not into the scrubbed output. `type` is a built-in {@link PiiType} or the `type`
 * of a custom {@link Scrubber}.
 */
export interface PiiFinding extends PiiSpan {
  type: PiiType | (string & {});
}

/**
 * A detector. `find` returns the spans it considers sensitive; they may overlap each other
 * and other scrubbers' spans, the caller resolves that. A tool team adds its own through
 * `scrubPii(text, { scrubbers })` or `createScrubber({ extra })`.
 *
 * @example
 * ```ts
 * const employeeIds: Scrubber = {
 *   type: 'EMPLOYEE_ID',
 *   find: (text) => [...text.matchAll(/\bEMP-\d{6}\b/g)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
 * };
 * ```
 */
export interface Scrubber {
  /** Upper-case label; matches are replaced by `[${type}]`. */
  readonly type: string;
  find(text: string): Iterable<PiiSpan>;
  /**
   * Breaks ties between overlapping spans of equal length: lower wins. Built-in scrubbers use
   * 0–99 (structured secrets 0, checksum-checked types 10–20, pattern types 30–60, names 80,
   * entropy-only secrets 90).
   * @default 50
   */
  readonly priority?: number;
}

/** What {@link scrubPii} returns. */
export interface ScrubResult {
  /** The input with every finding replaced by `[TYPE]`. */
  text: string;
  /** Non-overlapping findings, sorted by `start`. */
  findings: PiiFinding[];
}

/** Options for {@link scrubPii}. */
export interface ScrubOptions {
  /**
   * Scrubbers run in addition to the built-in ones.
   * @default []
   */
  scrubbers?: readonly Scrubber[];
  /**
   * Types whose scrubbers are skipped, built-in or custom (e.g. `['PERSON']` for text that is
   * known to hold no names).
   * @default []
   */
  disable?: readonly string[];
}

/** Options for {@link createScrubber}. */
export interface CreateScrubberOptions {
  /**
   * Scrubbers run in addition to the built-in ones.
   * @default []
   */
  extra?: readonly Scrubber[];
  /**
   * Types whose scrubbers are skipped.
   * @default []
   */
  disable?: readonly string[];
}

/** A configured scrubber, built once and reused across texts. */
export interface PiiScrubber {
  /** The types this scrubber replaces, built-in and custom. */
  readonly types: readonly string[];
  /** Resolves once `scrub` can run: the lexicon is loaded (at once in Node). */
  ready(): Promise<void>;
  scrub(text: string): ScrubResult;
}
