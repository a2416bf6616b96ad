/** The shape of lexicon-data.ts, for the modules that receive it. */
export type LexiconData = typeof import('./lexicon-data.ts');
