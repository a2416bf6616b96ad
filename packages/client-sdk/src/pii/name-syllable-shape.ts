// The shape of one romanised syllable: the syllable rules of names (name-syllables.ts) and the
// Vietnamese lines of foreign-names.ts both read it. It imports nothing, so foreign-names.ts reads it
// without depending on the name rules that themselves depend on foreign-names.ts.

/**
 * A romanised syllable of Chinese, Vietnamese, Korean or Cantonese: one initial consonant (or
 * one of the pairs those spellings use), a vowel and up to two more, a final nasal or stop ("ha",
 * "pun", "chow", "ngoc", "trinh", "xiao", "qing"). English chat's interjections and
 * abbreviations have other shapes ("lol", "ugh", "hmm", "btw", "lmao"), and so do most
 * European and African names' words ("skiles", "laksita", "rossi").
 */
export const SYLLABLE = '(?:ch|sh|zh|ng|nh|th|tr|ph|kh|gh|gi|qu|kw|ts|[bcdfghjklmnpqrstvwxz])?[aeiouy][aeiouyw]{0,2}(?:ng|nh|ch|[nmptckh])?';
/** One syllable. */
const ONE_SYLLABLE = new RegExp(`^${SYLLABLE}$`);
/** Whether `folded`, a word folded and lower-cased, is one romanised syllable ("ha", "long", "hung"). */
export function oneSyllable(folded: string): boolean {
  return ONE_SYLLABLE.test(folded);
}

/** English function words that are also a romanised name's words, first or last (何 He, Vietnamese Tố and Ân). */
export const SYLLABLE_FUNCTION_WORDS: ReadonlySet<string> = new Set(['he', 'to', 'an']);
