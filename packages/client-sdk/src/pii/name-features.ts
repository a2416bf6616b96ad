import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import {
  BUILD_GIVEN_SET,
  BUILD_SURNAME_SET,
  FIRST_NAME_SET,
  HARD_WORD_NAMES,
  NOT_A_NAME,
  NOT_A_SURNAME,
  PLACE_NOUNS,
  SOFT_WORD_NAMES,
  foldName,
} from './name-lexicon.ts';
import { PerLine, execAll } from './text.ts';

/**
 * Words of a text and the sparse features the name tagger scores them by. Shared by the tagger
 * (name-tagger.ts) and the script that trains it (scripts/pii-train-tagger.ts), so that the
 * features seen in training are exactly the ones computed on the device.
 */

/** A word: letters and marks, with inner apostrophes or hyphens ("O'Brien", "Jean-Luc"). */
export const WORD_PATTERN = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
/** Characters that glue a word into an identifier, a path, an address or a number. */
const GLUE_BEFORE = /[\p{N}_@#$%\/\\.=&+~`*]/u;
const GLUE_AFTER = /[\p{N}_@\/\\=&+~`*(]/u;
/** {@link GLUE_BEFORE} and {@link GLUE_AFTER} for one character, told by a table below U+0080. */
const GLUE_ASCII_BEFORE = asciiTable(GLUE_BEFORE);
const GLUE_ASCII_AFTER = asciiTable(GLUE_AFTER);
function asciiTable(re: RegExp): Uint8Array {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) t[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  return t;
}
function gluesBefore(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? GLUE_ASCII_BEFORE[c] === 1 : GLUE_BEFORE.test(ch);
}
function gluesAfter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? GLUE_ASCII_AFTER[c] === 1 : GLUE_AFTER.test(ch);
}

const ASCII_WORD = /^[A-Za-z'-]+$/;

export type Shape = 'Xx' | 'x' | 'X' | 'xX' | 'I';
/** Letter case of the line the word is on: mixed, all lower, all upper. */
export type Regime = 'M' | 'L' | 'U';

export interface WordToken {
  /** The word as written, without a possessive "'s". */
  word: string;
  start: number;
  /** Excludes a possessive "'s". */
  end: number;
  lower: string;
  folded: string;
  shape: Shape;
  regime: Regime;
  /** First word of its text, line or sentence. */
  initial: boolean;
  /** Glued to digits, slashes, dots, '@'…: part of an identifier, never a name. */
  code: boolean;
  /** 0 not a word of the English lists, 1–3 the SCOWL size tier (10, 20, 35), 4 jargon. */
  tier: number;
  /** Given name (1), surname (2) or both (3) in the lexicon; 0 otherwise. */
  lex: number;
  /** What separates this word from the previous one: ' ', ',', ':', '.', 'nl', 'o', '^' (none). */
  sepBefore: string;
}

function shapeOf(w: string): Shape {
  const first = w.charAt(0);
  const restLower = w.slice(1) === w.slice(1).toLowerCase();
  const restUpper = w.slice(1) === w.slice(1).toUpperCase();
  if (first !== first.toUpperCase() || first === first.toLowerCase()) return restLower ? 'x' : 'xX';
  if (w.length === 1) return 'I';
  if (restUpper && w.slice(1) !== w.slice(1).toLowerCase()) return 'X';
  return restLower ? 'Xx' : 'xX';
}

function separator(between: string): string {
  if (between === '') return 'o';
  if (between === ' ') return ' ';
  if (between.includes('\n')) return 'nl';
  if (/[.!?]/.test(between)) return '.';
  if (between.includes(':')) return ':';
  if (between.includes(',')) return ',';
  if (/^[ \t]+$/.test(between)) return ' ';
  return 'o';
}

/** A line is caseless (all upper or all lower) only when it has this many words to judge by. */
const MIN_CASELESS_WORDS = 2;
const LINE_WORD = /(?<![\p{L}\p{N}_[])\p{L}{2,}(?![\p{L}\p{N}_\]])/gu;

function regimeOfByPattern(line: string): Regime {
  let upper = 0;
  let lower = 0;
  let words = 0;
  for (const m of execAll(LINE_WORD, line)) {
    const w = m[0];
    words++;
    if (w === w.toUpperCase()) upper++;
    else if (w === w.toLowerCase()) lower++;
    if (upper > 0 && lower > 0) return 'M';
  }
  return regimeOfCounts(words, upper, lower);
}

function regimeOfCounts(words: number, upper: number, lower: number): Regime {
  if (words < MIN_CASELESS_WORDS) return 'M';
  if (upper === words) return 'U';
  if (lower === words) return 'L';
  return 'M';
}

/** Case classes of the Basic Multilingual Plane for line case, filled in as met (bit 128: known). */
const CASE_CLASS = new Uint8Array(0x10000);
const K_LETTER = 1;
const K_NUMBER = 2;
const K_UPPER = 4;
const K_LOWER = 8;
const NUMBER_CHAR = /\p{N}/u;

function caseClass(c: number): number {
  let k = CASE_CLASS[c] ?? 0;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = 128;
    if (LETTER.test(ch)) k |= K_LETTER;
    if (NUMBER_CHAR.test(ch)) k |= K_NUMBER;
    if (ch === ch.toUpperCase()) k |= K_UPPER;
    if (ch === ch.toLowerCase()) k |= K_LOWER;
    CASE_CLASS[c] = k;
  }
  return k;
}

/**
 * Letter case of a line: the words of {@link LINE_WORD} (runs of two or more letters not glued
 * to digits, '_' or brackets) all upper, all lower, or mixed. A scan over character classes,
 * with the pattern as the fallback for lines with characters outside the BMP.
 */
function regimeOf(line: string): Regime {
  const n = line.length;
  let upper = 0;
  let lower = 0;
  let words = 0;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return regimeOfByPattern(line);
    if ((caseClass(c) & K_LETTER) === 0) {
      i++;
      continue;
    }
    const start = i;
    let allUpper = true;
    let allLower = true;
    while (i < n) {
      const d = line.charCodeAt(i);
      if (d >= 0xd800 && d <= 0xdfff) return regimeOfByPattern(line);
      const k = caseClass(d);
      if ((k & K_LETTER) === 0) break;
      if ((k & K_UPPER) === 0) allUpper = false;
      if ((k & K_LOWER) === 0) allLower = false;
      i++;
    }
    if (i - start < 2) continue;
    const before = start > 0 ? line.charCodeAt(start - 1) : -1;
    const after = i < n ? line.charCodeAt(i) : -1;
    if (before === 95 || before === 91 || (before >= 0 && (caseClass(before) & K_NUMBER) !== 0)) continue;
    if (after === 95 || after === 93 || (after >= 0 && (caseClass(after) & K_NUMBER) !== 0)) continue;
    words++;
    if (allUpper) upper++;
    else if (allLower) lower++;
    if (upper > 0 && lower > 0) return 'M';
  }
  return regimeOfCounts(words, upper, lower);
}

/** The line-case scan and its pattern agree (exported for the tests). */
export function lineRegime(line: string, byPattern = false): Regime {
  return byPattern ? regimeOfByPattern(line) : regimeOf(line);
}

export function tierOf(lower: string): number {
  const t = ENGLISH_TIER.get(lower);
  if (t !== undefined) return t;
  return JARGON_WORDS.has(lower) ? 4 : 0;
}

export function lexOf(folded: string, original: string): number {
  const given = BUILD_GIVEN_SET.has(folded) || FIRST_NAME_SET.has(original) ? 1 : 0;
  const surname = BUILD_SURNAME_SET.has(folded) ? 2 : 0;
  return given + surname;
}

/**
 * The words of a text, scanned once for their offsets; what the features need to know about
 * each word is worked out only when asked for (the tagger asks about candidates and their
 * neighbours, a small share of the words), and kept.
 */
export class WordSequence {
  readonly length: number;
  private readonly starts: number[] = [];
  /** End of the match, with a possessive "'s". */
  private readonly ends: number[] = [];
  private readonly tokens: Array<WordToken | undefined> = [];
  /** The letter case of each line, worked out when a word of it is first asked about. */
  private readonly regimes: PerLine<Regime>;

  constructor(readonly text: string) {
    scanWords(text, this.starts, this.ends);
    this.length = this.starts.length;
    this.regimes = new PerLine(text, regimeOf);
  }

  /** Index of the word that covers offset `pos`, or -1 when `pos` is between words. */
  indexAt(pos: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] ?? 0) > pos) hi = mid - 1;
      else if ((this.ends[mid] ?? 0) <= pos) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /**
   * True for a lower-case ASCII word of the English lists: never a candidate, and cheap to tell
   * (no folding, no lexicon, no line case).
   */
  isPlainWord(i: number): boolean {
    const start = this.starts[i] ?? 0;
    const end = this.ends[i] ?? start;
    // Glued to a digit, '_', '/', '.', '@'…: part of an identifier.
    const after = this.text.charCodeAt(end);
    if (isGlueCode(this.text.charCodeAt(start - 1)) || (isGlueCode(after) && after !== 35 && after !== 36 && after !== 37)) return true;
    for (let k = start; k < end; k++) {
      const c = this.text.charCodeAt(k);
      if (c < 97 || c > 122) return false;
    }
    return ENGLISH_TIER.has(this.text.slice(start, end));
  }

  private regimeAt(start: number): Regime {
    return this.regimes.at(start);
  }

  at(i: number): WordToken | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const cached = this.tokens[i];
    if (cached !== undefined) return cached;
    const text = this.text;
    const start = this.starts[i] ?? 0;
    const matchEnd = this.ends[i] ?? start;
    let word = text.slice(start, matchEnd);
    let end = matchEnd;
    if (word.length > 2 && isPossessive(word)) {
      word = word.slice(0, -2);
      end -= 2;
    }
    const before = text[start - 1] ?? '';
    const after = text[matchEnd] ?? '';
    const next = text[matchEnd + 1] ?? ' ';
    const code =
      // A "[PERSON]" placeholder left by an earlier scrub.
      (before === '[' && after === ']') ||
      // An @-mention ("@Priya Raman can you …") is a name, not code; "user@host" is code.
      (before !== '' && gluesBefore(before) && !(before === '@' && !/[^\s(\[,;:>"'“]/u.test(text[start - 2] ?? ' '))) ||
      (after !== '' && gluesAfter(after)) ||
      (after === '.' && /\p{L}/u.test(next)) ||
      (after === ':' && /[\/\w]/.test(next)) ||
      // Joined by a hyphen to digits: "utf-8", "aarch64-apple-darwin".
      (after === '-' && isDigit(next.charCodeAt(0))) ||
      (before === '-' && isDigit(text.charCodeAt(start - 2)));
    const prevEnd = i > 0 ? (this.ends[i - 1] ?? -1) : -1;
    const between = prevEnd < 0 ? '' : text.slice(prevEnd, start);
    const sepBefore = prevEnd < 0 ? '^' : separator(between);
    const info = wordInfo(word);
    const token: WordToken = {
      word,
      start,
      end,
      lower: info.lower,
      folded: info.folded,
      shape: info.shape,
      regime: this.regimeAt(start),
      // (Blanks alone end no sentence: most words are asked no pattern here.)
      initial: sepBefore === '^' || sepBefore === '.' || sepBefore === 'nl' || (prevEnd >= 0 && sepBefore !== ' ' && SENTENCE_END.test(between)),
      code,
      tier: info.tier,
      lex: info.lex,
      sepBefore,
    };
    this.tokens[i] = token;
    return token;
  }
}

/** What a word is, whatever its place: worked out once per distinct word and kept. */
interface WordInfo {
  lower: string;
  folded: string;
  shape: Shape;
  tier: number;
  lex: number;
  /** What the lists say of the word (see `listingOf`), worked out when a candidate first asks. */
  listing?: number;
}

/** Distinct words seen so far; cleared when it grows past {@link WORD_CACHE_LIMIT}. */
const WORD_CACHE = new Map<string, WordInfo>();
const WORD_CACHE_LIMIT = 50_000;

function wordInfo(word: string): WordInfo {
  let info = WORD_CACHE.get(word);
  if (info !== undefined) return info;
  const lower = word.toLowerCase();
  const folded = ASCII_WORD.test(word) ? lower : foldName(word);
  info = { lower, folded, shape: shapeOf(word), tier: tierOf(lower), lex: lexOf(folded, word) };
  if (WORD_CACHE.size >= WORD_CACHE_LIMIT) WORD_CACHE.clear();
  WORD_CACHE.set(word, info);
  return info;
}

/** Character classes of the Basic Multilingual Plane, filled in as they are met: 1 letter, 2 mark, 3 neither. */
const CHAR_CLASS = new Uint8Array(0x10000);
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const C_LETTER = 1;
const C_MARK = 2;

/** Class of the character at `i` and its length in UTF-16 units (2 for a surrogate pair). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? C_LETTER : 3;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i) ?? c;
    if (cp > 0xffff) {
      const ch = String.fromCodePoint(cp);
      return (LETTER.test(ch) ? C_LETTER : MARK.test(ch) ? C_MARK : 3) | 4;
    }
  }
  let k = CHAR_CLASS[c] ?? 0;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = LETTER.test(ch) ? C_LETTER : MARK.test(ch) ? C_MARK : 3;
    CHAR_CLASS[c] = k;
  }
  return k;
}

/**
 * Offsets of the words of {@link WORD_PATTERN}, found by a scan over character classes (the same
 * matches as `text.matchAll(WORD_PATTERN)`, without a match object per word).
 */
export function scanWords(text: string, starts: number[], ends: number[]): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let k = classAt(text, i);
    if ((k & 3) !== C_LETTER) {
      i += k & 4 ? 2 : 1;
      continue;
    }
    const start = i;
    i += k & 4 ? 2 : 1;
    for (;;) {
      while (i < n) {
        k = classAt(text, i);
        if ((k & 3) !== C_LETTER && (k & 3) !== C_MARK) break;
        i += k & 4 ? 2 : 1;
      }
      // An inner apostrophe or hyphen followed by a letter continues the word.
      const c = text.charCodeAt(i);
      if (i + 1 < n && (c === 39 || c === 0x2019 || c === 45) && (classAt(text, i + 1) & 3) === C_LETTER) {
        i += 1 + (classAt(text, i + 1) & 4 ? 2 : 1);
        continue;
      }
      break;
    }
    starts.push(start);
    ends.push(i);
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Digits, '_', '/', '\\', '@', '=', '&', '+', '#', '$', '%': characters that glue a word into code. */
function isGlueCode(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 95 || c === 47 || c === 92 || c === 64 || c === 61 || c === 38 || c === 43 || c === 35 || c === 36 || c === 37;
}
/** A possessive "'s" or "’s" ends `word`. */
function isPossessive(word: string): boolean {
  const s = word.charCodeAt(word.length - 1);
  const q = word.charCodeAt(word.length - 2);
  return (s === 115 || s === 83) && (q === 39 || q === 0x2019);
}
const SENTENCE_END = /(?:[.!?]["')\]]*|[:\]>])\s*$/;

/** Every word of `text` with all it needs for the features (training uses this). */
export function tokenize(text: string): WordToken[] {
  const seq = new WordSequence(text);
  const out: WordToken[] = [];
  for (let i = 0; i < seq.length; i++) {
    const t = seq.at(i);
    if (t !== undefined) out.push(t);
  }
  return out;
}

/** Surname prefixes that make a mixed-case word a name rather than an identifier ("McClure"). */
const MIXED_CASE_NAME = /^(?:Mc|Mac|De|Di|Du|La|Le|Van|Von|O['’]|D['’])\p{Lu}\p{Ll}+$/u;
/** Titles and honorifics written before a name. */
const TITLES = new Set('mr mrs ms mx dr prof sir dame miss mme mlle herr frau doctor professor judge rev capt sgt col gen lt'.split(' '));

/** English contractions ("don't", "won't", "they're", "it'll"): never a name, though no word list holds them. */
const CONTRACTION = /^(?:[a-z]+n['’]t|(?:i|you|we|they|he|she|it|that|there|here|what|who|where|how|let)['’](?:re|ll|ve|d|m|s))$/;
/** Lower-case words joined by hyphens into a term ("on-call", "api-server"). */
const HYPHENATED_TERM = /^[a-z]+(?:-[a-z]+)+$/;

/**
 * Words the tagger scores: not glued into an identifier, and either outside the English lists,
 * in the name lexicon, or capitalised where case means something (a mixed-case line, not the
 * first word of a sentence). Left to the rule-based scrubber (person.ts), which weighs their
 * context: the stdlib given names in mixed-case text, months, days, places and the names that
 * are everyday words. All-capital words in mixed-case text are acronyms ("IBAN", "INFRA").
 */
export function isCandidate(t: WordToken): boolean {
  if (t.code || t.folded.length < 2 || CONTRACTION.test(t.lower)) return false;
  if (t.shape === 'xX' && !MIXED_CASE_NAME.test(t.word)) return false;
  if (t.shape === 'X' && t.regime === 'M') return false;
  const listed = listingOf(t.word);
  if (listed === LISTED_NOT_A_NAME || (listed === LISTED_GIVEN && t.regime === 'M')) return false;
  // Titles cue a name and are never part of one ("Prof. Müller").
  if (TITLES.has(t.lower)) return false;
  // Software vocabulary heading a sentence in mixed-case text ("Login fails", "Latency p99"):
  // capitalised for the sentence, not for a name.
  if (t.tier === 4 && t.lex === 0 && t.initial && t.regime === 'M') return false;
  // Lower-case jargon ("deploy", "kubectl") is never a name; capitalised it may be a surname.
  if (t.tier === 4 && t.shape === 'x' && t.lex === 0) return false;
  if (t.tier === 0 || t.tier === 4 || t.lex > 0) return true;
  return t.regime === 'M' && !t.initial && t.shape === 'Xx';
}

const LISTED_NOT_A_NAME = 1;
const LISTED_GIVEN = 2;

/**
 * {@link LISTED_NOT_A_NAME} for a hyphenated term of English words ("on-call") or a word the lists
 * hold as no name (word-names, place nouns), in its Title Case; {@link LISTED_GIVEN} for a listed
 * given name; 0 otherwise. Kept with the word's other facts ({@link wordInfo}).
 */
function listingOf(word: string): number {
  const info = wordInfo(word);
  if (info.listing !== undefined) return info.listing;
  const title = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  if ((HYPHENATED_TERM.test(info.lower) && info.lower.split('-').every((p) => tierOf(p) > 0)) || HARD_WORD_NAMES.has(title) || SOFT_WORD_NAMES.has(title) || NOT_A_SURNAME.has(title) || NOT_A_NAME.has(title) || PLACE_NOUNS.has(title)) {
    info.listing = LISTED_NOT_A_NAME;
  } else {
    info.listing = FIRST_NAME_SET.has(title) ? LISTED_GIVEN : 0;
  }
  return info.listing;
}

/** Words whose identity is a feature: the English lists and the few words that cue a name. */
function key(t: WordToken | undefined): string {
  if (t === undefined) return '∅';
  if (t.code) return '#';
  if (t.tier > 0 && t.tier < 4) return t.lower;
  return `?${t.shape}${t.lex > 0 ? 'n' : ''}${t.tier === 4 ? 'j' : ''}`;
}

/**
 * Sparse features of word `i` as strings (hashed by the caller). `dropLexicon` hides the
 * lexicon and word identity, as training does for half the names, so that the tagger learns to
 * find names it has never seen from their letters and their context.
 */
export function featuresOf(tokens: readonly WordToken[] | WordSequence, i: number, dropLexicon = false): string[] {
  const get = (k: number): WordToken | undefined => (Array.isArray(tokens) ? (k >= 0 ? tokens[k] : undefined) : (tokens as WordSequence).at(k));
  const t = get(i);
  if (t === undefined) return [];
  return [...ownFeatures(t, dropLexicon), ...contextFeatures(t, get(i - 2), get(i - 1), get(i + 1), get(i + 2))];
}

function shapeKey(t: WordToken): string {
  return `${t.shape}${t.regime}${t.initial ? '^' : ''}`;
}

/**
 * The features of a word that depend only on the word, its line case and whether it starts a
 * sentence (the tagger sums their weights once per distinct combination).
 */
export function ownFeatures(t: WordToken, dropLexicon = false): string[] {
  const lex = dropLexicon ? 0 : t.lex;
  const tier = t.tier;
  const shape = shapeKey(t);
  const f: string[] = ['b', `v${tier}`, `l${lex}`, `s${shape}`, `vs${tier}${shape}`, `ls${lex}${shape}`, `len${Math.min(t.folded.length, 12)}${tier}`];
  if (!dropLexicon && tier > 0 && tier < 4) f.push(`w${t.lower}`, `ws${t.lower}${shape}`);
  const w = `^${t.folded}$`;
  for (let k = 0; k + 2 <= w.length; k++) f.push(`g${w.slice(k, k + 2)}`);
  for (let k = 0; k + 3 <= w.length; k++) f.push(`g${w.slice(k, k + 3)}`);
  for (let k = 0; k + 4 <= w.length; k++) f.push(`g${w.slice(k, k + 4)}`);
  if (t.folded !== t.lower) f.push('dia');
  return f;
}

/**
 * The features of a word that depend on the words around it. The tagger does not build these
 * strings: `addContextWeights` (name-feature-hashes.ts) hashes the same pieces in the same order,
 * and must change with them.
 */
export function contextFeatures(
  t: WordToken,
  pp: WordToken | undefined,
  p: WordToken | undefined,
  n: WordToken | undefined,
  nn: WordToken | undefined,
): string[] {
  const tier = t.tier;
  const shape = shapeKey(t);
  const pk = key(p);
  const nk = key(n);
  const nsep = n?.sepBefore ?? '$';
  return [
    `p${pk}${t.sepBefore}`,
    `pv${pk}${t.sepBefore}${tier}`,
    `ps${t.sepBefore}${shape}`,
    `n${nk}${nsep}`,
    `nv${nk}${nsep}${tier}`,
    `ns${nsep}${shape}`,
    `pp${key(pp)}`,
    `nn${key(nn)}`,
    `pn${p === undefined ? '∅' : `${p.tier}${p.lex > 0 ? 1 : 0}${p.shape}`}${t.sepBefore}${tier}`,
    `nx${n === undefined ? '∅' : `${n.tier}${n.lex > 0 ? 1 : 0}${n.shape}`}${nsep}${tier}`,
  ];
}

/** FNV-1a, 32 bits. */
export function hashFeature(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
