import { HARD_WORD_NAMES, NOT_A_NAME, PLACE_NOUNS } from './name-lexicon.ts';
import { isTitleCaseLine, lineAround } from './title-case.ts';
import { tierOf } from './name-features.ts';
import type { WordSequence, WordToken } from './name-features.ts';
import { scoreToken } from './name-tagger.ts';
import { FINITE_VERB } from './name-verbs.ts';
import type { PiiSpan } from './types.ts';

/**
 * Whole names (issue 13: "a name is removed whole, no word of it left"). A name found in part —
 * "CALI [GRIMES]", "[tu] an [jiang]", "Sent the slides to Mate [Šustr]" — takes the words next to
 * it that are most likely the rest of it. The cost of a wrong join is one more word replaced;
 * the cost of a missed one is a word of a person's name left in the text, next to a placeholder
 * that tells where to look.
 *
 * A neighbour joins when it is separated by a single space (not a line break, comma or
 * possessive) and:
 * - between two parts of names ("tu [an] jiang", "phu [an] an"), unless it links two people
 *   ("and", "or", a preposition, a verb of the list below);
 * - in mixed-case text, capitalised and not a word that is capitalised for other reasons
 *   (the first word of a sentence unless it is no English word, a heading in Title Case,
 *   months, days, place nouns, "I");
 * - in a line without case, not an English word of the size-10 to -35 lists (an unknown word
 *   next to a name is a name: "alizé marner", "burgucan bildik"), or scored by the tagger at
 *   {@link CASELESS_JOIN} or above; never a cue word ("cc", "hi", "dear") or a linking word.
 */

/**
 * Probability at which a rare English word (SCOWL size 35) of a caseless line joins a name found
 * as a single word. The price of joining, measured over a tenth of the SCOWL vocabulary set right
 * after a name ("yesterday oluwaseun <word> is out today"): no
 * size-10 word joins, 6 % of size-20 words (24 % of size-35 words joined before, 49 % now).
 */
const CASELESS_JOIN = 0.3;
const logit = (p: number): number => Math.log(p / (1 - p));
const CASELESS_JOIN_LOGIT = logit(CASELESS_JOIN);
/** At most this many words are added on each side of a name. */
const MAX_ADDED_WORDS = 2;

/**
 * Words that sit next to names without being part of them: links between people, prepositions,
 * pronouns, cue words (greetings, titles, sign-offs, headers); after a name also the copulas and
 * the verbs that follow one ("Grace said", "Grace left").
 */
export const NEVER_JOINS = words(`and or nor & to from with for of at by in on into onto about as vs via per than then but so if
  not no yes the a i me my you your he she it we they us them his her our their this that these those
  who whom whose which what when where why how
  cc bcc hi hey hello hiya howdy yo dear thanks thank thx ty cheers regards best kind warm sincerely yours love
  mr mrs ms mx dr prof sir dame miss mme mlle herr frau doctor professor judge rev
  team all everyone folks guys there here today tomorrow yesterday`);
export const NEVER_JOINS_AFTER = words(`is was are were be been has have had do does did will would can could shall should may
  might must said says wrote writes asked told met left joined an
  now then too again later soon please pls anyway also first instead`);
/**
 * Words that never complete a name even in its slots: modal and auxiliary verbs (word-names such
 * as "will", "may", "can" among them), quantifiers and adverbs of time and place.
 */
export const NEVER_IN_NAME_SLOT = words(`will may can might must shall should would could do does did is was are were be been has have had
  all both each every any some many few more most much other another such same own only just even also still already yet
  back here there home away out up down off over well right asap together alone once twice ever never always often
  today tonight tomorrow yesterday now then too again later soon earlier first last next instead though anyway either
  please pls thanks thx sorry ok okay yes no not`);
