import { PRAISE, wordBefore } from './name-words.ts';

// A person addressed (issue 13): after an interjection, a wish or praise a name ends its clause
// ("sorry promise X,", "HAPPY BIRTHDAY FAAS X!", "GREAT CATCH SAID X"), so an English word between
// them is the name's first (name-given-words.ts objectSlotStart).

/** Interjections and the heads of wishes after which a person is addressed ("sorry X,", "fyi X:", "lol X 😂", "happy birthday X!", "welcome aboard X!"). */
const ADDRESS_HEADS = new Set('sorry fyi lol lmao haha ok okay birthday aboard bravo'.split(' '));
/** Nouns of praise after an adjective of praise: "great catch X", "nice work X", "good job X". */
const PRAISED = new Set('catch work job call find effort stuff'.split(' '));

/** Whether `governor`, starting at `at`, is a word after which a person is addressed: an interjection, a wish, praise. */
export function addressHead(text: string, at: number, governor: string): boolean {
  if (ADDRESS_HEADS.has(governor)) return true;
  if (!PRAISED.has(governor)) return false;
  const adjective = wordBefore(text, Math.max(0, at - 40), at)?.toLowerCase() ?? '';
  return PRAISE.has(adjective) || adjective === 'great' || adjective === 'good';
}

/** Whether the name ending at `end` ends its clause, as one addressed does: punctuation, an emoji, a line's end. */
export function endsAddress(text: string, end: number): boolean {
  return /^[ \t]*(?:[,.!?:)]|\p{Extended_Pictographic}|\r?\n|$)/u.test(text.slice(end, end + 3));
}

/**
 * A list of people after a label that names them, up to the name ("Approvers: Keji Gassama, ",
 * "ON-CALL THIS WEEK: AWESI GYAMFI (PRIMARY), "), or a one-on-one's first person ("1:1 kwadwo
 * wuraola / "): each item is a name.
 */
export const PERSON_LIST =
  /(?:^|\n)[ \t]*(?:(?:(?:requested|required)[ \t]+)?reviewers?|approvers?|attendees|participants|invitees|owners?|assignees?|cc|on-?call(?:[ \t]+this[ \t]+week)?)[ \t]*:[ \t]+(?:[^,;:\n]{1,60},[ \t]*){1,8}$|(?:^|\n)[ \t]*1:1[ \t]+[^\n\/,]{1,40}[ \t]\/[ \t]*$/iu;
