import {
  BEFORE_NAME_NOT_NAME,
  BEFORE_NAME_SLOT,
  DETERMINERS,
  IMPERATIVE_VERBS,
  NEVER_JOINS_AFTER,
  SENTENCE_ADVERBS,
  SUBORDINATORS,
  TWO_OBJECT_VERBS,
} from './name-extension.ts';
import { BUILD_SURNAME_SET, WORD_SURNAMES, foldName, isListedGivenAnyCase } from './name-lexicon.ts';
import { ENGLISH_TIER, JARGON_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { AFTER_OBJECT, AFTER_SURNAME, BEFORE_PERSON, CALENDAR_WORD, FINITE_VERB, PRAISE, SUBJECT_PRONOUNS, WORD_AFTER, consonantSound, finiteVerb, inRegime, neverBeside, regimeOf, spelledOut, wordBefore } from './name-words.ts';
import type { Regime } from './name-words.ts';
import { givenWordsStart, saidAfterName, surnameBeforeClause } from './name-given-words.ts';
import { syllabicName, syllableBesideName } from './name-syllables.ts';
import { CLAUSE_TAKING_VERBS, functionWordOpensName, onlyAsNameWord, toOpensName } from './name-function-words.ts';
import { givenInList } from './name-lists.ts';
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


function isSurname(word: string): boolean {
  const lower = word.toLowerCase();
  return BUILD_SURNAME_SET.has(foldName(word)) || WORD_SURNAMES.has(lower.charAt(0).toUpperCase() + lower.slice(1));
}

/**
 * What ends a name's right side: a possessive, sentence punctuation, a closing bracket or quote,
 * an opening bracket ("Ana Rossi (on leave)"), a table cell's bar, an "@" before a time or place,
 * an e-mail's "<", a separator between fields ("Lead: Kiệt Võ An / Backup: …", "Host: … · Zoom
 * link"; a slash only between blanks, not "to /dev/null", "and/or"), an emoji ("thanks Junchi He 🙏"), a line's end. (Not a dash: a company's or a place's
 * word comes before one as often, "Ferrous Works — registered office: …".)
 */
const CLAUSE_ENDS = /^(?:['’][sS](?![\p{L}])|[ \t]*(?:[,.!?;:)\]}|"”»(<@·•`]|\p{Extended_Pictographic}|[ \t]\/[ \t]|['’](?![\p{L}])|\r?\n|$))/u;

/** A determiner right after a word: a verb's object follows. */
const DETERMINER_AFTER = /^ (?:the|a|an|our|my|your|their|his|her|its|this)\b/i;

/** Whether the word after the name that ends at `end` is a verb that follows a subject ("To Nhi Chai joined in March"). */
function verbAfter(text: string, end: number): boolean {
  const next = WORD_AFTER.exec(text.slice(end, end + 40))?.[1]?.toLowerCase();
  return next !== undefined && (SUBJECT_VERB_AFTER.has(next) || finiteVerb(next));
}

/** A slash glued between two capitalised words: a pair of people ("Yamileth Vega/Gonçalo Zamudio own …"). */
const SLASH_THEN_NAME = /^\/\p{Lu}\p{Ll}/u;

/** Function words that are names' words too (Vietnamese "To", "An", Chinese "He", Nordic "Per"). */
const NAME_FUNCTION_WORDS = new Set('to an he per'.split(' '));
/** A title right before a word, of English or of the languages whose names take a function word ("Sra. To Nhi Jiang", "Pak An Khang"). */
const TITLE_RIGHT_BEFORE = /(?<![\p{L}])(?:mr|mrs|ms|mx|dr|prof|sir|dame|miss|sr|sra|srta|dña|dona|pak|bu|bapak|ibu|mbak)\.?[ \t]+$/iu;

