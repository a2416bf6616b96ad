import type { WordToken } from './name-features.ts';

/**
 * The tagger's context features (`contextFeatures` in name-features.ts, which training uses),
 * hashed as they are built rather than built as strings and then hashed: FNV-1a carried over the
 * pieces of a feature, in the order its string holds them, is the hash of that string. The
 * tagger scores every candidate word by ten such features, and building the strings was a sixth
 * of its time.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of `h` followed by the code unit `c`. */
function code(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

/** FNV-1a of `h` followed by the code units of `s`. */
function str(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** `${n}` for a digit. */
function digit(h: number, n: number): number {
  return code(h, 48 + n);
}

const EMPTY = 0x2205; // '∅'
const HASH = 35; // '#'
const QUESTION = 63; // '?'
const CARET = 94; // '^'
const N = 110; // 'n'
const J = 106; // 'j'

/** `key(t)` of name-features.ts. */
function key(h: number, t: WordToken | undefined): number {
  if (t === undefined) return code(h, EMPTY);
  if (t.code) return code(h, HASH);
  if (t.tier > 0 && t.tier < 4) return str(h, t.lower);
  h = str(code(h, QUESTION), t.shape);
  if (t.lex > 0) h = code(h, N);
  if (t.tier === 4) h = code(h, J);
  return h;
}

/** `shapeKey(t)` of name-features.ts. */
function shapeKey(h: number, t: WordToken): number {
  h = str(str(h, t.shape), t.regime);
  return t.initial ? code(h, CARET) : h;
}

/** The `pn`/`nx` part for a neighbour: "∅", or its tier, whether it is listed, its shape. */
function neighbour(h: number, t: WordToken | undefined): number {
  if (t === undefined) return code(h, EMPTY);
  return str(digit(digit(h, t.tier), t.lex > 0 ? 1 : 0), t.shape);
}

/** FNV-1a of a feature's two-letter prefix. */
function prefix(a: string): number {
  return str(FNV_OFFSET, a);
}
const P = prefix('p');
const PV = prefix('pv');
const PS = prefix('ps');
const N_ = prefix('n');
const NV = prefix('nv');
const NS = prefix('ns');
const PP = prefix('pp');
const NN = prefix('nn');
const PN = prefix('pn');
const NX = prefix('nx');

/**
 * `z` plus the weights of the context features of `t` (given its two neighbours each side), added
 * in the order of `contextFeatures`, so that the sum is the same to the last bit.
 */
export function addContextWeights(
  z: number,
  weights: Float32Array,
  mask: number,
  t: WordToken,
  pp: WordToken | undefined,
  p: WordToken | undefined,
  n: WordToken | undefined,
  nn: WordToken | undefined,
): number {
  const tier = t.tier;
  const sep = t.sepBefore;
  const nsep = n?.sepBefore ?? '$';
  z += weights[str(key(P, p), sep) & mask] ?? 0;
  z += weights[digit(str(key(PV, p), sep), tier) & mask] ?? 0;
  z += weights[shapeKey(str(PS, sep), t) & mask] ?? 0;
  z += weights[str(key(N_, n), nsep) & mask] ?? 0;
  z += weights[digit(str(key(NV, n), nsep), tier) & mask] ?? 0;
  z += weights[shapeKey(str(NS, nsep), t) & mask] ?? 0;
  z += weights[key(PP, pp) & mask] ?? 0;
  z += weights[key(NN, nn) & mask] ?? 0;
  z += weights[digit(str(neighbour(PN, p), sep), tier) & mask] ?? 0;
  z += weights[digit(str(neighbour(NX, n), nsep), tier) & mask] ?? 0;
  return z;
}

