import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import { isCountedWordOf, isForeignNameCue, isFunctionWordOf, lineLanguagesAt } from './foreign-lines.ts';
import { foldName } from './name-lexicon.ts';
import { oneSyllable, romanisedWords, syllabicName } from './name-syllables.ts';
import { SYLLABLE_FUNCTION_WORDS } from './name-syllable-shape.ts';
import { isTitleCaseLine } from './title-case.ts';
import { inRegime, regimeOf } from './name-words.ts';
import type { Regime } from './name-words.ts';
import type { PiiSpan } from './types.ts';

// Names of romanised syllables left in part (issue 13: a name is removed whole): a Chinese,
// Vietnamese or Korean name of four or five syllables is longer than the tagger's reach after a
// greeting ("xin chào minh tu an tuong [yue], …", "PREZADO NHU QUYNH AN KHANG [BI], …"), and in a
// line of another language a syllable no list holds is cut as that language's unknown word
// ("kabar dari le nhi [xu] sudah masuk"). The rules of name-syllable-words.ts take only the
// English words beside such a name; these take the syllables that no list holds, where the name
// ends after them (a comma, a bracket, the line's end, or a function word of the line's language)
// or a greeting opens it ("Xin chào [Ánh] Minh").

/** The longest word read as one more syllable. */
const MAX_SYLLABLE = 6;

/** A name that may be of romanised syllables, tried first, cheaply: up to four short words. */
const SYLLABLE_RUN = /^[\p{L}\p{M}]{1,8}(?: [\p{L}\p{M}]{1,8}){0,3}$/u;

