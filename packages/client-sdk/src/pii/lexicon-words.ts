/**
 * The scrubber's word lists and tagger weights (~680 kB minified), for lexicon-data.ts to carry with
 * the rules that read them. Imports nothing but data, so the lexicon's type (lexicon-types.ts) needs
 * no rule.
 */
export { ENGLISH_WORDS_10, ENGLISH_WORDS_20, ENGLISH_WORDS_35, JARGON_WORDS } from './english-data.ts';
export { COMMON_WORDS, FIRST_NAMES } from './names-data.ts';
export { BUILD_GIVEN_NAMES, BUILD_SURNAMES } from './names-build-data.ts';
export { NAME_TAGGER_MODEL } from './name-tagger-weights.ts';
export { PLACE_WORDS } from './place-data.ts';
export { PRODUCT_WORDS } from './product-data.ts';
export { STREET_ENDINGS, STREET_TYPE_WORDS, UNIT_WORDS } from './street-data.ts';
export { COMMON_PASSWORDS, COUNTER_WORDS, MONTH_NAMES, NON_NAME_WORDS } from './multilingual-data.ts';
export { FOREIGN_FUNCTION_WORDS, VIETNAMESE_MARKED_WORDS } from './foreign-data.ts';
export { SCRIPT_STREET_WORDS } from './script-street-data.ts';
