import { CHAT_WORDS, ENGLISH_TIER, JARGON_WORDS, PLACE_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { BEFORE_NAME_NOT_NAME, NEVER_JOINS, NEVER_JOINS_AFTER } from './name-extension.ts';
import { BUILD_GIVEN_SET, BUILD_SURNAME_SET, FIRST_NAME_SET, foldName } from './name-lexicon.ts';
import { AFTER_SURNAME, inRegime, neverBeside, regimeOf } from './name-words.ts';
import { romanisedWords } from './name-syllables.ts';
import type { PiiSpan } from './types.ts';

// Portuguese and Spanish surnames in "-s" that are also English plurals or verbs (issue 13: a name
// is removed whole): "Joao Vitor Sales", "Ana Prates", "Rui Goes". The rules that grow a name
// leave an English word in "-s" after it standing, since after a place or a team's name it is
// what the name stands for ("warsaw teams", "hanoi hubs"). After given names only — a name
// without its surname yet — and where a surname ends (a close, or a word that follows a name:
// "to", "and", "will", "joined"), such a word is the surname.

/** The word right after a name: one space, then letters ending in "s". */
const PLURAL_AFTER = /^ ([\p{L}\p{M}]{3,}[sS])(?![\p{L}\p{M}\p{N}_@'’-])/u;
/** What ends a surname right after it: a line's or a field's end, a bracket, a comma, a point, a dash, an "&". */
const CLOSE_AFTER = /^(?:[ \t]*(?:$|\r?\n|[<>\/|()[\]{},;:!?"”&]|\.(?:\s|$))|\t| {2}| [-–—] )/u;
/** A field's end: the line's, a bracket, an address, a bar, a spaced dash, a tab, an "&". */
const FIELD_CLOSE = /^(?:[ \t]*(?:$|\r?\n|[<>|()[\]&])|\t| {2}| [-–—] )/u;
/** Auxiliaries and verbs of joining that follow a subject, never a verb in "-s". */
const AUXILIARIES = new Set('will would can could should shall may might must is was has had did joined left and'.split(' '));

/** A preposition, a copula, a greeting or a verb right before a name that is its object. */
const OBJECT_BEFORE = /(?:^|[^\p{L}])(?:by|with|to|for|from|of|about|at|is|was|welcome|thank|thanks|owe|gave|give|ask|tell|ping|cc|dengan|chào|chao|prezado|prezada|querido|querida|hola|olá|ola|hi|hey|dear)[ \t]+$/iu;

/** The word after that. */
const NEXT_WORD = /^ ([\p{L}]+)/u;

/** A word no list holds: no English word, given name or surname. */
function unlisted(w: string): boolean {
  const folded = foldName(w);
  return !ENGLISH_TIER.has(w.toLowerCase()) && !BUILD_SURNAME_SET.has(folded) && !BUILD_GIVEN_SET.has(folded);
}

function given(w: string): boolean {
  const folded = foldName(w);
  return (BUILD_GIVEN_SET.has(folded) || FIRST_NAME_SET.has(folded.charAt(0).toUpperCase() + folded.slice(1))) && !BUILD_SURNAME_SET.has(folded);
}

/**
 * Names of given names only grown over an English word in "-s" right after them where a surname
 * ends (see above). `spans` are sorted and do not overlap; so is the result.
 */
export function withPluralSurnames(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out = spans.map((s) => ({ ...s }));
  for (let k = 0; k < out.length; k++) {
    const s = out[k] as PiiSpan;
    const m = PLURAL_AFTER.exec(text.slice(s.end, s.end + 24));
    const w = m?.[1];
    if (m === null || w === undefined) continue;
    const end = s.end + m[0].length;
    if (end > (out[k + 1]?.start ?? text.length)) continue;
    const name = text.slice(s.start, s.end);
    const words = name.split(' ');
    const regime = regimeOf(name);
    // (The last word a given name a list holds, none a surname; a first word no list holds may be a given name too: "Joao".)
    // (Nor after a given name that is an English word too, which the name guess may be the word of: "behavior among humans", "see ping times".)
    const last = words[words.length - 1] ?? '';
    if (regime === undefined || words.length > 2 || !inRegime(w, regime) || !given(last) || ENGLISH_TIER.has(last.toLowerCase()) || !words.every((x) => given(x) || unlisted(x))) continue;
    const lower = w.toLowerCase();
    const tier = ENGLISH_TIER.get(lower);
    // (A word no list holds, or a rare one, the other rules take.)
    if (tier === undefined || tier > 2 || neverBeside(lower) || NEVER_JOINS.has(lower) || NEVER_JOINS_AFTER.has(lower) || AFTER_SURNAME.has(lower)) continue;
    const after = text.slice(end, end + 16);
    const next = NEXT_WORD.exec(after)?.[1]?.toLowerCase();
    // Capitalised in mixed case, the word is no verb ("Ana works"): any close or a word that
    // follows a name. In a line of one case only a field's close or an auxiliary, which no verb
    // in "-s" is followed by ("ana works." is a sentence, "ana sales <" and "ANA SALES WILL" a name).
    // After a preposition, a copula or a verb whose object the name is, no verb of the name's
    // follows either ("returned by joao vitor sales on monday", "the on-call today is rui goes.").
    const object = OBJECT_BEFORE.test(text.slice(Math.max(0, s.start - 16), s.start));
    const ends = regime === 'title' || object ? CLOSE_AFTER.test(after) || (next !== undefined && AFTER_SURNAME.has(next)) : FIELD_CLOSE.test(after) || (next !== undefined && AUXILIARIES.has(next));
    if (ends) s.end = end;
  }
  return out;
}

/** A capitalised word after a name, then a field's end: a tab, a bracket, a bar, an address, the line's end. */
const WORD_THEN_FIELD_END = /^ (\p{Lu}\p{Ll}{2,})(?=[ \t]*(?:\t|<|>|\||\r?\n|$))/u;

/**
 * Names in mixed case grown over a capitalised word right after them that ends a field alone
 * ("Kurnia Sari\tRama Adi", "<Indah Permata Sari> lgtm", "Signed-off-by: Joao Vitor Sales"):
 * in a field that a name fills, a capitalised word after it is its surname, whatever English
 * word it also is. (Not a word that stands beside a name as the sentence's, a role or a team.)
 */
export function withFieldSurnames(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out = spans.map((s) => ({ ...s }));
  for (let k = 0; k < out.length; k++) {
    const s = out[k] as PiiSpan;
    const m = WORD_THEN_FIELD_END.exec(text.slice(s.end, s.end + 24));
    const w = m?.[1];
    if (m === null || w === undefined) continue;
    const end = s.end + m[0].length;
    if (end > (out[k + 1]?.start ?? text.length)) continue;
    const name = text.slice(s.start, s.end);
    if (regimeOf(name) !== 'title' || name.split(' ').length > 2 || !FIELD_OPEN.test(text.slice(Math.max(0, s.start - 24), s.start))) continue;
    const lower = w.toLowerCase();
    if (neverBeside(lower) || NEVER_JOINS.has(lower) || NEVER_JOINS_AFTER.has(lower) || AFTER_SURNAME.has(lower) || BEFORE_NAME_NOT_NAME.has(lower) || TEAM_WORDS.has(lower)) continue;
    s.end = end;
  }
  return out;
}

/** What opens a field a name fills alone: a line's start, a tab, a bracket, a label's colon, a bar. */
const FIELD_OPEN = /(?:^|\n|\t|<|\(|\||:)[ \t]*$/u;
/** Teams and roles after a name in a table's row or a signature ("Ana Rossi\tFinance"). */
const TEAM_WORDS = new Set(
  `finance sales marketing engineering legal support product design ops operations security platform data research hr it
  admin accounting procurement backend frontend mobile infra infrastructure qa growth team lead manager director intern
  contractor consultant engineer designer developer analyst partner founder ceo cto cfo coo owner chair head staff`.split(/\s+/),
);

/** A word in capitals right before a name in mixed case, after a field's or a line's start ("NGUYEN Van Long", "Owner: GARCÍA Lucía"). */
const CAPITAL_WORD_BEFORE = /(?:^|\n|\t|<|\(|\||:|,|@)[ \t]*(\p{Lu}{2,}) $/u;

/**
 * Names in mixed case grown over a surname written in capitals right before them, the way
 * Vietnamese, Chinese, French and Spanish forms and lists put the family name first ("NGUYEN Van
 * Long (Mr)", "Owner: WANG Xiaoming"): a surname a list holds, or a word of romanised syllables in
 * capitals no English, jargon, product or place list holds (an acronym is neither: "CEO", "AOL").
 */
export function withCapitalSurnameBefore(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out = spans.map((s) => ({ ...s }));
  for (let k = 0; k < out.length; k++) {
    const s = out[k] as PiiSpan;
    if (s.start < 3 || text.charCodeAt(s.start - 1) !== 32) continue;
    const m = CAPITAL_WORD_BEFORE.exec(text.slice(Math.max(0, s.start - 24), s.start));
    const w = m?.[1];
    if (m === null || w === undefined || !/[AEIOUY\p{M}À-ÝĂÂÊÔƠƯ]/u.test(w.normalize('NFD'))) continue;
    const start = s.start - w.length - 1;
    if (start < (out[k - 1]?.end ?? 0) || regimeOf(text.slice(s.start, s.end)) !== 'title') continue;
    const lower = w.toLowerCase();
    const folded = foldName(w);
    const listedWord = ENGLISH_TIER.has(lower) || JARGON_WORDS.has(lower) || PRODUCT_WORDS.has(folded) || PLACE_WORDS.has(folded) || CHAT_WORDS.has(lower);
    // (And a family name's shape: a surname a list holds, or romanised syllables of three letters or more; an acronym has
    // neither: "AOL Time Warner", "UNESCO Libraries Portal", "UW Email Robot".)
    if ((listedWord && !BUILD_SURNAME_SET.has(folded)) || !(BUILD_SURNAME_SET.has(folded) || (w.length >= 3 && romanisedWords(w))) || neverBeside(lower) || TEAM_WORDS.has(lower)) continue;
    s.start = start;
  }
  return out;
}
