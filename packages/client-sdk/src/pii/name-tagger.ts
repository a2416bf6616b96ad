import { lexiconData } from './lexicon.ts';
import { WordSequence, hashFeature, isCandidate, ownFeatures } from './name-features.ts';
import { addContextWeights } from './name-feature-hashes.ts';
import type { WordToken } from './name-features.ts';
import type { PiiSpan } from './types.ts';
import { isFunctionWordOf, lineLanguagesAt } from './foreign-lines.ts';
import { addressedBefore, cueBefore, foreignToVietnamese } from './foreign-names.ts';
import { oneSyllable } from './name-syllable-shape.ts';

/**
 * The name tagger: a logistic regression over hashed features of each word (its letters as
 * character n-grams, whether it is an English word and how common, the lexicon, its case and the
 * case of its line, the words around it). Trained with TensorFlow.js on generated workplace text
 * whose names come only from the build half of the name sources (scripts/pii-train-tagger.ts);
 * here it runs as plain arithmetic, with no TensorFlow.js at run time.
 */

interface DecodedModel {
  weights: Float32Array;
  mask: number;
  bias: number;
  /** A word is a name at this logit or above. */
  nameLogit: number;
  /** A word next to a name joins it at this lower logit, so a name is removed whole. */
  extendLogit: number;
}

let model: DecodedModel | undefined;

function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Int8 weights are decoded once, on first use. */
function loadModel(): DecodedModel {
  if (model !== undefined) return model;
  const NAME_TAGGER_MODEL = lexiconData().NAME_TAGGER_MODEL;
  const bytes = decodeBase64(NAME_TAGGER_MODEL.weights);
  if (bytes.length !== NAME_TAGGER_MODEL.buckets) {
    throw new Error(`name tagger has ${bytes.length} weights, expected ${NAME_TAGGER_MODEL.buckets}`);
  }
  const weights = new Float32Array(bytes.length);
  const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < signed.length; i++) weights[i] = (signed[i] ?? 0) * NAME_TAGGER_MODEL.scale;
  model = {
    weights,
    mask: NAME_TAGGER_MODEL.buckets - 1,
    bias: NAME_TAGGER_MODEL.bias,
    nameLogit: logit(NAME_TAGGER_MODEL.threshold),
    extendLogit: logit(NAME_TAGGER_MODEL.extendThreshold),
  };
  return model;
}

/** Summed weights of a word's own features, by word, line case and sentence start. */
const OWN_SCORES = new Map<string, number>();
const OWN_SCORES_LIMIT = 50_000;

function ownScore(m: DecodedModel, t: WordToken): number {
  const k = `${t.regime}${t.initial ? '^' : ''}${t.word}`;
  let z = OWN_SCORES.get(k);
  if (z === undefined) {
    z = 0;
    for (const f of ownFeatures(t)) z += m.weights[hashFeature(f) & m.mask] ?? 0;
    if (OWN_SCORES.size >= OWN_SCORES_LIMIT) OWN_SCORES.clear();
    OWN_SCORES.set(k, z);
  }
  return z;
}

/** Logit of word `i` being (part of) a person's name. */
export function scoreToken(tokens: WordSequence, i: number): number {
  const m = loadModel();
  const t = tokens.at(i);
  if (t === undefined) return Number.NEGATIVE_INFINITY;
  return addContextWeights(m.bias + ownScore(m, t), m.weights, m.mask, t, tokens.at(i - 2), tokens.at(i - 1), tokens.at(i + 1), tokens.at(i + 2));
}

/** Surname particles, taken into a name when a name word follows them ("van der Berg"). */
const PARTICLES = new Set(['van', 'von', 'de', 'da', 'del', 'della', 'der', 'den', 'di', 'du', 'le', 'la', 'al', 'el', 'bin', 'ben', 'ibn', 'bint', 'dos', 'das', 'do', 'ter', 'ten', 'mac', 'st']);

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** Longest run of words taken as one name. */
const MAX_NAME_WORDS = 5;

/**
 * A word of a line in another language that the tagger would take for a name without cause: in a
 * line without case, any word no name list holds ("przesyłam fakturę za marzec", "tu peux
 * valider"); in mixed case, a function word of that language ("Le", "Sie"). Either is a name
 * still right after a greeting or a form of address ("hola cheyanne", "szanowny panie insa"),
 * or after such a name word.
 */
