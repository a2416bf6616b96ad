import { ENGLISH_TIER, JARGON_WORDS, PLACE_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { NEVER_JOINS_AFTER } from './name-extension.ts';
import { foldName } from './name-lexicon.ts';
import { AFTER_SURNAME, CALENDAR_WORD, finiteVerb, neverBeside } from './name-words.ts';
import { SYLLABLE, oneSyllable } from './name-syllable-shape.ts';

export { oneSyllable };

// Names written as romanised syllables (issue 13: a name is removed whole). Chinese, Vietnamese,
// Korean and Cantonese names are runs of one-syllable words, and many syllables are also short
// English words: "ngoc le pun", "zichen chai", "an ha chiu", "thanh ha he", "lan vy ho". The
// tagger finds the syllables that no English list holds ("ngoc le", "zichen") and leaves the
// others standing beside them. A short word right beside such a run is another syllable of the
// name as often as it is an English word: English seldom puts a rare two- to four-letter word
// ("pun", "pan", "chow", "gong") right after or before a person's name; its commonest ones
// (SCOWL size 10: "the", "is", "go", "up") and the words that sit beside names (cues, fillers,
// prepositions, verbs that follow a subject) are left out.

/** The longest word read as a syllable beside a name. */
const MAX_SYLLABLE = 4;

/** A name's word of one or two syllables ("zichen", "xiaoqing", "ngoc"). */
const NAME_SYLLABLES = new RegExp(`^(?:${SYLLABLE}){1,2}$`);

/** Whether every word of `name` is of one or two romanised syllables, listed in English or not ("He Long", "Ma Jun"). */
export function romanisedWords(name: string): boolean {
  const words = name.split(/[ \t]+/).filter((w) => w !== '');
  return words.length > 0 && words.length <= 4 && words.every((w) => NAME_SYLLABLES.test(foldName(w).replace(/đ/g, 'd')));
}

function listed(lower: string): boolean {
  const folded = foldName(lower);
  return ENGLISH_TIER.has(lower) || JARGON_WORDS.has(lower) || PRODUCT_WORDS.has(folded) || PLACE_WORDS.has(folded);
}

/**
 * Whether the name found, `name`, is a run of romanised syllables: every word of one or two
 * syllables (marks aside), and at least one that no English, jargon, product or place list holds
 * ("ngoc le", "zichen", "kiet trinh du", "XIAOQING"; not "lilya skiles", "Ana Rossi", nor "Bob
 * Lee" of listed words).
 */
export function syllabicName(name: string): boolean {
  const words = name.split(/[ \t]+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 4) return false;
  let unlisted = false;
  for (const w of words) {
    const lower = w.toLowerCase();
    // (Vietnamese "đ" has no mark to strip: it is a letter of its own.)
    if (!NAME_SYLLABLES.test(foldName(w).replace(/đ/g, 'd'))) return false;
    if (!listed(lower)) unlisted = true;
  }
  return unlisted;
}

/**
 * Whether `lower`, a word right beside a name of romanised syllables, is one more syllable of it:
 * two to four letters, one of the rarer English words (SCOWL 20 and 35: "ha", "pun", "chow") or a
 * jargon or product word ("chai", "ton"), and not a word that sits beside names (a cue, a filler,
 * a preposition, a verb that follows a subject, a date) nor a verb's inflection.
 */
export function syllableBesideName(lower: string, side: 'left' | 'right'): boolean {
  if (lower.length < 2 || lower.length > MAX_SYLLABLE || !oneSyllable(lower)) return false;
  // A word in "s" is a plural or a verb ("ins", "sees"): no romanised Chinese or Vietnamese
  // syllable ends so.
  if (lower.endsWith('s')) return false;
  // Before a name English puts roles and verbs, some of them short ("dm", "hire"): there only a
  // word of up to three letters with a vowel is read as a syllable ("an ha chiu", "per ha kiet"):
  // abbreviations have none ("dm", "pm", "hr").
  if (side === 'left' && (lower.length > 3 || !/[aeiouy]/.test(lower))) return false;
  const tier = ENGLISH_TIER.get(lower);
  if (tier === 1 || tier === 4) return false;
  if (tier === undefined && !JARGON_WORDS.has(lower) && !PRODUCT_WORDS.has(foldName(lower))) return false;
  // (Nor a verb's past: "owed", "fed".)
  return !(neverBeside(lower) || NEVER_JOINS_AFTER.has(lower) || AFTER_SURNAME.has(lower) || CALENDAR_WORD.test(lower) || finiteVerb(lower) || lower.endsWith('ed'));
}
