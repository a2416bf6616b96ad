import { ENGLISH_TIER, JARGON_WORDS, PLACE_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { foldName } from './name-lexicon.ts';
import { afterNonLetter, execAll } from './text.ts';
import { CALENDAR_WORD, finiteVerb } from './name-words.ts';
import type { PiiSpan } from './types.ts';

/**
 * Slots that only a person fills, whatever the words in them: the line under a sign-off
 * ("Best regards,\nCHARVI"), the speaker of a chat line ("[09:14] iirat: deploying…"), and the
 * other half of "X and <a name found>". The tagger weighs each word by what it is; here the place
 * decides, so a name the tagger has never seen, or one that is also an English word ("Cheers,\n
 * Coy", "[09:14] loyal grimes:"), is still found.
 */

/** A sign-off line: the last line before a signature. */
const VALEDICTION =
  /(?:^|\n)[ \t]*(?:thanks|thank you|many thanks|thx|cheers|regards|best|best regards|kind regards|warm regards|best wishes|all the best|sincerely|yours(?: truly| sincerely)?|talk soon|speak soon|take care|warmly|cordially|br)[ \t]*[,.!]?[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*([\p{L}][\p{L}\p{M}'’.-]*(?:[ \t]+[\p{L}][\p{L}\p{M}'’.-]*){0,2})[ \t]*[.,!]?[ \t]*(?=\r?\n|$)/dgiu;
/** "[09:14] iirat: …", "[2026-11-30 09:14] Quieta Ros: …". */
const CHAT_SPEAKER = /(?:^|\n)[ \t]*\[[0-9:.\- T]{4,24}\][ \t]*([\p{L}][\p{L}\p{M}'’.-]*(?:[ \t]+[\p{L}][\p{L}\p{M}'’.-]*){0,2}):[ \t]/dgu;
/** Words that sign a message or speak in a chat without being a person. */
const NOT_A_SIGNER = new Set(
  `team all everyone folks the a an and of support hr it management admin admins bot system notice note update updates fyi
  reminder alert alerts error warning info debug status todo edit channel here there me you us we sent from my iphone android
  regards thanks best cheers office desk service services helpdesk ops devops security finance legal sales marketing`.split(/\s+/),
);

