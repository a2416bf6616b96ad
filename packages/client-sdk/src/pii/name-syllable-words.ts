import { ENGLISH_TIER } from './english-lexicon.ts';
import { BEFORE_NAME_NOT_NAME, BEFORE_NAME_SLOT, IMPERATIVE_VERBS, NEVER_IN_NAME_SLOT, NEVER_JOINS, NEVER_JOINS_AFTER, SENTENCE_ADVERBS } from './name-extension.ts';
import { foldName } from './name-lexicon.ts';
import { oneSyllable, romanisedWords, syllabicName } from './name-syllables.ts';
import { SYLLABLE_FUNCTION_WORDS } from './name-syllable-shape.ts';
import { AFTER_SURNAME, CALENDAR_WORD, finiteVerb, inRegime, neverBeside, regimeOf } from './name-words.ts';
import { NEVER_GIVEN } from './name-given-before.ts';
import { isForeignNameCue } from './foreign-lines.ts';
import type { Regime } from './name-words.ts';
import type { PiiSpan } from './types.ts';

// Chinese, Vietnamese, Korean and Cantonese names whose word is one of the commonest English
// words (issue 13: a name is removed whole): "nguyen van long", "LE VAN HUNG", "pham minh son",
// "choi young", "yoon ji won", "CHAN TAI MAN", "Sun Li", "He Long", "Ma Jun". The rules that grow
// a name of romanised syllables (name-syllables.ts) take the rarer English words beside it
// ("ha", "pun", "chow") and leave the commonest (SCOWL size 10) standing, since English puts them
// beside a name as its own words. Where a name alone stands — at a line's or a field's start or
// end, before a bracket, a slash, a comma, a dash or a mail address, after a label, a mention or a
// list's separator, before a subject's verb — such a word is one more syllable of the name: no
// English word stands there. The Vietnamese middle name "Văn" written without its mark, "van",
// is read so too before one more syllable ("nguyen van long"), where a Dutch "van" would stand
// before a capitalised surname.

/**
 * Short English words that stand beside a name as the sentence's own even where a name alone
 * stands: pronouns, articles, adverbs that end a clause ("thanks Wei too!", "ping Li now"),
 * answers and interjections. ("he", "to" and "an", names' words too, have rules of their own:
 * name-function-words.ts.)
 */
const SENTENCE_WORDS = new Set(
  `a an the to at in on up of by it is be he we me she him her us my so no do go or if as too now then how who why yet not
  but all one two ten six out off yes hi oh ok ah eh uh um hm ha ho ye yo see saw got get let set put say dad mum mom
  day way new old big top bad sad mad yay wow aye nay lot bit few per via any each both far near here there this that what
  when where which while with from into onto over just only also even ever soon back down`.split(/\s+/),
);

