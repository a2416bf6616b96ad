import { withCallMemo } from './call-memo.ts';
import { PiiError } from './errors.ts';
import { lexiconData } from './lexicon.ts';
import { loadPiiLexicon } from './lexicon-loader.ts';
import { PII_TYPES } from './types.ts';
import type {
  CreateScrubberOptions,
  PiiFinding,
  PiiScrubber,
  ScrubOptions,
  ScrubResult,
  Scrubber,
} from './types.ts';

/** @see Scrubber.priority */
const DEFAULT_PRIORITY = 50;
const TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

interface Candidate extends PiiFinding {
  priority: number;
}

function checkScrubber(s: Scrubber): void {
  if (typeof s.type !== 'string' || !TYPE_PATTERN.test(s.type)) {
    throw new PiiError(
      'INVALID_SCRUBBER',
      `scrubber type ${JSON.stringify(s.type)} is not a label; expected letters, digits, '_' or '-'`,
    );
  }
  if (typeof s.find !== 'function') {
    throw new PiiError('INVALID_SCRUBBER', `scrubber "${s.type}" has no find(text) function`);
  }
}

function collect(text: string, scrubbers: readonly Scrubber[]): Candidate[] {
  const out: Candidate[] = [];
  for (const s of scrubbers) {
    const priority = s.priority ?? DEFAULT_PRIORITY;
    for (const { start, end } of s.find(text)) {
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
        throw new PiiError(
          'INVALID_SPAN',
          `scrubber "${s.type}" returned span ${start}..${end}; expected integers 0 <= start < end <= ${text.length}`,
        );
      }
      out.push({ type: s.type, start, end, priority });
    }
  }
  return out;
}

/**
 * Scrubbers at or above this priority guess from words (names, entropy-only secrets); below it
 * they match a format (a checksum, a pattern, a cue and its value).
 */
const GUESS_PRIORITY = 80;

/** Longest first; between equal lengths the lower priority; then the earlier start. */
function byLengthThenPriority(a: Candidate, b: Candidate): number {
  return b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start;
}

/**
 * Picks non-overlapping findings. Format findings first: the longest span wins; between equal
 * lengths the lower priority (the more specific scrubber) wins; then the earlier start; then the
 * scrubber listed first. Guesses (priority ≥ {@link GUESS_PRIORITY}) then take what is left, in
 * the same order: a guess that overlaps a format finding is dropped, however long it is (a "name"
 * that runs into a password, "la password è Summer2024!", is no name). `Array.prototype.sort` is
 * stable, so the result depends only on the input.
 */
function resolveOverlaps(candidates: Candidate[], textLength: number): PiiFinding[] {
  const formats = candidates.filter((c) => c.priority < GUESS_PRIORITY).sort(byLengthThenPriority);
  const guesses = candidates.filter((c) => c.priority >= GUESS_PRIORITY).sort(byLengthThenPriority);
  const taken = new Uint8Array(textLength);
  const accepted: PiiFinding[] = [];
  next: for (const c of [...formats, ...guesses]) {
    for (let i = c.start; i < c.end; i++) if (taken[i] === 1) continue next;
    taken.fill(1, c.start, c.end);
    accepted.push({ type: c.type, start: c.start, end: c.end });
  }
  return accepted.sort((a, b) => a.start - b.start);
}

function replaceFindings(text: string, findings: readonly PiiFinding[]): string {
  let out = '';
  let at = 0;
  for (const f of findings) {
    out += text.slice(at, f.start) + `[${f.type}]`;
    at = f.end;
  }
  return out + text.slice(at);
}

/**
 * The scrubbers of a scrub and the types they find. The built-in scrubbers come with the lexicon
 * (lexicon-data.ts): in browsers their rules load with its chunk, so they are looked up at the first
 * scrub, which needs the lexicon anyway; the types are known from the start.
 */
interface Selection {
  scrubbers: () => readonly Scrubber[];
  types: ReadonlySet<string>;
}

function runScrubbers(text: string, selection: Selection): ScrubResult {
  if (text.length === 0) return { text, findings: [] };
  const scrubbers = selection.scrubbers();
  const findings = withCallMemo(text, () => resolveOverlaps(collect(text, scrubbers), text.length), selection.types);
  return { text: replaceFindings(text, findings), findings };
}

function selectScrubbers(extra: readonly Scrubber[], disable: readonly string[]): Selection {
  for (const s of extra) checkScrubber(s);
  const off = new Set(disable);
  let scrubbers: readonly Scrubber[] | undefined;
  return {
    scrubbers: () => (scrubbers ??= [...lexiconData().BUILTIN_SCRUBBERS, ...extra].filter((s) => !off.has(s.type))),
    types: new Set([...PII_TYPES, ...extra.map((s) => s.type)].filter((t) => !off.has(t))),
  };
}

/** The built-in scrubbers, all on: what `scrubPii(text)` with no options uses, selected once. */
let builtinSelection: Selection | undefined;

/**
 * Replaces personal data and secrets in `text` by `[TYPE]` placeholders, on the device,
 * before anything is used for training.
 *
 * Scrubbing the output again finds nothing new, with two known exceptions, both caused by a
 * neighbour having become a placeholder: a value glued to another without a separator
 * (`4111-1111-1111-1111,10.0.0.1`: the card is refused next to `,1…` but accepted next to
 * `,[IP_ADDRESS]`), and a name that was refused because of the word that has been replaced.
 *
 * @example
 * ```ts
 * scrubPii('Hi Mark, card 4111 1111 1111 1111 is blocked');
 * // { text: 'Hi [PERSON], card [CREDIT_CARD] is blocked',
 * //   findings: [{ type: 'PERSON', start: 3, end: 7 }, { type: 'CREDIT_CARD', start: 14, end: 33 }] }
 * ```
 */
export function scrubPii(text: string, options: ScrubOptions = {}): ScrubResult {
  const custom = (options.scrubbers?.length ?? 0) > 0 || (options.disable?.length ?? 0) > 0;
  return runScrubbers(text, custom ? selectScrubbers(options.scrubbers ?? [], options.disable ?? []) : (builtinSelection ??= selectScrubbers([], [])));
}

/** Builds a reusable scrubber with custom detectors added or built-in types switched off. */
export function createScrubber(options: CreateScrubberOptions = {}): PiiScrubber {
  const selection = selectScrubbers(options.extra ?? [], options.disable ?? []);
  return { types: [...selection.types], ready: loadPiiLexicon, scrub: (text: string) => runScrubbers(text, selection) };
}
