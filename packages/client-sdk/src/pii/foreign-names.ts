import { GERMAN_DETERMINERS, isCountedWordOf, hasLanguage, isForeignNameCue, isFunctionWordOf, lineLanguagesAt } from './foreign-lines.ts';
import { afterFormLabel } from './name-form-labels.ts';
import { oneSyllable } from './name-syllable-shape.ts';
import type { WordSequence, WordToken } from './name-features.ts';
import { NAME_PARTICLES } from './non-name-words.ts';
import type { PiiSpan } from './types.ts';

/**
 * A Spanish verb in the past of the third person ("firmó", "envió", "cerró"): in a line of another
 * language it ends the name before it ("dña. isabela solorzano firmó el contrato"). (Five letters
 * or more: a pinyin syllable with its tone mark is shorter, "Zhuó".)
 */
const SPANISH_PAST = /^\p{L}{4,}ó$/u;

/** How far into a name guess a greeting or form of address is looked for ("sehr geehrte frau"). */
const CUE_REACH = 3;

/**
 * Name guesses cut to the names in them where a line is in another language, the last step of the
 * person search: the tagger, the name's extension to its neighbours and the growth to whole names
 * all know English, and to them "dzień dobry saverio fumarola, przesyłam fakturę za marzec" is
 * two long names. Every line first loses the greeting or form of address that opens a guess
 * ("estimado", "dzień dobry", "sehr geehrte frau"): the name is what follows it. In a line of
 * another language (`isForeignLine`) a guess is then cut at that language's function words (a
 * particle between name words stays: "maria da silva"), and, where the line has no case to tell
 * names by, a piece is kept only when a name list holds one of its words or a greeting comes
 * right before it. The price, on the evaluation's lines in other languages: a name no list holds
 * and no greeting introduces ("ayer mahulena cerró el sprint") is not found.
 */
