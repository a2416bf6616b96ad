/**
 * On-device text features: a hashed bag of words (the "hashing trick", Weinberger et al.,
 * "Feature Hashing for Large Scale Multitask Learning", ICML 2009).
 *
 * Every device must turn the same text into bit-identical vectors, or the federated model is
 * trained on one feature space and served on another. So this module is isomorphic (no `node:`
 * imports; runs in browsers and workers) and uses only operations whose IEEE-754 results are
 * fixed by the ECMAScript spec: the hash is integer arithmetic (`Math.imul`), the term weight
 * log(1 + tf) is computed by a fixed series of + − × ÷ rather than `Math.log` (whose last bit
 * the spec leaves to the engine), and the L2 norm uses `Math.sqrt`, which is correctly rounded.
 * The remaining platform dependence is Unicode data: `toLowerCase` and the `\p{L}` token class
 * follow the engine's Unicode version, which only matters for characters assigned recently.
 *
 * @example
 * const spec = validateFeatureSpec({ kind: 'hashed-bow', dim: 4096 });
 * const x = featurize('Subject: cheap meds!!', spec); // Float32Array(4096), unit L2 norm
 */

/** How a device turns a text into a fixed-length vector. Sent by the coordinator with a task. */
export interface FeatureSpec {
  kind: 'hashed-bow';
  /** Vector length, a power of two (the low hash bits pick the bucket, the top bit the sign). */
  dim: number;
  /** Lower-case before tokenizing. @default true */
  lowercase?: boolean;
  /** 1: words; 2: words plus each pair of adjacent words. @default 1 */
  ngrams?: 1 | 2;
  /** Drop HTML comments, `<script>`/`<style>` bodies and tags; decode common entities. @default true */
  stripHtml?: boolean;
  /**
   * Signed hashing: a token adds ±weight by another hash bit, so bucket collisions cancel in
   * expectation instead of piling up (Weinberger et al. 2009, §2). @default true
   */
  signed?: boolean;
  /** Term weight from the count tf of a token in the text. @default 'log' (log(1 + tf)) */
  weighting?: 'log' | 'binary' | 'count';
  /** Scale the vector to unit Euclidean length so long and short texts are comparable. @default 'l2' */
  normalize?: 'l2' | 'none';
  /** Seed of the MurmurHash3 token hash; changing it re-draws all bucket collisions. @default 0 */
  hashSeed?: number;
  /** Tokens longer than this (UTF-16 units) are dropped: base64 runs, ids, hashes. @default 40 */
  maxTokenLength?: number;
  /** Only this many leading characters of a text are read, bounding work per text. @default 100_000 */
  maxChars?: number;
}

/** A sparse feature vector: ascending bucket indices and their values. */
export interface SparseFeatures {
  dim: number;
  indices: Uint32Array;
  values: Float32Array;
}

/** Defaults applied to optional {@link FeatureSpec} fields. */
export const FEATURE_SPEC_DEFAULTS = {
  lowercase: true,
  ngrams: 1,
  stripHtml: true,
  signed: true,
  weighting: 'log',
  normalize: 'l2',
  hashSeed: 0,
  maxTokenLength: 40,
  maxChars: 100_000,
} as const satisfies Omit<Required<FeatureSpec>, 'kind' | 'dim'>;

/** Smallest accepted {@link FeatureSpec.dim}. */
export const MIN_FEATURE_DIM = 16;
/** Largest accepted {@link FeatureSpec.dim}: 2^20 floats is 4 MiB per dense vector. */
export const MAX_FEATURE_DIM = 1 << 20;
/** Largest accepted {@link FeatureSpec.maxTokenLength}. */
export const MAX_TOKEN_LENGTH_LIMIT = 1000;
/** Largest accepted {@link FeatureSpec.maxChars}. */
export const MAX_CHARS_LIMIT = 10_000_000;

type ResolvedFeatureSpec = Required<FeatureSpec>;

const SPEC_KEYS: ReadonlySet<string> = new Set([
  'kind',
  'dim',
  'lowercase',
  'ngrams',
  'stripHtml',
  'signed',
  'weighting',
  'normalize',
  'hashSeed',
  'maxTokenLength',
  'maxChars',
]);

