import type { Scrubber } from './types.ts';

/**
 * The shape of lexicon-data.ts, for the modules that receive it: the word lists of lexicon-words.ts
 * and the built-in scrubbers (named here rather than read from lexicon-data.ts, whose rules import
 * the lexicon: the type would close a cycle).
 */
export type LexiconData = typeof import('./lexicon-words.ts') & { readonly BUILTIN_SCRUBBERS: readonly Scrubber[] };
