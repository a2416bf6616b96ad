import { ENGLISH_TIER, PLACE_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import {
  BUILD_SURNAME_SET,
  COMMON_WORD_SET,
  FIRST_NAME_SET,
  HARD_WORD_NAMES,
  NOT_A_NAME,
  NOT_A_SURNAME,
  PLACE_NOUNS,
  SOFT_WORD_NAMES,
  WORD_SURNAMES,
  foldName,
} from './name-lexicon.ts';
import { findTaggedNames } from './name-tagger.ts';
import { extendToWholeNames } from './name-extension.ts';
import { findNameSlots } from './name-slots.ts';
import { findHonorificNames } from './name-honorifics.ts';
import { findForeignTitledNames } from './name-foreign-titles.ts';
import { growToNameNeighbours } from './name-neighbours.ts';
import { splitAtNonNameWords } from './non-name-words.ts';
import { cellLabel, trimmed } from './name-trims.ts';
import { keepForeignNames } from './foreign-names.ts';
import { WordSequence } from './name-features.ts';
import { isTitleCaseLine } from './title-case.ts';
import type { PiiSpan, Scrubber } from './types.ts';
import { execAll } from './text.ts';
import { memoized } from './call-memo.ts';
import { beforeCode, withoutPasswordProse } from './name-near-secrets.ts';
import { withGivenWordBefore, withSpacedPossessive } from './name-given-before.ts';
import { isPlacePhrase } from './name-place-phrases.ts';
import { findVietnameseMiddleNames, withRomanisedPartners, withSyllableNeighbours } from './name-syllable-words.ts';
import { withNameParticles } from './name-particle-bridges.ts';
import { withUnlistedSyllables } from './name-syllable-tails.ts';
import { withCapitalSurnameBefore, withFieldSurnames, withPluralSurnames } from './name-surnames-after.ts';
import { withoutMarkupNames } from './name-markup.ts';
import { withoutProductReleases } from './name-products.ts';
import { withoutFormLabels } from './name-form-labels.ts';

// A capitalised word, not glued to letters, digits, '@', '#', '/', '.', or an apostrophe that
// makes it a contraction ("Don't", "Will've"; a possessive "Grace's" is fine).
// "@Grace" (a mention) counts; "x@Grace" (inside an address) does not. (The capital is looked for
// first: the look-behinds are then tried only before one.)
const CAPITALISED_WORD =
  /(?=\p{Lu})(?<![\p{L}\p{N}_#.\/\\'’-])(?<![\p{L}\p{N}_.+-]@)\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}\p{N}_@\/\\]|[-.]\p{L}|['’](?!s\b)\p{L})/gu;
/** {@link CAPITALISED_WORD} tried at one offset, by {@link capitalisedWords}. */
const CAPITALISED_WORD_AT = new RegExp(CAPITALISED_WORD.source, 'uy');
/** ASCII characters that {@link CAPITALISED_WORD} must not follow (its first look-behind). */
const GLUED_BEFORE_CAPITAL = new Uint8Array(128).map((_, c) => (/[\p{L}\p{N}_#.\/\\'’-]/u.test(String.fromCharCode(c)) ? 1 : 0));
/** Capital letters of the Basic Multilingual Plane outside ASCII, told as met: 1 a capital, 2 not. */
const CAPITAL_CLASS = new Uint8Array(0x10000);
const CAPITAL = /\p{Lu}/u;

/**
 * The matches of {@link CAPITALISED_WORD} in `text`, as `execAll` gives them, at a half of its
 * time: the pattern is tried only at a capital letter that follows no letter, digit or the like
 * and, in ASCII, comes before a lower-case letter; elsewhere it cannot start. (A scan of the text
 * for its leading look-ahead of a Unicode class costs more than these tests.)
 */
function capitalisedWords(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c < 65 || c > 90) continue;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      // (Never where a match starts: a lone low surrogate is no letter, and one after a high surrogate is half of it.)
      continue;
    } else if (c < 0xd800 || c > 0xdbff) {
      let k = CAPITAL_CLASS[c] ?? 0;
      if (k === 0) {
        k = CAPITAL.test(String.fromCharCode(c)) ? 1 : 2;
        CAPITAL_CLASS[c] = k;
      }
      if (k !== 1) continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (prev < 0x80 && GLUED_BEFORE_CAPITAL[prev] === 1) continue;
    const next = text.charCodeAt(i + 1);
    if (c < 0xd800 && next < 0x80 && (next < 97 || next > 122)) continue;
    CAPITALISED_WORD_AT.lastIndex = i;
    const m = CAPITALISED_WORD_AT.exec(text);
    if (m === null) continue;
    out.push(m);
    i += m[0].length - 1;
  }
  CAPITALISED_WORD_AT.lastIndex = 0;
  return out;
}
// The next token of a name: a middle initial, then a surname with optional particle and
// Mc/Mac/O' prefix. Single spaces only: a line break ends the name.
const MIDDLE_INITIAL = /^ \p{Lu}\.(?= \p{Lu})/u;
const SURNAME =
  /^ ((?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]a|[Dd]el|[Dd]ella|[Dd]i|[Dd]u|[Ll]e|[Ll]a|bin|[Aa]l|ten|ter)[ -](?:der |den )?)?(?:Mc|Mac|O['’]|D['’])?(\p{Lu}\p{Ll}+)(?:[-'’]\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}_@\/\\]|[-.]\p{L}|['’](?!s\b)\p{L})/u;

const CONTEXT_WINDOW = 60;
const TITLE_BEFORE =
  /(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame|Miss|Mme|Mlle|Herr|Frau|Doctor|Professor|Judge|Rev|Capt|Sgt|Col|Gen|Lt)\.?)[ \t]+(?:(?:van|von|de|da|del|der|den|di|du|le|la|al|bin|ten|ter)[ \t]+){0,2}$/;
const GREETING_BEFORE =
  /(?:^|[\n.!?;:(,]|\s)[ \t]*(?:(?:hi|hello|hey) there|hi|hello|hey|heya|hiya|dear|howdy|yo|morning|good (?:morning|afternoon|evening)|thanks|thank you|thx|ty|cheers|congrats|congratulations|welcome|welcome back|sorry|bye|cc|ping|kudos to|shout-?out to|thanks to|props to|best|regards|best regards|kind regards|warm regards|many thanks|sincerely|yours|love)[,!:]?[ \t]+$/i;
const VALEDICTION_LINE =
  /(?:thanks|thank you|thx|cheers|regards|best|best wishes|all the best|sincerely|yours(?: truly| sincerely)?|talk soon|take care|love|warmly|cordially|many thanks|speak soon|br)[,.!]?[ \t]*$/i;
const DASH_BEFORE = /(?:^|\n)[ \t]*(?:--|—|–|-|~)[ \t]*$/;
// A header line ("From: …", "Assignee: …") up to the name, with nothing between but other
// names, addresses in <…> and commas: no sentence punctuation.
const HEADER_BEFORE =
  /(?:^|\n|[>\]:.!?][ \t])[ \t]*(?:From|To|Cc|CC|Bcc|Reply-To|Attendees|Participants|Assignee|Assigned to|Reporter|Owner|Author|Reviewer|Reviewers|Approver|Organi[sz]er|Host|Contact|Name|Full name|Signed|Requester|Submitted by|Created by|Requested by|Customer|Employee|Candidate|Patient|Manager)[ \t]*:(?:[^\n.!?<]|<[^>\n]*>)*$/;
/** Chat speaker: "[10:32] Grace: …" or "Grace: …" at the start of a line. */
const SPEAKER_BEFORE = /(?:^|\n)[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*)?$/;
const SPEAKER_AFTER = /^:[ \t]+\S/;
/** Another name in the same list: "cc Kendra and Sky", "Grace, Mark and Will". */
const LIST_JOINER = /^(?:,[ \t]*|,?[ \t]+(?:and|or|&)[ \t]+)$/;
const NEXT_WORD = /^ (\p{Lu}\p{Ll}+)\b/u;
const LIST_NEXT = /^(?:,[ \t]*|,?[ \t]+(?:and|or|&)[ \t]+)(\p{Lu}\p{Ll}+)\b/u;
/** Surname particles between a title and the surname ("Dr van der Berg"). */
const TITLE_PARTICLES_BEFORE = /(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame|Miss)\.?[ \t]+)((?:(?:van|von|de|da|del|der|den|di|du|le|la|al|bin|ten|ter)[ \t]+){1,2})$/;
const VERB_AFTER =
  /^(?:[ \t]+\([^)\n]{0,40}\))?[ \t]*(?:<[^>\n]{1,80}>[ \t]*)?(?:wrote|writes|said|says|replied|asked|mentioned|commented|suggested|agreed|approved|reviewed|pinged|confirmed|reported|noted|thinks|thought|joined|has joined|left|is out|is OOO|is on leave|will review|signed off|merged|pushed|committed|shipped)\b/;
