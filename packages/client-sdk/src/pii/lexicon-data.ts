/**
 * The scrubber's word lists and tagger weights (lexicon-words.ts), and the built-in scrubbers whose
 * rules read them: the one module the browser face loads apart, when the client starts
 * (lexicon-loader.ts); the initial chunk holds the engine and the API. Node imports it with the rest.
 */
export * from './lexicon-words.ts';
export { BUILTIN_SCRUBBERS } from './builtin.ts';