function signerWords(value: string): boolean {
  const words = value.split(/[ \t]+/);
  return words.every((w) => {
    const lower = w.toLowerCase().replace(/[.'’]+$/, '');
    return !NOT_A_SIGNER.has(lower) && !JARGON_WORDS.has(lower) && !PLACE_WORDS.has(lower);
  });
}

/**
 * The value of a header that names a person ("Owner: vương triều chai (platform)", "employee:
 * unique crooks, badge 4471", "Requested by như anh chai on 2026-11-30", "kind regards, coy
 * grimes"): up to four words to the end of the line or to a comma, bracket or " on ". The words
 * may be English words; the slot says what they are. A list header ("Attendees:", "Cc:") takes
 * each name of its comma-separated list.
 */
const PERSON_HEADER =
  /(?:^|\n)[ \t]*(?:(from|to|cc|bcc|attendees|participants|assignee|reporter|owner|author|reviewers?|approver|organi[sz]er|host|contact|full name|requester|customer|employee|candidate|patient|manager|signed)[ \t]*:|(requested by|submitted by|created by|approved by|assigned to|reported by|reviewed by)[ \t]*:?|(kind regards|best regards|warm regards|regards|sincerely|yours sincerely|yours truly),)[ \t]+/giu;
const HEADER_NAME = /([\p{L}][\p{L}\p{M}'’.-]*(?:[ \t]+[\p{L}][\p{L}\p{M}'’.-]*){0,3}?)[ \t]*(?=[,;(\n]|$|[ \t]+on[ \t]|[.!]?[ \t]*(?:\n|$))/uy;
const LIST_HEADERS = new Set(['to', 'cc', 'bcc', 'attendees', 'participants', 'reviewers']);
/** Header values that are no person. */
const NOT_A_HEADER_PERSON = new Set(`unassigned tbd tba none nobody n/a na me myself self anyone everyone all everybody you us we nil null
  unknown pending`.split(/\s+/));

/**
 * A header's value is a person unless a word of it is one no person's name has ("team",
 * "support") or every word is a product, software term or place ("Owner: Grafana").
 */
function headerWords(value: string): boolean {
  const words = value.split(/[ \t]+/).map((w) => w.toLowerCase().replace(/[.'’]+$/, ''));
  if (words.some((w) => NOT_A_SIGNER.has(w))) return false;
  return !words.every((w) => JARGON_WORDS.has(w) || PLACE_WORDS.has(foldName(w)) || PRODUCT_WORDS.has(foldName(w)));
}

function* headerNames(text: string): Generator<PiiSpan> {
  for (const m of execAll(PERSON_HEADER, text)) {
    let at = m.index + m[0].length;
    const list = LIST_HEADERS.has((m[1] ?? '').toLowerCase());
    for (let item = 0; item < (list ? 8 : 1); item++) {
      HEADER_NAME.lastIndex = at;
      const n = HEADER_NAME.exec(text);
      const value = n?.[1];
      if (n === null || value === undefined || value === '') break;
      const lower = value.toLowerCase();
      if (!NOT_A_HEADER_PERSON.has(lower) && headerWords(value) && !/\d|@/.test(value)) yield { start: at, end: at + value.length };
      const next = /^[ \t]*,[ \t]*(?:and[ \t]+)?/.exec(text.slice(at + n[0].length, at + n[0].length + 8));
      if (next === null) break;
      at += n[0].length + next[0].length;
    }
  }
}

/** "camylle and alysson smitham", "Katrin Swift and Aurelien": an unknown word beside a found name. */
const AND_NEXT = /^[ \t]+(?:and|&)[ \t]+([\p{L}][\p{L}\p{M}'’-]*)(?![\p{L}\p{M}'’-])/u;
const AND_BEFORE = /(?<![\p{L}\p{M}'’-])([\p{L}][\p{L}\p{M}'’-]*)[ \t]+(?:and|&)[ \t]+$/u;

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9;
}

/** Whether "and" or "&" and blanks end the text before `at`: what {@link AND_BEFORE} cannot match without. */
function andRightBefore(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isBlankCode(text.charCodeAt(i - 1))) i--;
  if (i === at) return false;
  return text.charCodeAt(i - 1) === 38 || (i >= 3 && text.startsWith('and', i - 3));
}

/**
 * Phrases that take a person: a title, or a workplace verb or preposition whose object is one
 * ("Dr. ABADALBAST", "shout-out to Chitraksh", "waiting on kléber to merge", "ACCORDING TO
 * YOUSSOUPH,"). An unknown word right after one is a name. Not after a letter or digit: found with
 * afterNonLetter.
 */
const TAKES_A_PERSON = afterNonLetter(new RegExp(
  '(?<![a-zA-Z\\d])(?:(?:mr|mrs|ms|mx|dr|prof|sir|dame)\\.?|shout-?out to|thanks to|kudos to|props to|waiting on|waiting for|according to|' +
    'escalated to|assigned to|reassigned to|handed (?:it )?over to|loop in|looped in|sync with|synced with|talked to|talk to|spoke (?:to|with)|' +
    'speak (?:to|with)|met with|meeting with|lunch with|call with|1:1 with|pairing with|invite|invited|ask|asked|ping|pinged|tell|told|remind|' +
    'reminded|thank|thanked|congratulate|welcome|cc|forward (?:this|it) to|forwarded (?:this|it) to|reach out to|reached out to|' +
    // Words whose object is a person more often than a product or a place ("everyone except …",
    // "we hired …"); not "from" or "with", after which a product no list holds stands as often.
    'except|without|hired|hire|nominated|heard back from)[ \\t]+' +
    '([\\p{L}][\\p{L}\\p{M}\'’-]*)(?=$|[ \\t,.;:!?)\'’])',
  'dgiu',
));

/** A word that no English, software, product or place list holds: a name beside a name. */
function unknownWord(word: string): boolean {
  // (The cheap tests first: most words asked about are short or English.)
  if (word.length < 3) return false;
  const lower = word.toLowerCase();
  // (A pronoun's contraction is no name: "I'm left with", "we'd", "they'll".)
  if (ENGLISH_TIER.has(lower) || CALENDAR_WORD.test(lower) || /['’](?:m|re|ve|ll|d)$/.test(lower)) return false;
  const folded = foldName(word);
  return !JARGON_WORDS.has(lower) && !PLACE_WORDS.has(folded) && !PRODUCT_WORDS.has(folded);
}

/**
 * A clause's subject: one or two words no list holds at the start of a sentence, right before a
 * verb that follows a subject ("providenci can approve expenses", "Ewald pushed a hotfix",
 * "kameron moen joined in march"). Mixed-case text capitalises a name there.
 */
const SUBJECT = /(?:^|[.!?][ \t]+|\n[ \t]*)([\p{L}][\p{L}\p{M}'’-]*)[ \t]+([\p{L}][\p{L}\p{M}'’-]*)(?:[ \t]+(\p{L}+))?(?![\p{L}\p{M}'’-])/gu;
const SUBJECT_VERB = /^(?:can|will|would|should|could|may|might|must|is|was|has|had|does|did|isn['’]t|wasn['’]t|hasn['’]t|can['’]t|won['’]t|didn['’]t|doesn['’]t)$/i;

// (Functions of their own, not closures made per text: a short text's scrub is a few dozen microseconds.)
function subjectVerb(w: string | undefined): boolean {
  return w !== undefined && (SUBJECT_VERB.test(w) || finiteVerb(w.toLowerCase()));
}

/** A word that may be a subject's name; in mixed-case text only a capitalised one. */
function subjectName(w: string | undefined, mixed: boolean): boolean {
  return w !== undefined && unknownWord(w) && (!mixed || /^\p{Lu}/u.test(w));
}

function* subjectNames(text: string): Generator<PiiSpan> {
  // (A lower-case ASCII letter tells that upper case changes the text, without an upper-case copy of it.)
  const mixed = /\p{Lu}/u.test(text) && /\p{Ll}/u.test(text) && (/[a-z]/.test(text) || text !== text.toUpperCase());
  for (const m of execAll(SUBJECT, text)) {
    // (Every word taken must be a name, the first always is: most sentences end here.)
    if (!subjectName(m[1], mixed)) continue;
    // One word then the verb, or two then the verb.
    const words = subjectVerb(m[2]) ? [m[1]] : subjectVerb(m[3]) ? [m[1], m[2]] : [];
    if (words.length === 0 || !words.every((w) => subjectName(w, mixed))) continue;
    const at = m.index + m[0].indexOf(m[1] ?? '');
    const value = words.join(' ');
    if (text.startsWith(value, at)) yield { start: at, end: at + value.length };
  }
}

export function* findNameSlots(text: string, found: readonly PiiSpan[]): Generator<PiiSpan> {
  yield* subjectNames(text);
  if (text.includes('\n')) {
    for (const m of execAll(VALEDICTION, text)) {
      const span = m.indices?.[1];
      if (span !== undefined && signerWords(m[1] ?? '')) yield { start: span[0], end: span[1] };
    }
  }
  if (text.includes('[')) {
    for (const m of execAll(CHAT_SPEAKER, text)) {
      const span = m.indices?.[1];
      if (span !== undefined && signerWords(m[1] ?? '')) yield { start: span[0], end: span[1] };
    }
  }
  if (text.includes(':') || text.includes(',') || /\b(?:requested|submitted|created|approved|assigned|reported|reviewed)\b/i.test(text)) yield* headerNames(text);
  for (const m of execAll(TAKES_A_PERSON, text)) {
    const span = m.indices?.[1];
    const word = m[1] ?? '';
    if (span !== undefined && unknownWord(word.replace(/['’]s$/u, ''))) yield { start: span[0], end: span[0] + word.replace(/['’]s$/u, '').length };
  }
  for (const s of found) {
    // (Each pattern is tried only where a blank and "and" or "&" stand next to the name: most
    // names have neither, and AND_BEFORE, anchored at the end, is tried from every offset.)
    const after = isBlankCode(text.charCodeAt(s.end)) ? AND_NEXT.exec(text.slice(s.end, s.end + 48)) : null;
    const next = after?.[1];
    if (after !== null && next !== undefined && unknownWord(next)) {
      const start = s.end + after[0].length - next.length;
      yield { start, end: start + next.length };
    }
    const before = andRightBefore(text, s.start) ? AND_BEFORE.exec(text.slice(Math.max(0, s.start - 48), s.start)) : null;
    const prev = before?.[1];
    if (before !== null && prev !== undefined && unknownWord(prev)) {
      const start = s.start - before[0].length;
      yield { start, end: start + prev.length };
    }
  }
}
