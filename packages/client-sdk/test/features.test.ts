import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FEATURE_SPEC_DEFAULTS,
  deterministicLog,
  featurize,
  featurizeSparse,
  murmurHash3,
  resolveFeatureSpec,
  stripHtmlMarkup,
  tokenize,
  validateFeatureSpec,
  type FeatureSpec,
} from '../src/train/features.ts';

const SPEC: FeatureSpec = { kind: 'hashed-bow', dim: 1024 };

function l2(x: Float32Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s);
}

describe('murmurHash3 (x86_32)', () => {
  // Vectors from Austin Appleby's SMHasher MurmurHash3_x86_32 as tabulated by Ian Boyd,
  // https://stackoverflow.com/a/31929528 (the seed 0 / 1 / 0xffffffff empty-string rows are
  // also the SMHasher sanity values). Strings are hashed as UTF-8.
  const S = 0x9747b28c;
  const vectors: [string, number, number][] = [
    ['', 0, 0x00000000],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['\0\0\0\0', 0, 0x2362f9de],
    ['aaaa', S, 0x5a97808a],
    ['aaa', S, 0x283e0130],
    ['aa', S, 0x5d211726],
    ['a', S, 0x7fa09ea6],
    ['abcd', S, 0xf0478627],
    ['abc', S, 0xc84a62dd],
    ['ab', S, 0x74875592],
    ['abc', 0, 0xb3dd93fa],
    ['Hello, world!', S, 0x24884cba],
    ['ππππππππ', S, 0xd58063c1],
    ['The quick brown fox jumps over the lazy dog', S, 0x2fa826cd],
  ];
  it.each(vectors)('murmur3(%j, %d)', (input, seed, expected) => {
    expect(murmurHash3(input, seed)).toBe(expected);
    expect(murmurHash3(new TextEncoder().encode(input), seed)).toBe(expected);
  });

  it('hashes only the first `length` bytes of a buffer', () => {
    const bytes = new TextEncoder().encode('abcdXYZ');
    expect(murmurHash3(bytes, S, 4)).toBe(0xf0478627);
  });
});

describe('deterministicLog', () => {
  it('agrees with Math.log to within an ulp or two', () => {
    for (let x = 1; x <= 5000; x++) {
      expect(Math.abs(deterministicLog(x) - Math.log(x))).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(Math.log(x))));
    }
    for (const x of [1e-300, 1e-5, 0.5, 0.7071, 1.4142, 1e300]) {
      expect(deterministicLog(x)).toBeCloseTo(Math.log(x), 12);
    }
  });

  it('refuses non-positive input', () => {
    expect(() => deterministicLog(0)).toThrow(RangeError);
    expect(() => deterministicLog(-1)).toThrow(RangeError);
    expect(() => deterministicLog(Number.NaN)).toThrow(RangeError);
  });
});

describe('validateFeatureSpec', () => {
  it('accepts a minimal and a full spec, returning a copy', () => {
    const minimal = { kind: 'hashed-bow', dim: 4096 };
    const v = validateFeatureSpec(minimal);
    expect(v).toEqual(minimal);
    expect(v).not.toBe(minimal);
    const full = { ...FEATURE_SPEC_DEFAULTS, kind: 'hashed-bow', dim: 16, ngrams: 2 };
    expect(validateFeatureSpec(full)).toEqual(full);
  });

  it.each([
    [null, /expected an object, got null/],
    [[1], /expected an object, got an array/],
    ['hashed-bow', /expected an object, got "hashed-bow"/],
    [{ kind: 'dense', dim: 16 }, /kind is "dense", expected "hashed-bow"/],
    [{ kind: 'hashed-bow' }, /dim is undefined, expected an integer in \[16, 1048576\]/],
    [{ kind: 'hashed-bow', dim: 1000 }, /dim is 1000, expected a power of two/],
    [{ kind: 'hashed-bow', dim: 8 }, /dim is 8, expected an integer in \[16, 1048576\]/],
    [{ kind: 'hashed-bow', dim: 2 ** 21 }, /dim is 2097152/],
    [{ kind: 'hashed-bow', dim: 64.5 }, /dim is 64.5/],
    [{ kind: 'hashed-bow', dim: 64, ngrams: 3 }, /ngrams is 3, expected one of 1, 2/],
    [{ kind: 'hashed-bow', dim: 64, lowercase: 'yes' }, /lowercase is "yes", expected a boolean/],
    [{ kind: 'hashed-bow', dim: 64, weighting: 'tfidf' }, /weighting is "tfidf", expected one of "log", "binary", "count"/],
    [{ kind: 'hashed-bow', dim: 64, normalize: 'l1' }, /normalize is "l1"/],
    [{ kind: 'hashed-bow', dim: 64, hashSeed: -1 }, /hashSeed is -1/],
    [{ kind: 'hashed-bow', dim: 64, maxTokenLength: 0 }, /maxTokenLength is 0/],
    [{ kind: 'hashed-bow', dim: 64, maxChars: 1e9 }, /maxChars is 1000000000/],
    [{ kind: 'hashed-bow', dim: 64, stemming: true }, /unknown field "stemming"/],
  ])('rejects %j', (input, message) => {
    expect(() => validateFeatureSpec(input)).toThrow(message);
    expect(() => validateFeatureSpec(input)).toThrow(/^invalid FeatureSpec: /);
  });

  it('resolveFeatureSpec fills every default', () => {
    expect(resolveFeatureSpec(SPEC)).toEqual({ ...FEATURE_SPEC_DEFAULTS, ...SPEC });
  });
});