/** What ends a name alone right after its last word: a line's or a field's end, a bracket, a slash, a comma, a dash, an address. */
const CLOSE_AFTER = /^(?:[ \t]*(?:$|\r?\n|[<>\/|()[\]{},;:!?"”]|\.(?:\s|$))|\t| {2}| [-–—] )/u;
/** A subject's verb or a word that follows a name as an object ("… hung will present", "ask … long about it"). */
const VERB_AFTER = /^ (?:will|would|can|could|should|shall|may|might|must|is|was|has|had|did|does|said|says|wrote|noted|asked|replied|joined|left|and|or|about|today|tomorrow|yesterday|regarding|re)\b/iu;
/**
 * What opens a name alone right before its first word: a bracket, a mention, a slash, a
 * separator, a person's label and its colon, a bullet, a tab, a calendar's "1:1", a word that
 * puts a person after it. (Not a line's start, where an imperative stands: "keep … in the loop";
 * nor any label: "Where: Room Hoa Sen".)
 */
const OPEN_BEFORE = /(?:[<(\[@\/|,;•*·\t]|\s[-–—]|1:1|\b(?:from|to|cc|bcc|attendees|assignee|reporter|owner|author|reviewer|approver|organi[sz]er|requester|by|present|speaker|host|contact|name|lead)[ \t]*:|\b(?:is|was|to|for|of|about|at|cc|with|and|from|by|ping|ask|tell|thanks|hi|hey|dear|met|meet))[ \t]*$/iu;

/** The word before the word before a name. */
const WORD_BEFORE_CUE = /(?:^|[^\p{L}\p{M}'’-])([\p{L}]+)\.?[ \t]+$/u;
/** Words a name follows as an object or a subject: titles, modals opening a question, "except", "w" (with). */
const CUES_BEFORE = new Set('mr mrs ms mx dr prof can could will would should did does except w cc'.split(' '));
/** A line's start. */
const LINE_START = /(?:^|\n)[ \t]*(?:[-*•]\s+)?$/u;
/** Imperatives of one syllable that open a line before a name ("keep … in the loop", "wait for …"). */
const ONE_SYLLABLE_IMPERATIVES = new Set('keep loop meet pay ping wait push put get let see hit tap bring tag poke thank'.split(' '));
/** A subject's verb after a name: an auxiliary or a modal, a verb's past or third person. */
const SUBJECT_VERB_AFTER = /^ (?:will|would|can|could|should|is|was|has|had|did|does|said|says|\p{L}+ed|\p{L}+s)\b/iu;

/** A field's start: after a label's colon, a bracket, a mention, a slash, a bullet or a tab (group 1), or a line's start. */
const FIELD_OPEN = /(?:([<(\[@\/|:•*·\t]|1:1)|^|\n)[ \t]*$/u;

/** A field's end: the line's, a bracket, a comma, a spaced dash, a tab. */
const FIELD_CLOSE = /^(?:[ \t]*(?:$|\r?\n|[<>()[\],;|])|\t| {2}| [-–—] )/u;

/**
 * Whether `w`, beside a name of romanised syllables and in its case, may be one more syllable of
 * it: one syllable, no word that stands beside a name as the sentence's (a link, a modal, an
 * adverb, a cue). Before a name, nor a role noun or a function word of another language ("son",
 * Spanish "are"), which after a name alone is the name's (Vietnamese Sơn).
 */
function syllableWord(w: string, regime: Regime, side: 'left' | 'right'): boolean {
  if (!inRegime(w, regime)) return false;
  const lower = w.toLowerCase();
  if (lower.length < 2 || lower.length > 5 || SENTENCE_WORDS.has(lower)) return false;
  if (!oneSyllable(foldName(lower).replace(/đ/g, 'd'))) return false;
  // (Only English words: a word no list holds is the other rules' to weigh, a word of another language among them.)
  if (!ENGLISH_TIER.has(lower) && !CALENDAR_WORD.test(lower)) return false;
  // (A gerund of one syllable is the sentence's: "how is … doing".)
  if (lower.endsWith('ing') && ENGLISH_TIER.has(lower.slice(0, -3))) return false;
  if (NEVER_JOINS.has(lower) || NEVER_JOINS_AFTER.has(lower) || NEVER_IN_NAME_SLOT.has(lower) || SENTENCE_ADVERBS.has(lower) || BEFORE_NAME_SLOT.has(lower)) return false;
  // (A day's name before a name is its first word where a name opens: "<Sun Li>", "by: Sun Li".)
  return side === 'right' || !(neverBeside(lower) || BEFORE_NAME_NOT_NAME.has(lower) || (NEVER_GIVEN.has(lower) && !CALENDAR_WORD.test(lower)) || isForeignNameCue(foldName(lower)));
}

/** The word right after `end` (one space between), and where it ends. */
function wordAt(text: string, end: number): { w: string; end: number } | undefined {
  const m = /^ ([\p{L}\p{M}]+)(?![\p{L}\p{M}\p{N}_@'’-])/u.exec(text.slice(end, end + 24));
  return m?.[1] === undefined ? undefined : { w: m[1], end: end + m[0].length };
}

/** The word right before `start` (one space between), and where it starts. */
function wordBeforeAt(text: string, start: number): { w: string; start: number } | undefined {
  const m = /(?<![\p{L}\p{M}\p{N}_'’.-])([\p{L}\p{M}]+) $/u.exec(text.slice(Math.max(0, start - 24), start));
  return m?.[1] === undefined ? undefined : { w: m[1], start: start - m[1].length - 1 };
}

/** Words of one or two syllables, up to four: a name that may be of romanised syllables (tried first, cheaply). */
const SYLLABLE_RUN = /^[\p{L}\p{M}]{1,8}(?: [\p{L}\p{M}]{1,8}){0,3}$/u;

/** A month's name before a day ("Jun 5"): a date's. */
function dated(text: string, w: { w: string; end: number }): boolean {
  return CALENDAR_WORD.test(w.w.toLowerCase()) && /^[ \t]*\d/.test(text.slice(w.end, w.end + 3));
}

/** A time of day after a name in a schedule ("NGOC AN SONG 10:30 – 11:00 STANDUP"). */
const TIME_AFTER = /^ \d{1,2}[:.]\d\d\b/;

/** Whether a name ends at `end`: a close, or a verb or word that follows a name there ("… will", "… about"). A digit after a month's name makes a date. */
function endsName(text: string, end: number, firm = false): boolean {
  const after = text.slice(end, end + 16);
  if (CLOSE_AFTER.test(after) || TIME_AFTER.test(after)) return true;
  // (After a verb's past, "won", an auxiliary still: "yoon ji won will present"; "won by", "won today" are the verb's.)
  if (firm) return AUXILIARY_AFTER.test(after);
  if (VERB_AFTER.test(after)) return true;
  // A word that follows a name ("… to", "… for", "… fixed"): a verb's past or a preposition.
  const next = NEXT_WORD.exec(after)?.[1]?.toLowerCase();
  return next !== undefined && (AFTER_SURNAME.has(next) || finiteVerb(next));
}

/** An auxiliary or a modal after a name: no verb's past is followed by one. */
const AUXILIARY_AFTER = /^ (?:will|would|can|could|should|shall|may|might|must|is|was|has|had|did|does)\b/iu;

/** The word after a name's last, lower-cased by the caller's regime. */
const NEXT_WORD = /^ (\p{Ll}+|\p{Lu}+)\b/u;

/**
 * Names of romanised syllables grown over the commonest English words beside them where a name
 * alone stands (see above). `spans` are sorted and do not overlap; so is the result.
 */
export function withSyllableNeighbours(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out = spans.map((s) => ({ ...s }));
  for (let k = 0; k < out.length; k++) {
    const s = out[k] as PiiSpan;
    const name = text.slice(s.start, s.end);
    if (name.length > 40 || !SYLLABLE_RUN.test(name)) continue;
    const syllabic = syllabicName(name);
    const regime = regimeOf(name);
    if (regime === undefined) continue;
    const nextStart = out[k + 1]?.start ?? text.length;
    const prevEnd = k > 0 ? (out[k - 1] as PiiSpan).end : 0;
    const end0 = s.end;
    // After: up to two words ("van long", "man kit"), the last where a name ends.
    const one = wordAt(text, s.end);
    if (one !== undefined && one.end <= nextStart && syllableWord(one.w, regime, 'right') && (syllabic || syllabicName(`${name} ${one.w}`))) {
      const two = wordAt(text, one.end);
      const vanThen = one.w.toLowerCase() === 'van' && two !== undefined && two.w.length >= 2 && inRegime(two.w, regime) && !SENTENCE_WORDS.has(two.w.toLowerCase()) && syllabicName(two.w);
      if (two !== undefined && two.end <= nextStart && (syllableWord(two.w, regime, 'right') || vanThen) && endsName(text, two.end) && !dated(text, two)) {
        s.end = two.end;
      } else if (one.w.toLowerCase() !== 'van' && endsName(text, one.end, finiteVerb(one.w.toLowerCase())) && !dated(text, one)) {
        s.end = one.end;
      }
    }
    // After: "He", "To" or "An" closing a field that the name alone fills ("* Kien Binh To — backend").
    const tail = wordAt(text, s.end);
    if (s.end === end0 && tail !== undefined && tail.end <= nextStart && SYLLABLE_FUNCTION_WORDS.has(tail.w.toLowerCase()) && inRegime(tail.w, regime) && romanisedWords(name) && FIELD_CLOSE.test(text.slice(tail.end, tail.end + 4))) {
      s.end = tail.end;
    }
    // Before: "He", "To" or "An" opening a field that the name alone fills ("From: He Long <…>",
    // "1:1 Kien / To Nhi"): no pronoun, preposition or article stands there.
    const lead = wordBeforeAt(text, s.start);
    if (lead !== undefined && lead.start >= prevEnd && SYLLABLE_FUNCTION_WORDS.has(lead.w.toLowerCase()) && inRegime(lead.w, regime) && romanisedWords(name)) {
      const opens = FIELD_OPEN.exec(text.slice(Math.max(0, lead.start - 12), lead.start));
      if (opens !== null && (opens[1] !== undefined ? endsName(text, s.end) : /^[ \t]*(?:$|\r?\n|<)/.test(text.slice(s.end, s.end + 4)))) {
        s.start = lead.start;
        continue;
      }
    }
    // Before: one word, where a name opens.
    const before = wordBeforeAt(text, s.start);
    if (before !== undefined && before.start >= prevEnd && before.w.toLowerCase() !== 'van' && syllableWord(before.w, regime, 'left') && (syllabic || syllabicName(`${before.w} ${name}`))) {
      const lead = text.slice(Math.max(0, before.start - 16), before.start);
      const cue = WORD_BEFORE_CUE.exec(lead)?.[1]?.toLowerCase();
      // At a line's start, where an imperative stands too ("keep … in the loop"), only as a subject: before its verb.
      const subject = LINE_START.test(lead) && !ONE_SYLLABLE_IMPERATIVES.has(before.w.toLowerCase()) && !IMPERATIVE_VERBS.has(before.w.toLowerCase()) && SUBJECT_VERB_AFTER.test(text.slice(s.end, s.end + 16));
      if (OPEN_BEFORE.test(lead) || (cue !== undefined && (BEFORE_NAME_SLOT.has(cue) || IMPERATIVE_VERBS.has(cue) || CUES_BEFORE.has(cue))) || subject) s.start = before.start;
    }
  }
  return out;
}

/** A list's separator after a name: a slash, "and", "&" (after a comma a greeting's question may follow: "olá …, tudo bem?"). */
const SEPARATOR_AFTER = /^(?: \/ | and | & )/iu;
/** Up to three words after a list's separator. */
const WORDS_AFTER = /^([\p{L}\p{M}]+)(?: ([\p{L}\p{M}]+))?(?: ([\p{L}\p{M}]+))?(?![\p{L}\p{M}\p{N}_@'’-])/u;

/**
 * The longest run of two or three romanised syllables at
 * `from`, in `regime`, that ends where a name ends: the second of two names in a list
 * ("1:1 pham minh son / sun li", "met with vu duc hai and ma jun today").
 */
function partnerAt(text: string, from: number, regime: Regime): PiiSpan | undefined {
  const m = WORDS_AFTER.exec(text.slice(from, from + 40));
  if (m === null) return undefined;
  const words = [m[1], m[2], m[3]].filter((w): w is string => w !== undefined);
  for (let n = words.length; n >= 2; n--) {
    const run = words.slice(0, n);
    const end = from + run.join(' ').length;
    if (!run.every((w) => syllableWord(w, regime, 'right') || (w.length >= 2 && inRegime(w, regime) && !SENTENCE_WORDS.has(w.toLowerCase()) && syllabicName(w)))) continue;
    // (Not before a label's colon: "LEAD: … / BACKUP: …".)
    if (!romanisedWords(run.join(' ')) || !endsName(text, end) || text.charAt(end) === ':') continue;
    return { start: from, end };
  }
  return undefined;
}

/**
 * The second of two names of romanised syllables in a list, when every word of it is also an
 * English word and nothing found it: after a name of such syllables and a slash, "and", "&" or a
 * comma, two or three syllables that end where a name ends. `spans` are sorted and do not
 * overlap; so is the result.
 */
export function withRomanisedPartners(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const added: PiiSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k] as PiiSpan;
    const name = text.slice(s.start, s.end);
    if (name.length > 40 || !SYLLABLE_RUN.test(name) || !romanisedWords(name)) continue;
    const regime = regimeOf(name);
    if (regime === undefined) continue;
    const sep = SEPARATOR_AFTER.exec(text.slice(s.end, s.end + 6));
    if (sep === null || !inRegime(sep[0].replace(/[^\p{L}]/gu, '') || 'x', regime === 'title' ? 'lower' : regime) && /\p{L}/u.test(sep[0])) continue;
    const from = s.end + sep[0].length;
    const next = spans[k + 1];
    if (next !== undefined && next.start < from + 40 && next.start <= from + 1) continue;
    const partner = partnerAt(text, from, regime);
    if (partner !== undefined && (next === undefined || partner.end <= next.start)) added.push(partner);
  }
  if (added.length === 0) return spans.slice();
  return [...spans, ...added].sort((a, b) => a.start - b.start);
}

/** Adjectives English puts before a van ("the new van"). */
const VAN_ADJECTIVES = new Set('new big old red hot top cheap tan black white blue green grey gray long small huge rented hired'.split(' '));

/**
 * "van" or "thi" (Văn, Thị) between two words: a Vietnamese name's middle, looked for only when the
 * text holds one. (Without the 'u' flag: the match needs spaces around the word, which `\b` reads
 * alike in both modes, and the pattern runs over every text five times faster.)
 */
const VIETNAMESE_MIDDLE_HINT = /\b(?:v[aă]n|th[iị])\b/i;
const VIETNAMESE_MIDDLE = /(?<![\p{L}\p{M}\p{N}_@.'’-])([\p{L}\p{M}]{1,7}) (v[aă]n|th[iị]) ([\p{L}\p{M}]{1,7})(?![\p{L}\p{M}\p{N}_@'’-])/giu;

/**
 * Vietnamese names with the middle name Văn or Thị whose every word is also an English word,
 * marks stripped ("do van tin", "LE VAN HUNG"): a syllable (the surname), "van" or "thi", and a
 * syllable, in one case. (English puts no "van" between such words.) A name found already that
 * stops at the surname or at "van" grows over the rest; other names found are left as they are.
 */
export function findVietnameseMiddleNames(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  if (!VIETNAMESE_MIDDLE_HINT.test(text)) return spans.slice();
  const added: PiiSpan[] = [];
  const grown = new Map<PiiSpan, number>();
  for (const m of text.matchAll(VIETNAMESE_MIDDLE)) {
    const [whole, surname, middle, given] = m;
    if (surname === undefined || middle === undefined || given === undefined) continue;
    const start = m.index;
    const end = start + whole.length;
    const found = spans.filter((s) => s.start < end && start < s.end);
    // A name found already that holds the surname and stops before the given name ("[Bui] Van An",
    // "[Nguyen Van] Do") grows to the whole name, whose given name may then be a word English
    // writes small, where a name ends after it.
    const anchor = found.length === 1 && found[0] !== undefined && found[0].start <= start && (found[0].end === start + surname.length || found[0].end === end - given.length - 1) ? found[0] : undefined;
    if (found.length > 0 && anchor === undefined) continue;
    const regime = regimeOf(whole);
    // (Written with its mark in lower case, "văn" is a Vietnamese sentence's word: "bằng văn bản", in writing.)
    if (regime === undefined || middle === 'văn' || middle === 'thị' || !inRegime(surname, regime) || !inRegime(middle, regime) || !inRegime(given, regime)) continue;
    const folded = foldName(surname).replace(/đ/g, 'd');
    if (anchor !== undefined) {
      if (oneSyllable(folded) && given.length >= 2 && oneSyllable(foldName(given).replace(/đ/g, 'd')) && endsName(text, end)) grown.set(anchor, end);
      continue;
    }
    // (Đỗ, written "do", is a surname here; an adjective or a determiner before a van is English's.)
    if (!oneSyllable(folded) || (folded !== 'do' && (SENTENCE_WORDS.has(folded) || VAN_ADJECTIVES.has(folded) || neverBeside(folded)))) continue;
    if (!(syllableWord(given, regime, 'right') || syllabicName(given))) continue;
    added.push({ start, end });
  }
  if (added.length === 0 && grown.size === 0) return spans.slice();
  return [...spans.map((s) => ({ start: s.start, end: grown.get(s) ?? s.end })), ...added].sort((a, b) => a.start - b.start);
}
