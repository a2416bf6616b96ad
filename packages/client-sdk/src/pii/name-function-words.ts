import { lineAround, proseLine } from './title-case.ts';
import type { Regime } from './name-words.ts';

// Function words that are names' words (issue 13: a name is removed whole): "He" (何), a Chinese
// surname, and "An" (安, Vietnamese Ân) after the rest of a name, "To" (Vietnamese Tố) before it.
// The pronoun "he" right after a name is the next clause's subject and "an" an article, so what
// follows tells which it is (name-neighbours.ts, `functionWordInName`). These are the followers no
// pronoun or article takes that the rules there leave out, met in names left in part on fresh
// draws of the dev part and in the nineteenth pass's blind templates: "thanh hạnh he 10:30 –
// 11:00 standup", "YAOJIE HE ARE PAIRING", "ASK ANH TÚ HE WHETHER THE BUDGET …", "WRITTEN BY NHƯ
// QUỲNH HE LAST YEAR", "can vuong gia he cover my shift", "i owe phước an a coffee".

/**
 * Verbs that take a clause, whose subject the name then is: "I THINK CÔNG ÂN HE HAS THE ADMIN
 * RIGHTS" (a pronoun repeating the subject before its verb is spoken English, not written).
 */
export const CLAUSE_TAKING_VERBS: ReadonlySet<string> = new Set('think thinks thought guess believe believes hope bet suppose reckon know knows knew heard hear'.split(' '));

/** Words an article is never followed by: another article, an adverb particle, a pronoun ("ONLY GUOXIU AN US AND LEGAL HAVE ACCESS"). */
const NEVER_AFTER_AN = new Set('a the up out us we they she you him her them our'.split(' '));
/**
 * A number said with a consonant first, or a phone number, right after: no "an" comes before one
 * ("KIẾT TRINH AN +62 812 3456 7890", "VŨ ANH AN 10:30 – 11:00 STANDUP"; "an 8", "an 11:00", "an
 * 18" are the article's).
 */
const CONSONANT_NUMBER_AFTER = /^[ \t]+(?:\+\d|(?!8|11|18)\d)/;
/**
 * Words a subject pronoun is never followed by: a plural verb, "whether", "until", a time or a
 * place adverb with no verb yet ("GO TO NHƯ QUỲNH HE UNTIL THE END", "I'LL SYNC WITH CÔNG THÀNH HE
 * AFTER LUNCH", "double-check with đại dương he before you deploy", "YUCHENG HE UP NEXT").
 */
const NEVER_AFTER_HE = new Set('are am whether until after before yesterday here up'.split(' '));
/** A question to the reader right after: the name is called, no pronoun stands there ("@GIA ÂN HE CAN YOU TAKE A LOOK?"). */
const QUESTION_TO_YOU_AFTER = /^[ \t]+(?:can|could|would|will|do|did|should)[ \t]+(?:you|u)\b/i;
/**
 * Words before a name that make a pronoun right after it impossible: auxiliaries and modals that
 * open a question before its subject ("can vuong gia he cover …"), "let" before its object and
 * the object's verb ("LET GIA PHUOC HE GO FIRST"), "once" opening a clause ("once gia anh he has
 * signed").
 */
const NO_PRONOUN_AFTER_NAME = new Set('can could will would should shall may might must did does do let once'.split(' '));
/** Verbs of saying after a quotation and its speaker ("\"We are ready,\" Anh Tú He said."). */
const SAYING = new Set('said says asked replied wrote added'.split(' '));
/** A closing quote right before the name, after the quotation's last mark. */
const QUOTE_BEFORE = /[,.!?]["”][ \t]+$/;
/** "last year", "next week": a time after a name that is an object ("written by … he last year"). */
const TIME_AFTER = /^ (?:last|next) (?:year|week|month|quarter|time|night|sprint)\b/i;
/** A number right after: no pronoun comes before one ("he 10:30"). */
const NUMBER_AFTER = /^[ \t]+\+?\d/;
/**
 * What ends a field or an emphasis right after a word: the close of markdown's bold or italics, a
 * spaced dash, an ampersand between two people, two blanks or a tab between columns ("**LỆ NHI
 * NGỌC TRINH HE** PRESENTED", "* TƯỜNG ANH AN — BACKEND", "gia đạo he & wenbo linghu",
 * "PASSENGER: THANH NHA AN  SEAT 14C"). No article or pronoun stands before one.
 */
const FIELD_ENDS_AFTER = /^(?:\*{1,2}(?![\p{L}\p{N}])|_{1,2}(?![\p{L}\p{N}])|[ \t]+[—–-][ \t]|[ \t]+&[ \t]| {2,}|\t)/u;

/**
 * Whether "he" or "an", ending at `wordEnd` right after a name that starts at `nameStart`, can
 * only be the name's last word by what follows it (`nextLower`, the next word in lower case, or
 * '' when a number or a mark follows) and by `prev`, the word before the name: no pronoun and no
 * article stands there.
 */
export function onlyAsNameWord(text: string, nameStart: number, wordEnd: number, lower: 'he' | 'an' | string, nextLower: string, prev: string): boolean {
  const after = text.slice(wordEnd, wordEnd + 24);
  if (FIELD_ENDS_AFTER.test(after)) return true;
  // ("an a", "an the": no article comes before another, nor before an adverb alone: "TƯỜNG ANH AN UP
  // NEXT", "đang an out sick"; "an out-of-office" is one word.)
  if (lower === 'an') return NEVER_AFTER_AN.has(nextLower) || CONSONANT_NUMBER_AFTER.test(after);
  if (NEVER_AFTER_HE.has(nextLower) || NO_PRONOUN_AFTER_NAME.has(prev.toLowerCase()) || QUESTION_TO_YOU_AFTER.test(after)) return true;
  if (SAYING.has(nextLower) && QUOTE_BEFORE.test(text.slice(Math.max(0, nameStart - 8), nameStart))) return true;
  return NUMBER_AFTER.test(after) || TIME_AFTER.test(after);
}

/** A comma or a colon, or an opening quote, right before a word. */
const OPENS_BEFORE = /[,:][ \t]+$|[ \t]["“‘(]$/;
/** A line's first word, capitalised, and the blank after it. */
const FIRST_WORD_BEFORE = /^[ \t]*\p{Lu}\p{Ll}+[ \t]+$/u;
/** Of the function words that are names' words, those that open one ("To Nhi", "An Khang", "He Yun"), not "Per". */
const OPENING_FUNCTION_WORDS = new Set(['to', 'an', 'he']);

/**
 * Whether `w`, a function word that is also a name's word ending right before a name, opens that
 * name: in mixed case after a comma or an opening quote, capitalised in a line of prose, which
 * writes those words small ("The CFO, To Nhi Leung, signed off", "Thank you, To Nhi Jin!"), or after
 * the line's first word ("Give To Nhi Chai access"; not
 * after a colon, where a sentence may start: "Lesli: To Amber's point, …"); without case after a
 * colon and before romanised syllables ("WINNER OF THE HACKATHON: TO NHI MENG VUONG"), where
 * English puts an infinitive's "to" before a verb ("Goal: to ship").
 */
export function functionWordOpensName(text: string, at: number, w: string, regime: Regime, syllabic: boolean): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  if (!OPENING_FUNCTION_WORDS.has(w.toLowerCase())) return false;
  if (regime === 'title') {
    // (Or after a line's capitalised first word, a verb that takes a person: "Give To Nhi Chai access".)
    const opens = (OPENS_BEFORE.test(before) && !/:[ \t]+$/.test(before)) || FIRST_WORD_BEFORE.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at));
    return opens && /^\p{Lu}\p{Ll}+$/u.test(w) && proseLine(lineAround(text, at));
  }
  if (!OPENS_BEFORE.test(before)) return false;
  return syllabic && /:[ \t]+$/.test(before);
}

