import { ENGLISH_TIER } from './english-lexicon.ts';
import { BUILD_GIVEN_SET, BUILD_SURNAME_SET, foldName } from './name-lexicon.ts';
import type { PiiSpan } from './types.ts';

// Words a name guess takes that are no name's: a table cell's label before its colon, and chat's
// abbreviations after a name (person.ts trims and drops them before a guess grows).
/**
 * One word between a table's bar and a colon: a field's label ("| Mentee: Kofi Boateng |"), no
 * person; a chat's speaker ("Grace: hi") opens a line, not a cell.
 */
export function cellLabel(text: string, s: PiiSpan): boolean {
  if (text.charCodeAt(s.end) !== 58 || /\s/.test(text.slice(s.start, s.end))) return false;
  let i = s.start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i >= 0 && text.charCodeAt(i) === 124;
}

/** Chat's abbreviations and interjections, which end a sentence and are no name's last word ("thanks kenji lol"). */
const CHAT_WORDS = new Set('lol lmao rofl haha hahaha hehe btw tbh imo imho fyi pls plz omg idk afaik brb tmrw tmw tmrow'.split(' '));

/** A guess without the chat abbreviations that end it, when a word is left ("kenji lol" → "kenji"). */
export function withoutChatTail(text: string, s: PiiSpan): PiiSpan {
  const slice = text.slice(s.start, s.end);
  const sp = slice.lastIndexOf(' ');
  if (sp <= 0 || !CHAT_WORDS.has(slice.slice(sp + 1).toLowerCase())) return s;
  return withoutChatTail(text, { start: s.start, end: s.start + slice.slice(0, sp).trimEnd().length });
}

/** Time zones, which follow a time ("started: 02:17 utc") and are no name's first word. */
const TIME_ZONES = new Set('utc gmt cet cest eet eest wet west bst ist pst pdt mst mdt cst cdt est edt akst hst jst kst aest aedt sgt hkt msk'.split(' '));
/** Abbreviated job titles, which stand before a name and are no name's first word ("our cto emil boyle"). */
const ROLE_ABBREVIATIONS = new Set('ceo cto cfo coo cio ciso cmo cpo vp svp evp'.split(' '));
/** A time right before a word ("02:17 ", "9:45am "). */
const TIME_BEFORE = /\d:\d\d(?:[ap]m)?[ \t]+$/i;
/** A count right before a word: digits alone, not a time, a date or a version ("3 invoices", "30 min", "500 eur"). */
const TITLE_WORD = /^\p{Lu}\p{Ll}/u;
const COUNT_BEFORE = /(?:^|[\s(])\d+[ \t]+$/;

/**
 * A guess without the words that open it and are no name's: a time zone after a time ("02:17
 * utc louan stadelmann" → "louan stadelmann"), an abbreviated job title ("cto emil boyle"); and
 * none at all (undefined) when it follows a count: what follows digits alone is what they count
 * ("3 invoices totaling", "after 30 min.", "4 pax incl.", "over 500 eur.").
 */
export function withoutLeadingNonName(text: string, s: PiiSpan): PiiSpan | undefined {
  const before = text.slice(Math.max(0, s.start - 16), s.start);
  const slice = text.slice(s.start, s.end);
  // (In mixed case a capitalised word after digits may be a name: "Room 4 Kofi Mensah".)
  if (COUNT_BEFORE.test(before) && !TITLE_WORD.test(slice)) return undefined;
  const sp = slice.indexOf(' ');
  const first = (sp < 0 ? slice : slice.slice(0, sp)).toLowerCase();
  if (!(ROLE_ABBREVIATIONS.has(first) || (TIME_ZONES.has(first) && TIME_BEFORE.test(before)))) return s;
  if (sp < 0) return undefined;
  return withoutLeadingNonName(text, { start: s.start + sp + 1, end: s.end });
}

/** A guess without chat's words after it and the words before it that are no name's, as a list of none or one. */
export function trimmed(text: string, s: PiiSpan): PiiSpan[] {
  const t = withoutLeadingNonName(text, withoutTrailingWord(text, withoutChatTail(text, s)));
  return t === undefined ? [] : [t];
}

/** A verb's regular past that the English list holds, its stem too ("paired", "joined"; not "reed"). */
function pastOfWord(lower: string): boolean {
  if (!/[a-z]{2}ed$/.test(lower) || !ENGLISH_TIER.has(lower)) return false;
  const stem = lower.slice(0, -2);
  return (stem.length >= 3 && ENGLISH_TIER.has(stem)) || (stem.length >= 2 && ENGLISH_TIER.has(`${stem}e`));
}

/** What follows a verb or a noun after a name, never a name's next word: a preposition, "to" and a number. */
const AFTER_TRAILING_WORD = /^[ \t]+(?:on|in|at|to|for|with|from|into|onto|the|a|an|moved|is|was|starts|started)\b/i;

/**
 * A guess without its last word when that is an English word in a verb's past ("dewayne prohaska
 * paired on the parser rewrite"), "standup" or "admin" ("@geovanny greenfelder standup moved to
 * 9:45", "gave elody admin on the prod cluster") before a preposition, an article or a verb, in
 * text without case to tell a name by; not a word a name list holds ("Reed").
 */
function withoutTrailingWord(text: string, s: PiiSpan): PiiSpan {
  const slice = text.slice(s.start, s.end);
  const sp = slice.lastIndexOf(' ');
  if (sp <= 0) return s;
  const w = slice.slice(sp + 1);
  const lower = w.toLowerCase();
  if (w !== lower && w !== w.toUpperCase()) return s;
  if (!(pastOfWord(lower) || lower === 'admin' || lower === 'standup')) return s;
  if (!AFTER_TRAILING_WORD.test(text.slice(s.end, s.end + 12))) return s;
  const folded = foldName(w);
  if (BUILD_SURNAME_SET.has(folded) || BUILD_GIVEN_SET.has(folded)) return s;
  return { start: s.start, end: s.start + slice.slice(0, sp).trimEnd().length };
}
