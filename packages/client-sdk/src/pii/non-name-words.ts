import { lazySet } from './lexicon.ts';
import { BUILD_GIVEN_SET, BUILD_SURNAME_SET, FIRST_NAME_SET, foldName } from './name-lexicon.ts';
import { execAll } from './text.ts';
import type { PiiSpan } from './types.ts';

// The name tagger knows English words; a sentence in Spanish, German, French, Portuguese,
// Italian or Dutch is, to it, a run of unknown capitalisable words, and "la contraseña es" or
// "geboren am" reads like a name. Function words, the words that label a password, a date of
// birth or an address, and month names of those languages are never a name's part (unless a
// name list holds them: "Mai", "Julio" stay names). Short words that are also syllables of
// East Asian, Vietnamese or West African names ("tu", "lo", "su", "mi", "uma") are left out.

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter((w) => w !== ''));
}

const NON_NAME_WORDS: ReadonlySet<string> = lazySet((d) => words(d.NON_NAME_WORDS));

/** Name particles: part of a name between its words, never a name alone. */
export const NAME_PARTICLES: ReadonlySet<string> = words('de da del della di du la le van von der den dos das al bin ten ter y e');

const MONTHS: ReadonlySet<string> = lazySet((d) => words(d.MONTH_NAMES));
/** A day before or a year after: "3. Mai 2004", "18 de abril", "June 2026". */
const DAY_BEFORE = /\d(?:\.|st|nd|rd|th|er|º)?[ \t]+(?:de[ \t]+)?$/;
const YEAR_AFTER = /^\.?,?[ \t]+(?:de[ \t]+)?(?:19|20)\d\d(?!\d)/;

/** A month's name next to a day or a year is a date's part, whatever name it also is ("3. Mai 2004"). */
function isDatedMonth(text: string, start: number, end: number, word: string): boolean {
  return MONTHS.has(word.toLowerCase()) && (DAY_BEFORE.test(text.slice(Math.max(0, start - 8), start)) || YEAR_AFTER.test(text.slice(end, end + 12)));
}

/** A function word, cue label or month of those languages that no name list holds. */
export function isNonNameWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (!NON_NAME_WORDS.has(lower)) return false;
  const folded = foldName(word);
  const cap = lower.charAt(0).toUpperCase() + lower.slice(1);
  return !FIRST_NAME_SET.has(cap) && !BUILD_GIVEN_SET.has(folded) && !BUILD_SURNAME_SET.has(folded);
}

const SPAN_WORD = /[\p{L}\p{M}'’.-]+/gu;

/**
 * A name span cut at the words above: the pieces that hold a word other than a particle, or
 * the span itself when it holds none of those words.
 */
export function splitAtNonNameWords(text: string, s: PiiSpan): PiiSpan[] {
  const slice = text.slice(s.start, s.end);
  const out: PiiSpan[] = [];
  let piece: PiiSpan | undefined;
  let named = false;
  let cut = false;
  // (The piece is closed in two places, written out: a closure made for every span was a measurable share of the time.)
  for (const m of execAll(SPAN_WORD, slice)) {
    const word = m[0].replace(EDGE_MARKS, '');
    const at = s.start + (m.index ?? 0) + m[0].indexOf(word);
    if (word === '') continue;
    if (isNonNameWord(word) || isDatedMonth(text, at, at + word.length, word)) {
      cut = true;
      if (piece !== undefined && named) out.push(piece);
      piece = undefined;
      named = false;
      continue;
    }
    if (piece === undefined) piece = { start: at, end: at + word.length };
    else piece.end = at + word.length;
    if (!NAME_PARTICLES.has(word.toLowerCase())) named = true;
  }
  if (!cut) return [s];
  if (piece !== undefined && named) out.push(piece);
  return out;
}

/** Dots, apostrophes and hyphens at either end of a word. */
const EDGE_MARKS = /^[.'’-]+|[.'’-]+$/g;