/** The word right after a name, one space between, and no more of it (a point may end the sentence). */
const WORD_AFTER = /^ ([\p{L}\p{M}]{1,6})(?![\p{L}\p{M}\p{N}_@'’-]|\.\p{L})/u;
/** The word right before a name, one space between. */
const WORD_BEFORE = /(?<![\p{L}\p{M}\p{N}_@'’.-])([\p{L}\p{M}]{1,6}) $/u;
/** The word before that one, and what parts them (a greeting may take a comma: "xin chào, …" no). */
const CUE_BEFORE = /(?:^|[^\p{L}\p{M}])([\p{L}\p{M}]+) ([\p{L}\p{M}]+),?[ \t]+$|(?:^|[^\p{L}\p{M}])([\p{L}\p{M}]+),?[ \t]+$/u;

/** What closes a name: the line's end, a bracket, a comma, a slash, a stop before a space. */
const CLOSE_AFTER = /^[ \t]*(?:$|\r?\n|[,;:!?)\]>}|\/"”]|\.(?:\s|$))/u;
/** A word written capitalised: "To", not "to" nor "TO". */
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;

/** The next word, to ask whether it is a function word of the line's language. */
const NEXT_WORD = /^ ([\p{L}\p{M}]+)/u;

/**
 * Whether `w`, beside a name of romanised syllables in the line of the languages `langs`, is a
 * syllable no list holds: one syllable (with its marks or without), in the name's case, no English
 * or software word, no function word of the line's language nor a word that tells it ("anh",
 * "lại"), no greeting.
 */
function unlistedSyllable(w: string, regime: Regime, langs: readonly number[]): boolean {
  if (w.length > MAX_SYLLABLE || !inRegime(w, regime)) return false;
  const lower = w.toLowerCase();
  const folded = foldName(lower);
  if (ENGLISH_TIER.has(lower) || JARGON_WORDS.has(lower) || !oneSyllable(folded.replace(/đ/g, 'd'))) return false;
  if (isForeignNameCue(folded)) return false;
  return langs.length === 0 || !(isFunctionWordOf(w, langs) || isCountedWordOf(w, langs));
}

/** Whether a name ends at `end`: a close, or a function word of the line's language after it ("… sudah masuk"). */
function endsAt(text: string, end: number, langs: readonly number[]): boolean {
  const after = text.slice(end, end + 24);
  if (CLOSE_AFTER.test(after)) return true;
  const next = NEXT_WORD.exec(after)?.[1];
  return langs.length > 0 && next !== undefined && isFunctionWordOf(next, langs);
}

/**
 * Whether `w`, starting at `start` right before the name `name` of two or more romanised
 * syllables in title case, is "To", "He" or "An" written capitalised in a line of mixed case:
 * the name's first word (Tô, 何, Ân), where English writes its preposition, pronoun and article
 * small, or at a sentence's start before a verb, never before a name ("- To Minh Yiu (Finance)",
 * "To Minh Chow said"). Not in a line of title case ("Welcome To Hoi An") nor after a capitalised
 * word.
 */
function capitalisedFieldWord(text: string, start: number, w: string, name: string, regime: Regime): boolean {
  if (regime !== 'title' || !SYLLABLE_FUNCTION_WORDS.has(w.toLowerCase()) || !CAPITALISED.test(w)) return false;
  if (!name.includes(' ') || !romanisedWords(name) || !syllabicName(name)) return false;
  const before = text.slice(Math.max(0, start - 24), start);
  if (/\p{Lu}[\p{L}\p{M}]*[ \t]+$/u.test(before)) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', start);
  return !isTitleCaseLine(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd));
}

/** Whether a greeting or form of address stands right before `start` ("xin chào ", "bom dia, ", "OI "). */
function greetedAt(text: string, start: number): boolean {
  const cue = CUE_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  const [cueWord, before] = cue?.[3] !== undefined ? [cue[3], undefined] : [cue?.[2], cue?.[1]];
  return cueWord !== undefined && isForeignNameCue(foldName(cueWord), before === undefined ? undefined : foldName(before), cueWord);
}

/** One romanised syllable in the name's case, no English word ("tu", "da", "lo"). */
function romanSyllable(w: string, regime: Regime): boolean {
  const lower = w.toLowerCase();
  return w.length <= MAX_SYLLABLE && inRegime(w, regime) && !ENGLISH_TIER.has(lower) && oneSyllable(foldName(lower).replace(/đ/g, 'd')) && !isForeignNameCue(foldName(lower));
}

/**
 * Names of romanised syllables grown over the syllables beside them that no list holds: up to two
 * after the name where it ends, one before it right after a greeting. `spans` are sorted and do
 * not overlap; so is the result.
 */
export function withUnlistedSyllables(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out = spans.map((s) => ({ ...s }));
  for (let k = 0; k < out.length; k++) {
    const s = out[k] as PiiSpan;
    const name = text.slice(s.start, s.end);
    if (name.length > 40 || !SYLLABLE_RUN.test(name) || !syllabicName(name)) continue;
    const regime = regimeOf(name);
    if (regime === undefined) continue;
    const langs = lineLanguagesAt(text, s.start);
    const nextStart = out[k + 1]?.start ?? text.length;
    // After: one or two syllables, where the name ends.
    let end = s.end;
    let greeted: boolean | undefined;
    for (let n = 0; n < 2; n++) {
      const m = WORD_AFTER.exec(text.slice(end, end + 9));
      const w = m?.[1];
      if (m === null || w === undefined || end + m[0].length > nextStart) break;
      if (!unlistedSyllable(w, regime, langs)) {
        // After a greeting, a name runs to the comma or the stop that closes the address, over a
        // syllable that is a function word too ("OI ĐANG AN NGOC TU ZHUANG!", Portuguese "tu").
        if (langs.length > 0 && romanSyllable(w, regime) && (greeted ??= greetedAt(text, s.start))) {
          end += m[0].length;
          if (CLOSE_AFTER.test(text.slice(end, end + 4))) s.end = end;
          continue;
        }
        // "He", "To" or "An" (何, Tố, Ân) before a function word of the line's other language: no
        // English pronoun, preposition or article stands there ("YUMING HE VẪN NGHỈ").
        const next = NEXT_WORD.exec(text.slice(end + m[0].length, end + m[0].length + 24))?.[1];
        if (langs.length > 0 && SYLLABLE_FUNCTION_WORDS.has(w.toLowerCase()) && inRegime(w, regime) && next !== undefined && isFunctionWordOf(next, langs)) s.end = end + m[0].length;
        break;
      }
      end += m[0].length;
      if (endsAt(text, end, langs)) s.end = end;
    }
    // Before: one syllable right after a greeting ("xin chào", "hola", "kính gửi").
    const prevEnd = k > 0 ? (out[k - 1] as PiiSpan).end : 0;
    const b = WORD_BEFORE.exec(text.slice(Math.max(0, s.start - 9), s.start));
    const w = b?.[1];
    if (b === null || w === undefined) continue;
    const start = s.start - b[0].length;
    if (start < prevEnd) continue;
    if (capitalisedFieldWord(text, start, w, name, regime)) {
      s.start = start;
      continue;
    }
    if (unlistedSyllable(w, regime, langs) && greetedAt(text, start)) s.start = start;
  }
  return out;
}
