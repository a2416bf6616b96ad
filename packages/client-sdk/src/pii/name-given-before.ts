import { isListedName } from './name-lexicon.ts';
import { BEFORE_PERSON, PRAISE } from './name-words.ts';
import type { PiiSpan } from './types.ts';
import { isLatinLetter } from './text.ts';

// A given name that is also a word, left standing before a name found (issue 13): "Promise
// Omojola: sounds good", "Nombre: Blessing Uchechi", "<Bless Ninalowo> brb", "chị said Javurkova,
// …", "1:1 Ifeoma / blessing Acheampong". The tagger does not take "Promise", "Said" or "Soda"
// as a name's first word, since in a sentence each is a word as often ("my manager said Anna …").
// Standing where a sentence has no verb — at the start of a line or after a label, a list's
// separator, a greeting or a form of address — and with the name's case, before a name that ends
// where a name alone ends (the line, a comma, a bracket), the word is the name's.

/** Words after which a name is addressed or listed, in lower case (with a title's point). */
const ADDRESS_BEFORE = new Set(
  `sr. sra. srta. sr sra dña. dña don doña dr. dr mr. mr mrs. mrs ms. ms chị anh em cô bác mbak mas bu pak ibu bapak
  prezado prezada caro cara estimado estimada querido querida dear hi hello hola olá ola oi parabéns gracias obrigado
  obrigada merci danke grazie halo makasih`.split(/\s+/),
);

/**
 * Words that stand before a name alone as a cue, a greeting, a verb or a time, not as its first
 * word: "Ping Anna.", "Morning Anna!", "Kudos Anna!", "- Update Anna.", "Monday: Anna". (The cue
 * words of person.ts are stripped from a name's start there; this rule must not put them back.)
 * Any other word there is taken for the name's: "Promise", "Said", "Soda" and "Lot" are given
 * names the lists do not hold, being words.
 */
export const NEVER_GIVEN: ReadonlySet<string> = new Set(
  `ping cc bcc ask tell invite thank thanks thx ty tyvm hi hey hiya yo dear remind email mail message msg dm text welcome congrats
  congratulations kudos props shoutout shout meet call help cheers go love best regards sincerely hello hola bye goodbye see
  morning evening afternoon night gm gn good great nice cool sure sorry yes yeah yep no nope ok okay oh ah wow well please pls
  plz attn fyi re fw fwd via by from to with for of at by in on per and or nor but the a an sent signed update notify inform
  contact loop sync tag assign page paging brief onboard introduce interview hire pay ask asking cc'd tagging pinging calling
  thanking welcoming congratulating mentioning cc mention also and then so just only even still again here there this that
  today tomorrow yesterday tonight monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
  sat sun team all everyone folks guys name names will may can shall must let lets room olá ola oi halo hallo bonjour salut
  ciao hej merhaba selamat terima kasih makasih hormat namaste salam xin chào chao em anh chị chi cô co bác bac ông ong bà ba
  cháu mas mbak bu ibu pak bapak teşekkürler tesekkurler sağol lol lmao haha omg btw imo tbh ugh yay la las le les los el die
  der das den dem des de du pas il lo gli os as um uma un une ein eine het een beneficiary payee payer recipient owner
  assignee reporter reviewer approver author sender contact customer client candidate patient employee guest user member lead
  admin holder cardholder signer mentor mentee buddy host speaker presenter organizer organiser attendee requester engineer
  designer developer intern colleague coworker boss cto ceo cfo coo vp director manager pm sre qa support agent rep steps note
  notes`.split(/\s+/),
);

const enum Case {
  Lower,
  Upper,
  Title,
  Other,
}

function caseOf(w: string): Case {
  const lower = w.toLowerCase();
  const upper = w.toUpperCase();
  if (w === lower) return upper === lower ? Case.Other : Case.Lower;
  if (w === upper) return Case.Upper;
  return w.charAt(0) === upper.charAt(0) && w.slice(1) === lower.slice(1) ? Case.Title : Case.Other;
}

/** Characters after which a line's next word starts a name's entry: a label's colon, a list's separator, a bracket, a backtick. */
const ENTRY_BEFORE = new Set([...'\n\t:;/(<[]*-–—•`']);

const BULLETS = new Set([...'*-–—•']);

/** Characters at which a name alone ends: the line, a separator, a bracket, closing punctuation. */
const NAME_END = new Set([...'\n\r\t,.:;!?>)/]、，。`']);

/** After a blank, the characters that may follow a name alone: a bracket, a dash, a slash, a time or a seat. */
const AFTER_BLANK = new Set([...'(/-–—0123456789']);

/** Whether `w` may be a name's first word before a name alone: any word but those of {@link NEVER_GIVEN}, an address, a request's verb or praise. */
function mayBeGiven(w: string): boolean {
  const lower = w.toLowerCase();
  return lower.length >= 2 && !NEVER_GIVEN.has(lower) && !ADDRESS_BEFORE.has(lower) && !BEFORE_PERSON.has(lower) && !PRAISE.has(lower);
}

