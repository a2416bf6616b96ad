import { execAll } from './text.ts';

const TITLE_WORD = /[\p{L}][\p{L}'’-]*/gu;
const TITLE_CASE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'to', 'in', 'on', 'for', 'with', 'at', 'by', 'from', 'as', 'vs', 'via', 'is']);
/** A line with at least this many words, this share capitalised, is a heading or a title. */
const TITLE_CASE_MIN_WORDS = 4;
const TITLE_CASE_RATIO = 0.7;

/** A heading or a title: most of its words (small words aside) capitalised. */
export function isTitleCaseLine(line: string): boolean {
  let words = 0;
  let capitalised = 0;
  for (const m of execAll(TITLE_WORD, line)) {
    const w = m[0];
    if (TITLE_CASE_SMALL_WORDS.has(w.toLowerCase())) continue;
    words++;
    if (/^\p{Lu}/u.test(w)) capitalised++;
  }
  return words >= TITLE_CASE_MIN_WORDS && capitalised / words >= TITLE_CASE_RATIO;
}