/** What ends a name's left side: the start of the text, a line or a sentence, a separator between fields (" / "). */
const STARTS_BEFORE = /(?:^|[\n.!?:;>][ \t]*|^[ \t]+|[ \t]\/[ \t]+)$/;
/** A title before the word, perhaps with a given name between: it opens the name ("DR. JUSTICE MIRACLE RUECKER"). */
const TITLE_BEFORE = /(?<![\p{L}])(?:mr|mrs|ms|mx|dr|prof|sir|dame|miss)\.?[ \t]+(?:[\p{L}][\p{L}\p{M}'’-]*[ \t]+)?$/iu;
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
/**
 * What no subject is followed by: a link, a preposition, another subject, "here" or "there"
 * ("yucheng he and …", "wenbo he for …", "if not công ân he we …", "hieu hanh he here from …").
 */
const NOT_AFTER_SUBJECT = new Set(
  ('and or nor but for to of with from since because while if so as via at on in by into about we i they she here there ' +
    // A time or an article: an object's, after a name that is one ("sent the slides to tú trinh he this morning").
    'this these those yesterday today tomorrow tonight the a an my our your their ' +
    // A relative pronoun or "when" right after a subject pronoun, or "were" ("it was ánh phi he who
    // found", "pairing with X he when the build broke", "submitted by X he were rejected").
    'who whom when where were').split(' '),
);
/** Conjunctions that are no prepositions: a name right after one is the subject of its clause, whose verb follows ("if tú anh he is in"). */
const PURE_SUBORDINATORS = new Set('if unless whether because though although while whenever'.split(' '));
/** Prepositions that take a person inside a clause ("the review for lan vy he is due"). */
const CLAUSE_PREPOSITIONS = new Set('for of with by from about'.split(' '));
/** Verbs' base forms, which follow no subject "he" ("DID ĐỨC PHI HE GET …", "XIULAN HE BE CAREFUL"). */
const BASE_VERBS = new Set('be get go have make take come see know do give put let say'.split(' '));
/**
 * What neither a preposition, nor a subject pronoun, nor an article can be followed by: a link, a
 * preposition, an auxiliary verb or the verb of a subject ("gia vinh to to the", "wenbo an for",
 * "thanh an will present", "yucheng he and").
 */
const NOT_AFTER_FUNCTION_WORD = new Set(
  ('and or nor but for to of with from since because while if so as via at on in by into about is was are were has had have ' +
    'will would can could should may might must shall did does wrote said says asked left joined approved needs wants ' +
    'got gets saw sent fixed went we i they she').split(' '),
);
/**
 * What "an" is no article before, besides a consonant: a preposition of time, a place adverb
 * ("sync with gia kiet an after lunch", "xiulan an here from the data team").
 */
const NOT_AFTER_ARTICLE = new Set('after before until here there this yesterday today tomorrow tonight'.split(' '));
/** Verbs a subject is followed by that {@link finiteVerb} leaves out: auxiliaries, modals, verbs of saying. */
const SUBJECT_VERB_AFTER = new Set('is was has had can will would could should may might must does did wrote writes said says'.split(' '));
/** What opens a clause right before a word: the text's or a line's start, a sentence's end, a colon or a comma. */
const CLAUSE_OPENS = /(?:^|[\n.!?:;,>][ \t]*|^[ \t]+)$/;
/**
 * Verbs that take a person and then a clause about them: "tell Bob he is late", "asked Mei to
 * review": after them a pronoun or "to" after the name is the sentence's.
 */
const TELLING_VERB = /^(?:tell|tells|told|ask|asks|asked|remind|reminds|reminded|let|lets|warn|warns|warned|show|shows|showed|assure|assured|inform|informs|informed|promise|promised|convince|convinced|persuade|persuaded|want|wants|wanted|need|needs|needed|get|got|help|helped|expect|expected|invite|invited|allow|allowed|text|texted|email|emailed|ping|pinged|message|messaged|call|called|moving|move|moved)$/i;

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
  // Capitalised in the middle of a sentence of prose, it is a name's ("tell Nhật Hà Thành An He.").
  if (regime === 'title' && /^\p{Lu}\p{Ll}/u.test(w) && /^[ \t]*(?:[,.!?;)]|\p{Extended_Pictographic}|$)/u.test(after)) return true;
  const next = WORD_AFTER.exec(after)?.[1];
  const nextLower = next?.toLowerCase() ?? '';
  if ((lower === 'he' || lower === 'an') && onlyAsNameWord(text, nameStart, wordEnd, lower, nextLower, prev)) return true;
  // "told Bob he …", "asked Bob to …": the pronoun or "to" is the sentence's, unless what follows
  // can follow no pronoun ("ask ngọc nữ he if the numbers changed").
  // (Nor can "he" end the sentence: "somebody should tell yuying he.")
  // ("to" there is the infinitive's, unless a word no infinitive is follows: "PING VUONG TRIEU TO ABOUT THE …".)
  if (TELLING_VERB.test(prev) && lower === 'to') return NOT_AFTER_FUNCTION_WORD.has(nextLower) && nextLower !== 'have';
  if (TELLING_VERB.test(prev) && lower !== 'an') return lower === 'he' && ((NOT_AFTER_SUBJECT.has(nextLower) && !/^(?:and|or|nor|but|so)$/.test(nextLower)) || /^[ \t]*(?:[.!?]|\r?\n|$)/.test(after));
  if (CLAUSE_ENDS.test(after)) return true;
  if (next === undefined) return false;
  if (regime === 'title' && /^\p{Lu}\p{Ll}/u.test(w) && /^\p{Ll}/u.test(next)) return true;
  // Not before an abbreviation read letter by letter ("an NDA", "an sla") or an h that is silent ("an hour").
  const spelled = spelledOut(next, regime);
  // A verb in the past or the third person needs a subject before it, which "an" and "to" are
  // not, and "he" after a name is not either ("anh quan he expired", "đăng an he needs").
  // (Nor before a short word no list holds that closes a name of romanised syllables: "phu an ip here from the data team".)
  if (lower === 'an') return (consonantSound(next) && !spelled) || NOT_AFTER_FUNCTION_WORD.has(nextLower) || NOT_AFTER_ARTICLE.has(nextLower) || nextLower === lower || finiteVerb(nextLower) || (nextLower.length <= 4 && unknownWord(nextLower) && syllabicName(text.slice(nameStart, wordEnd - 3)) && surnameCloses(text, wordEnd + 1 + next.length));
  if (lower === 'he') {
    // "Without Bob he would …", "If Bob asks he will …": after a clause that ends on a name, "he"
    // is the next clause's subject, so only a word no subject takes makes it the name's. A verb
    // in the past or the third person does, unless a conjunction opened the clause.
    // (Nor a verb's base form: "DID ĐỨC PHI HE GET …", "XIULAN HE BE CAREFUL …".)
    if (NOT_AFTER_SUBJECT.has(nextLower) || nextLower === lower || BASE_VERBS.has(nextLower)) return true;
    // A name that opens its clause is its subject: a pronoun repeating it before the verb is
    // spoken English, not written ("vương gia he can approve", "On Mon, Thanh Tuyet He wrote:").
    // (Or the last of names joined by "or", "and": "either zhihui wong or thành công he can approve".)
    // (Or after "that" and a verb of thinking: "heard that kiến bình he is moving".)
    const verbNext = SUBJECT_VERB_AFTER.has(nextLower) || adverbThenVerb(after);
    // So does a name after a conjunction that opens a clause ("if tú anh he is in"), after an
    // adverb that heads the sentence ("only thanh vinh he has access"), or after a preposition
    // inside a clause, which makes it an object ("the review for lan vy he is due"; not "Without
    // Bob he would", where the preposition opens the sentence).
    const prevLower = prev.toLowerCase();
    const prevAt = nameStart - prev.length - 1;
    const prevOpens = CLAUSE_OPENS.test(text.slice(Math.max(0, prevAt - 8), Math.max(0, prevAt)));
    const subjectSlot =
      CLAUSE_OPENS.test(text.slice(Math.max(0, nameStart - 8), nameStart)) ||
      /^(?:or|and|nor|that)$/.test(prevLower) ||
      CLAUSE_TAKING_VERBS.has(prevLower) ||
      PURE_SUBORDINATORS.has(prevLower) ||
      (SENTENCE_ADVERBS.has(prevLower) && prevOpens) ||
      (CLAUSE_PREPOSITIONS.has(prevLower) && prev !== '' && !prevOpens);
    // (After a conjunction any finite verb: "not sure if lihui he saw the alert".)
    if ((verbNext || (PURE_SUBORDINATORS.has(prevLower) && finiteVerb(nextLower))) && subjectSlot) return true;
    // (Or a past that is also an adjective, read as a verb only here: "thành vinh he left a comment".)
    return (finiteVerb(nextLower) || /^(?:left|told|heard)$/.test(nextLower)) && !SUBORDINATORS.has(prev.toLowerCase()) && !/^(?:without|unlike|like|after|before)$/i.test(prev);
  }
  // (Nor "to" before a verb in the third person and its object: "QUYNH NHI TO DRIVES THE VENDOR EVAL".)
  if (PREPOSITIONS.has(lower)) return NOT_AFTER_FUNCTION_WORD.has(nextLower) || nextLower === lower || finiteVerb(nextLower) || (lower === 'to' && thirdPerson(nextLower) && DETERMINER_AFTER.test(text.slice(wordEnd + 1 + next.length, wordEnd + 8 + next.length)));
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
 * Whether `w`, an English word right before a one-word name that no list holds as a given name,
 * is that person's given name: people are named by a given name, or by both names, seldom by a
 * surname alone, so "Justice Schumm", "miracle bernier" and "SODA IBIKUNLE" are whole names. Not a
 * word that heads a clause before a person (a verb, an adverb, a greeting, a role), a verb's
 * inflection, a date word, a product, or a noun after a determiner ("the Justice Okafor case").
 */
/** A word of alternating vowels and consonants, three to six letters, opening or closing on a vowel ("ega", "ana"). */
const SPOKEN_WORD = /^(?=[a-z]{3,6}$)(?:[aeiou]?(?:[b-df-hj-np-tv-z][aeiou])+[b-df-hj-np-tv-z]?)$/;

function givenBeforeLoneSurname(text: string, at: number, w: string, name: string): boolean {
  if (/\s/.test(name) || isListedGivenAnyCase(name)) return false;
  const lower = w.toLowerCase();
  // (Or a jargon word that no English list holds and that is spoken as a word, not spelled out:
  // "EGA SINAGA", "chị ega syahreza"; not "sso", "npm".)
  const spokenJargon = JARGON_WORDS.has(lower) && !ENGLISH_TIER.has(lower) && SPOKEN_WORD.test(lower);
  if ((!ENGLISH_TIER.has(lower) || JARGON_WORDS.has(lower)) && !spokenJargon) return false;
  if (PRODUCT_WORDS.has(lower) || CALENDAR_WORD.test(lower)) return false;
  if (/(?:ed|ing|ly)$/.test(lower) || BEFORE_PERSON.has(lower) || IMPERATIVE_VERBS.has(lower) || TWO_OBJECT_VERBS.has(lower) || SUBORDINATORS.has(lower)) return false;
  const prev = wordBefore(text, Math.max(0, at - 40), at)?.toLowerCase();
  // After a subject pronoun the word is a verb ("we trust Okafor"); after an adjective, a noun
  // ("great catch Okafor", "good job Okafor").
  return prev === undefined || !(DETERMINERS.has(prev) || TWO_OBJECT_VERBS.has(prev) || SUBJECT_PRONOUNS.has(prev) || PRAISE.has(prev) || BEFORE_NAME_NOT_NAME.has(prev));
}


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
  // (A jargon word written as a name is one: "Ega Pangestu sedang cuti", not "EGA" nor "ega".)
  return STARTS_BEFORE.test(before) && tier === undefined && (!JARGON_WORDS.has(lower) || /^\p{Lu}\p{Ll}+$/u.test(w)) && !PRODUCT_WORDS.has(lower);
}