/** Whether a name alone may end at `end`: see {@link NAME_END}, {@link AFTER_BLANK}; emoji count too. */
function endsAlone(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const c = text.charAt(end);
  if (NAME_END.has(c) || text.charCodeAt(end) >= 0x2600) return true;
  if (c !== ' ') return false;
  const next = text.charAt(end + 1);
  return AFTER_BLANK.has(next) || next === '' || text.charCodeAt(end + 1) >= 0x2600;
}

/**
 * Characters after which a word in lower case starts a name's entry: a label's colon, a list's
 * separator, a chat handle's bracket. At a line's start or in brackets a word in lower case is as
 * often code or prose ("int sd;", "(digging bunkers etc)").
 */
const LOWER_ENTRY_BEFORE = new Set([...':/<–—']);

/**
 * Whether the text before `at` (a word's start) leaves the word at an entry's or an address's
 * start; for a word in lower case (`lower`), see {@link LOWER_ENTRY_BEFORE}.
 */
function entryStartBefore(text: string, at: number, lower: boolean): boolean {
  let j = at - 1;
  while (j >= 0 && text.charCodeAt(j) === 32) j--;
  if (j < 0) return !lower;
  const c = text.charAt(j);
  if (lower && ENTRY_BEFORE.has(c) && !LOWER_ENTRY_BEFORE.has(c)) return false;
  // (A dash or a star is a bullet only after a blank: "laki-laki" is one word.)
  if (ENTRY_BEFORE.has(c)) return !BULLETS.has(c) || j === 0 || /\s/.test(text.charAt(j - 1));
  const code = text.charCodeAt(j);
  // A time before the name: "09:00 Shade Okafor".
  if (code >= 48 && code <= 57) return j === at - 2 && /\d:\d\d$/.test(text.slice(Math.max(0, j - 4), j + 1));
  if (j === at - 1) return false;
  let k = j;
  if (c === '.') k--;
  while (k >= 0 && isLatinLetter(text.charCodeAt(k))) k--;
  if (k === j) return false;
  return ADDRESS_BEFORE.has(text.slice(k + 1, j + 1).toLowerCase());
}

/**
 * The spans with a given name that is also a word put back before them where it stands as a
 * name's first word (see the note at the top). Spans are sorted and do not overlap.
 */
export function withGivenWordBefore(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  let lastEnd = 0;
  for (const s of spans) {
    const grown = grownBack(text, s, lastEnd);
    out.push(grown);
    lastEnd = grown.end;
  }
  return out;
}

function grownBack(text: string, s: PiiSpan, lastEnd: number): PiiSpan {
  if (s.start < 3 || text.charCodeAt(s.start - 1) !== 32 || !isLatinLetter(text.charCodeAt(s.start - 2))) return s;
  let ws = s.start - 1;
  while (ws > 0 && isLatinLetter(text.charCodeAt(ws - 1))) ws--;
  if (ws < lastEnd + 1 && lastEnd > 0) return s;
  const word = text.slice(ws, s.start - 1);
  if (word.length > 20 || !isLatinLetter(word.charCodeAt(0))) return s;
  let firstEnd = s.start;
  while (firstEnd < s.end && isLatinLetter(text.charCodeAt(firstEnd))) firstEnd++;
  const wordCase = caseOf(word);
  if (wordCase === Case.Other || wordCase !== caseOf(text.slice(s.start, firstEnd))) return s;
  if (!mayBeGiven(word) || !endsAlone(text, s.end) || !entryStartBefore(text, ws, wordCase === Case.Lower)) return s;
  return { ...s, start: ws };
}

/** Words before "' s" that are no name's: "tell Anna it' s fine", "ask Anna what' s up". ("He" is a surname: "Anna he' s" wants a comma.) */
const NOT_BEFORE_POSSESSIVE = new Set(['it', 'that', 'what', 'there', 'here', 'who', 'where', 'when', 'how', 'she', 'this', 'one', 'everyone', 'nobody', 'somebody', 'someone', 'everything', 'nothing', 'something']);

/**
 * The spans with a name word put back after them before a possessive written with a blank:
 * "NHƯ QUỲNH HE' S BADGE", "Thu Ha' s laptop". (Found by the characters at the span's end:
 * most spans have none.)
 */
export function withSpacedPossessive(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  return spans.map((s) => {
    if (text.charCodeAt(s.end) !== 32) return s;
    let e = s.end + 1;
    while (e < text.length && isLatinLetter(text.charCodeAt(e))) e++;
    if (e === s.end + 1 || e - s.end > 16) return s;
    const mark = text.charAt(e);
    if ((mark !== "'" && mark !== '’') || text.charAt(e + 1) !== ' ' || (text.charAt(e + 2) !== 's' && text.charAt(e + 2) !== 'S')) return s;
    if (isLatinLetter(text.charCodeAt(e + 3))) return s;
    const word = text.slice(s.end + 1, e);
    let lastStart = s.end;
    while (lastStart > s.start && isLatinLetter(text.charCodeAt(lastStart - 1))) lastStart--;
    const wordCase = caseOf(word);
    if (wordCase === Case.Other || wordCase !== caseOf(text.slice(lastStart, s.end))) return s;
    if (!isListedName(word) && (NEVER_GIVEN.has(word.toLowerCase()) || NOT_BEFORE_POSSESSIVE.has(word.toLowerCase()))) return s;
    return { ...s, end: e };
  });
}
