import {
  BEFORE_NAME_NOT_NAME,
  BEFORE_NAME_SLOT,
  DETERMINERS,
  ENDS_A_SUBJECT,
  IMPERATIVE_VERBS,
  NEVER_JOINS_AFTER,
  SENTENCE_ADVERBS,
  SUBORDINATORS,
  TWO_OBJECT_VERBS,
} from './name-extension.ts';
import { ENGLISH_TIER, JARGON_WORDS, PLACE_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { PLACE_NOUNS, foldName, isListedGivenAnyCase } from './name-lexicon.ts';
import {
  AFTER_OBJECT,
  AFTER_SURNAME,
  BEFORE_PERSON,
  CALENDAR_WORD,
  FINITE_VERB,
  PRAISE,
  SUBJECT_PRONOUNS,
  WORD_AFTER,
  consonantSound,
  finiteVerb,
  inRegime,
  neverBeside,
  spelledOut,
  wordBefore,
} from './name-words.ts';
import type { Regime } from './name-words.ts';
import { lineAround, proseLine } from './title-case.ts';
import { PERSON_LIST, addressHead, endsAddress } from './name-address.ts';
import type { PiiSpan } from './types.ts';

// Given names that are English words (issue 13: a name is removed whole). The tagger weighs a word
// by what it is, and "Promise", "Said", "Blessing", "Server", "Aws" are words first; the lists
// that name-neighbours.ts reads keep the commonest of them out of a name. Where such a word
// stands tells what it is: right before a name found, at the head of a clause whose verb follows
// the name ("Promise Mbengue left a comment", "I THINK SAID VALLETTA HAS", "aws alaioi from finance
// needs"), or between a word that takes a person and the name ("give promise mangane access",
// "we owe dies thais spiegelburg a reply"), English puts only a few kinds of word: an adverb, a
// conjunction, a determiner, an adjective or a role, an imperative verb, a verb that takes a
// clause. Any other word there is the person's given name.

/**
 * Whether a name found is made of words that no English, software, product or place list holds:
 * only then is the word before it read as its given name. A name the tagger or the rules found
 * among English words is as often a phrase of prose ("kernel rpms", "homeland defenses"), and in
 * mixed case a capitalised word before a given name of the lexicon is as often a title or a role
 * ("Reader Jack Macdonald", "Assistant Police Chief Terrance Gainer").
 */
function unlistedName(name: string, regime: Regime): boolean {
  const words = name.split(' ');
  if (regime === 'title' && isListedGivenAnyCase(words[0] ?? '')) return false;
  if (words.every(nameLikeWord)) return true;
  // A surname no list holds after given names that are rarer English words ("SODA ADEBAYO", "ALP
  // KAMOLIDDINYEVA"; not "kernel rpms").
  const last = words[words.length - 1] ?? '';
  // (Only in a line of one case: in mixed case a run of capitalised words is a title's as often,
  // "High Price-Feature Ratio Technophiles".)
  return regime !== 'title' && words.length > 1 && !listedWord(last) && words.slice(0, -1).every((w) => (ENGLISH_TIER.get(w.toLowerCase()) ?? 9) > 2);
}

/**
 * A word no list holds (a compound of English words is one too: "anti-spam"), or a syllable of
 * up to three letters that is no function word ("ha", "ho", "pun": Vietnamese and Chinese names).
 */
function nameLikeWord(w: string): boolean {
  const lower = w.toLowerCase();
  if (lower.length <= 3) return !neverBeside(lower) && !NEVER_JOINS_AFTER.has(lower) && !JARGON_WORDS.has(lower);
  // (And one of four letters that only a product's list holds: "Yang", "Chai".)
  if (lower.length === 4 && !ENGLISH_TIER.has(lower) && !JARGON_WORDS.has(lower)) return true;
  return !listedWord(w) && !w.split('-').every(listedWord);
}

function listedWord(w: string): boolean {
  const lower = w.toLowerCase();
  return ENGLISH_TIER.has(lower) || JARGON_WORDS.has(lower) || PRODUCT_WORDS.has(foldName(w)) || PLACE_WORDS.has(foldName(w));
}


/** Function words that some slot below takes as a name's ("did to nhi …", "with per …", "said", "alone"). */
const SLOT_FUNCTION_WORDS = new Set('to per said alone'.split(' '));

/** How many words before a name are read as its given names. */
const MAX_GIVEN_WORDS = 2;

/**
 * What follows a name that is its clause's subject: a verb ('verb': an auxiliary, a modal, the
 * present or an irregular past; 'participle': a regular past, which also follows the object of a
 * causative verb, "get Bob started"), "and" another name and their verb ('list'; 'plural' when the
 * verb is one of a plural, which no gerund takes: "Blessing Mbacké and Ajai are pairing"), a possessive,
 * a colon at a line's head ('label': "- [ ] Said Jahadi: update the runbook"), "who" ('who': "it
 * was Blessing Ibikunle who found the leak"), or a request to the person named at a line's head
 * ('vocative': "Ise Balsamo if you have time …", "ANKA VILKS BE CAREFUL WITH …").
 */
export type Continuation = 'verb' | 'participle' | 'list' | 'plural' | 'possessive' | 'label' | 'who' | 'vocative';

/** What follows a person addressed at a line's head: a condition, a request. */
const VOCATIVE_NEXT = new Set('if be please pls can could would'.split(' '));
/** What follows a person addressed: a question or request to "you", "we" and a verb, "go ahead", "by the way", a time. */
const ADDRESSING_AFTER = /^ (?:(?:do|did|are|have|got) (?:you|u)\b|we (?:need|want|have|should|must|will|can)\b|go ahead\b|by the way\b|at \d{1,2}(?::\d\d)?[ \t]*\?)/i;
/** The name alone before a question mark at a line's end. */
const LONE_QUESTION = /^[ \t]*\?+[ \t]*(?:\r?\n|$)/;
/** An adverb, then the verb of the subject before it. */
const ADVERB_THEN_VERB = /^ (?:no longer|never|always|still|usually|often|rarely|already|finally|\p{L}{3,}ly) (\p{L}+)/iu;
/** Verbs of a plural subject ("Said Asamar and Jar Ajai are pairing"). */
const PLURAL_VERBS = new Set('are were have'.split(' '));
/** A parenthesis after a name, before its verb: "Ha Thanh Situ (on leave until May) owns this service". */
const PARENTHESIS = /^ \([^()\n]{1,40}\)/;
/** "and" or "or" and up to four words after it: the other name of a list and its verb. */
const LIST_THEN = /^ (?:and|or|&)((?: [\p{L}][\p{L}\p{M}'’-]*){2,4})/iu;
/** Commas between names, "and" and up to four words after it: "PROMISE OKYERE, X AND THE AUDITORS MET". */
const COMMA_LIST_THEN = /^,(?: [\p{L}][\p{L}\p{M}'’-]*){1,3}(?:,(?: [\p{L}][\p{L}\p{M}'’-]*){1,3}){0,3},? (?:and|&)((?: [\p{L}][\p{L}\p{M}'’-]*){2,4})/iu;
/** A preposition and a word, and the word after them: "Missouri Wiegand from finance needs …". */
const PLACE_THEN = /^ (?:from|at|in|on|of) [\p{L}][\p{L}\p{M}'’-]* ([\p{L}]+)/iu;

function verbKind(lower: string): Continuation | undefined {
  if (/[a-z]ed$/.test(lower)) return finiteVerb(lower) ? 'participle' : undefined;
  if (FINITE_VERB.test(lower) || (ENDS_A_SUBJECT.has(lower) && !/^(?:and|or|&|whether|because)$/.test(lower))) return 'verb';
  return SUBJECT_VERB.has(lower) ? 'verb' : undefined;
}

/** Words in "-ing" that are prepositions or nouns before a person ("during", "regarding", "following"). */
const ING_PREPOSITIONS = new Set('during regarding concerning following according pending barring including excluding considering'.split(' '));
/** Verbs done to a person that the lists of words before a person lack ("coaching X", "visiting X"). */
const PERSON_ACTS = new Set('visit train coach mentor replace support blame trust thank pair onboard interview hire fire promote cover relieve'.split(' '));

/**
 * Whether `lower`, a word in "-ing", is a gerund whose object may be a person: a preposition of
 * that form, or the gerund of a verb that takes a person ("moving", "calling", "pinging",
 * "interviewing"). Of other verbs a gerund before a name is rare, and such a word there is the
 * name's ("blessing X broke prod", "is blessing X on leave").
 */
function personGerund(lower: string): boolean {
  if (ING_PREPOSITIONS.has(lower) || NOT_GIVEN.has(lower) || IMPERATIVE_VERBS.has(lower)) return true;
  const base = lower.slice(0, -3);
  if (base.length < 2) return true;
  const stems = [base, `${base}e`];
  if (base.length > 2 && base.charAt(base.length - 1) === base.charAt(base.length - 2)) stems.push(base.slice(0, -1));
  return stems.some((v) => takesAPerson(v) || BEFORE_PERSON.has(v) || PERSON_VERBS.has(v) || PERSON_ACTS.has(v) || THINKING.has(v) || BEFORE_NAME_NOT_NAME.has(v));
}

/** Auxiliaries, modals and verbs of saying that {@link FINITE_VERB} and the subject's list leave out. */
const SUBJECT_VERB = new Set('wrote writes says said owns leads runs knows thinks'.split(' '));

function continuationAfter(text: string, end: number): Continuation | undefined {
  const after = text.slice(end, end + 80);
  if (/^['’][sS](?![\p{L}])/u.test(after)) return 'possessive';
  if (/^:[ \t]/.test(after)) return 'label';
  const rest = after.replace(PARENTHESIS, '');
  const listed = LIST_THEN.exec(rest) ?? COMMA_LIST_THEN.exec(rest);
  if (listed !== null) {
    const others = listed[1]?.toLowerCase().split(' ').slice(2) ?? [];
    if (others.some((w) => PLURAL_VERBS.has(w))) return 'plural';
    return others.some((w) => verbKind(w) !== undefined) ? 'list' : undefined;
  }
  const next = WORD_AFTER.exec(rest)?.[1]?.toLowerCase();
  // A question that is the name alone on its line: "BLESSING X?".
  if (next === undefined) return LONE_QUESTION.test(rest) ? 'vocative' : undefined;
  if (next === 'who') return 'who';
  // ("can", "could", "would" ask the person only before "you": "Ise Balsamo can you look …", not
  // "Promise Thiao can approve expenses".)
  if (VOCATIVE_NEXT.has(next) && (!/^(?:can|could|would)$/.test(next) || /^ \S+ (?:you|u)\b/i.test(rest))) return 'vocative';
  // A request or a question to the person: "X do you have a minute", "X we need you", "X go
  // ahead", "X by the way …", "X at 3?".
  if (ADDRESSING_AFTER.test(rest)) return 'vocative';
  // An adverb between the subject and its verb: "shade X no longer works here", "X consistently exceeds".
  const verb = ADVERB_THEN_VERB.exec(rest)?.[1]?.toLowerCase();
  if (verb !== undefined && (verbKind(verb) === 'verb' || (/[^s]s$/.test(verb) && ENGLISH_TIER.has(verb) && ENGLISH_TIER.has(verb.replace(/e?s$/, ''))))) return 'verb';
  const placed = PLACE_THEN.exec(rest)?.[1]?.toLowerCase();
  return verbKind(placed ?? next);
}

/**
 * What opens a clause right before a word: a line's start, a sentence's end, a colon, a list's
 * mark or a checkbox, a table's bar, a dash, an opening quote or bracket or an "@" (right before
 * the word: a closing quote has a blank after it).
 */
const OPENS = /(?:(?:^|\n|[.!?;:][ \t]|[>|—–•*]|(?:^|\n)[ \t]*-|\[[ xX]?\])[ \t]*|["“(@])$/;
/** As {@link OPENS}, or a comma: after it a clause may start too ("Sadly, Promise Mbengue left"). */
const OPENS_OR_COMMA = /(?:(?:^|\n|[.!?;:][ \t]|[>|—–•*,]|(?:^|\n)[ \t]*-|\[[ xX]?\])[ \t]*|["“(@])$/;
const AT_TIME = /(?:^|\n|[.!?;:,][ \t]+)at[ \t]+\d{1,2}[:.]\d\d(?:[ \t]*(?:am|pm))?,?[ \t]+$/i;
/** Verbs of thinking and saying: a clause, its subject first, follows them ("I think Said Valletta has"). */
const THINKING = new Set('think thought guess hope believe believed know knew suppose bet reckon feel felt hear heard noticed assume expect doubt'.split(' '));
/** Adverbs that head a sentence and that the lists of name-extension.ts lack. */
const HEAD_ADVERBS = new Set(
  'however therefore thus hence indeed nevertheless nonetheless moreover furthermore besides regardless plus overall somehow altogether luckily wow yay whoa alas oops'.split(' '),
);

/** The adjectives of the roles' list (name-extension.ts BEFORE_NAME_NOT_NAME). */
const ADJECTIVES_BEFORE_NAMES = new Set('dear little young old poor sweet lovely good great new big dearest beloved fellow'.split(' '));

/**
 * Whether the word at `at`, after one of {@link OPENS}, heads a clause: in text of mixed case
 * after a line's break only a capitalised one does (a break in hard-wrapped prose opens none: "I
 * heard it\ncan play quicktime movs").
 */
function headsClause(text: string, at: number): boolean {
  const c = text.charAt(at);
  if (c !== c.toLowerCase() || !/(?:^|\n)[ \t>]*$/.test(text.slice(Math.max(0, at - 12), at))) return true;
  // (The lines around, not the line alone: a wrapped line of prose may have no capital.)
  const around = text.slice(Math.max(0, at - 160), at + 160);
  return !(/\p{Lu}/u.test(around) && /\p{Ll}/u.test(around));
}

/**
 * Whether a clause opens before the word at `at`, its subject starting there; `afterName` when a
 * name found ends right before the word before.
 */
function opensSubject(text: string, at: number, saying: boolean, cont: Continuation, afterName: boolean): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  if ((saying ? OPENS : OPENS_OR_COMMA).test(before)) return headsClause(text, at);
  // A time heads the sentence as an adverb does ("AT 10:15 SAID RAWAHB RESTARTED THE POD").
  if ((cont === 'verb' || cont === 'participle') && AT_TIME.test(text.slice(Math.max(0, at - 24), at))) return true;
  const prev = wordBefore(text, Math.max(0, at - 40), at)?.toLowerCase();
  if (prev === undefined) return false;
  if (THINKING.has(prev)) return true;
  // "heard that Coy McClure is moving".
  if (prev === 'that' && THINKING.has(wordBefore(text, Math.max(0, at - 60), at - 5)?.toLowerCase() ?? '')) return true;
  // After "and" a verb of saying shares the subject before it ("I checked and said Bob has it");
  // after a subordinator or an adverb heading the sentence it has none, and is the given name of
  // a name whose verb follows ("once said hrašková has signed", "TOMORROW SAID ARSLAN TAKES").
  if (saying) {
    if (cont !== 'verb') return false;
    if (SUBORDINATORS.has(prev) && prev !== 'as' && prev !== 'than') return true;
  } else if (SUBORDINATORS.has(prev) || prev === 'but' || prev === 'so') return true;
  // "and" after a name found: another name of a list ("Jar Ajai and Said Asamar are"); after any
  // other word it may join two nouns ("ROSE GOLD AND SPACE GREY ARE").
  if (!saying && (prev === 'and' || prev === 'or')) return afterName;
  // "it was Coy Lempi Hodkiewicz who found the leak".
  if (!saying && cont === 'who' && (prev === 'was' || prev === 'is')) return true;
  // A role before the name of the person it is ("our new designer Name Hintz starts"); not an
  // adjective, before a noun as often ("GREAT CATCH YASAMAIN SAID").
  if (!saying && BEFORE_NAME_NOT_NAME.has(prev) && !ADJECTIVES_BEFORE_NAMES.has(prev)) return true;
  // An adverb that heads the sentence ("Apparently …", "Only …", "TOMORROW GERRIT VIKTOR MARIANO TAKES").
  const prevAt = at - prev.length - 1;
  // (Not an adjective of that list: a noun follows it as often, "GREAT CATCH YASAMAIN SAID".)
  return (SENTENCE_ADVERBS.has(prev) || HEAD_ADVERBS.has(prev) || /ly$/.test(prev)) && !ADJECTIVES_BEFORE_NAMES.has(prev) && !PRAISE.has(prev) && !/^(?:happy|fine)$/.test(prev) && OPENS_OR_COMMA.test(text.slice(Math.max(0, prevAt - 12), prevAt));
}

/**
 * Words that may take a person and then a clause, or a noun used as a label: "Ensure Okafor has
 * access", "Remember Okafor is out", "Glad Okafor is back", "Project Atlas is late".
 */
const NOT_GIVEN = new Set(
  ('ensure verify remember note notice imagine pretend given provided seeing considering assuming knowing glad sad surprised ' +
    'relieved proud funny weird strange odd interesting shame pity ' +
    'one two three four five six seven eight nine ten someone somebody anyone anybody everyone everybody nobody noone ' +
    'something anything everything nothing ' +
    'project program programme release version build ticket issue bug task story epic feature sprint milestone phase stage ' +
    'server cluster node service app bot account channel room ' +
    'sales support product design engineering marketing finance legal ops security data platform infra backend frontend mobile hr qa').split(' '),
);

/**
 * Whether `w`, one of the words before a name, may be its given name: not a word that English
 * puts before a person, and written in the name's case. `first` is the first of those words;
 * "said" is a given name only there, where no subject comes before it for it to be the verb of.
 */
export function mayBeGiven(w: string, first: boolean, cont: Continuation, gerund = cont === 'who' || cont === 'plural' || cont === 'label'): boolean {
  const lower = w.toLowerCase();
  if (lower.length < 2 || !/^\p{L}+$/u.test(lower)) return false;
  if (lower === 'said') return first && cont !== 'possessive';
  // "alone" stands after what it qualifies, never before a noun ("ALONE MEEUWIS DID").
  if (lower === 'alone') return true;
  if (neverBeside(lower) || NEVER_JOINS_AFTER.has(lower) || CALENDAR_WORD.test(lower) || NOT_GIVEN.has(lower) || HEAD_ADVERBS.has(lower)) return false;
  if (DETERMINERS.has(lower) || SUBORDINATORS.has(lower) || SUBJECT_PRONOUNS.has(lower) || PRAISE.has(lower) || BEFORE_PERSON.has(lower) || THINKING.has(lower)) return false;
  if (PLACE_NOUNS.has(lower.charAt(0).toUpperCase() + lower.slice(1))) return false;
  // A verb's form, or an adverb; a gerund only where no verb can stand ("it was Blessing Ibikunle who").
  // (Before a verb, a gerund only of a verb done to a person, "moving", "calling", "interviewing":
  // "blessing" of "blessing X broke prod" is no gerund there; before a possessive or in a label's
  // field any, "testing Okafor's patch", "(digging bunkers etc)".)
  if (ENGLISH_TIER.has(lower) && (/(?:ed|ly)$/.test(lower) || (/ing$/.test(lower) && !gerund && (cont === 'possessive' || cont === 'label' || personGerund(lower))))) return false;
  // An imperative verb's object is followed by what is given or done, not by a verb of its own
  // ("Promise Mbengue left", "promise safo joined in march"; but "Promise Okafor a raise", and a
  // participle after a causative verb's object: "Get Okafor started").
  // (Nor is one addressed the object of a verb with two objects that is no request's: "promise X go ahead".)
  if (cont === 'vocative' && TWO_OBJECT_VERBS.has(lower) && !IMPERATIVE_VERBS.has(lower) && !CAUSATIVES.has(lower) && !BEFORE_NAME_SLOT.has(lower)) return true;
  if (IMPERATIVE_VERBS.has(lower) || TWO_OBJECT_VERBS.has(lower)) return cont === 'verb' || cont === 'list' || cont === 'plural' || (cont === 'participle' && !CAUSATIVES.has(lower) && !/^(?:get|got|keep|leave|want|need|find|found)$/.test(lower));
  return true;
}

/**
 * Whether `next`, the word after a name in a person's slot, ends the person's part of the clause:
 * after a verb with two objects, the thing given ("give promise mangane access", "we owe dies
 * thais spiegelburg a reply"); after a preposition or a greeting, a preposition, a verb or a
 * subject ("for esi promise tamunoemi on thursday", "without promise mbacké we would"). Then one
 * of the commonest English words before the name is no adjective of a noun ("get commercial
 * anti-spam outfits to agree", "sorry for trouble okafor.").
 */
function objectEnds(governor: string, next: string | undefined, text: string, end: number): boolean {
  // After a greeting the name ends the clause ("ty an ha xu!!").
  if (next === undefined) return GREETINGS.has(governor) && /^[ \t]*(?:[,.!?)]|\p{Extended_Pictographic}|\r?\n|$)/u.test(text.slice(end, end + 3));
  // (After a greeting, "and" another name: "DEAR ALONE PUGLISI AND …".)
  if (next === 'and' || next === 'or' || next === 'but') return GREETINGS.has(governor) && next === 'and';
  if (TWO_OBJECT_VERBS.has(governor) || /^owe/.test(governor)) return !AFTER_SURNAME.has(next) && !AFTER_OBJECT.test(next);
  return AFTER_SURNAME.has(next) || AFTER_OBJECT.test(next) || SUBJECT_PRONOUNS.has(next);
}

/** Words that take a person and then the person's name: prepositions, verbs of sending and meeting, greetings (not "to", before a verb as often). */
function takesAPerson(lower: string): boolean {
  if (lower === 'to') return false;
  if (GREETINGS.has(lower) || BEFORE_NAME_SLOT.has(lower) || TWO_OBJECT_VERBS.has(lower) || IMPERATIVE_VERBS.has(lower) || OBJECT_TAKERS.has(lower)) return true;
  // A verb's other forms: "adding ega siregar", "pinged …".
  const stem = /(?:ing|ed)$/.test(lower) ? lower.replace(/(?:ing|ed)$/, '') : '';
  return stem.length >= 2 && (BEFORE_NAME_SLOT.has(stem) || IMPERATIVE_VERBS.has(stem) || BEFORE_NAME_SLOT.has(stem.slice(0, -1)) || IMPERATIVE_VERBS.has(stem.slice(0, -1)));
}
const GREETINGS = new Set('hi hey hello hiya yo dear thanks thank thx ty cheers congrats welcome morning'.split(' '));
/** Verbs followed by another verb's base form: "help thank …", "let ask …", "make promise …". */
const CAUSATIVES = new Set('help helps helped let lets make makes made have has had see saw watch hear'.split(' '));
const PREPOSITIONS = new Set('with w for from by about of at cc without except including like unlike'.split(' '));
const OBJECT_TAKERS = new Set('w without except including like unlike owe owes owed hired hire interviewing interviewed nominated dm pm tag mention page assign brief'.split(' '));
/** Words that "to" cannot be followed by but as a name's: another preposition, "alone" ("forward this to per caserta", "to to nhi jiang", "THANKS TO ALONE FRITSCH"). */
const AFTER_TO_NAME = new Set('to per alone'.split(' '));

/**
 * The start of name `s` grown over the one or two words before it that can only be its given
 * names there (see the head of this file); `s.start` when there are none. `from` is where the
 * previous name ends: no word before it is read.
 */
export function givenWordsStart(text: string, s: PiiSpan, regime: Regime, from: number): number {
  if (!unlistedName(text.slice(s.start, s.end), regime)) return s.start;
  const words: Array<{ w: string; at: number }> = [];
  let at = s.start;
  for (let k = 0; k < MAX_GIVEN_WORDS; k++) {
    const w = wordBefore(text, Math.max(from, at - 40), at);
    if (w === undefined || !inRegime(w, regime)) break;
    at -= w.length + 1;
    words.push({ w, at });
  }
  // (Every slot below takes the word right before the name: most such words are function words,
  // determiners or pronouns, which none takes, and the slots are not read for them.)
  const nearest = words[0]?.w.toLowerCase() ?? '';
  if (words.length === 0 || (!SLOT_FUNCTION_WORDS.has(nearest) && (neverBeside(nearest) || NEVER_JOINS_AFTER.has(nearest) || DETERMINERS.has(nearest) || SUBJECT_PRONOUNS.has(nearest)))) return s.start;
  const asked = questionOrPredicate(text, words);
  if (asked !== undefined) return asked;
  // A word an "@" opens is a mention's, the name after it its rest ("@alone cavriani standup moved").
  const mention = words.find(({ at }) => text.charCodeAt(at - 1) === 64 && (at < 2 || /\s/.test(text.charAt(at - 2))));
  if (mention !== undefined && words.slice(0, words.indexOf(mention) + 1).every(handleWord)) return mention.at;
  const cont = continuationAfter(text, s.end);
  // The longest run of words that may be given names, then shorter ones; "an" before a word that
  // starts with a consonant is no article ("IF AN HA YIM AGREES").
  for (let n = words.length; n >= 1; n--) {
    const run = words.slice(0, n).reverse();
    const head = run[0] as { w: string; at: number };
    if (englishRun(run)) continue;
    const fits = run.every(({ w }, j) => {
      if (w.toLowerCase() === 'an' && j > 0) return false;
      if (regime === 'title' && PRODUCT_WORDS.has(foldName(w))) return false;
      // "to" at a clause's head before a name and its verb is no preposition ("…, to nhi chang wrote:").
      if (w.toLowerCase() === 'to') return j === 0 && (cont === 'verb' || cont === 'list' || cont === 'plural');
      if (w.toLowerCase() === 'an' && j === 0 && n > 1) return consonantSound(run[1]?.w ?? '') && !spelledOut(run[1]?.w ?? '', regime);
      return cont !== undefined && mayBeGiven(w, j === 0, cont);
    });
    if (!fits || cont === undefined) continue;
    if (cont === 'vocative' && !/(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, head.at - 12), head.at))) continue;
    const before = wordBefore(text, Math.max(from, head.at - 40), head.at) ?? '';
    const afterName = from > 0 && head.at - before.length - 2 === from && text.charCodeAt(from) === 32;
    if (opensSubject(text, head.at, head.w.toLowerCase() === 'said', cont, afterName)) return head.at;
  }
  return fieldStart(text, s, regime, words) ?? objectSlotStart(text, s, regime, words);
}

/**
 * Whether a run of two words before a name are both English words, "an" before a consonant
 * aside ("IF AN HA YIM AGREES"): a noun and what qualifies it ("for various kernel rpms").
 */
function englishRun(run: ReadonlyArray<{ w: string }>): boolean {
  // (A syllable of up to three letters is a name's as often: "NOTE FROM SONG HA THANH HIEU CHONG:".)
  return run.length > 1 && run.every(({ w }) => ENGLISH_TIER.has(w.toLowerCase()) && !(w.length <= 3 && nameLikeWord(w))) && run[0]?.w.toLowerCase() !== 'an';
}

/** Whether word `w`, the `j`th of the `all` words a mention holds before the name, may be a handle's (no preposition holds one: "@PER POLITO CAN U REVIEW"). */
function handleWord({ w }: { w: string }, j: number, all: ReadonlyArray<unknown>): boolean {
  return (j === all.length - 1 && /^(?:per|to)$/i.test(w)) || mayBeGiven(w, j === all.length - 1, 'label');
}

/** Auxiliaries that open a question, their subject after them ("Did Said Zięba get …?"). */
const QUESTION_AUX = new Set('did does do can could will would should is was are were has have'.split(' '));
/** Of those, the ones "to" cannot follow: "Did To Nhi Liang get …?" (but "is to", "has to"). */
const AUX_BEFORE_NO_TO = new Set('did does do can could will would should'.split(' '));
const WH_WORDS = new Set('how when where why what who which'.split(' '));

/**
 * Words before a name right after an auxiliary that opens a question (at a sentence's start or
 * after a question word: "DID SAID ZIĘBA GET …", "HOW IS SAID WRONA DOING", "Did To Nhi Liang get
 * …"), which can only be its subject; or after "is" or "was" at the end of the clause ("the
 * on-call today is ha thanh situ."), the rarer English words only. The start of the name
 * grown over them, or undefined.
 */
function questionOrPredicate(text: string, words: ReadonlyArray<{ w: string; at: number }>): number | undefined {
  for (let n = words.length; n >= 1; n--) {
    const run = words.slice(0, n).reverse();
    const head = run[0] as { w: string; at: number };
    const aux = wordBefore(text, Math.max(0, head.at - 40), head.at)?.toLowerCase();
    if (aux === undefined || !QUESTION_AUX.has(aux)) continue;
    const auxAt = head.at - aux.length - 1;
    const wh = wordBefore(text, Math.max(0, auxAt - 40), auxAt)?.toLowerCase();
    const whAt = auxAt - (wh?.length ?? 0) - 1;
    const question =
      (OPENS.test(text.slice(Math.max(0, auxAt - 12), auxAt)) && headsClause(text, auxAt)) ||
      (wh !== undefined && WH_WORDS.has(wh) && OPENS.test(text.slice(Math.max(0, whAt - 12), whAt)) && headsClause(text, whAt));
    if (question) {
      const fits = run.every(({ w }, j) => {
        const lower = w.toLowerCase();
        if (j === 0 && lower === 'to') return AUX_BEFORE_NO_TO.has(aux);
        return mayBeGiven(w, j === 0, 'verb') && !IMPERATIVE_VERBS.has(lower) && !TWO_OBJECT_VERBS.has(lower);
      });
      if (fits) return head.at;
    } else if (aux === 'is' || aux === 'was') {
      const fits = run.every(({ w }) => {
        const tier = ENGLISH_TIER.get(w.toLowerCase());
        return (tier === undefined || tier > 1) && mayBeGiven(w, false, 'verb');
      });
      if (fits) return head.at;
    }
  }
  return undefined;
}

/**
 * What ends a field after a name: a line's end, a table's bar, a quote, a comma, sentence
 * punctuation, a bracket, "<", "·", a colon, a slash or a dash between blanks ("Lead: Pit Kraus /
 * Backup: …", "Traveler: Ise Prinsen — Flight LH 902").
 */
const FIELD_END = /^(?:[ \t]*(?:[|,"”!.?;:()\]<·]|\r?\n|$)|\t|[ \t][\/—–][ \t])/;
/**
 * What opens a field before a word: a table's bar or a tab after a cell (not a line's indent), a
 * quote that opens a line's or a comma-separated value, a bracket after a blank (not a call's:
 * "thread_me(int num)"), a heading's "#", the line under
 * a sign-off ("Signed,\nBlessing Appia\n", "BEST,\nPROMISE ELEBIYO | CUSTOMER SUCCESS"), a label's
 * colon at a line's head or after a table's bar (up to four words, the colon on the last: "Out of office: …", "| Mentee: …",
 * "Co-authored-by: …", "onboarding buddy for X: ega pradipta"), a dash before a signature ("—
 * WELLINGTON JEFFERY HARTMANN, VP"), a comma after thanks, a greeting or a role ("THANK YOU, EGA
 * MAHESWARA!", "welcome our new hire, Wellington …").
 */
const FIELD_OPENS =
  /(?:(?:\||[^\s]\t)[ \t]*|(?:^|\n|,)["“]|(?:^|\s)\(|(?:^|\n)[ \t]*#{1,6}[ \t]+|(?:^|\n|\||[ \t]\/)[ \t]*[\p{L}][\p{L}'’-]*(?: [\p{L}][\p{L}'’-]*){0,3}:[ \t]+|[—–][ \t]*|\b(?:thank you|thanks|thx|welcome|hi|hello|hey|dear|cheers|congrats|congratulations|hire|colleague|teammate|manager|lead)[,!][ \t]+|(?:^|\n)[ \t]*(?:signed|regards|best|best regards|kind regards|warm regards|thanks|many thanks|cheers|sincerely|yours|yours sincerely|yours truly|br)[,.!]?[ \t]*\r?\n[ \t]*)$/iu;

/**
 * A field whose value is a person's name and nothing else: a table's cell, the line under a
 * sign-off, a heading, or a label that names a person (not a bracket, which holds prose as
 * often: "(digging bunkers etc)", "(snip snip circ circ)").
 */
const STRUCTURED_FIELD =
  /(?:(?:\||[^\s]\t)[ \t]*|\n[ \t]*|(?:^|\n)[ \t]*#{1,6}[ \t]+|(?:^|,)["“]|\b(?:by|author|owner|contact|lead|assignee|reviewer|approvers?|mentor|mentee|buddy|backup|attn|travell?er|host|organi[sz]er|requester|commander|manager|from|to|cc|scribe|interviewer|interviewee|presenter|speaker|driver|dri|on-?call|out of office|ooo):[ \t]+|\bpoint of contact[ \t]*[:—–-][ \t]*)$/i;

/**
 * Words that open a field a name found ends: a line, a table's cell, a quoted or comma-separated
 * value, a label's value ("| Phoenix Berge | Backend |", "incident commander: aws alamukhitar",
 * "10482,blessing adebayo,finance,…"): the field holds the name, so the words before it are its
 * given names. (Not a line: a heading, a line of code or of another language is one as often,
 * "MEDIA UNSPUN", "int sd;", "em chuyển nhà rồi,".) The start of the name grown over them, or undefined.
 */
function fieldStart(text: string, s: PiiSpan, regime: Regime, words: ReadonlyArray<{ w: string; at: number }>): number | undefined {
  if (!FIELD_END.test(text.slice(s.end, s.end + 4))) return undefined;
  for (let n = words.length; n >= 1; n--) {
    const run = words.slice(0, n).reverse();
    const head = run[0] as { w: string; at: number };
    const before = text.slice(Math.max(0, head.at - 40), head.at);
    const csv = text.charCodeAt(head.at - 1) === 44 && lineAround(text, head.at).split(',').length >= 4 && !/,[ \t]/.test(lineAround(text, head.at));
    const listed = PERSON_LIST.test(text.slice(Math.max(0, head.at - 160), head.at));
    if (!csv && !listed && !FIELD_OPENS.test(before)) continue;
    // (A quoted value ends at its quote, a bracket's at the bracket: '"const unsig\nned char"' is
    // no field of its own.)
    if (/["“]$/.test(before) && !/^["”]/.test(text.slice(s.end, s.end + 1))) continue;
    if (/\($/.test(before) && text.charAt(s.end) !== ')') continue;
    // (In a table's cell, a comma-separated value, a bracket, a signature or the value of a label
    // that names a person, a gerund is no verb: the field is the name.)
    const cell = csv || listed || STRUCTURED_FIELD.test(before);
    // (Two English words there are a label's as often, but not in a cell that holds the name alone.)
    if (!cell && englishRun(run)) continue;
    const fits = run.every(({ w }, j) => {
      const lower = w.toLowerCase();
      // A product's name or a function word in such a cell is the name's ("Incident commander:
      // Wellington Walter", "| Phoenix Berge |", "Reviewed-by: Per Parisian", '"To Nhi","Sales"').
      if (regime === 'title' && PRODUCT_WORDS.has(foldName(w)) && !cell) return false;
      if (lower === 'to' || lower === 'per') return cell && j === 0;
      // (And an imperative: "regards\npromise nti | finance".)
      return mayBeGiven(w, j === 0, cell ? 'verb' : 'label', cell);
    });
    if (fits) return head.at;
  }
  return undefined;
}

/**
 * A word between one that takes a person and a name ("give promise mangane access", "for esi
 * promise tamunoemi on thursday"): the name's first word. One of the commonest English words only
 * when the name is not the last word of its clause: "sorry for trouble Okafor." ends on a
 * vocative.
 */
function objectSlotStart(text: string, s: PiiSpan, regime: Regime, words: ReadonlyArray<{ w: string; at: number }>): number {
  const cont = continuationAfter(text, s.end) ?? 'verb';
  const next = WORD_AFTER.exec(text.slice(s.end, s.end + 40))?.[1]?.toLowerCase();
  for (let n = words.length; n >= 1; n--) {
    const run = words.slice(0, n).reverse();
    const head = run[0] as { w: string; at: number };
    const governor = wordBefore(text, Math.max(0, head.at - 40), head.at)?.toLowerCase();
    if (governor === undefined) continue;
    // (After an interjection or praise the person is addressed, the name ending the clause: "sorry
    // promise prempeh,", "LOL PROMISE THIOUB 😂", "HAPPY BIRTHDAY FAAS X!", "GREAT CATCH SAID X".)
    const addressed = governor !== 'to' && addressHead(text, head.at - governor.length - 1, governor) && endsAddress(text, s.end);
    if (!addressed && (governor === 'to' ? !AFTER_TO_NAME.has(head.w.toLowerCase()) : !takesAPerson(governor))) continue;
    // (An "an" before a consonant is no article: "from an ha phuoc binh jiao,".)
    const anRun = n > 1 && head.w.toLowerCase() === 'an' && consonantSound(run[1]?.w ?? '') && !spelledOut(run[1]?.w ?? '', regime);
    // (Two English words there are a noun and what qualifies it: "for various kernel rpms".)
    if (englishRun(run)) continue;
    const fits = run.every(({ w }, j) => {
      const lower = w.toLowerCase();
      const tier = ENGLISH_TIER.get(lower);
      // "said" after a preposition has no subject to be the verb of ("lunch w said samlaith"); nor
      // is "per" a preposition there ("coffee with per locatelli").
      // ("said" cannot be the object of a verb either: "WE OWE SAID HRUBES A REPLY", "DM SAID GAŁAZKA".)
      if (lower === 'said') return j === 0 && governor !== 'to' && !CAUSATIVES.has(governor);
      if (lower === 'per' || lower === 'to') return j === 0 && (PREPOSITIONS.has(governor) || governor === 'to');
      if (lower === 'alone') return j === 0;
      if (lower === 'an') return j === 0 && anRun;
      // A verb's base form there is a second verb only after a causative one ("help ping …", "let
      // … ask"); after a preposition or another verb it is the name's ("without promise mbacké",
      // "give promise mangane access").
      const verbAfterVerb = CAUSATIVES.has(governor) && (IMPERATIVE_VERBS.has(lower) || TWO_OBJECT_VERBS.has(lower));
      // A gerund after a verb that takes a person is no object of it ("MOVING BLESSING SAMB TO"),
      // after a preposition it is ("thanks for calling okafor").
      const gerund = !PREPOSITIONS.has(governor) && !CAUSATIVES.has(governor) && governor !== 'like';
      // (One of the commonest English words only where the name ends the person's part of the clause.)
      return mayBeGiven(w, false, 'verb', gerund) && !verbAfterVerb && (tier === undefined || tier > 1 || anRun || addressed || objectEnds(governor, next, text, s.end));
    });
    if (fits) return head.at;
  }
  return s.start;
}

/** Verbs of the past or the third person that "said" as a verb is never followed by ("NAIAMAH SAID GOT MOVED", "… SAID TAKES SATURDAY"). */
const AFTER_SAID_NAME = new Set([...'got went came took gave made found kept sent began joined left started'.split(' '), 'takes', 'gets', 'goes', 'comes', 'makes', 'gives', 'leads', 'owns', 'runs', 'joins', 'starts', 'needs', 'wants']);
/** What "said" after a person's name in an object's place is followed by when it is the name's: a time, a clause's end. */
const AFTER_OBJECT_SAID = /^(?:since|after|before|last|this|next|until|till|yesterday|today|tomorrow|as|on|about|via|and|or)$/;
/** Verbs whose object is a person ("we hired abaraham said as a contractor"). */
const PERSON_VERBS = new Set('hired hire hiring ping pinged ask asked tell told thank thanked invite invited remind reminded meet met page paged call called email emailed'.split(' '));
/** Prepositions whose object is a person more often than a message's sender ("with", "to", "by"; not "from", "of": "the note from Bob said …"). */
const PERSON_PREPOSITIONS = new Set('with w to by for cc'.split(' '));

/**
 * Whether "said", right after name `s`, is its last word ("Said" is a given name and a surname):
 * a verb of the past or the third person follows it, which "said" as a verb is never followed by
 * ("ghaib said joined in march"); or the name is the object of a verb or a preposition, so no
 * subject stands before "said" for it to be the verb of, and a time or the clause's end follows
 * ("i'll sync with saluma said after lunch", "escalated to iiazabil said since it blocks", "we
 * hired abaraham said as a contractor"). Not "bob said go ahead", "the note from Bob said so".
 * In mixed case a capitalised "Said" in a line of prose is the name's ("Welcome aboard, Jalail
 * Said!").
 */
export function saidAfterName(text: string, s: PiiSpan, regime: Regime, saidEnd: number): boolean {
  const after = text.slice(saidEnd, saidEnd + 40);
  const next = WORD_AFTER.exec(after)?.[1]?.toLowerCase();
  if (regime === 'title') return text.charCodeAt(saidEnd - 4) === 83 && proseLine(lineAround(text, s.start));
  if (next !== undefined && AFTER_SAID_NAME.has(next)) return true;
  const governor = wordBefore(text, Math.max(0, s.start - 40), s.start)?.toLowerCase();
  if (governor === undefined) return false;
  const ends = next === undefined ? /^[ \t]*[.!?)](?:\s|$)/.test(after) : AFTER_OBJECT_SAID.test(next);
  // After a greeting the name is addressed, nobody's words are reported ("welcome abaraham said! 🎉").
  // (A comma after "said" there is the name's too: "hey tlaia said, is the vpn down".)
  if (GREETINGS.has(governor) && /^,[ \t]/.test(after)) return true;
  if (PERSON_VERBS.has(governor) || GREETINGS.has(governor)) return ends || (next === undefined && /^[ \t]*\p{Extended_Pictographic}/u.test(after));
  if (!PERSON_PREPOSITIONS.has(governor)) return false;
  // "1:1 WITH BALÇAR SAID BAHROMOVA": between the name and a word no list holds that ends the clause.
  const nextEnd = saidEnd + 1 + (next?.length ?? 0);
  const nameAfter = next !== undefined && !listedWord(next) && next.length > 2 && /^[ \t]*(?:[,.!?;)]|\r?\n|$)/.test(text.slice(nextEnd, nextEnd + 3));
  return (ends && next !== 'as') || nameAfter;
}

/**
 * Whether word `w` after name `s`, before what ends at `wordEnd`, is the name's by the clause:
 * after a verb with two objects the second starts with an article ("we owe geo block a reply"),
 * and after a preposition that opens the sentence the main clause starts with its subject
 * ("WITHOUT JINYU PAN WE WOULD HAVE MISSED IT").
 */
export function surnameBeforeClause(text: string, s: PiiSpan, w: string, wordEnd: number): boolean {
  const lower = w.toLowerCase();
  if (SUBORDINATORS.has(lower) || DETERMINERS.has(lower) || SUBJECT_PRONOUNS.has(lower) || TWO_OBJECT_VERBS.has(lower) || lower.length < 2) return false;
  const next = WORD_AFTER.exec(text.slice(wordEnd, wordEnd + 40))?.[1]?.toLowerCase();
  if (next === undefined) return false;
  const governor = wordBefore(text, Math.max(0, s.start - 40), s.start)?.toLowerCase();
  if (governor === undefined) return false;
  if (TWO_OBJECT_VERBS.has(governor) || /^owe/.test(governor)) return next === 'a' || next === 'an' || next === 'the';
  let governorAt = s.start - governor.length - 1;
  // "THANKS TO ANAHI GRIMES THE MIGRATION FINISHED EARLY": "thanks to" is one preposition.
  if (governor === 'to' && wordBefore(text, Math.max(0, governorAt - 40), governorAt)?.toLowerCase() === 'thanks') governorAt -= 7;
  else if (!OPENING_PREPOSITIONS.has(governor)) return false;
  // The main clause starts with its subject: a pronoun, or an article and its noun.
  const subject = (SUBJECT_PRONOUNS.has(next) && next !== 'who') || next === 'the' || next === 'our' || next === 'we';
  return subject && OPENS.test(text.slice(Math.max(0, governorAt - 12), governorAt)) && headsClause(text, governorAt);
}
const OPENING_PREPOSITIONS = new Set('without with unlike like thanks for after before'.split(' '));
