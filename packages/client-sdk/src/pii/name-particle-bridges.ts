import { ENGLISH_TIER, PLACE_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { BUILD_GIVEN_SET, BUILD_SURNAME_SET, FIRST_NAME_SET, foldName } from './name-lexicon.ts';
import { inRegime, regimeOf } from './name-words.ts';
import type { Regime } from './name-words.ts';
import type { PiiSpan } from './types.ts';

// Spanish, Portuguese, Italian, Dutch and Arabic names hold particles between their words
// (issue 13: a name is removed whole): "María de los Ángeles García", "Maria das Graças Souza",
// "José da Silva", "Juan Carlos de la Cruz", "Ahmad bin Said". The rules that find names take a
// particle into a name only between two name words they know; a name found in two pieces, or a
// given name that a mention or a list's separator hides from them, leaves the particle and the
// given name standing ("@María de los [PERSON]", "[PERSON] das [PERSON]"). Here two names with a
// particle between them become one, and a given name a list holds before a particle and a name
// joins it. "y" and "e" (and) join two names only before a second surname, no given name (they
// join two people too).

/** One or two particles between a name's words, written in the line's case. */
const PARTICLES = /^ ((?:de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|ten|bin|binti|bint|ibn|al|el)(?: (?:la|las|los|le|lo|der|den|da|de|do|dos|das))?) $/i;
/** A word and the particles after it, right before a name. */
const WORD_AND_PARTICLES_BEFORE = /(?<![\p{L}\p{M}\p{N}_'’.-])([\p{L}\p{M}]{2,}) ((?:de|da|do|dos|das|del|della|di|du|van|von|bin|binti|ibn|al|el)(?: (?:la|las|los|le|lo|der|den))?) $/iu;
/** Particles and a word after a name. */
const PARTICLES_AND_WORD_AFTER = /^ ((?:de|da|dos|das|del|della|di|du|van|von|bin|binti|ibn|al|el)(?: (?:la|las|los|le|lo|der|den))?) ([\p{L}\p{M}]{2,})(?![\p{L}\p{M}\p{N}_@'’-])/iu;
/** What ends a name right after its last word: a line's or a field's end, a bracket, a comma, a point, a dash, a verb. */
const CLOSE_AFTER = /^(?:[ \t]*(?:$|\r?\n|[<>\/|()[\]{},;:!?"”`*_]|\.(?:\s|$))|\t| {2}| [-–—] | (?:will|would|can|could|should|is|was|has|had|did|and|said|wrote)\b)/iu;
/** "y" or "e" (and) and a word after a name: a second surname's link ("García y Pérez", "Silva e Souza"). */
const AND_WORD_AFTER = /^ ([yYeE]) ([\p{L}\p{M}]{2,})(?![\p{L}\p{M}\p{N}_@'’-])/u;

/** Particles written in the name's case: small in a name of capitals only in a line of capitals. */
function particlesInCase(p: string, regime: Regime): boolean {
  return regime === 'upper' ? p === p.toUpperCase() : p === p.toLowerCase();
}

/**
 * A given name before "binti", "bint" or "ibn" (daughter, son of), which are no English words, or
 * before "bin" when it is no English word either: "Siti binti Rahman", "Nur Aini binti Ismail".
 */
function patronymOf(w: string, particles: string, regime: Regime): boolean {
  const p = particles.toLowerCase();
  if (!inRegime(w, regime) || (p !== 'binti' && p !== 'ibn' && p !== 'bin')) return false;
  return p !== 'bin' || !ENGLISH_TIER.has(w.toLowerCase());
}

/**
 * After "y" or "e", the second surname of a name of two words or more ("Mercedes Salazar y Ríos"):
 * a surname as after particles ({@link surnameAfter}), no English word, place or product, and no
 * given name, so no second person the "and" adds ("Ana Silva e Pedro"), where a name ends.
 */
function secondSurname(name: string, w: string, regime: Regime): boolean {
  if (!/\S[ \t]+\S/u.test(name) || !inRegime(w, regime) || listedGiven(w, regime)) return false;
  const folded = foldName(w);
  return surnameAfter(w, regime) && !ENGLISH_TIER.has(w.toLowerCase()) && !PLACE_WORDS.has(folded) && !PRODUCT_WORDS.has(folded);
}

/** A given name a list holds, in the name's case ("María", "maria", "JOSÉ"). */
function listedGiven(w: string, regime: Regime): boolean {
  if (!inRegime(w, regime)) return false;
  const folded = foldName(w);
  return BUILD_GIVEN_SET.has(folded) || FIRST_NAME_SET.has(folded.charAt(0).toUpperCase() + folded.slice(1));
}

/** A surname after particles: one a list holds, or in mixed case a capitalised word no English list holds ("de la Cruz"). */
function surnameAfter(w: string, regime: Regime): boolean {
  if (!inRegime(w, regime)) return false;
  const folded = foldName(w);
  return BUILD_SURNAME_SET.has(folded) || (regime === 'title' && !ENGLISH_TIER.has(w.toLowerCase()));
}

/**
 * Names joined across the particles between them, and grown over a listed given name before
 * particles or particles and a surname after (see above). `spans` are sorted and do not overlap;
 * so is the result. (Only spans with a particle-sized gap or a particle beside them are looked at.)
 */
export function withNameParticles(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const s0 of spans) {
    const s = { ...s0 };
    const regime = regimeOf(text.slice(s.start, s.end));
    const last = out[out.length - 1];
    if (last !== undefined && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      continue;
    }
    if (regime !== undefined && last !== undefined && s.start - last.end <= 12 && s.start - last.end >= 4) {
      const gap = PARTICLES.exec(text.slice(last.end, s.start));
      if (gap?.[1] !== undefined && particlesInCase(gap[1], regime) && regimeOf(text.slice(last.start, last.end)) === regime) {
        last.end = s.end;
        continue;
      }
    }
    if (regime !== undefined) {
      const lo = last?.end ?? 0;
      const m = WORD_AND_PARTICLES_BEFORE.exec(text.slice(Math.max(lo, s.start - 32), s.start));
      if (m?.[1] !== undefined && m[2] !== undefined && particlesInCase(m[2], regime) && (listedGiven(m[1], regime) || patronymOf(m[1], m[2], regime))) s.start -= m[0].length;
      const a = PARTICLES_AND_WORD_AFTER.exec(text.slice(s.end, s.end + 32));
      if (a?.[1] !== undefined && a[2] !== undefined && particlesInCase(a[1], regime) && surnameAfter(a[2], regime) && CLOSE_AFTER.test(text.slice(s.end + a[0].length, s.end + a[0].length + 12))) s.end += a[0].length;
      const y = AND_WORD_AFTER.exec(text.slice(s.end, s.end + 32));
      if (y?.[1] !== undefined && y[2] !== undefined && particlesInCase(y[1], regime) && secondSurname(text.slice(s.start, s.end), y[2], regime) && CLOSE_AFTER.test(text.slice(s.end + y[0].length, s.end + y[0].length + 12))) s.end += y[0].length;
    }
    out.push(s);
  }
  return out;
}