describe('tokenize and stripHtmlMarkup', () => {
  it('lower-cases, splits on non-word characters and keeps $ and ! as tokens', () => {
    expect(tokenize("Héllo, WORLD! Don't pay $5", SPEC)).toEqual(['héllo', 'world', '!', 'don', 't', 'pay', '$', '5']);
    expect(tokenize('Hello World', { ...SPEC, lowercase: false })).toEqual(['Hello', 'World']);
  });

  it('drops tokens longer than maxTokenLength and reads at most maxChars', () => {
    const blob = 'x'.repeat(41);
    expect(tokenize(`keep ${blob} this`, SPEC)).toEqual(['keep', 'this']);
    expect(tokenize('abc def ghi', { ...SPEC, maxChars: 6 })).toEqual(['abc', 'de']);
  });

  it('strips markup, scripts, styles and comments but keeps link targets and entities', () => {
    const html = '<html><style>p{color:red}</style><script>var x=1</script><!-- hidden -->' + '<p>Caf&eacute; &amp; <b>bar</b> &#36;9 <a href="http://deals.example/buy">go</a> <img src=pic.gif></p>';
    const text = stripHtmlMarkup(html);
    expect(text).not.toMatch(/color|var|hidden|<|>/);
    expect(tokenize(html, SPEC)).toEqual(['caf', 'eacute', 'bar', '$', '9', 'http', 'deals', 'example', 'buy', 'go', 'pic', 'gif']);
  });

  it('leaves a lone "<" in plain text alone', () => {
    expect(tokenize('a < b and c > d', SPEC)).toEqual(['a', 'b', 'and', 'c', 'd']);
  });
});

describe('featurize', () => {
  const text = 'Subject: WIN $$$ now!!\nFrom: promo@example.com\n\n<p>Click <a href="http://win.example.com/x">here</a> &amp; win</p>';

  it('is frozen: same bits as when the demo model was trained', () => {
    // Computed once with this implementation; a change here means every deployed model's
    // features moved, so it must come with a new FeatureSpec (e.g. a different kind).
    const f = featurizeSparse(text, { kind: 'hashed-bow', dim: 64 });
    expect(Array.from(f.indices)).toEqual([5, 6, 12, 19, 27, 29, 31, 52, 54, 58]);
    expect(f.values).toEqual(
      Float32Array.from([
        0.10646723955869675, -0.25652438402175903, -0.25652438402175903, 0.25652438402175903, 0.25652438402175903, -0.25652438402175903,
        -0.25652438402175903, 0.4065815508365631, 0.4065815508365631, -0.5130487680435181,
      ]),
    );
  });

  it('is deterministic and has unit L2 norm', () => {
    const a = featurize(text, SPEC);
    const b = featurize(text, SPEC);
    expect(a).toEqual(b);
    expect(a.length).toBe(1024);
    expect(l2(a)).toBeCloseTo(1, 6);
  });

  it('dense and sparse forms agree', () => {
    const dense = featurize(text, SPEC);
    const sparse = featurizeSparse(text, SPEC);
    const rebuilt = new Float32Array(SPEC.dim);
    sparse.indices.forEach((i, j) => (rebuilt[i] = sparse.values[j]!));
    expect(rebuilt).toEqual(dense);
    expect([...sparse.indices]).toEqual([...sparse.indices].sort((x, y) => x - y));
    expect(sparse.values.every((v) => v !== 0)).toBe(true);
  });

  it('weights a repeated token by log(1 + tf) before normalizing', () => {
    const spec: FeatureSpec = { ...SPEC, signed: false, normalize: 'none' };
    const once = featurizeSparse('spam', spec);
    const thrice = featurizeSparse('spam spam spam', spec);
    expect(Array.from(thrice.indices)).toEqual(Array.from(once.indices));
    expect(once.values[0]).toBeCloseTo(Math.log(2), 6);
    expect(thrice.values[0]).toBeCloseTo(Math.log(4), 6);
    expect(featurizeSparse('spam spam spam', { ...spec, weighting: 'count' }).values[0]).toBe(3);
    expect(featurizeSparse('spam spam spam', { ...spec, weighting: 'binary' }).values[0]).toBe(1);
  });

  it('uses signs only when signed hashing is on', () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    expect(featurize(words, SPEC).some((v) => v < 0)).toBe(true);
    expect(featurize(words, { ...SPEC, signed: false }).every((v) => v >= 0)).toBe(true);
  });

  it('adds bigrams for ngrams: 2 and changes with the hash seed', () => {
    const words = 'the quick brown fox jumps';
    expect(featurizeSparse(words, { ...SPEC, ngrams: 2 }).indices.length).toBeGreaterThan(featurizeSparse(words, SPEC).indices.length);
    expect(featurize(words, { ...SPEC, hashSeed: 7 })).not.toEqual(featurize(words, SPEC));
  });

  it('maps empty and token-free text to the zero vector', () => {
    expect(l2(featurize('', SPEC))).toBe(0);
    expect(l2(featurize(' ... ,,, ', SPEC))).toBe(0);
  });

  it('validates the spec it is given', () => {
    expect(() => featurize('x', { kind: 'hashed-bow', dim: 100 })).toThrow(/dim is 100, expected a power of two/);
  });

  it('property: any text gives a finite vector of norm 0 or 1, identical on re-run', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom<1 | 2>(1, 2), (s, ngrams) => {
        const spec: FeatureSpec = { kind: 'hashed-bow', dim: 64, ngrams };
        const x = featurize(s, spec);
        expect(x.every(Number.isFinite)).toBe(true);
        const norm = l2(x);
        expect(norm === 0 || Math.abs(norm - 1) < 1e-5).toBe(true);
        expect(featurize(s, spec)).toEqual(x);
      }),
      { numRuns: 300 },
    );
  });
});