/**
 * Whether `lower`, a verb's form in the third person right after a name and before what ends at
 * `at`, is followed by the clause's verb: two verbs of a subject do not follow each other, so it
 * is the name's ("YAEL DIES THINKS WE SHOULD POSTPONE", "BARIS DIES STARTS ON MONDAY").
 */
function verbBeforeVerb(text: string, lower: string, at: number): boolean {
  // (Not a verb of saying or thinking, after which chat drops a subject: "bob thinks works now".)
  // (A short word: a longer one is a plural noun before its verb as often, "aio implementations seems".)
  if (!/^\p{L}{2,4}[^s]s$/u.test(lower) || (ENGLISH_TIER.get(lower) ?? 9) > 2 || AFTER_SURNAME.has(lower) || neverBeside(lower) || !thirdPerson(lower) || /^(?:thinks|knows|feels|hopes|guesses|believes|reckons|figures|means|reports|confirms)$/.test(lower)) return false;
  const next = WORD_AFTER.exec(text.slice(at, at + 40))?.[1]?.toLowerCase();
  // (Not a participle or a noun in "s": "diverse licence terms collected onto …", "Zacks Issues Recommendations".)
  return next !== undefined && FINITE_VERB.test(next) && !AFTER_SURNAME.has(next);
}

/** Adverbs between a subject and its verb ("guodong pun no longer works here"). */
const ADVERB_BEFORE_VERB = /^ (?:no longer|never|always|still|just|usually|often|rarely|already|also|finally|now|\p{L}{3,}ly) (\p{L}+)/iu;