export function keepForeignNames(text: string, tokens: WordSequence, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const s of spans) {
    const words: Array<{ i: number; t: WordToken }> = [];
    for (let i = Math.max(0, tokens.indexAt(s.start)); i < tokens.length; i++) {
      const t = tokens.at(i);
      if (t === undefined || t.start >= s.end) break;
      if (t.end > s.start) words.push({ i, t });
    }
    if (words.length === 0) {
      out.push(s);
      continue;
    }
    // A greeting or form of address opening the guess ("sehr geehrte frau", "dzień dobry").
    let from = 0;
    while (from < words.length && from < CUE_REACH) {
      const t = words[from]?.t;
      // A given name that is also a form of address ("Don", "Cara") is the name's.
      if (t === undefined || (t.lex & 1) === 1 || !isForeignNameCue(t.folded, tokens.at((words[from]?.i ?? 0) - 1)?.folded, t.word)) break;
      from++;
    }
    const rest = words.slice(from);
    if (rest.length === 0) continue;
    const langs = lineLanguagesAt(text, s.start);
    if (langs.length === 0) {
      out.push(from === 0 ? s : { start: rest[0]?.t.start ?? s.start, end: s.end });
      continue;
    }
    // (Looked for only here, in a line of another language: the only place it tells anything.)
    const cued = from > 0 || cueBefore(text, tokens, words[0]?.i ?? 0, 1);
    const caseless = rest[0]?.t.regime !== 'M';
    const german = !caseless && hasLanguage(langs, 'de');
    let piece: Array<{ i: number; t: WordToken }> = [];
    const close = (): void => {
      // (A cue opening a piece of a line without case is the cue, not the name: "con", "anh".)
      const opening = caseless && piece.length > 1 ? cueOpening(tokens, piece, langs) : 0;
      if (opening > 0) piece = piece.slice(opening);
      const named = piece.filter(({ t }) => !NAME_PARTICLES.has(t.lower));
      const a = piece[0];
      const b = piece[piece.length - 1];
      const anchored =
        (cued && a === rest[0]) ||
        // (A word of the line's language that is a name too, "cho" or "anh", anchors none.)
        piece.some(({ t }) => t.lex > 0 && !isFunctionWordOf(t.word, langs) && !isCountedWordOf(t.word, langs)) ||
        !(caseless || (german && a !== undefined && afterGermanDeterminer(text, tokens, a.i))) ||
        (caseless && a !== undefined && (opening > 0 || cuedPiece(text, tokens, a.i, langs) || piece.some(({ t }) => foreignToVietnamese(t, langs))));
      if (a !== undefined && b !== undefined && named.length > 0 && anchored) out.push({ start: a.t.start, end: b.t.end });
      piece = [];
    };
    // A function word of the line's language cuts, and in mixed case any word in lower case: a
    // name there is capitalised ("Maria da Silva vão apresentar").
    // In mixed case (not German's, which capitalises nouns), a function word written capitalised
    // right after another capitalised word of the guess is a name's syllable: "Mbak Diem Trinh
    // Yang sudah …", "Falei com Anh Tú Li sobre …" (the language writes its own small).
    const capitalisedSyllables = new Set<WordToken>();
    if (!caseless && !german) {
      for (let k = 1; k < rest.length; k++) {
        const t = rest[k]?.t;
        const prev = rest[k - 1]?.t;
        if (t !== undefined && prev !== undefined && t.shape === 'Xx' && prev.shape === 'Xx' && !t.initial && t.sepBefore === ' ') capitalisedSyllables.add(t);
      }
    }
    const cuts = (t: WordToken | undefined): boolean =>
      t !== undefined && ((isFunctionWordOf(t.word, langs) && !capitalisedSyllables.has(t)) || (!caseless && t.word === t.lower) || SPANISH_PAST.test(t.lower));
    const tail = cued ? addressTail(text, rest, cuts) : -1;
    rest.forEach((w, k) => {
      const next = rest[k + 1]?.t;
      const between = piece.length > 0 && next !== undefined && !cuts(next) && NAME_PARTICLES.has(w.t.lower);
      // Right after a greeting comes a name, whatever else its first word is ("hallo tal munch"),
      // and it ends at the comma ("salut kyra da, tu peux …").
      if (cuts(w.t) && !between && !(cued && k === 0) && k !== tail) close();
      else piece.push(w);
    });
    close();
  }
  return out;
}

/**
 * Vietnamese forms of address, which come before a name ("chị lan ơi", "em minh check giúp"): as
 * written, for without their marks several are names ("Chi", "Co", "Ba").
 */
const VIETNAMESE_ADDRESS = new Set(['anh', 'em', 'chị', 'cô', 'bà', 'ông', 'bác', 'cậu']);

/** How many words open `piece` that are cues to the name after them: greetings, "con", a Vietnamese form of address. */
function cueOpening(tokens: WordSequence, piece: ReadonlyArray<{ i: number; t: WordToken }>, langs: readonly number[]): number {
  let k = 0;
  while (k < piece.length - 1 && k < CUE_REACH) {
    const w = piece[k];
    if (w === undefined || (w.t.lex & 1) === 1) break;
    if (!isForeignNameCue(w.t.folded, tokens.at(w.i - 1)?.folded, w.t.word) && !(VIETNAMESE_ADDRESS.has(w.t.lower) && hasLanguage(langs, 'vi'))) break;
    k++;
  }
  return k;
}

/**
 * Whether `t` is a word no Vietnamese syllable can be, in a Vietnamese line, and no English word:
 * a name ("ivanka đang nghỉ phép", "chị ivanka prodanova ơi"). Vietnamese writes one syllable a
 * word, so its own words, with or without their marks, are single syllables.
 */
export function foreignToVietnamese(t: WordToken, langs: readonly number[]): boolean {
  // (Vietnamese "đ" has no mark to strip: it is a letter of its own.)
  return t.tier === 0 && t.lex === 0 && !oneSyllable(t.folded.replace(/đ/g, 'd')) && hasLanguage(langs, 'vi') && !isFunctionWordOf(t.word, langs);
}

/**
 * Whether a cue stands right before word `i` of a line without case: a greeting or "with" (see
 * `cueBefore`), or one of `addressedBefore`'s.
 */