function fail(message: string): never {
  throw new Error(`invalid FeatureSpec: ${message}`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

function checkInteger(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(`${name} is ${describe(value)}, expected an integer in [${min}, ${max}]`);
  }
}

function checkOneOf(name: string, value: unknown, allowed: readonly unknown[]): void {
  if (!allowed.includes(value)) {
    fail(`${name} is ${describe(value)}, expected one of ${allowed.map(describe).join(', ')}`);
  }
}

/**
 * Checks an untrusted value (e.g. decoded from the wire) and returns it as a {@link FeatureSpec}
 * (a copy, optional fields left as given). Unknown fields are refused rather than ignored: a
 * device that skipped a field it does not understand would compute different features silently.
 * @throws Error naming the offending field, its value and what was expected.
 */
export function validateFeatureSpec(x: unknown): FeatureSpec {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) {
    fail(`expected an object, got ${describe(x)}`);
  }
  const o = x as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!SPEC_KEYS.has(key)) fail(`unknown field ${JSON.stringify(key)}`);
  }
  if (o.kind !== 'hashed-bow') fail(`kind is ${describe(o.kind)}, expected "hashed-bow"`);
  checkInteger('dim', o.dim, MIN_FEATURE_DIM, MAX_FEATURE_DIM);
  const dim = o.dim as number;
  if ((dim & (dim - 1)) !== 0) fail(`dim is ${dim}, expected a power of two`);
  const out: FeatureSpec = { kind: 'hashed-bow', dim };
  for (const key of ['lowercase', 'stripHtml', 'signed'] as const) {
    if (o[key] === undefined) continue;
    if (typeof o[key] !== 'boolean') fail(`${key} is ${describe(o[key])}, expected a boolean`);
    out[key] = o[key];
  }
  if (o.ngrams !== undefined) {
    checkOneOf('ngrams', o.ngrams, [1, 2]);
    out.ngrams = o.ngrams as 1 | 2;
  }
  if (o.weighting !== undefined) {
    checkOneOf('weighting', o.weighting, ['log', 'binary', 'count']);
    out.weighting = o.weighting as 'log' | 'binary' | 'count';
  }
  if (o.normalize !== undefined) {
    checkOneOf('normalize', o.normalize, ['l2', 'none']);
    out.normalize = o.normalize as 'l2' | 'none';
  }
  if (o.hashSeed !== undefined) {
    checkInteger('hashSeed', o.hashSeed, 0, 0xffffffff);
    out.hashSeed = o.hashSeed as number;
  }
  if (o.maxTokenLength !== undefined) {
    checkInteger('maxTokenLength', o.maxTokenLength, 1, MAX_TOKEN_LENGTH_LIMIT);
    out.maxTokenLength = o.maxTokenLength as number;
  }
  if (o.maxChars !== undefined) {
    checkInteger('maxChars', o.maxChars, 1, MAX_CHARS_LIMIT);
    out.maxChars = o.maxChars as number;
  }
  return out;
}

/** Validates `spec` and fills in every default, giving the exact recipe a device will follow. */
export function resolveFeatureSpec(spec: FeatureSpec): ResolvedFeatureSpec {
  return { ...FEATURE_SPEC_DEFAULTS, ...validateFeatureSpec(spec) };
}

// ---------------------------------------------------------------------------------------------
// Hashing

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/**
 * MurmurHash3 x86_32 (Austin Appleby, SMHasher `MurmurHash3.cpp`) of `length` bytes of `bytes`.
 * Strings are hashed as their UTF-8 bytes.
 */
export function murmurHash3(input: string | Uint8Array, seed = 0, length?: number): number {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const len = length ?? bytes.length;
  let h = seed >>> 0;
  const blockEnd = len & ~3;
  for (let i = 0; i < blockEnd; i += 4) {
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  switch (len & 3) {
    case 3:
      k ^= bytes[blockEnd + 2]! << 16;
    // falls through
    case 2:
      k ^= bytes[blockEnd + 1]! << 8;
    // falls through
    case 1:
      k ^= bytes[blockEnd]!;
      k = Math.imul(k, C1);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, C2);
      h ^= k;
  }
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const encoder = new TextEncoder();
// Reused UTF-8 scratch space; a token of n UTF-16 units needs at most 3n bytes.
let scratch = new Uint8Array(1024);

function hashToken(token: string, seed: number): number {
  if (scratch.length < token.length * 3) scratch = new Uint8Array(token.length * 3);
  const { written } = encoder.encodeInto(token, scratch);
  return murmurHash3(scratch, seed, written);
}

// ---------------------------------------------------------------------------------------------
// Term weight

const LN2 = 0.6931471805599453;

/**
 * Natural log of a positive finite number from + − × ÷ only, so every IEEE-754 engine returns
 * the same bits (ECMAScript leaves `Math.log` implementation-approximated). Reduce to m·2^e with
 * m in [√½, √2) by exact halving/doubling, then ln m = 2·atanh(z), z = (m−1)/(m+1), |z| < 0.172,
 * summed to z^41 — past the point where terms fall below 2^-53 of the result.
 */
export function deterministicLog(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`deterministicLog needs a positive finite number, got ${x}`);
  let m = x;
  let e = 0;
  while (m >= Math.SQRT2) {
    m /= 2;
    e++;
  }
  while (m < Math.SQRT1_2) {
    m *= 2;
    e--;
  }
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let term = z;
  let sum = 0;
  for (let n = 1; n <= 41; n += 2) {
    sum += term / n;
    term *= z2;
  }
  return e * LN2 + 2 * sum;
}

