import { stemPositions } from './anchor-windows.ts';
import { ENGLISH_TIER } from './english-lexicon.ts';
import { isForeignNameCue } from './foreign-lines.ts';
import { NEVER_JOINS } from './name-extension.ts';
import { foldName, isListedName } from './name-lexicon.ts';
import type { PiiSpan } from './types.ts';
import { isLatinLetter } from './text.ts';

// Names before an East Asian honorific (issue 13): Japanese "-san", "-sama", "-kun", "-chan",
// "さん", "様", Korean "-ssi", "-nim", "씨", Chinese "先生", "老师", written right after a name in
// Latin letters in mixed workplace text: "Lakin-san, the deploy window moved", "Octavioさん、the
// review is done", "thank you faas sessa-ssi", "virone fuhlbrugge 先生, the slides …". Glued to
// the honorific, the name is one word to the tagger ("Octavioさん", "Lakin-san") and no name; the
// honorific is as sure a cue as "Mr.". Found with indexOf first: most texts hold none.

/** Honorifics in lower case: the hyphenated ones follow a Latin word, the others may follow a blank too. */
const HYPHENATED = ['-san', '-sama', '-kun', '-chan', '-ssi', '-nim'];
const SCRIPT_HONORIFICS = ['さん', '様', '先生', '老师', '老師', '씨'];
const HONORIFICS = [...HYPHENATED, ...SCRIPT_HONORIFICS];

/** At most this many words before the one the honorific follows are the name's. */
const MAX_WORDS_BEFORE = 3;

type Case = 'upper' | 'lower' | 'title' | 'other';

function caseOf(w: string): Case {
  const upper = w.toUpperCase();
  const lower = w.toLowerCase();
  if (w === upper && w !== lower) return 'upper';
  if (w === lower) return 'lower';
  return w.charAt(0) === upper.charAt(0) && w.slice(1) === lower.slice(1) ? 'title' : 'other';
}

/** The start of the Latin word that ends at `end`, or `end` when none does. */
function wordStartBefore(text: string, end: number): number {
  let i = end;
  while (i > 0 && isLatinLetter(text.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * Whether `w`, before the word an honorific follows and in its case, is the name's: not a link, a
 * cue, a greeting or form of address of another language, nor one of the commonest English words
 * unless a name list holds it ("Name Coby Lakin-san" → "Coby Lakin").
 */
function nameWordBefore(w: string, wordCase: Case): boolean {
  if (caseOf(w) !== wordCase) return false;
  const lower = w.toLowerCase();
  if (NEVER_JOINS.has(lower) || isForeignNameCue(foldName(w))) return false;
  return (ENGLISH_TIER.get(lower) ?? 9) > 2 || isListedName(w);
}

/** The names that an honorific follows in `text`. */
export function findHonorificNames(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const at of stemPositions(text, HONORIFICS)) {
    const hyphenated = text.charCodeAt(at) === 45;
    if (hyphenated) {
      // ("-san" ends there: not "-sandbox", "-channel", "-nimble".)
      const stem = HYPHENATED.find((h) => text.slice(at, at + h.length).toLowerCase() === h) ?? '';
      // (Nor a file's or an identifier's part: "kaizen-san.md", "x-chan_2".)
      const next = at + stem.length;
      if (isLatinLetter(text.charCodeAt(next)) || /^[._\/-][\p{L}\p{N}]/u.test(text.slice(next, next + 2))) continue;
    }
    // A blank may stand before a honorific of another script ("Fuhlbrugge 先生").
    const end = !hyphenated && text.charCodeAt(at - 1) === 32 ? at - 1 : at;
    const start = wordStartBefore(text, end);
    if (end - start < 2) continue;
    const word = text.slice(start, end);
    const wordCase = caseOf(word);
    // (A common English word before one is a nickname's or a joke's: "the blog-chan thread".)
    if (wordCase === 'other' || ((ENGLISH_TIER.get(word.toLowerCase()) ?? 9) <= 2 && !isListedName(word))) continue;
    let first = start;
    for (let k = 0; k < MAX_WORDS_BEFORE && text.charCodeAt(first - 1) === 32; k++) {
      const s = wordStartBefore(text, first - 1);
      if (first - 1 - s < 2 || !nameWordBefore(text.slice(s, first - 1), wordCase)) break;
      // (A word glued to what is before it is no name's: "v2.0 beta", "@handle".)
      if (s > 0 && !/[\s(,;:"“'‘>*]/.test(text.charAt(s - 1))) break;
      first = s;
    }
    out.push({ start: first, end });
  }
  return out;
}
