import * as data from './lexicon-data.ts';
import type { LexiconData } from './lexicon-types.ts';

/**
 * How Node (and any runtime outside the `browser` condition) gets the lexicon: imported with the
 * scrubber, so `scrubPii` works from the first call. Chosen by the package's `#pii-lexicon-loader`
 * import map.
 */
export const preloadedLexicon: LexiconData | undefined = data;

export function importLexicon(): Promise<LexiconData> {
  return Promise.resolve(data);
}