function termWeight(count: number, weighting: ResolvedFeatureSpec['weighting']): number {
  if (weighting === 'binary') return 1;
  if (weighting === 'count') return count;
  return deterministicLog(1 + count);
}

// ---------------------------------------------------------------------------------------------
// Text → tokens

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
};

const LINK_ATTRIBUTE = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/**
 * Removes HTML markup, keeping the text a reader would see plus link and image targets (an
 * image-only mail is otherwise empty). Tags are bounded in length so a stray `<` in plain text
 * cannot swallow the rest of a message.
 */
export function stripHtmlMarkup(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[^>]{0,2000}>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?[a-zA-Z!][^<>]{0,2000}>/g, (tag) => {
      let kept = ' ';
      for (const m of tag.matchAll(LINK_ATTRIBUTE)) kept += `${m[1] ?? m[2] ?? m[3] ?? ''} `;
      return kept;
    })
    .replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    });
}

// Words are runs of letters, combining marks and digits; '$', '€', '£' and '!' are tokens of
// their own because in mail they carry signal ("$$$", "FREE!!!").
const TOKEN_PATTERN = /[\p{L}\p{M}\p{N}]+|[$€£!]/gu;

/** The tokens `featurize` hashes for `text` under `spec` (before n-grams), in text order. */
export function tokenize(text: string, spec: FeatureSpec): string[] {
  const s = resolveFeatureSpec(spec);
  return tokensOf(text, s);
}

function tokensOf(text: string, s: ResolvedFeatureSpec): string[] {
  let t = text.length > s.maxChars ? text.slice(0, s.maxChars) : text;
  if (s.stripHtml) t = stripHtmlMarkup(t);
  if (s.lowercase) t = t.toLowerCase();
  const tokens: string[] = [];
  for (const match of t.matchAll(TOKEN_PATTERN)) {
    const token = match[0];
    if (token.length <= s.maxTokenLength) tokens.push(token);
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Tokens → vector

/** The features of `text` as a sparse vector (ascending indices, zeros omitted). */
export function featurizeSparse(text: string, spec: FeatureSpec): SparseFeatures {
  const s = resolveFeatureSpec(spec);
  const tokens = tokensOf(text, s);
  const counts = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const unigram = tokens[i]!;
    counts.set(unigram, (counts.get(unigram) ?? 0) + 1);
    // A space cannot occur inside a token, so "a b" never collides with a unigram's text.
    if (s.ngrams === 2 && i > 0) {
      const bigram = `${tokens[i - 1]!} ${unigram}`;
      counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
    }
  }
  const mask = s.dim - 1;
  const buckets = new Map<number, number>();
  // Map iteration is insertion order, i.e. text order: the float sums below are reproducible.
  for (const [token, count] of counts) {
    const h = hashToken(token, s.hashSeed);
    const index = h & mask;
    const sign = s.signed && h >>> 31 === 1 ? -1 : 1;
    buckets.set(index, (buckets.get(index) ?? 0) + sign * termWeight(count, s.weighting));
  }
  // Signed collisions can cancel a bucket to exactly 0; such buckets are left out.
  const indices = Uint32Array.from([...buckets.keys()].filter((i) => buckets.get(i) !== 0)).sort();
  const values = new Float32Array(indices.length);
  let norm = 1;
  if (s.normalize === 'l2') {
    let sumSquares = 0;
    for (const i of indices) {
      const v = buckets.get(i)!;
      sumSquares += v * v; // not `v ** 2`: exponentiation is implementation-approximated
    }
    norm = sumSquares > 0 ? Math.sqrt(sumSquares) : 1;
  }
  for (let j = 0; j < indices.length; j++) values[j] = buckets.get(indices[j]!)! / norm;
  return { dim: s.dim, indices, values };
}

/** The features of `text` as a dense vector of length `spec.dim`. */
export function featurize(text: string, spec: FeatureSpec): Float32Array {
  const sparse = featurizeSparse(text, spec);
  const out = new Float32Array(sparse.dim);
  for (let j = 0; j < sparse.indices.length; j++) out[sparse.indices[j]!] = sparse.values[j]!;
  return out;
}
