import type { LexiconData } from './lexicon-types.ts';

/**
 * How browsers get the lexicon: a module of its own that bundlers put in a separate chunk,
 * fetched by `loadPiiLexicon()` (the browser client calls it when it is created). Chosen by the
 * package's `#pii-lexicon-loader` import map outside the `node` condition.
 */
export const preloadedLexicon: LexiconData | undefined = undefined;

export function importLexicon(): Promise<LexiconData> {
  return import('./lexicon-data.ts');
}
