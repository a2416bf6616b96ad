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

/** A line with a word in lower case that a heading would capitalise (3 letters or more, no "the", "and", "with"…): prose. */
export function proseLine(line: string): boolean {
  return !isTitleCaseLine(line) || [...line.matchAll(/(?<![\p{L}'’-])\p{Ll}{3,}(?![\p{L}'’-])/gu)].some((m) => !HEADING_SMALL_WORDS.has(m[0]));
}
const HEADING_SMALL_WORDS = new Set('the and for with from via nor but into onto upon over'.split(' '));

/** The line around offset `at`, at most 120 characters either side. */
export function lineAround(text: string, at: number): string {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  const to = text.indexOf('\n', at);
  return text.slice(Math.max(from, at - 120), Math.min(to === -1 ? text.length : to, at + 120));
}