function cuedPiece(text: string, tokens: WordSequence, i: number, langs: readonly number[]): boolean {
  return cueBefore(text, tokens, i, 1) || addressedBefore(text, tokens, i, langs);
}

/**
 * Whether word `i` of a line of the languages `langs` is a name's by what comes before it and the
 * words of the name before it (up to three words, joined by spaces): a Vietnamese form of address
 * in a Vietnamese line ("chị lan anh ơi"), or a form's label for a person and its colon, the
 * line's start ("họ và tên: lan anh", "nama lengkap: budi santoso").
 */
export function addressedBefore(text: string, tokens: WordSequence, i: number, langs: readonly number[]): boolean {
  const vietnamese = hasLanguage(langs, 'vi');
  let first = tokens.at(i);
  for (const { word, between } of wordsBefore(text, tokens, i, CUE_REACH)) {
    if (!SPACES.test(between)) break;
    if (vietnamese && VIETNAMESE_ADDRESS.has(word.lower)) return true;
    // (The name's words come between, no word of the line's own: "em gửi lại" cues nothing.)
    if (isFunctionWordOf(word.word, langs) || isCountedWordOf(word.word, langs)) return false;
    first = word;
  }
  return first !== undefined && afterFormLabel(text, first.start);
}

/**
 * After a greeting, the index in `rest` of a function word that ends the name a comma closes, the
 * words before it names' (none cut): "salut kyra da, tu …", "GRACIAS LAN NGỌC NI, LO …", "TERIMA
 * KASIH GIA KIÊN YANG, NANTI …"; -1 when there is none ("hola a todos," opens with one).
 */
function addressTail(text: string, rest: ReadonlyArray<{ t: WordToken }>, cuts: (t: WordToken) => boolean): number {
  for (let k = 1; k < rest.length && k <= 3; k++) {
    const t = rest[k]?.t;
    const prev = rest[k - 1]?.t;
    if (t === undefined || prev === undefined || cuts(prev) || !/^[ \t]+$/.test(text.slice(prev.end, t.start))) return -1;
    if (text.charCodeAt(t.end) === 44) return cuts(t) ? k : -1;
  }
  return -1;
}

/**
 * The words before word `i`, nearest first, up to `reach` of them, each with what separates it
 * from the word after it; they stop at the text's start.
 */
function* wordsBefore(text: string, tokens: WordSequence, i: number, reach: number): Generator<{ word: WordToken; between: string; before: WordToken | undefined }> {
  for (let k = i - 1; k >= 0 && k >= i - reach; k--) {
    const word = tokens.at(k);
    const next = tokens.at(k + 1);
    if (word === undefined || next === undefined) return;
    yield { word, between: text.slice(word.end, next.start), before: tokens.at(k - 1) };
  }
}

const SPACES = /^[ \t]+$/;

/**
 * A greeting or form of address up to `reach` words before word `i`, joined to it by spaces (a
 * comma may follow the greeting, "hola, maría", and a point the title, "dña. isabela"). A name word of a greeting is no further name's
 * cue: in "dzień dobry aram, jinia …" "jinia" has none.
 */
export function cueBefore(text: string, tokens: WordSequence, i: number, reach = CUE_REACH): boolean {
  for (const { word, between, before } of wordsBefore(text, tokens, i, reach)) {
    if (isForeignNameCue(word.folded, before?.folded, word.word) && /^\.?,?[ \t]+$/.test(between)) return true;
    if (!SPACES.test(between)) return false;
  }
  return false;
}

/** A German determiner before word `i`, with only words in lower case between ("die neue Rechnung"). */
function afterGermanDeterminer(text: string, tokens: WordSequence, i: number): boolean {
  for (const { word, between } of wordsBefore(text, tokens, i, CUE_REACH)) {
    if (!SPACES.test(between)) return false;
    if (GERMAN_DETERMINERS.has(word.lower)) return true;
    if (word.word !== word.lower) return false;
  }
  return false;
}
