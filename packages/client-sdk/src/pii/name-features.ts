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

/**
 * Words of a text and the sparse features the name tagger scores them by. Shared by the tagger
 * (name-tagger.ts) and the script that trains it (scripts/pii-train-tagger.ts), so that the
 * features seen in training are exactly the ones computed on the device.
 */

/** A word: letters and marks, with inner apostrophes or hyphens ("O'Brien", "Jean-Luc"). */
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
/** Characters that glue a word into an identifier, a path, an address or a number. */
const GLUE_BEFORE = /[\p{N}_@#$%\/\\.=&+~`*]/u;
const GLUE_AFTER = /[\p{N}_@\/\\=&+~`*(]/u;

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

function regimeOf(line: string): Regime {
  let upper = 0;
  let lower = 0;
  let words = 0;
  for (const m of line.matchAll(LINE_WORD)) {
    const w = m[0];
    words++;
    if (w === w.toUpperCase()) upper++;
    else if (w === w.toLowerCase()) lower++;
    if (upper > 0 && lower > 0) return 'M';
  }
  if (words < MIN_CASELESS_WORDS) return 'M';
  if (upper === words) return 'U';
  if (lower === words) return 'L';
  return 'M';
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
  private readonly regimes = new Map<number, Regime>();

  constructor(readonly text: string) {
    for (const m of text.matchAll(WORD)) {
      this.starts.push(m.index);
      this.ends.push(m.index + m[0].length);
    }
    this.length = this.starts.length;
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
    const w = this.text.slice(start, end);
    return PLAIN_WORD.test(w) && ENGLISH_TIER.has(w);
  }

  private regimeAt(start: number): Regime {
    const text = this.text;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    let regime = this.regimes.get(lineStart);
    if (regime === undefined) {
      let lineEnd = text.indexOf('\n', start);
      if (lineEnd === -1) lineEnd = text.length;
      regime = regimeOf(text.slice(lineStart, lineEnd));
      this.regimes.set(lineStart, regime);
    }
    return regime;
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
    if (word.length > 2 && POSSESSIVE.test(word)) {
      word = word.slice(0, -2);
      end -= 2;
    }
    const before = text[start - 1] ?? '';
    const after = text[matchEnd] ?? '';
    const next = text[matchEnd + 1] ?? ' ';
    const code =
      // A "[PERSON]" placeholder left by an earlier scrub.
      (before === '[' && after === ']') ||
      (before !== '' && GLUE_BEFORE.test(before)) ||
      (after !== '' && GLUE_AFTER.test(after)) ||
      (after === '.' && /\p{L}/u.test(next)) ||
      (after === ':' && /[\/\w]/.test(next));
    const prevEnd = i > 0 ? (this.ends[i - 1] ?? -1) : -1;
    const between = prevEnd < 0 ? '' : text.slice(prevEnd, start);
    const sepBefore = prevEnd < 0 ? '^' : separator(between);
    const lower = word.toLowerCase();
    const folded = ASCII_WORD.test(word) ? lower : foldName(word);
    const token: WordToken = {
      word,
      start,
      end,
      lower,
      folded,
      shape: shapeOf(word),
      regime: this.regimeAt(start),
      initial: sepBefore === '^' || sepBefore === '.' || sepBefore === 'nl' || (prevEnd >= 0 && SENTENCE_END.test(between)),
      code,
      tier: tierOf(lower),
      lex: lexOf(folded, word),
      sepBefore,
    };
    this.tokens[i] = token;
    return token;
  }
}

const PLAIN_WORD = /^[a-z]+$/;

/** Digits, '_', '/', '\\', '@', '=', '&', '+', '#', '$', '%': characters that glue a word into code. */
function isGlueCode(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 95 || c === 47 || c === 92 || c === 64 || c === 61 || c === 38 || c === 43 || c === 35 || c === 36 || c === 37;
}
const POSSESSIVE = /['’][sS]$/;
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
  if (t.code || t.folded.length < 2) return false;
  if (t.shape === 'xX' && !MIXED_CASE_NAME.test(t.word)) return false;
  if (t.shape === 'X' && t.regime === 'M') return false;
  if (HYPHENATED_TERM.test(t.lower) && t.lower.split('-').every((p) => tierOf(p) > 0)) return false;
  const title = t.word.charAt(0).toUpperCase() + t.word.slice(1).toLowerCase();
  if (HARD_WORD_NAMES.has(title) || SOFT_WORD_NAMES.has(title) || NOT_A_SURNAME.has(title) || NOT_A_NAME.has(title) || PLACE_NOUNS.has(title)) {
    return false;
  }
  if (FIRST_NAME_SET.has(title) && t.regime === 'M') return false;
  // Lower-case jargon ("deploy", "kubectl") is never a name; capitalised it may be a surname.
  if (t.tier === 4 && t.shape === 'x' && t.lex === 0) return false;
  if (t.tier === 0 || t.tier === 4 || t.lex > 0) return true;
  return t.regime === 'M' && !t.initial && t.shape === 'Xx';
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
  const p = get(i - 1);
  const pp = get(i - 2);
  const n = get(i + 1);
  const nn = get(i + 2);
  const lex = dropLexicon ? 0 : t.lex;
  const tier = t.tier;
  const shape = `${t.shape}${t.regime}${t.initial ? '^' : ''}`;
  const pk = key(p);
  const nk = key(n);
  const nsep = n?.sepBefore ?? '$';
  const f: string[] = [
    'b',
    `v${tier}`,
    `l${lex}`,
    `s${shape}`,
    `vs${tier}${shape}`,
    `ls${lex}${shape}`,
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
    `len${Math.min(t.folded.length, 12)}${tier}`,
  ];
  if (!dropLexicon && tier > 0 && tier < 4) f.push(`w${t.lower}`, `ws${t.lower}${shape}`);
  const w = `^${t.folded}$`;
  for (let k = 0; k + 2 <= w.length; k++) f.push(`g${w.slice(k, k + 2)}`);
  for (let k = 0; k + 3 <= w.length; k++) f.push(`g${w.slice(k, k + 3)}`);
  for (let k = 0; k + 4 <= w.length; k++) f.push(`g${w.slice(k, k + 4)}`);
  if (t.folded !== t.lower) f.push('dia');
  return f;
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
