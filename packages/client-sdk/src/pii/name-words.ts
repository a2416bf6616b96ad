import {
  BEFORE_NAME_NOT_NAME,
  BEFORE_NAME_SLOT,
  NEVER_IN_NAME_SLOT,
  NEVER_JOINS,
  SENTENCE_ADVERBS,
} from './name-extension.ts';
import { ENGLISH_TIER, JARGON_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { isNonNameWord } from './non-name-words.ts';

// The words around a name, read by the rules that grow a name found in part to the whole of it
// (name-neighbours.ts, name-given-words.ts) and that find names by the slot they fill
// (name-slots.ts): the word before and after, a line's case, verbs that follow a subject.

export type Regime = 'upper' | 'lower' | 'title';

export function regimeOf(s: string): Regime | undefined {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters === '') return undefined;
  if (letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'upper';
  if (letters === letters.toLowerCase()) return 'lower';
  return 'title';
}

export function inRegime(word: string, regime: Regime): boolean {
  if (regime === 'upper') return word === word.toUpperCase() && word !== word.toLowerCase();
  if (regime === 'lower') return word === word.toLowerCase();
  return /^\p{Lu}\p{Ll}/u.test(word);
}


export function neverBeside(lower: string): boolean {
  return isNonNameWord(lower) || NEVER_JOINS.has(lower) || NEVER_IN_NAME_SLOT.has(lower) || SENTENCE_ADVERBS.has(lower) || BEFORE_NAME_NOT_NAME.has(lower) || BEFORE_NAME_SLOT.has(lower);
}


/** The word before a name; after an "@" only when the "@" opens a mention ("@ana rossi", not "ana@host"). */
export const WORD_BEFORE = /(?<![\p{L}\p{M}\p{N}_.'’-]|[^\s(\[]@)([\p{L}][\p{L}\p{M}'’-]*) $/u;

/**
 * `WORD_BEFORE.exec(text.slice(from, to))?.[1]`, on a shorter slice where the word before `to` is
 * ASCII: its letters and the two characters before them, all the pattern reads. (Anchored at
 * the end, the pattern is tried from every offset of the slice it is given.)
 */
export function wordBefore(text: string, from: number, to: number): string | undefined {
  let i = to - 1;
  if (i <= from || text.charCodeAt(i) !== 32) return undefined;
  while (i > from) {
    const c = text.charCodeAt(i - 1);
    if (c >= 0x80) {
      i = from;
      break;
    }
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45)) break;
    i--;
  }
  return WORD_BEFORE.exec(text.slice(Math.max(from, i - 2), to))?.[1];
}

export const WORD_AFTER = /^ ([\p{L}][\p{L}\p{M}'’-]*)(?![\p{L}\p{M}\p{N}_@-]|['’]\p{L}{2})/u;

/** Months and days, whole and shortened: "Ailis Campbell Dec 20" ends before the date. */
export const CALENDAR_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:[a-z]*day|uary|ruary|ch|il|e|y|ust|tember|ober|ember)?$/;

export { FINITE_VERB, finiteVerb } from './name-verbs.ts';


/**
 * Words that head a clause before a person and that the never-beside lists lack (those already
 * hold greetings, titles, quantifiers and the commonest prepositions): verbs a request starts
 * with, praise, verbs of thinking, more prepositions ("Assign Okafor …", "Awesome Okafor!",
 * "Happy birthday …").
 */
export const BEFORE_PERSON = new Set(
  ('assign reassign update brief page tag mention book schedule bring check confirm pay hire fire promote remove exclude ' +
    'nominate approve reject interview onboard train support cover replace relieve escalate route transfer dm pm follow ' +
    'join reach see find make send get give show help neither bye goodbye night ' +
    'awesome perfect excellent brilliant amazing wonderful super birthday anniversary congratulations kudos shoutout props ' +
    // Verbs of thinking and saying before a clause ("I think Okafor has …").
    'think guess hope believe know suppose bet reckon feel hear wonder doubt assume expect say ' +
    // Prepositions the lists above lack ("everyone except Okafor", "without Okafor").
    'except without besides including excluding like unlike among between behind beyond despite toward towards ' +
    'upon within across along around against beside versus re').split(' '),
);

/** Adjectives of praise before a noun ("nice work", "great catch"); the roles' list holds "good", "great", "new". */
export const PRAISE = new Set('nice cool awesome excellent amazing brilliant solid fantastic super superb wonderful terrific stellar'.split(' '));

/** Pronouns that are a clause's subject: the word after one is a verb ("we trust Okafor"). */
export const SUBJECT_PRONOUNS = new Set('i we you they he she it who'.split(' '));

/** An abbreviation read letter by letter: "an" before it may be the article ("an NDA", "an sla", "an HR rep"). */
export function spelledOut(word: string, regime: Regime): boolean {
  const first = word.split(' ')[0] ?? '';
  const lower = first.toLowerCase();
  if (regime !== 'upper' && first.length > 1 && first === first.toUpperCase()) return true;
  // (One read as a word, "chai", "gerrit", takes "a"; one of three letters or no vowel is read
  // letter by letter: "an sla", "an npm".)
  return (JARGON_WORDS.has(lower) || PRODUCT_WORDS.has(lower)) && (lower.length <= 3 || !/[aeiouy]/.test(lower));
}
/** Words whose "h" is silent, after which "an" is the article ("an hour", "an honest mistake"). */
const SILENT_H = /^(?:hour|honest|hono(?:u)?r|heir|herb)/i;
/** A word that starts with a consonant's sound, after which "an" is no article ("An Bình", "an khang"). */
const CONSONANT_START = /^[b-df-gj-np-tv-zđ]/iu;
/** Whether `w` starts with a consonant's sound: "an" before it is no article ("An Bình", "an khang", "an hà"). */
export function consonantSound(w: string): boolean {
  return CONSONANT_START.test(w) || (/^h/i.test(w) && !SILENT_H.test(w));
}

/** After a surname: a preposition, a verb that follows a subject, a link, or the end of the clause. */
export const AFTER_SURNAME = new Set(
  ('to from about after before on in at for with by of into over and or but is was are were has had have will would can could ' +
    'should may might must did does do be wrote writes said says asked left joined approved reviewed needs wants got gets ' +
    'owns leads runs since because when while if whether so as via until till ' +
    // A relative clause about the person ("it was X who found the leak").
    'who').split(' '),
);
/**
 * What else follows a surname and never a given name: a verb after "did" ("did … ho get"), and
 * the time words an object is followed by ("… to thanh cong pun this morning", "… by thanh an ip
 * last year").
 */
export const AFTER_OBJECT = /^(?:get|put|set|let|read|heard|this|that|last|next|today|tonight|tomorrow|yesterday|already|again|too|also|directly|instead|soon|later|now)$/;