/**
 * Greetings that open a line and address the person after them, with which "to" makes no phrase
 * ("dear to nhi meng and wenbo,", "hi to nhi meng an update …"); not "thanks", "welcome",
 * "congrats", "cheers", which take "to" before a person.
 */
const ADDRESSING = new Set('hi hey hello dear ty thx morning'.split(' '));
const LINE_GREETING = /^[ \t]*(\p{L}+)[,!]?[ \t]+$/u;
const TITLE_AT_END = /(?<![\p{L}])(?:mr|mrs|ms|mx|dr|prof|sir|dame|miss)\.?[ \t]+$/iu;

/** Whether a line-opening greeting (or, unless `greetingOnly`, a title) stands right before offset `at`: what follows is addressed. */
function addressedAt(text: string, at: number, greetingOnly: boolean): boolean {
  const ls = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(ls, at);
  const greeting = LINE_GREETING.exec(line)?.[1];
  if (greeting !== undefined && ADDRESSING.has(greeting.toLowerCase())) return true;
  if (greetingOnly) return false;
  return TITLE_AT_END.test(line.slice(-12));
}

/**
 * Whether "to" right before a name of romanised syllables (Vietnamese Tố: "To Nhi Meng") is the
 * name's first word: after a greeting that opens the line; between two parts of names the first of
 * which is addressed ("MR. WENBO TO NHI NG", "TY WENBO TO NHI NG!!"; not "from wenbo to nhi ng",
 * "moved wenbo to nhi ng", nor after a header's colon: "cc: ana to bob"); or capitalised at a sentence's
 * start before the name and its verb ("To Nhi Chai joined in March"), which English never writes,
 * or so at a line's start in a line written small or in capitals; or after a word that takes a
 * person with no "to" ({@link NO_TO_AFTER}).
 * `previousStart` is the start of the name part before "to" when "to" stands between two, and
 * `eitherSyllabic` whether one of the parts is romanised syllables ("WENBO", "NHI NG").
 */
export function toOpensName(text: string, at: number, w: string, previousStart: number | undefined, eitherSyllabic: boolean, verbAfterName: boolean): boolean {
  if (previousStart !== undefined) return eitherSyllabic && addressedAt(text, previousStart, false);
  if (addressedAt(text, at, true)) return true;
  const prev = WORD_RIGHT_BEFORE.exec(text.slice(Math.max(0, at - 16), at))?.[1]?.toLowerCase();
  if (prev !== undefined && NO_TO_AFTER.has(prev)) return true;
  // (Written small or in capitals, at the line's start: "to nhi pushed a hotfix", "TO NHI XU JOINED #OPS".)
  if (verbAfterName && (w === 'to' || w === 'TO') && /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at))) return true;
  return verbAfterName && w === 'To' && /(?:^|[.!?][ \t]+)$/.test(text.slice(Math.max(0, at - 3), at).replace(/^.*\n/s, ''));
}

/** The word right before a word, one blank between. */
const WORD_RIGHT_BEFORE = /(?<![\p{L}\p{N}_'’.-])(\p{L}+)[ \t]$/u;

/**
 * Words after which "to" starts no phrase before a person: verbs whose object the person is and
 * prepositions ("ask to nhi ngai whether …", "PING TO NHI ABOUT …", "WE HIRED TO NHI NGAI", "sync
 * with to nhi xu"). English puts "to" after them only before a verb ("ask to join"), and the
 * name's words after it are no English words.
 */
const NO_TO_AFTER = new Set('ask asked asking ping pinged contact contacted hire hired cc bcc met meet with about invite invited remind reminded tell told thank thanked'.split(' '));