/** "here" and what ends a self-introduction or a presence: a preposition, punctuation, the end. */
const HERE_THEN = /^ here(?:[ \t]*(?:[,.!?;:)]|\p{Extended_Pictographic}|\r?\n|$)| (?:from|with|on|in|at|for|too|now|today)\b)/iu;

/** Whether what follows the word ending at `at` closes a surname: punctuation, the end, a preposition or verb. */
function surnameCloses(text: string, at: number): boolean {
  const after = text.slice(at, at + 40);
  if (CLAUSE_ENDS.test(after)) return true;
  const next = WORD_AFTER.exec(after)?.[1]?.toLowerCase();
  if (next === undefined) return false;
  if (AFTER_SURNAME.has(next) || AFTER_OBJECT.test(next) || finiteVerb(next)) return true;
  // "X crooks here from the data team", "hey X block here": one introduced, or present.
  if (next === 'here' && HERE_THEN.test(after)) return true;
  return adverbThenVerb(after);
}

/** Whether `after` starts with an adverb and a subject's verb ("… no longer works here", "… consistently exceeds …"). */
function adverbThenVerb(after: string): boolean {
  const verb = ADVERB_BEFORE_VERB.exec(after)?.[1]?.toLowerCase();
  return verb !== undefined && (finiteVerb(verb) || SUBJECT_VERB_AFTER.has(verb) || thirdPerson(verb));
}

