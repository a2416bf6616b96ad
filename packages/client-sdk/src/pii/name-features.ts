import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import { BUILD_GIVEN_SET, BUILD_SURNAME_SET, FIRST_NAME_SET, foldName } from './name-lexicon.ts';

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

export type Shape = 'Xx' | 'x' | 'X' | 'xX' | 'I';
/** Letter case of the line the word is on: mixed, all lower, all upper. */
export type Regime = 'M' | 'L' | 'U';

export interface WordToken {
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

function regimeOf(line: string): Regime {
  let upper = 0;
  let lower = 0;
  for (const ch of line) {
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  if (lower === 0 && upper > 0) return 'U';
  if (upper === 0) return 'L';
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

/** The words of `text`, in order, with what the features need to know about each. */
export function tokenize(text: string): WordToken[] {
  const out: WordToken[] = [];
  const regimes = new Map<number, Regime>();
  let prevEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    let end = start + m[0].length;
    let word = m[0];
    if (/['’][sS]$/.test(word) && word.length > 2) {
      word = word.slice(0, -2);
      end -= 2;
    }
    const before = text[start - 1] ?? '';
    const after = text[start + m[0].length] ?? '';
    const code =
      GLUE_BEFORE.test(before) ||
      GLUE_AFTER.test(after) ||
      (after === '.' && /\p{L}/u.test(text[start + m[0].length + 1] ?? '')) ||
      (after === ':' && /[\/\w]/.test(text[start + m[0].length + 1] ?? '') && !/\s/.test(text[start + m[0].length + 1] ?? ' '));
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    let regime = regimes.get(lineStart);
    if (regime === undefined) {
      let lineEnd = text.indexOf('\n', start);
      if (lineEnd === -1) lineEnd = text.length;
      regime = regimeOf(text.slice(lineStart, lineEnd));
      regimes.set(lineStart, regime);
    }
    const between = prevEnd < 0 ? '' : text.slice(prevEnd, start);
    const sepBefore = prevEnd < 0 ? '^' : separator(between);
    const lower = word.toLowerCase();
    const folded = foldName(word);
    out.push({
      start,
      end,
      lower,
      folded,
      shape: shapeOf(word),
      regime,
      initial: sepBefore === '^' || sepBefore === '.' || sepBefore === 'nl' || (prevEnd >= 0 && /[.!?]["')\]]*\s*$/.test(between)),
      code,
      tier: tierOf(lower),
      lex: lexOf(folded, word),
      sepBefore,
    });
    prevEnd = start + m[0].length;
  }
  return out;
}

/**
 * Words the tagger scores: not glued into an identifier, and either outside the English lists,
 * in the name lexicon, or capitalised where case means something (a mixed-case line, not the
 * first word of a sentence). Common words in their usual case are never names to the tagger;
 * capitalised word-names ("Grace", "Will") are also the rule-based scrubber's job.
 */
export function isCandidate(t: WordToken): boolean {
  if (t.code || t.folded.length < 2) return false;
  if (t.tier === 0 || t.tier === 4 || t.lex > 0) return true;
  return t.regime === 'M' && !t.initial && (t.shape === 'Xx' || t.shape === 'X');
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
export function featuresOf(tokens: readonly WordToken[], i: number, dropLexicon = false): string[] {
  const t = tokens[i];
  if (t === undefined) return [];
  const p = tokens[i - 1];
  const pp = tokens[i - 2];
  const n = tokens[i + 1];
  const nn = tokens[i + 2];
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