/**
 * What comes before a name and leaves the word between it and the name nothing else to be but a
 * part of the name: a preposition, a greeting or cue, a verb that takes a person ("to unique
 * megane bauch", "hi bless akerele", "loop in said fayzbekov"). Not a determiner or possessive:
 * after one, the word is a noun or adjective ("our new designer …").
 */
export const BEFORE_NAME_SLOT = words(`to from with for of at by in on about via cc bcc hi hey hello dear thanks thank thx ty cheers
  congrats welcome morning afternoon evening regards ping ask tell invite add email message remind contact meet loop forward
  call text notify include escalated sent`);
const NOT_A_NAME_CAPITALISED = words('i and or the a to from with for of at by in on');
const GREETINGS = words('hi hey hello hiya howdy yo dear thanks thank thx ty cheers congrats congratulations welcome morning afternoon evening regards kudos');

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w !== ''));
}

const TITLES = words('mr mrs ms mx dr prof sir dame miss mme mlle herr frau doctor professor judge rev');
const MONTHS_AND_DAYS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);

function joinedBySpace(text: string, left: WordToken, right: WordToken): boolean {
  return right.start - left.end === 1 && text.charCodeAt(left.end) === 32;
}

function mixedCaseJoins(tokens: WordSequence, i: number, t: WordToken, side: 'left' | 'right', nameWords: number, inName: ReadonlySet<number>): boolean {
  if (!(t.shape === 'Xx' || (t.shape === 'xX' && t.word.charAt(0) !== t.word.charAt(0).toLowerCase()))) return false;
  if (NOT_A_NAME_CAPITALISED.has(t.lower) || MONTHS_AND_DAYS.has(t.lower) || HARD_WORD_NAMES.has(t.word) || TITLES.has(t.lower)) return false;
  // A greeting before a name is never the name's ("Congrats Emil Prohaska on the promotion").
  if (side === 'left' && GREETINGS.has(t.lower)) return false;
  if (side === 'right' && (PLACE_NOUNS.has(t.word) || NOT_A_NAME.has(t.word))) return false;
  // A capitalised first word of a sentence is a name only when it is no English word or a
  // name of the lexicon ("Beneficiary Jory Petrov" keeps its first word), when a header's colon
  // is before it ("Employee: Barman Sa’dullohyev"), or when it heads a sentence whose verb
  // follows a name that is no English word ("Said Mertoğlu will present").
  if (t.initial && ((t.tier > 0 && t.lex === 0) || NEVER_JOINS.has(t.lower))) {
    if (NEVER_JOINS.has(t.lower) || side !== 'left') return false;
    if (!headerColonBefore(tokens, i) && !sentenceInitialGivenName(tokens, i, nameWords)) return false;
  }
  // A list of names: the second's first word stands after "and" in any line, a heading's too
  // ("I forwarded the quote to Alpış Nizomiddinova and Said Asadullohyev.").
  if (side === 'left' && afterAndAName(tokens, i, inName)) return true;
  return !isTitleCaseLine(lineAround(tokens.text, t.start));
}


/** Words that head a sentence before a person without being a name: adverbs, interjections. */
export const SENTENCE_ADVERBS = words(`maybe perhaps hopefully actually apparently honestly basically luckily sadly unfortunately
  fortunately also so well oh ah yes yeah yep no nope ok okay sure fine great cool nice btw fyi imo lol hmm but and or then now
  today tomorrow yesterday tonight meanwhile anyway instead otherwise sometimes usually again still only just even already
  please pls thanks thank congrats welcome hi hey hello dear good happy poor`);
