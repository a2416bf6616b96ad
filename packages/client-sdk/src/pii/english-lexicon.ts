import { ENGLISH_WORDS_10, ENGLISH_WORDS_20, ENGLISH_WORDS_35, JARGON_WORDS as JARGON_LIST } from './english-data.ts';

function words(list: string): string[] {
  return list.split(' ').filter((w) => w !== '');
}

/**
 * Lower-case English words and their SCOWL size tier: 1 for the ~4,000 commonest (size 10),
 * 2 for size 20, 3 for size 35 (~38,000 words in all). A word outside these is either rare,
 * jargon, a typo or a name: the name tagger weighs which.
 */
export const ENGLISH_TIER: ReadonlyMap<string, number> = new Map([
  ...words(ENGLISH_WORDS_10).map((w) => [w, 1] as const),
  ...words(ENGLISH_WORDS_20).map((w) => [w, 2] as const),
  ...words(ENGLISH_WORDS_35).map((w) => [w, 3] as const),
]);

/** Software terms and tool names (cspell's software-terms dictionary), lower case. */
export const JARGON_WORDS: ReadonlySet<string> = new Set(words(JARGON_LIST));
