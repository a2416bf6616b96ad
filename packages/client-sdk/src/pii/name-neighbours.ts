import {
  BEFORE_NAME_NOT_NAME,
  BEFORE_NAME_SLOT,
  DETERMINERS,
  IMPERATIVE_VERBS,
  NEVER_IN_NAME_SLOT,
  NEVER_JOINS,
  NEVER_JOINS_AFTER,
  SENTENCE_ADVERBS,
  SUBORDINATORS,
  TWO_OBJECT_VERBS,
} from './name-extension.ts';
import { BUILD_GIVEN_SET, BUILD_SURNAME_SET, FIRST_NAME_SET, WORD_SURNAMES, foldName } from './name-lexicon.ts';
import { ENGLISH_TIER, JARGON_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { isNonNameWord } from './non-name-words.ts';
import type { PiiSpan } from './types.ts';

// A name is removed whole (issue 13): once any word of it is found, a word right beside it that a
// name list holds and that is written in the name's case ("CEASAR BLOCK", "rokhaya fall",
// "Serenity Yessenia Kessler", "AWS AJAI") is part of it, even when it is also an English word or a
// product's name; and one word between two parts of a name is part of it ("OLIMPIO PER LEMMENS")
// unless it links two people ("and", "or", "with").

/** Words that link two names: never the part between them. */
const LINKS = new Set(['and', 'or', 'nor', '&', 'vs', 'with', 'to', 'from', 'for', 'by', 'cc', 'und', 'et', 'y', 'e']);
/** How many words each side a name may grow by. */
const MAX_GROWTH = 2;

type Regime = 'upper' | 'lower' | 'title';

function regimeOf(s: string): Regime | undefined {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters === '') return undefined;
  if (letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'upper';
  if (letters === letters.toLowerCase()) return 'lower';
  return 'title';
}

function inRegime(word: string, regime: Regime): boolean {
  if (regime === 'upper') return word === word.toUpperCase() && word !== word.toLowerCase();
  if (regime === 'lower') return word === word.toLowerCase();
  return /^\p{Lu}\p{Ll}/u.test(word);
}

function isGiven(word: string): boolean {
  const lower = word.toLowerCase();
  return FIRST_NAME_SET.has(lower.charAt(0).toUpperCase() + lower.slice(1)) || BUILD_GIVEN_SET.has(foldName(word));
}

function isSurname(word: string): boolean {
  const lower = word.toLowerCase();
  return BUILD_SURNAME_SET.has(foldName(word)) || WORD_SURNAMES.has(lower.charAt(0).toUpperCase() + lower.slice(1));
}

function neverBeside(lower: string): boolean {
  return isNonNameWord(lower) || NEVER_JOINS.has(lower) || NEVER_IN_NAME_SLOT.has(lower) || SENTENCE_ADVERBS.has(lower) || BEFORE_NAME_NOT_NAME.has(lower) || BEFORE_NAME_SLOT.has(lower);
}

/** The word before a name; after an "@" only when the "@" opens a mention ("@ana rossi", not "ana@host"). */
const WORD_BEFORE = /(?<![\p{L}\p{M}\p{N}_.'’-]|[^\s(\[]@)([\p{L}][\p{L}\p{M}'’-]*) $/u;

/**
 * `WORD_BEFORE.exec(text.slice(from, to))?.[1]`, on a shorter slice where the word before `to` is
 * ASCII: its letters and the two characters before them, all the pattern reads. (Anchored at
 * the end, the pattern is tried from every offset of the slice it is given.)
 */
function wordBefore(text: string, from: number, to: number): string | undefined {
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
const WORD_AFTER = /^ ([\p{L}][\p{L}\p{M}'’-]*)(?![\p{L}\p{M}\p{N}_@-]|['’]\p{L}{2})/u;
/**
 * What ends a name's right side: a possessive, sentence punctuation, a closing bracket or quote,
 * an opening bracket ("Ana Rossi (on leave)"), a table cell's bar, an "@" before a time or place,
 * an e-mail's "<", a line's end.
 */
const CLAUSE_ENDS = /^(?:['’]s(?![\p{L}])|[ \t]*(?:[,.!?;:)\]}|"”»(<@]|['’](?![\p{L}])|\r?\n|$))/u;

/** What ends a name's left side: the start of the text, a line or a sentence. */
const STARTS_BEFORE = /(?:^|[\n.!?:;>][ \t]*|^[ \t]+)$/;
/** A title before the word, perhaps with a given name between: it opens the name ("DR. JUSTICE MIRACLE RUECKER"). */
const TITLE_BEFORE = /(?<![\p{L}])(?:mr|mrs|ms|mx|dr|prof|sir|dame|miss)\.?[ \t]+(?:[\p{L}][\p{L}\p{M}'’-]*[ \t]+)?$/iu;
/** After a surname: a preposition, a verb that follows a subject, a link, or the end of the clause. */
const AFTER_SURNAME = new Set(
  ('to from about after before on in at for with by of into over and or but is was are were has had have will would can could ' +
    'should may might must did does do wrote writes said says asked left joined approved reviewed needs wants got gets ' +
    'owns leads runs since because when while if so as via').split(' '),
);
/** Months and days, whole and shortened: "Ailis Campbell Dec 20" ends before the date. */
export const CALENDAR_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:[a-z]*day|uary|ruary|ch|il|e|y|ust|tember|ober|ember)?$/;
/** Adverbs that follow a name ("ping grace directly"). */
const ADVERB_AFTER = /(?:ly|wise|wards?)$/;

/**
 * Function words that cannot end a clause: articles, prepositions that take an object, links,
 * subject pronouns and possessives. One of them right after a name and before the clause ends
 * ("thanks wenbo an.", "could you forward this to yucheng he?", "Đai Ngoc To,") is no function
 * word there: it is the name's last word. Not the particles a phrasal verb ends on ("loop Bob
 * in", "let Ana by").
 */
const CANNOT_END_CLAUSE = new Set('a an the to for of with from and or nor he my your our their'.split(' '));
/** Prepositions: what may not follow them right away tells they are a name's. */
const PREPOSITIONS = new Set('to for of with from'.split(' '));
/** What no subject is followed by: a link or a preposition ("yucheng he and …", "wenbo he for …"). */
const NOT_AFTER_SUBJECT = new Set('and or nor but for to of with from since because while if so as via at on in by into about'.split(' '));
/**
 * What neither a preposition, nor a subject pronoun, nor an article can be followed by: a link, a
 * preposition, an auxiliary verb or the verb of a subject ("gia vinh to to the", "wenbo an for",
 * "thanh an will present", "yucheng he and").
 */
const NOT_AFTER_FUNCTION_WORD = new Set(
  ('and or nor but for to of with from since because while if so as via at on in by into about is was are were has had have ' +
    'will would can could should may might must shall did does wrote said says asked left joined approved needs wants ' +
    'got gets saw sent fixed went').split(' '),
);
/**
 * Verbs that take a person and then a clause about them: "tell Bob he is late", "asked Mei to
 * review": after them a pronoun or "to" after the name is the sentence's.
 */
const TELLING_VERB = /^(?:tell|tells|told|ask|asks|asked|remind|reminds|reminded|let|lets|warn|warns|warned|show|shows|showed|assure|assured|inform|informs|informed|promise|promised|convince|convinced|persuade|persuaded|want|wants|wanted|need|needs|needed|get|got|help|helped|expect|expected|invite|invited|allow|allowed|text|texted|email|emailed|ping|pinged|message|messaged|call|called|moving|move|moved)$/i;
/** A word that starts with a consonant's sound, after which "an" is no article ("An Bình", "an khang"). */
const CONSONANT_START = /^[b-df-gj-np-tv-zđ]/iu;

/**
 * Whether the function word `w`, right after a name (the name ends at `nameEnd`, `w` at
 * `wordEnd`), is the name's last word by the grammar around it: what follows can end the clause
 * or cannot follow `w`, or, in mixed case, it is capitalised in the middle of a sentence
 * ("Guodong He and …").
 */
function functionWordInName(text: string, nameStart: number, wordEnd: number, w: string, regime: Regime): boolean {
  const lower = w.toLowerCase();
  if (!CANNOT_END_CLAUSE.has(lower) || lower === 'a' || lower === 'the') return false;
  const after = text.slice(wordEnd, wordEnd + 40);
  const prev = wordBefore(text, Math.max(0, nameStart - 40), nameStart) ?? '';
  // "told Bob he …", "asked Bob to …": the pronoun or "to" is the sentence's.
  if (TELLING_VERB.test(prev) && lower !== 'an') return false;
  if (CLAUSE_ENDS.test(after)) return true;
  const next = WORD_AFTER.exec(after)?.[1];
  if (next === undefined) return false;
  const nextLower = next.toLowerCase();
  if (regime === 'title' && /^\p{Lu}\p{Ll}/u.test(w) && /^\p{Ll}/u.test(next)) return true;
  // Not before an abbreviation read letter by letter ("an NDA", "an sla") or an h that may be silent ("an hour").
  const spelled = JARGON_WORDS.has(nextLower) || PRODUCT_WORDS.has(nextLower) || (regime !== 'upper' && next.length > 1 && next === next.toUpperCase());
  // A verb in the past or the third person needs a subject before it, which "an" and "to" are
  // not, and "he" after a name is not either ("anh quan he expired", "đăng an he needs").
  if (lower === 'an') return (CONSONANT_START.test(next) && !/^h/i.test(next) && !spelled) || NOT_AFTER_FUNCTION_WORD.has(nextLower) || nextLower === lower || finiteVerb(nextLower);
  if (lower === 'he') {
    // "Without Bob he would …", "If Bob asks he will …": after a clause that ends on a name, "he"
    // is the next clause's subject, so only a word no subject takes makes it the name's. A verb
    // in the past or the third person does, unless a conjunction opened the clause.
    if (NOT_AFTER_SUBJECT.has(nextLower) || nextLower === lower) return true;
    return finiteVerb(nextLower) && !SUBORDINATORS.has(prev.toLowerCase()) && !/^(?:without|unlike|like|after|before)$/i.test(prev);
  }
  if (PREPOSITIONS.has(lower)) return NOT_AFTER_FUNCTION_WORD.has(nextLower) || nextLower === lower || finiteVerb(nextLower);
  return false;
}

/**
 * Whether `w`, ending at `at + w.length` right before a name in mixed case, is capitalised in the
 * middle of a sentence written in lower case around it ("Congrats to Alone Cipriano", "cc Promise
 * Diédhiou"): not a sentence's first word, nor a title, a role or a product.
 */
function capitalisedMidSentence(text: string, at: number, w: string, regime: Regime): boolean {
  if (regime !== 'title' || !/^\p{Lu}\p{Ll}+$/u.test(w)) return false;
  const lower = w.toLowerCase();
  if (JARGON_WORDS.has(lower) || PRODUCT_WORDS.has(lower) || CALENDAR_WORD.test(lower)) return false;
  const prev = wordBefore(text, Math.max(0, at - 40), at);
  return prev !== undefined && /^\p{Ll}/u.test(prev);
}

/**
 * Words that head a clause before a person and that the never-beside lists lack (those already
 * hold greetings, titles, quantifiers and the commonest prepositions): verbs a request starts
 * with, praise, verbs of thinking, more prepositions ("Assign Okafor …", "Awesome Okafor!",
 * "Happy birthday …").
 */
const BEFORE_PERSON = new Set(
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

/**
 * Whether `w`, an English word right before a one-word name that no list holds as a given name,
 * is that person's given name: people are named by a given name, or by both names, seldom by a
 * surname alone, so "Justice Schumm", "miracle bernier" and "SODA IBIKUNLE" are whole names. Not a
 * word that heads a clause before a person (a verb, an adverb, a greeting, a role), a verb's
 * inflection, a date word, a product, or a noun after a determiner ("the Justice Okafor case").
 */
function givenBeforeLoneSurname(text: string, at: number, w: string, name: string): boolean {
  if (/\s/.test(name) || isGiven(name)) return false;
  const lower = w.toLowerCase();
  if (!ENGLISH_TIER.has(lower) || JARGON_WORDS.has(lower) || PRODUCT_WORDS.has(lower) || CALENDAR_WORD.test(lower)) return false;
  if (/(?:ed|ing|ly)$/.test(lower) || BEFORE_PERSON.has(lower) || IMPERATIVE_VERBS.has(lower) || TWO_OBJECT_VERBS.has(lower) || SUBORDINATORS.has(lower)) return false;
  const prev = wordBefore(text, Math.max(0, at - 40), at)?.toLowerCase();
  // After a subject pronoun the word is a verb ("we trust Okafor"); after an adjective, a noun
  // ("great catch Okafor", "good job Okafor").
  return prev === undefined || !(DETERMINERS.has(prev) || TWO_OBJECT_VERBS.has(prev) || SUBJECT_PRONOUNS.has(prev) || PRAISE.has(prev) || BEFORE_NAME_NOT_NAME.has(prev));
}

/** Adjectives of praise before a noun ("nice work", "great catch"); the roles' list holds "good", "great", "new". */
const PRAISE = new Set('nice cool awesome excellent amazing brilliant solid fantastic super superb wonderful terrific stellar'.split(' '));

const SUBJECT_PRONOUNS = new Set('i we you they he she it who'.split(' '));

/**
 * Whether `w`, ending right before a name, is its given name by where it stands: after a title or
 * a word that takes a person ("for", "cc", "ask", "and") unless it is one of the commonest English
 * words; at the start of a sentence only when no English list holds it ("Moving", "Our" are no names).
 */
function givenSlot(text: string, at: number, w: string): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  const lower = w.toLowerCase();
  const tier = ENGLISH_TIER.get(lower);
  if (TITLE_BEFORE.test(before)) return true;
  const prev = wordBefore(text, Math.max(0, at - 40), at)?.toLowerCase();
  if (prev !== undefined && (BEFORE_NAME_SLOT.has(prev) || prev === 'and' || prev === 'or' || prev === '&')) return tier === undefined || tier > 1;
  return STARTS_BEFORE.test(before) && tier === undefined && !JARGON_WORDS.has(lower) && !PRODUCT_WORDS.has(lower);
}

/**
 * Verbs in the past or the third person, which follow a subject and never a given name ("ho saw
 * the alert", "pun fixed the script", "… he knows").
 */
const FINITE_VERB = /^(?:saw|got|went|came|made|took|gave|found|knew|thought|ran|met|kept|brought|bought|sent|began|broke|spent|held|paid|won|lost|felt|led|meant|gets|sees|goes|comes|makes|takes|gives|finds|knows|thinks|runs|keeps|brings|sends|starts|needs|wants|likes|says|seems|looks|works|owns|leads|uses|agrees)$/;
/**
 * What else follows a surname and never a given name: a verb after "did" ("did … ho get"), and
 * the time words an object is followed by ("… to thanh cong pun this morning", "… by thanh an ip
 * last year").
 */
const AFTER_OBJECT = /^(?:get|put|set|let|read|heard|this|that|last|next|today|tonight|tomorrow|yesterday|already|again|too|also|directly|instead|soon|later|now)$/;
/** A word of the first thousand or so English words ending as a regular verb in the past: "fixed", "approved", "merged". */
function pastParticiple(lower: string): boolean {
  return /[a-z]{2}ed$/.test(lower) && ENGLISH_TIER.has(lower);
}

/** A verb that follows its subject: in the past, or in the third person ("he knows", "an expired"). */
export function finiteVerb(lower: string): boolean {
  return FINITE_VERB.test(lower) || pastParticiple(lower);
}

/** Whether what follows the word ending at `at` closes a surname: punctuation, the end, a preposition or verb. */
function surnameCloses(text: string, at: number): boolean {
  const after = text.slice(at, at + 40);
  if (CLAUSE_ENDS.test(after)) return true;
  const next = WORD_AFTER.exec(after)?.[1]?.toLowerCase();
  return next !== undefined && (AFTER_SURNAME.has(next) || AFTER_OBJECT.test(next) || finiteVerb(next));
}

/**
 * A word no English, jargon or product list holds: beside a name in the name's case it is the
 * name's ("ega napitupulu", "nhat ha xu").
 */
function unknownWord(lower: string): boolean {
  return !ENGLISH_TIER.has(lower) && !JARGON_WORDS.has(lower) && !PRODUCT_WORDS.has(lower) && !neverBeside(lower) && /^\p{L}{2,}$/u.test(lower);
}

/** Whether `w`, a word that may be a name's, and the word after it (ending a surname) both follow a name: "ngoc ha ip and". */
function twoNameWordsThenClose(text: string, at: number, regime: Regime): boolean {
  const w2 = WORD_AFTER.exec(text.slice(at, at + 40))?.[1];
  if (w2 === undefined || !inRegime(w2, regime)) return false;
  const lower = w2.replace(/['’]s$/u, '').toLowerCase();
  if (neverBeside(lower) || NEVER_JOINS_AFTER.has(lower) || AFTER_SURNAME.has(lower) || AFTER_OBJECT.test(lower) || finiteVerb(lower) || (ENGLISH_TIER.get(lower) ?? 9) <= 1) return false;
  return surnameCloses(text, at + 1 + lower.length);
}

/** Name spans (sorted, not overlapping) grown over the name words beside them. */
export function growToNameNeighbours(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out = spans.map((s) => ({ ...s }));
  for (let k = 0; k < out.length; k++) {
    const s = out[k] as PiiSpan;
    const regime = regimeOf(text.slice(s.start, s.end));
    if (regime === undefined) continue;
    const prevEnd = k > 0 ? (out[k - 1] as PiiSpan).end : 0;
    for (let g = 0; g < MAX_GROWTH; g++) {
      const w = wordBefore(text, Math.max(prevEnd, s.start - 40), s.start);
      if (w === undefined || !inRegime(w, regime)) break;
      const lower = w.toLowerCase();
      const at = s.start - w.length - 1;
      const sandwiched = k > 0 && at - prevEnd === 1 && text[prevEnd] === ' ';
      if (CALENDAR_WORD.test(lower)) break;
      // "an" before a name that starts with a consonant is no article: the name's first word.
      if (lower === 'an' && CONSONANT_START.test(text.slice(s.start, s.end)) && !sandwiched) {
        s.start = at;
        continue;
      }
      if (sandwiched ? LINKS.has(lower) : neverBeside(lower) || NEVER_JOINS_AFTER.has(lower) || !(isGiven(w) || givenSlot(text, at, w) || unknownWord(lower) || capitalisedMidSentence(text, at, w, regime) || givenBeforeLoneSurname(text, at, w, text.slice(s.start, s.end)))) break;
      s.start = at;
    }
    const next = out[k + 1];
    for (let g = 0; g < MAX_GROWTH; g++) {
      const m = WORD_AFTER.exec(text.slice(s.end, Math.min(next?.start ?? text.length, s.end + 40)));
      // "gia bình pun's laptop": the possessive is not the name's.
      const w = m?.[1]?.replace(/['’]s$/u, '');
      if (w === undefined || w === '' || !inRegime(w, regime)) break;
      const lower = w.toLowerCase();
      if (functionWordInName(text, s.start, s.end + 1 + w.length, w, regime)) {
        s.end += w.length + 1;
        continue;
      }
      if (neverBeside(lower) || NEVER_JOINS_AFTER.has(lower) || AFTER_SURNAME.has(lower) || ADVERB_AFTER.test(lower) || CALENDAR_WORD.test(lower)) break;
      // A word before a number is its unit or label ("Dec 20", "USD 92,709", "Room 4").
      if (/^[ \t]\d/.test(text.slice(s.end + 1 + w.length, s.end + 3 + w.length))) break;
      // A common English word in a verb's or a plural's form is the sentence's ("starts", "saw" before "the").
      const tier = ENGLISH_TIER.get(lower);
      const closes = surnameCloses(text, s.end + 1 + w.length) || twoNameWordsThenClose(text, s.end + 1 + w.length, regime);
      if (!isSurname(w) && !(unknownWord(lower) && !/^[ \t]\d/.test(text.slice(s.end + 1 + w.length))) && (!closes || (tier !== undefined && tier <= 2 && /(?:s|ed|ing)$/.test(lower)))) break;
      s.end += w.length + 1;
    }
  }
  // Spans grown into each other, or one word apart across a sandwiched word, become one.
  const merged: PiiSpan[] = [];
  for (const s of out) {
    const last = merged[merged.length - 1];
    if (last !== undefined && (s.start <= last.end || (s.start === last.end + 1 && text[last.end] === ' '))) last.end = Math.max(last.end, s.end);
    else merged.push(s);
  }
  return merged;
}