/** What follows the subject of a sentence: a verb, or a possessive. */
function verbOrPossessiveAfter(tokens: WordSequence, last: number): boolean {
  const t = tokens.at(last);
  if (t === undefined) return false;
  if (/^['’]s\b/u.test(tokens.text.slice(t.end, t.end + 3))) return true;
  const next = tokens.at(last + 1);
  return next !== undefined && joinedBySpace(tokens.text, t, next) && ENDS_A_SUBJECT.has(next.lower) && !/^(?:and|or|&)$/.test(next.lower);
}

function sentenceInitialGivenName(tokens: WordSequence, i: number, nameWords: number): boolean {
  const t = tokens.at(i);
  const first = tokens.at(i + 1);
  if (t === undefined || first === undefined || !t.initial || nameWords > 2) return false;
  if (first.tier !== 0 || t.lower.length < 2 || INFLECTED.test(t.lower) && !t.lower.endsWith('ing')) return false;
  if (SENTENCE_ADVERBS.has(t.lower) || NEVER_IN_NAME_SLOT.has(t.lower) || BEFORE_NAME_SLOT.has(t.lower) || BEFORE_NAME_NOT_NAME.has(t.lower)) return false;
  if (TWO_OBJECT_VERBS.has(t.lower) || IMPERATIVE_VERBS.has(t.lower)) return false;
  return verbOrPossessiveAfter(tokens, i + nameWords);
}

/** Verbs that head a sentence and take a person: "ask …", "tell …", "moving …". */
export const IMPERATIVE_VERBS = words(`ask tell ping thank call email message invite remind contact let meet welcome loop text add include
  notify cc congratulate page pay move moving help hire fire promote introduce introducing meeting thanking asking`);

function afterAndAName(tokens: WordSequence, i: number, inName: ReadonlySet<number>): boolean {
  const t = tokens.at(i);
  const and = tokens.at(i - 1);
  const beforeAnd = tokens.at(i - 2);
  if (t === undefined || and === undefined || beforeAnd === undefined) return false;
  if (SENTENCE_ADVERBS.has(t.lower) || NEVER_IN_NAME_SLOT.has(t.lower) || BEFORE_NAME_NOT_NAME.has(t.lower) || DETERMINERS.has(t.lower)) return false;
  return (and.lower === 'and' || and.lower === '&') && joinedBySpace(tokens.text, and, t) && joinedBySpace(tokens.text, beforeAnd, and) && inName.has(i - 2);
}

function caselessJoins(tokens: WordSequence, i: number, t: WordToken, side: 'left' | 'right', nameWords: number, inName: ReadonlySet<number>): boolean {
  if (NEVER_JOINS.has(t.lower) || (side === 'right' && NEVER_JOINS_AFTER.has(t.lower))) return false;
  if ((t.tier === 0 || t.lex > 0) && t.folded.length >= 2) return true;
  if (NEVER_IN_NAME_SLOT.has(t.lower) || t.tier === 4) return false;
  // A word between a preposition, greeting or cue and a name found after it is the given name
  // ("thanks miracle kameron bashirian", "CAN YOU LOOP IN SAID DEMIRBAS"): English puts an
  // article or nothing there.
  if (side === 'left' && !BEFORE_NAME_NOT_NAME.has(t.lower) && inGivenNameSlot(tokens, i)) return true;
  // An article right before a name word is part of it ("an khang li"): English puts none there.
  if (side === 'left' && t.lower === 'an') return true;
  // After a name, an English plural ("hanoi hubs", "warsaw teams") is what the name stands for;
  // a past tense, a gerund or an adverb is what the person did.
  // A surname that looks like a plural ("GRIMES") shows itself by what follows: a singular
  // subject's verb or the end of the clause ("GRIMES IS OUT", "CALI GRIMES, THE OUTAGE").
  // After "if", "when", "unless" … the word after the subject is its verb ("if ana rossi agrees,").
  // A verb of the past or the third person after a name is what the person did ("if dock ruecker agrees,").
  if (side === 'right' && FINITE_VERB.test(t.lower)) return false;
  if (side === 'right' && !INFLECTED.test(t.lower) && t.lower.endsWith('s') && tierOf(t.lower.slice(0, -1)) > 0) {
    if (!(nameWords <= 2 && tokens.at(i - 1)?.tier === 0 && singularSubjectFollows(tokens, i) && !afterDeterminer(tokens, i - nameWords) && !afterSubordinator(tokens, i - nameWords))) return false;
    return true;
  }
  if (side === 'right' && INFLECTED.test(t.lower)) return false;
  // After a name of up to two words that is no English word, a common English word is the
  // surname when a singular subject's verb or the end of the clause follows ("CLINTON BLOCK, THE
  // OUTAGE", "I THINK DEDRIC BLOCK HAS", "vương triều chai (platform)"): before a preposition it
  // is as often an adverb or an object ("ask chidinma directly about"). Not after an article,
  // possessive or two-object verb ("the jenkins agent", "give oluwaseun access").
  if (
    side === 'right' &&
    nameWords <= 2 &&
    t.lower.length >= 2 &&
    tokens.at(i - 1)?.tier === 0 &&
    singularSubjectFollows(tokens, i) &&
    !afterDeterminer(tokens, i - nameWords)
  ) {
    return true;
  }
  // After a one-word name that is no English word, a word before a verb or conjunction that ends
  // the subject is the surname ("lorik block whether", "giovani garden and loyal parisian").
  if (
    side === 'right' &&
    nameWords === 1 &&
    t.lower.length >= 2 &&
    !INFLECTED.test(t.lower) &&
    tokens.at(i - 1)?.tier === 0 &&
    singularSubjectFollows(tokens, i, ENDS_A_SUBJECT) &&
    !afterDeterminer(tokens, i - 1)
  ) {
    return true;
  }
  // The first word of a sentence before a name that is no English word, when a verb follows the
  // name: English puts an adverb or an interjection there, or the given name ("said mertoğlu will
  // present", "COY HARTMANN APPROVED", "tamer karadaş's laptop").
  if (side === 'left' && sentenceInitialGivenName(tokens, i, nameWords)) return true;
  // "cc nkechi okafor and loyal parisian": after "and" that follows a name, the given name.
  if (side === 'left' && afterAndAName(tokens, i, inName)) return true;
  if (t.tier === 1 || t.tier === 4) return false;
  // A rare English word (SCOWL 35), or a short one of SCOWL 20 ("pan", "ho": romanised
  // syllables), in the surname slot: after the name and before what follows a subject (a verb of
  // NEVER_JOINS_AFTER, a preposition, punctuation, the end).
  if (side === 'right' && (t.tier === 3 || t.lower.length <= 3) && inSurnameSlot(tokens, i)) return true;
  // Otherwise a rare word only completes a name found as one word.
  if (t.tier !== 3 || nameWords > 1) return false;
  return scoreToken(tokens, i) >= CASELESS_JOIN_LOGIT;
}

const INFLECTED = /(?:ed|ing|ly)$/;
/** What follows a name that is the subject of its sentence. */
const AFTER_SUBJECT = words('since on about to from for at with in by and or');

export const DETERMINERS = words('the a an this that these those our my your their its his her');

/**
 * Verbs with two objects: after "give oluwaseun", the next word is the thing given ("give
 * oluwaseun access to the repo"), not a surname.
 */
export const TWO_OBJECT_VERBS = words(`give gives gave giving grant grants granted send sends sent show shows showed offer offered
  assign assigns assigned get gets got buy bought tell tells told ask asks asked pay pays paid lend lent bring brings brought
  hand handed email emailed message messaged pass passed owe owes teach taught let lets make makes made leave leaves left
  find found remind reminded cost costs wish wished promise promised allow allowed`);

/** Whether the word before token `i` (an article, possessive or two-object verb) makes what follows no surname. */
/** Conjunctions that open a clause: the subject after them is followed by its verb. */
export const SUBORDINATORS = words('if when unless once because whether until as since though although while before after whenever');

function afterSubordinator(tokens: WordSequence, i: number): boolean {
  const t = tokens.at(i);
  const before = tokens.at(i - 1);
  return t !== undefined && before !== undefined && joinedBySpace(tokens.text, before, t) && SUBORDINATORS.has(before.lower);
}

function afterDeterminer(tokens: WordSequence, i: number): boolean {
  const t = tokens.at(i);
  const before = tokens.at(i - 1);
  return t !== undefined && before !== undefined && joinedBySpace(tokens.text, before, t) && (DETERMINERS.has(before.lower) || TWO_OBJECT_VERBS.has(before.lower));
}

/** What English does put between a preposition or greeting and a name: a role, a kinship, an epithet. */
export const BEFORE_NAME_NOT_NAME = words(`manager managers boss colleague colleagues coworker coworkers designer engineer developer dev
  devs intern interns candidate customer client user users admin lead director ceo cto cfo coo vp president founder cofounder
  recruiter team teammate teammates mentor buddy friend friends brother sister mom mum dad uncle aunt cousin wife husband partner
  son daughter coach officer agent nurse patient student teacher tutor captain chief head owner author reviewer assignee
  reporter approver contractor vendor consultant analyst auditor guest member members folks people everybody anybody
  dear little young old poor sweet lovely good great new big dearest beloved fellow`);

const SIGN_OFF = words('regards thanks cheers best hi hello hey dear sincerely congrats welcome morning aboard');

/** Header labels whose value is a person ("Employee: …", "Owner: …"). */
const PERSON_HEADERS = words(`from to cc bcc attendees participants assignee reporter owner author reviewer reviewers approver
  organizer organiser host contact name signed requester customer employee candidate patient manager`);

/** "Employee: ‹word›": the word right after a person's header label at the start of its line. */
function headerColonBefore(tokens: WordSequence, i: number): boolean {
  const t = tokens.at(i);
  const label = tokens.at(i - 1);
  if (t === undefined || label === undefined || !PERSON_HEADERS.has(label.lower) || !/^:[ \t]+$/.test(tokens.text.slice(label.end, t.start))) return false;
  const lineStart = tokens.text.lastIndexOf('\n', label.start - 1) + 1;
  return /^[ \t]*$/.test(tokens.text.slice(lineStart, label.start));
}

function inGivenNameSlot(tokens: WordSequence, i: number): boolean {
  const t = tokens.at(i);
  if (t === undefined) return false;
  const before = tokens.at(i - 1);
  const lineStart = tokens.text.lastIndexOf('\n', t.start - 1) + 1;
  // At the start of a line the word may be a verb that takes the person ("ping …", "ask …").
  if (before === undefined || before.end <= lineStart) return false;
  const gap = tokens.text.slice(before.end, t.start);
  // "reviewer: said kurutluoğlu", "owner: server koçyiğit": a header's colon.
  if (/^:[ \t]+$/.test(gap)) return true;
  // "DR. JUSTICE MIRACLE RUECKER": a title.
  if (/^\.?[ \t]+$/.test(gap) && TITLES.has(before.lower)) return true;
  // "kind regards, blessing perrotta": a greeting or sign-off and its comma.
  if (/^,[ \t]+$/.test(gap) && SIGN_OFF.has(before.lower)) return true;
  return gap === ' ' && BEFORE_NAME_SLOT.has(before.lower);
}

const SINGULAR_VERBS = words('is was has wrote writes said says');
/**
 * What follows a person who is the subject or ends a list of people: a verb of the workplace, a
 * conjunction ("lorik block whether", "livio lack and the auditors", "naiamah said got moved",
 * "BARIS DIES STARTS ON MONDAY"). Not the prepositions and time words that follow a verb's
 * object and its adverb ("ask chidinma directly about", "sync with chidinma later after lunch").
 */
export const ENDS_A_SUBJECT = words(`is was are were has had have will would can could should shall may might must did does
  wrote writes said says asked asks left joined joins approved approves fixed fixes merged starts started needs needed got gets
  went goes sent sends told tells thinks thought took takes made makes found finds came comes
  and or & whether because`);

function singularSubjectFollows(tokens: WordSequence, i: number, verbs: ReadonlySet<string> = SINGULAR_VERBS): boolean {
  const t = tokens.at(i);
  const next = tokens.at(i + 1);
  if (t === undefined) return false;
  if (next === undefined) return /^[ \t]*(?:[,.;:!?)(]|$)/.test(tokens.text.slice(t.end));
  if (!joinedBySpace(tokens.text, t, next)) return /^[ \t]*[,.;:!?)(\n]/.test(tokens.text.slice(t.end, next.start));
  return verbs.has(next.lower);
}

function inSurnameSlot(tokens: WordSequence, i: number): boolean {
  const t = tokens.at(i);
  const next = tokens.at(i + 1);
  if (t === undefined) return false;
  if (next === undefined) return true;
  if (!joinedBySpace(tokens.text, t, next)) return /^[ \t]*[,.;:!?)(\n]|^[ \t]*$/.test(tokens.text.slice(t.end, next.start));
  return NEVER_JOINS_AFTER.has(next.lower) || AFTER_SUBJECT.has(next.lower);
}


/**
 * Extends each name span over the neighbouring words that complete it. `spans` are sorted and
 * disjoint; the result is too (spans that come to touch are merged).
 */
export function extendToWholeNames(tokens: WordSequence, spans: readonly PiiSpan[]): PiiSpan[] {
  if (spans.length === 0) return [];
  const text = tokens.text;
  // Word index ranges of the spans.
  const ranges: Array<[number, number]> = [];
  for (const s of spans) {
    const a = tokens.indexAt(s.start);
    const b = tokens.indexAt(s.end - 1);
    if (a < 0 || b < 0) ranges.push([-1, -1]);
    else ranges.push([a, b]);
  }
  const inName = new Set<number>();
  for (const [a, b] of ranges) for (let k = a; k >= 0 && k <= b; k++) inName.add(k);
  const out: PiiSpan[] = [];
  for (let r = 0; r < spans.length; r++) {
    const span = spans[r] as PiiSpan;
    let [a, b] = ranges[r] as [number, number];
    if (a < 0) {
      out.push({ ...span });
      continue;
    }
    let start = span.start;
    let end = span.end;
    for (const side of ['left', 'right'] as const) {
      for (let added = 0; added < MAX_ADDED_WORDS; added++) {
        const i = side === 'left' ? a - 1 : b + 1;
        const t = tokens.at(i);
        const inner = tokens.at(side === 'left' ? a : b);
        if (t === undefined || inner === undefined || t.code || inName.has(i)) break;
        if (!(side === 'left' ? joinedBySpace(text, t, inner) && inner.start === start : joinedBySpace(text, inner, t) && inner.end === end)) break;
        const beyond = tokens.at(side === 'left' ? i - 1 : i + 1);
        const sandwiched =
          beyond !== undefined &&
          inName.has(side === 'left' ? i - 1 : i + 1) &&
          (side === 'left' ? joinedBySpace(text, beyond, t) : joinedBySpace(text, t, beyond));
        const joins =
          (sandwiched && !NEVER_JOINS.has(t.lower)) || (t.regime === 'M' ? mixedCaseJoins(tokens, i, t, side, b - a + 1, inName) : caselessJoins(tokens, i, t, side, b - a + 1, inName));
        if (!joins) break;
        inName.add(i);
        if (side === 'left') {
          a = i;
          start = t.start;
        } else {
          b = i;
          end = t.end;
        }
      }
    }
    out.push({ start, end });
  }
  // Spans that now touch or overlap become one.
  const merged: PiiSpan[] = [];
  for (const s of out) {
    const last = merged[merged.length - 1];
    if (last !== undefined && (s.start <= last.end || /^ ?$/.test(text.slice(last.end, s.start)))) last.end = Math.max(last.end, s.end);
    else merged.push(s);
  }
  return merged;
}