const VOCATIVE_AFTER =
  /^,[ \t]+(?:can|could|would|will|do|did|are|is|please|any|what|when|where|how|thanks|thank|sorry|fyi|quick|just|have|let)\b/i;
/** Cheap pre-check for "First Last wrote:" with a first name outside the lists. */
const VERB_AFTER_HINT = /^ \p{Lu}[\p{L}'’-]+(?: \p{Lu}\.)?(?: \p{Lu}[\p{L}'’-]+){0,2}[ \t]*(?:<[^>\n]{1,80}>[ \t]*)?(?:wrote|writes|said|says|replied|asked|commented)\b/u;
/**
 * The last word of `before` when blanks end it, after at most a '.' and one of ",!:" — what
 * `/([A-Za-z]+)\.?[,!:]?[ \t]+$/` captures, read backwards from the end (a pattern anchored at the
 * end is tried from every offset before it).
 */
function lastWord(before: string): string | undefined {
  let i = before.length;
  while (i > 0 && (before.charCodeAt(i - 1) === 32 || before.charCodeAt(i - 1) === 9)) i--;
  if (i === before.length) return undefined;
  const mark = before.charCodeAt(i - 1);
  if (mark === 44 || mark === 33 || mark === 58) i--;
  if (before.charCodeAt(i - 1) === 46) i--;
  const end = i;
  while (i > 0 && isAsciiLetter(before.charCodeAt(i - 1))) i--;
  return i === end ? undefined : before.slice(i, end);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
/** Last words of TITLE_BEFORE and GREETING_BEFORE, to skip them cheaply. */
const TITLE_HINTS = new Set(
  'mr mrs ms mx dr prof sir dame miss mme mlle herr frau doctor professor judge rev capt sgt col gen lt van von de da del der den di du le la al bin ten ter'.split(' '),
);
const GREETING_HINTS = new Set(
  'hi hello hey heya hiya dear howdy yo morning afternoon evening thanks you thx ty cheers congrats congratulations welcome back sorry bye cc ping to best regards sincerely yours love there'.split(' '),
);
const IMPERATIVES = new Set(['Ask', 'Tell', 'Ping', 'Thank', 'Call', 'Email', 'Message', 'Invite', 'Remind', 'Contact', 'Let', 'Meet', 'Welcome', 'Loop', 'Text', 'Add', 'Include', 'Notify', 'Cc', 'Congratulate', 'Page', 'Pay']);
const PREVIOUS_WORD = /([\p{L}][\p{L}'’-]*)[ \t]+$/u;
const LINE_END_AFTER = /^[ \t]*(?:[,.!?:;)]*[ \t]*)?(?:\n|$)/;

interface Extension {
  end: number;
  /** The surname-like token, or undefined when the name stands alone. */
  surname: string | undefined;
}

/** Surname (and middle initial or middle name) after a first name ending at `end`. */
function extendName(text: string, end: number): Extension {
  let at = end;
  let surname: string | undefined;
  for (let k = 0; k < 2; k++) {
    const rest = text.slice(at, at + 48);
    const initial = MIDDLE_INITIAL.exec(rest);
    const from = initial === null ? 0 : initial[0].length;
    const m = SURNAME.exec(rest.slice(from));
    const token = m?.[2];
    if (m === null || token === undefined || NOT_A_SURNAME.has(token) || PLACE_NOUNS.has(token)) break;
    at += from + m[0].length;
    surname = m[1];
    // A middle name (itself a given name) may be followed by the surname.
    if (!FIRST_NAME_SET.has(token) || HARD_WORD_NAMES.has(token)) break;
  }
  return { end: at, surname };
}

function isSentenceInitial(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0) {
    const c = text[i] ?? '';
    // A chat prefix "[10:32] <user7> " counts as the start of the line.
    if (c === ']' || c === '>') {
      const from = Math.max(0, i - 40);
      const rel = text.slice(from, i).lastIndexOf(c === ']' ? '[' : '<');
      if (rel !== -1 && !text.slice(from + rel, i).includes('\n')) {
        i = from + rel - 1;
        continue;
      }
    }
    if (c === ' ' || c === '\t' || c === '"' || c === '“' || c === '(' || c === '*' || c === '>' || c === '•' || c === '_') {
      i--;
      continue;
    }
    if (c === '-' && (i === 0 || text[i - 1] === '\n' || text[i - 1] === ' ')) {
      i--;
      continue;
    }
    return c === '\n' || c === '.' || c === '!' || c === '?' || c === ':' || c === '\r';
  }
  return true;
}

/**
 * True when the previous word is capitalised and is not itself a given name or an
 * imperative that heads a sentence and takes a person ("Ask Iris", "Ping Will").
 */
function afterCapitalisedWord(text: string, start: number): boolean {
  const m = PREVIOUS_WORD.exec(text.slice(Math.max(0, start - 32), start));
  const prev = m?.[1];
  return (
    prev !== undefined &&
    /^\p{Lu}/u.test(prev) &&
    !FIRST_NAME_SET.has(prev) &&
    !NOT_A_SURNAME.has(prev) &&
    !IMPERATIVES.has(prev)
  );
}

/** Looks no further than this for line breaks; a longer line is judged by this window. */
const MAX_LINE_SCAN = 400;

/** Headings are short: Title Case is judged on at most this many characters each side. */
const TITLE_CASE_SCAN = 120;

function lineBounds(text: string, at: number, scan = MAX_LINE_SCAN): [number, number] {
  const low = Math.max(0, at - scan);
  const high = Math.min(text.length, at + scan);
  let s = at;
  while (s > low && text.charCodeAt(s - 1) !== 10) s--;
  let e = at;
  while (e < high && text.charCodeAt(e) !== 10) e++;
  return [s, e];
}


/** Name alone on its line, right after a sign-off line ("Best,") or after a dash ("— Grace"). */
function isSignature(text: string, start: number, end: number): boolean {
  const [ls, le] = lineBounds(text, start);
  const before = text.slice(ls, start);
  const after = text.slice(end, le);
  if (!/^[ \t,.!]*$/.test(after)) return false;
  if (DASH_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return true;
  if (!/^[ \t]*$/.test(before) || ls === 0) return false;
  // The previous non-blank line.
  let pe = ls - 1;
  while (pe > 0 && ls - pe < MAX_LINE_SCAN && /\s/.test(text[pe - 1] ?? '')) pe--;
  const [ps] = lineBounds(text, pe);
  return VALEDICTION_LINE.test(text.slice(ps, pe));
}

/**
 * Context that makes a stoplisted word a name: a list it continues, a chat speaker slot,
 * "… wrote:", a vocative ("Mark, can you …"), a signature, or ", Grace." closing a sentence.
 */
function hasStrongContext(
  text: string,
  before: string,
  after: string,
  start: number,
  end: number,
  lastEnd: number,
  isHard: boolean,
): boolean {
  return (
    (lastEnd >= 0 && LIST_JOINER.test(text.slice(lastEnd, start))) ||
    startsList(after) ||
    (SPEAKER_AFTER.test(after) && SPEAKER_BEFORE.test(before) && (!isHard || /\][ \t]*$/.test(before))) ||
    VERB_AFTER.test(after) ||
    VOCATIVE_AFTER.test(after) ||
    isSignature(text, start, end) ||
    (/,[ \t]*$/.test(before) && /^[ \t]*[.!?](?:\s|$)/.test(after))
  );
}

/**
 * A word-name followed by an English word is a phrase ("Bill Payments", "Mark Complete") unless
 * that word is a known surname.
 */
function surnameNotPhrase(surname: string): boolean {
  const last = surname.slice(surname.lastIndexOf(' ') + 1);
  const lower = last.toLowerCase();
  return !ENGLISH_TIER.has(lower) || WORD_SURNAMES.has(last) || BUILD_SURNAME_SET.has(foldName(last));
}

/** "Rose, Lily and Daisy": followed by another given name in a list. */
function startsList(after: string): boolean {
  const next = LIST_NEXT.exec(after)?.[1];
  return next !== undefined && FIRST_NAME_SET.has(next) && !HARD_WORD_NAMES.has(next);
}

/** Whether the line around `at` is Title Case, kept in `byLine` by the line's start. */
function titleCaseAt(text: string, at: number, byLine: Map<number, boolean>): boolean {
  const [ls, le] = lineBounds(text, at, TITLE_CASE_SCAN);
  let v = byLine.get(ls);
  if (v === undefined) {
    v = isTitleCaseLine(text.slice(ls, le));
    byLine.set(ls, v);
  }
  return v;
}

/** Names found by the lexicon and context rules alone (exported for the approach comparison). */
export function* findPersons(text: string): Generator<PiiSpan> {
  const titleCaseByLine = new Map<number, boolean>();
  let resumeAt = 0;
  // The last accepted name, for "cc Kendra and Sky".
  let lastEnd = -1;
  for (const m of capitalisedWords(text)) {
    const start = m.index;
    if (start < resumeAt) continue;
    const word = m[0];
    const wordEnd = start + word.length;
    const isGivenName =
      FIRST_NAME_SET.has(word) || (word.includes('-') && word.split('-').every((p) => FIRST_NAME_SET.has(p)));
    const before = text.slice(Math.max(0, start - CONTEXT_WINDOW), start);
    // The full context patterns run only when the word before could start one.
    const prevWord = lastWord(before)?.toLowerCase();
    const titled = prevWord !== undefined && TITLE_HINTS.has(prevWord) && TITLE_BEFORE.test(before);
    const greeted = prevWord !== undefined && GREETING_HINTS.has(prevWord) && GREETING_BEFORE.test(before);
    const headed = before.includes(':') && HEADER_BEFORE.test(before);
    if (!isGivenName && !titled && !greeted && !headed && !VERB_AFTER_HINT.test(text.slice(wordEnd, wordEnd + 64))) continue;

    const ext = extendName(text, wordEnd);
    const after = text.slice(ext.end, ext.end + CONTEXT_WINDOW);
    const isHard = HARD_WORD_NAMES.has(word);
    const isSoft = SOFT_WORD_NAMES.has(word);
    // "Hope Street", "Chase Bank": a place or an organisation, whatever the first word is.
    if (ext.surname === undefined && PLACE_NOUNS.has(NEXT_WORD.exec(after)?.[1] ?? '')) continue;

    let accept: boolean;
    if (isGivenName && !isHard && !isSoft) {
      accept = true;
    } else if (!isGivenName) {
      // A word outside the lists is a name only in a slot that holds nothing else: after a
      // title, greeted and then ending the phrase, or "First Last" in a header or "… wrote:".
      const plausible = !NOT_A_NAME.has(word) && !NOT_A_SURNAME.has(word);
      const uncommon = plausible && !COMMON_WORD_SET.has(word.toLowerCase());
      accept =
        (titled && plausible) ||
        (uncommon &&
          ((greeted && (LINE_END_AFTER.test(after) || /^[ \t]*[,!]/.test(after))) ||
            (ext.surname !== undefined && (headed || VERB_AFTER.test(after)))));
    } else {
      accept =
        titled ||
        greeted ||
        headed ||
        (ext.surname !== undefined &&
          !COMMON_WORD_SET.has(ext.surname.toLowerCase()) &&
          (!HARD_WORD_NAMES.has(ext.surname) || WORD_SURNAMES.has(ext.surname)) &&
          surnameNotPhrase(ext.surname)) ||
        hasStrongContext(text, before, after, start, ext.end, lastEnd, isHard);
      if (!accept && isSoft) {
        // Mid-sentence capitalisation marks a name unless the line is Title Case or the word
        // continues a capitalised phrase ("Round Robin", "Amazing Grace").
        const initial = isSentenceInitial(text, start);
        accept = !initial && (ext.surname !== undefined || (!titleCaseAt(text, start, titleCaseByLine) && !afterCapitalisedWord(text, start)));
      }
    }
    if (!accept) continue;
    resumeAt = ext.end;
    lastEnd = ext.end;
    const particles = titled ? TITLE_PARTICLES_BEFORE.exec(before) : null;
    yield { start: start - (particles?.[1]?.length ?? 0), end: ext.end };
  }
}

const GIVEN_BEFORE = /(?<![\p{L}\p{N}_@.\/-])(\p{Lu}\p{Ll}+) $/u;

/** Whether a space, after a letter outside ASCII or a lower-case one, comes before `at`: what {@link GIVEN_BEFORE} cannot match without. */
function mayFollowGiven(text: string, at: number): boolean {
  if (at < 3 || text.charCodeAt(at - 1) !== 32) return false;
  const c = text.charCodeAt(at - 2);
  return c > 0x7f || (c >= 97 && c <= 122);
}

/** Between two parts of one name: a single space, or nothing (overlap). */
const NAME_GAP = /^ ?$/;

/**
 * Names found by the context rules above and by the name tagger, merged: overlapping spans and
 * spans one space apart become one, so a name the rules found in part ("Grace" of "Grace
 * Okonkwo-Adeyemi") is removed whole.
 */
function onlyPlaces(text: string, s: PiiSpan): boolean {
  return (spanKinds(text, s) & ALL_PLACES) !== 0;
}

/** {@link spanKinds}: the span has words, and all of them are places; all products or places; more than one. */
const ALL_PLACES = 1;
const ALL_PRODUCTS_OR_PLACES = 2;
const SEVERAL_WORDS = 4;
const SPAN_KINDS = new Map<string, number>();

/**
 * What the words of a span are, by the span's text alone, kept per text: a guess is asked about
 * up to five times (kept or not, before and after it grows), and the same names come back.
 */
function spanKinds(text: string, s: PiiSpan): number {
  const key = text.slice(s.start, s.end);
  let kinds = SPAN_KINDS.get(key);
  if (kinds === undefined) {
    const words = wordsOf(text, s);
    kinds = 0;
    if (words.length > 0) {
      if (words.every((w) => (wordKind(w) & PLACE) !== 0)) kinds |= ALL_PLACES;
      if (words.every(isProductOrPlace)) kinds |= ALL_PRODUCTS_OR_PLACES;
      if (words.length > 1) kinds |= SEVERAL_WORDS;
    }
    if (SPAN_KINDS.size >= WORD_KINDS_LIMIT) SPAN_KINDS.clear();
    SPAN_KINDS.set(key, kinds);
  }
  return kinds;
}

/** The words of a span, split at blanks and commas. */
function wordsOf(text: string, s: PiiSpan): string[] {
  return text.slice(s.start, s.end).split(WORD_GAP).filter((w) => w !== '');
}
const WORD_GAP = /[\s,]+/;

const PLACE = 1;
const PRODUCT = 2;
/**
 * What the lists hold a word of a span for, without a possessive or closing punctuation: a place
 * ({@link PLACE}), a product ({@link PRODUCT}), both or neither. Kept per word as written: each
 * guess is asked about up to four times, and the same words come back across a text.
 */
const WORD_KINDS = new Map<string, number>();
const WORD_KINDS_LIMIT = 50_000;
const WORD_TAIL = /['’]s$|[.:;!?]+$/gu;

function isProductOrPlace(w: string): boolean {
  return wordKind(w) !== 0;
}

function wordKind(w: string): number {
  let kind = WORD_KINDS.get(w);
  if (kind === undefined) {
    const f = foldName(w.replace(WORD_TAIL, ''));
    kind = (PLACE_WORDS.has(f) ? PLACE : 0) | (PRODUCT_WORDS.has(f) ? PRODUCT : 0);
    if (WORD_KINDS.size >= WORD_KINDS_LIMIT) WORD_KINDS.clear();
    WORD_KINDS.set(w, kind);
  }
  return kind;
}

/** A header that names a person, right before a span: "Owner: Wellington Jones". */
const PERSON_LABEL_RIGHT_BEFORE =
  /(?:^|\n)[ \t]*(?:from|to|cc|attendees|assignee|reporter|owner|author|reviewer|approver|organi[sz]er|requester|employee|candidate|patient|manager|requested by|submitted by|created by|approved by)[ \t]*:?[ \t]+$/i;

/** A title right before a span: "Dr. Vega" is a person whatever else "Vega" names. */
const TITLE_RIGHT_BEFORE = /(?<![\p{L}])(?:mr|mrs|ms|mx|dr|prof|sir|dame|miss)\.?[ \t]+$/iu;

/**
 * A span of products, tools, companies and places only, with no title before it: "according to
 * Datadog", "waiting on vercel", "Zoom 2", "saw the alert in grafana". The price: a person whose
 * every name word is also a product's ("Tesla", "Vega" alone) is kept unless a title comes first.
 */
function onlyProductsOrPlaces(text: string, s: PiiSpan): boolean {
  const kinds = spanKinds(text, s);
  if ((kinds & ALL_PRODUCTS_OR_PLACES) === 0) return false;
  const before = text.slice(Math.max(0, s.start - 40), s.start);
  // After a person's header a name of two or more product words is a person's ("Owner: Wellington
  // Jones"); one word there is as often the sender of an alert ("From: Datadog").
  return !TITLE_RIGHT_BEFORE.test(before) && !((kinds & SEVERAL_WORDS) !== 0 && PERSON_LABEL_RIGHT_BEFORE.test(before));
}

/** A guess that is not products or places only, nor a cue word alone ("ping dependabot"), nor a cell's label, nor a place of several words ("Hong Kong"). */
function keptGuess(text: string, s: PiiSpan): boolean {
  return !onlyProductsOrPlaces(text, s) && !loneCue(text, s) && !cellLabel(text, s) && !isPlacePhrase(text, s);
}


/**
 * Every name guess, before those in lines of another language are cut to their names (see
 * `keepForeignNames`): the street scrubber reads a house number after a guess as a street
 * ("estoy en madero 1519"), whatever language the line is in.
 */
function findNameGuesses(text: string): { tokens: WordSequence; spans: PiiSpan[] } {
  const tokens = new WordSequence(text);
  // A span of place names only ("Our Mumbai and Warsaw teams") is no person.
  const spans = [...findPersons(text), ...findTaggedNames(text, tokens)].filter((s) => !onlyPlaces(text, s) && !onlyProductsOrPlaces(text, s));
  spans.push(...findNameSlots(text, spans), ...findHonorificNames(text), ...findForeignTitledNames(text));
  for (const s of spans) {
    // A word-name left standing right before a name found ("Bill Smith"): the name's first word.
    // (Looked for only after a space and a letter that may be lower case: most names have none.)
    if (!mayFollowGiven(text, s.start)) continue;
    const given = GIVEN_BEFORE.exec(text.slice(Math.max(0, s.start - 24), s.start))?.[1];
    if (given !== undefined && FIRST_NAME_SET.has(given) && !HARD_WORD_NAMES.has(given)) s.start -= given.length + 1;
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && (s.start <= last.end || NAME_GAP.test(text.slice(last.end, s.start)))) {
      last.end = Math.max(last.end, s.end);
    } else {
      out.push({ start: s.start, end: s.end });
    }
  }
  const whole = extendToWholeNames(tokens, out)
    .flatMap((s) => splitAtTabs(text, s))
    .flatMap((s) => trimmed(text, withoutLeadingCue(text, s)))
    .flatMap((s) => splitAtNonNameWords(text, s));
  // (Trimmed again: a guess grows to its neighbours, "serenity glover" to "tbh".)
  const grown = growToNameNeighbours(text, whole.filter((s) => keptGuess(text, s))).flatMap((s) => trimmed(text, s)).filter((s) => keptGuess(text, s));
  return { tokens, spans: withoutPasswordProse(text, grown) };
}

/** A guess cut at its tabs: a tab parts a row's cells, never a name's words ("TIRADO\tISABELA JARAMILLO\tSAO PAULO"). */
function splitAtTabs(text: string, s: PiiSpan): PiiSpan[] {
  const inner = text.slice(s.start, s.end);
  if (!inner.includes('\t')) return [s];
  const out: PiiSpan[] = [];
  let at = s.start;
  for (const cell of inner.split('\t')) {
    if (cell.trim() !== '') out.push({ start: at, end: at + cell.length });
    at += cell.length + 1;
  }
  return out;
}

function findAllPersons(text: string): PiiSpan[] {
  const { tokens, spans } = memoized('name-guesses', text, findNameGuesses);
  // Cut to its names, a guess may be products or a lone cue word now.
  const kept = keepForeignNames(text, tokens, spans).filter((s) => keptGuess(text, s) && !beforeCode(text, s));
  // A word-name standing before or after a kept name as its first word or its possessive ("Promise Omojola:").
  // Then a name of romanised syllables grown over a common English word where a name alone stands
  // ("nguyen van long <"), and names joined across their particles ("[Maria] das [Graças Souza]").
  const whole = withUnlistedSyllables(text, withSyllableNeighbours(text, findVietnameseMiddleNames(text, withSpacedPossessive(text, withGivenWordBefore(text, kept)))));
  return withCapitalSurnameBefore(text, withFieldSurnames(text, withPluralSurnames(text, withNameParticles(text, withRomanisedPartners(text, whole)))));
}

/**
 * Cue words the tagger can take for the first word of the name after them, "Ping" being also a
 * given name: "ping Assunta Kling", "PING ELODY ABOUT …". Written in lower case, or in a line of
 * capitals, such a word is the cue; a capitalised one in mixed case may be the name ("Ping Wu").
 */
const CUE_WORD = '(ping|cc|ask|tell|invite|thank|thanks|hi|hey|yo|dear|remind|email|message|welcome|congrats)';
const LEADING_CUE = new RegExp(`^${CUE_WORD}[ \\t]+(?=\\S)`, 'i');
const LONE_CUE = new RegExp(`^${CUE_WORD}$`, 'i');

/**
 * A cue word alone, in lower case or in a line of capitals, before the rest of its sentence: the
 * verb whose object was dropped as a product ("ping dependabot, …").
 */
function loneCue(text: string, s: PiiSpan): boolean {
  const word = text.slice(s.start, s.end);
  if (!LONE_CUE.test(word)) return false;
  const line = text.slice(text.lastIndexOf('\n', s.start - 1) + 1, s.end + 80);
  return (word === word.toLowerCase() || line === line.toUpperCase()) && /^[ \t]+\S/.test(text.slice(s.end, s.end + 3));
}

function withoutLeadingCue(text: string, s: PiiSpan): PiiSpan {
  const m = LEADING_CUE.exec(text.slice(s.start, s.end));
  const word = m?.[1];
  if (m === null || word === undefined) return s;
  const capitals = word === word.toUpperCase() && text.slice(s.start, s.end) === text.slice(s.start, s.end).toUpperCase();
  if (word !== word.toLowerCase() && !capitals) return s;
  return { start: s.start + m[0].length, end: s.end };
}

/**
 * The names found in `text`, found once per scrub: the street scrubber, which runs before this one
 * on the same text, asks for them (a house number after a name guess makes a street).
 */
export function personSpansOf(text: string): readonly PiiSpan[] {
  return memoized('person', text, findAllPersons);
}

/** Every name guess in `text`, in lines of other languages too (see `findNameGuesses`). */
export function nameGuessesOf(text: string): readonly PiiSpan[] {
  return memoized('name-guesses', text, findNameGuesses).spans;
}

// (No name is taken in a page's markup, nor a product before its release's number, nor a form's label: see name-markup.ts, name-products.ts, name-form-labels.ts.)
export const personScrubber: Scrubber = { type: 'PERSON', priority: 80, find: (text) => withoutFormLabels(text, withoutProductReleases(text, withoutMarkupNames(text, personSpansOf(text)))).map((s) => ({ ...s })) };
