import { ENGLISH_TIER } from './english-lexicon.ts';
import { lineLanguagesAt } from './foreign-lines.ts';
import { mayBeGiven } from './name-given-words.ts';
import type { PiiSpan } from './types.ts';

// Lists of names (issue 13: a name is removed whole). In "approvers: darrion crona, phoenix maiya
// cassin" or "attendees were Ana Rossi, Phoenix Corkery, and two people from procurement" the
// second name's first word is an English word, and nothing but its place tells it is a name's: a
// comma right after another name found, and after the name the list going on (a comma, "and",
// "or") or ending (the sentence's or the line's end).

/** After a name of the list: another item, "and" or "or" the last one, or the list's end. */
const LIST_GOES_ON = /^(?:,|[ \t]+(?:and|or|&)[ \t])/i;
const LIST_ENDS = /^[ \t]*(?:[.!?;)]|\p{Extended_Pictographic}|\r?\n|$)/u;

/**
 * Whether `w`, the word right before name `s` and starting at `at`, is the name's given name as
 * an item of a list: a comma and blanks are all that stand between it and the name before
 * (ending at `prevEnd`), and the list goes on or ends after `s`. Not a word that English puts
 * before a person (a verb that takes one, a determiner, an adverb, a greeting: "Bob, ask Ana.",
 * "Ana, our Bob"); a verb that takes a person only where the list goes on (there no sentence has
 * room for it: "X, promise okafor and Y met").
 */
export function givenInList(text: string, s: PiiSpan, at: number, w: string, prevEnd: number): boolean {
  if (prevEnd <= 0 || !/^,[ \t]+$/.test(text.slice(prevEnd, at))) return false;
  // (Only in a line of English: the words of another language are no English words it can be
  // told from, "…, test ortamı stabil".)
  if (lineLanguagesAt(text, at).length > 0) return false;
  // (Nor one of the commonest English words (SCOWL 10), which after a comma heads a phrase as often:
  // "…, test ortamı stabil" in a line whose language is not told.)
  if (ENGLISH_TIER.get(w.toLowerCase()) === 1) return false;
  const after = text.slice(s.end, s.end + 8);
  const goesOn = LIST_GOES_ON.test(after);
  if (!goesOn && !LIST_ENDS.test(after)) return false;
  return mayBeGiven(w, true, goesOn ? 'list' : 'label');
}