/** A verb in the third person: an English word and an "s" ("exceeds", "works"). */
function thirdPerson(lower: string): boolean {
  return /[^s]s$/.test(lower) && ENGLISH_TIER.has(lower) && ENGLISH_TIER.has(lower.slice(0, /[^aeiou]es$/.test(lower) && !ENGLISH_TIER.has(lower.slice(0, -1)) ? -2 : -1));
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
  const lower = w2.replace(/['’][sS]$/u, '').toLowerCase();
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
    // (A name of romanised syllables takes a short English word beside it as one more: name-syllables.ts.)
    const syllabic = syllabicName(text.slice(s.start, s.end));
    const prevEnd = k > 0 ? (out[k - 1] as PiiSpan).end : 0;
    s.start = givenWordsStart(text, s, regime, prevEnd);
    const before = s.start;
    for (let g = 0; g < MAX_GROWTH; g++) {
      const w = wordBefore(text, Math.max(prevEnd, s.start - 40), s.start);
      if (w === undefined || !inRegime(w, regime)) break;
      const lower = w.toLowerCase();
      const at = s.start - w.length - 1;
      const sandwiched = k > 0 && at - prevEnd === 1 && text[prevEnd] === ' ';
      if (CALENDAR_WORD.test(lower)) break;
      // "approvers: darrion crona, phoenix maiya cassin": an item of a list of names.
      if (g === 0 && givenInList(text, s, at, w, prevEnd)) {
        s.start = at;
        break;
      }
      // After a title, a function word is no function word: "PROF. TO NHI SHANG", "Dr. An Khang".
      // So is one capitalised in the middle of a sentence in lower case, which English writes
      // small: "For urgent matters please contact To Lanh.", "Great catch Said Engel".
      if (!sandwiched && (NAME_FUNCTION_WORDS.has(lower) || lower === 'said') && capitalisedMidSentence(text, at, w, regime)) {
        s.start = at;
        continue;
      }
      if (!sandwiched && NAME_FUNCTION_WORDS.has(lower) && (TITLE_RIGHT_BEFORE.test(text.slice(Math.max(0, at - 8), at)) || functionWordOpensName(text, at, w, regime, syllabic))) {
        s.start = at;
        continue;
      }
      // "to" before a name of romanised syllables, where it makes no phrase (name-function-words.ts).
      if (lower === 'to' && (syllabic || sandwiched) && toOpensName(text, at, w, sandwiched ? (out[k - 1] as PiiSpan).start : undefined, syllabic || (sandwiched && syllabicName(text.slice((out[k - 1] as PiiSpan).start, prevEnd))), !sandwiched && verbAfter(text, s.end))) {
        s.start = at;
        continue;
      }
      // "an" before a name that starts with a consonant is no article: the name's first word.
      if (lower === 'an' && consonantSound(text.slice(s.start, s.end)) && !spelledOut(text.slice(s.start, s.end), regime) && !sandwiched) {
        s.start = at;
        continue;
      }
      if (sandwiched ? LINKS.has(lower) : neverBeside(lower) || NEVER_JOINS_AFTER.has(lower) || !(isListedGivenAnyCase(w) || givenSlot(text, at, w) || unknownWord(lower) || (syllabic && syllableBesideName(lower, 'left')) || capitalisedMidSentence(text, at, w, regime) || givenBeforeLoneSurname(text, at, w, text.slice(s.start, s.end)))) break;
      s.start = at;
    }
    // (Grown here, the name may now stand where given names are read: "IF SODA [SHADE ADELUSI] SAW".)
    if (s.start !== before) s.start = givenWordsStart(text, s, regime, prevEnd);
    const next = out[k + 1];
    for (let g = 0; g < MAX_GROWTH; g++) {
      const m = WORD_AFTER.exec(text.slice(s.end, Math.min(next?.start ?? text.length, s.end + 40)));
      // "gia bình pun's laptop": the possessive is not the name's.
      const w = m?.[1]?.replace(/['’][sS]$/u, '');
      if (w === undefined || w === '' || !inRegime(w, regime)) break;
      const lower = w.toLowerCase();
      if (functionWordInName(text, s.start, s.end + 1 + w.length, w, regime)) {
        s.end += w.length + 1;
        continue;
      }
      if ((lower === 'said' && saidAfterName(text, s, regime, s.end + 1 + w.length)) || verbBeforeVerb(text, lower, s.end + 1 + w.length)) {
        s.end += w.length + 1;
        continue;
      }
      // (A verb's irregular past or third person is what the person did: "combo lost —".)
      if (neverBeside(lower) || NEVER_JOINS_AFTER.has(lower) || AFTER_SURNAME.has(lower) || ADVERB_AFTER.test(lower) || CALENDAR_WORD.test(lower) || FINITE_VERB.test(lower)) break;
      // A word before a number is its unit or label ("Dec 20", "USD 92,709", "Room 4").
      if (/^[ \t]\d/.test(text.slice(s.end + 1 + w.length, s.end + 3 + w.length))) break;
      // A common English word in a verb's or a plural's form is the sentence's ("starts", "saw" before "the").
      const tier = ENGLISH_TIER.get(lower);
      const closes = surnameCloses(text, s.end + 1 + w.length) || (regime === 'title' && (tier === undefined || tier > 2) && SLASH_THEN_NAME.test(text.slice(s.end + 1 + w.length, s.end + 4 + w.length))) || twoNameWordsThenClose(text, s.end + 1 + w.length, regime) || surnameBeforeClause(text, s, w, s.end + 1 + w.length);
      if (!isSurname(w) && !(syllabic && syllableBesideName(lower, 'right')) && !(unknownWord(lower) && !/^[ \t]\d/.test(text.slice(s.end + 1 + w.length))) && (!closes || (tier !== undefined && tier <= 2 && /(?:s|ed|ing)$/.test(lower)))) break;
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