function foreignWord(text: string, tokens: WordSequence, t: WordToken, i: number): boolean {
  const langs = lineLanguagesAt(text, t.start);
  if (langs.length === 0) return false;
  const functionWord = isFunctionWordOf(t.word, langs);
  const unlisted = functionWord || (t.regime !== 'M' && t.lex === 0);
  // (A form of address or a label is no cue to a function word: "em đã gửi".)
  return unlisted && !cueBefore(text, tokens, i) && (functionWord || !(addressedBefore(text, tokens, i, langs) || foreignToVietnamese(t, langs)));
}

/**
 * A word of a Vietnamese line without case that no Vietnamese syllable can be and no list holds
 * (`foreignToVietnamese`): a name, however the tagger scores it at a line's start ("ivanka
 * đang nghỉ phép"). (The line's language is asked only of such a word.)
 */
function strangerInVietnamese(text: string, t: WordToken): boolean {
  return t.regime !== 'M' && t.tier === 0 && t.lex === 0 && !oneSyllable(t.folded.replace(/đ/g, 'd')) && foreignToVietnamese(t, lineLanguagesAt(text, t.start));
}

/** Word `i` follows the previous one after a single space and is no code: it may join a name. */
function joinedToPrevious(tokens: WordSequence, i: number): boolean {
  return tokens.at(i)?.sepBefore === ' ' && !(tokens.at(i)?.code ?? true);
}

/** Spans of the names the tagger finds in `text`. */
export function findTaggedNames(text: string, tokens: WordSequence = new WordSequence(text)): PiiSpan[] {
  const { nameLogit: NAME_LOGIT, extendLogit: EXTEND_LOGIT } = loadModel();
  const n = tokens.length;
  const scores = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const isName = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    if (tokens.isPlainWord(i)) continue;
    const t = tokens.at(i);
    if (t === undefined || !isCandidate(t)) continue;
    scores[i] = scoreToken(tokens, i);
    if (((scores[i] ?? 0) >= NAME_LOGIT || strangerInVietnamese(text, t)) && !foreignWord(text, tokens, t, i)) {
      isName[i] = 1;
      any = true;
    }
  }
  if (!any) return [];
  // Whole names: a neighbour joined by one space joins the name when it is likely enough, or
  // when it is a particle followed by a name word.
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < n; i++) {
      if (isName[i] === 1 || (isName[i - 1] !== 1 && isName[i + 1] !== 1)) continue;
      const t = tokens.at(i);
      if (t === undefined || t.code) continue;
      const left = i > 0 && isName[i - 1] === 1 && joinedToPrevious(tokens, i);
      const right = i + 1 < n && isName[i + 1] === 1 && joinedToPrevious(tokens, i + 1);
      if (!left && !right) continue;
      if (right && PARTICLES.has(t.lower)) {
        isName[i] = 1;
        continue;
      }
      if (isCandidate(t)) {
        if ((scores[i] ?? 0) >= EXTEND_LOGIT) isName[i] = 1;
      } else if (t.regime !== 'M' && !t.code && t.folded.length >= 2) {
        // In a line without case an English word next to a name may be part of it ("GOLDEN
        // MULLER", "nhat ha"): it joins when the tagger is as sure as a name starts.
        if (scoreToken(tokens, i) >= NAME_LOGIT) isName[i] = 1;
      }
      // A common word in mixed case ("will", "sync") does not join.
    }
  }
  const spans: PiiSpan[] = [];
  for (let i = 0; i < n; i++) {
    if (isName[i] !== 1) continue;
    let j = i;
    while (j + 1 < n && isName[j + 1] === 1 && joinedToPrevious(tokens, j + 1) && j - i + 1 < MAX_NAME_WORDS) j++;
    const first = tokens.at(i);
    const last = tokens.at(j);
    // A particle alone at either end is not part of the name.
    let a = i;
    let b = j;
    while (a < b && PARTICLES.has(tokens.at(a)?.lower ?? '') && a === i && (scores[a] ?? 0) < NAME_LOGIT) a++;
    while (b > a && PARTICLES.has(tokens.at(b)?.lower ?? '') && (scores[b] ?? 0) < NAME_LOGIT) b--;
    if (first !== undefined && last !== undefined && !(a === b && PARTICLES.has(tokens.at(a)?.lower ?? '') && (scores[a] ?? 0) < NAME_LOGIT)) {
      spans.push({ start: tokens.at(a)?.start ?? first.start, end: tokens.at(b)?.end ?? last.end });
    }
    i = j;
  }
  return spans;
}
