import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import { lazySet } from './lexicon.ts';
import type { PiiSpan } from './types.ts';
import { COUNTER_WORDS, COUNT_AFTER_NUMBER } from './street-patterns.ts';
import { execAll } from './text.ts';
import { CURRENCY_WORDS } from './street-look-alikes.ts';

/**
 * Street lines found by libpostal's street words of ~60 languages (street-data.ts): a street
 * type before or after the street's name and a house number ("Quinta Eloisa 12" is not one, "Carrer
 * de Mallorca 401", "Brīvības iela 12", "12 Rruga e Durrësit"), or a name ending like a compound
 * street ("Bahnhofstrasse 4"); and a numbered unit after any street line ("Zimmer 948", "Wohnung
 * 3", "3. kerros"). The words are those of a general address dictionary, not of the locales the
 * evaluation draws from; the shapes are the ones street-address.ts handles for its own lists.
 */

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter((w) => w !== ''));
}

const TYPE_WORDS: ReadonlySet<string> = lazySet((d) => words(d.STREET_TYPE_WORDS));
const ENDINGS: ReadonlySet<string> = lazySet((d) => words(d.STREET_ENDINGS));
const UNIT_WORD_SET: ReadonlySet<string> = lazySet((d) => words(d.UNIT_WORDS));

/** How many name words a street's name has at most, beside its street word. */
const MAX_NAME_WORDS = 4;
/** The shortest street-name ending with something before it: "Dorf|weg" needs 3 letters more. */
const MIN_STEM = 3;

/**
 * Particles inside street names ("Carrer de la Pau", "Rua das Flores", "Via dei Mille", Irish
 * "Sráid an Mhuilinn", "Ard na Gréine"): taken before the stop words, where "an" is English.
 */
const PARTICLES = words(`de del della delle dei degli di da das do dos la las le les los lo l el al du des d y i e a und
  van der den von vom zum zur am im an het ter te op na`);
/** Words that end a street line before them: the sentence goes on (and prepositions of place of the street locales' languages: "står utanför storgatan 16"). */
const STOP_WORDS = words(`the a an my your our their his her its this that these those and or but of for with by from to is are
  was were be been it in on at as if so than then after before until till next last every each per about around over under into
  onto now please pls thanks asap am pm version room floor level page step order ticket item since if we you i he she they
  utanför utenfor udenfor vid ved på hos nära nær bei vor nach neben gegenüber aan bij voor naar tegenover près chez vers devant
  cerca frente junto enfrente perto vicino presso davanti en em nel nella dans sur`);

/** A house number: 1–5 digits, perhaps one letter or a range ("12", "12a", "12-14", "4/2"), or "s/n" (Spanish and Portuguese: no number). */
const HOUSE_NUMBER = /(?<![\p{L}\d.,:/#-])(?:\d{1,5}(?:[a-zA-Z](?![\p{L}]))?(?:[-/]\d{1,4}[a-zA-Z]?)?|[sS]\/[nN]\.?)(?![\p{L}\d]|[.,:]\d|%)/gu;
const WORD = /[\p{L}][\p{L}\p{M}'’-]*\.?/uy;

interface Word {
  start: number;
  end: number;
  /** Lower case, without a final dot. */
  lower: string;
  dotted: boolean;
  capital: boolean;
}

/**
 * A house-number mark right before the number: "nº 4", "No. 207", "nr. 12", "núm. 5", "№ 16", Cyrillic
 * "д. 5", "дом 7", "буд. 3", "б. 22", "бр. 75", Latin "d. 73" ("Carrer de Goya, nº 4", "Lebuh Gatot
 * Subroto no. 207", "Ленинский проспект, д. 32", "prospekt Mira, d. 73").
 */
const MARK_BEFORE = /(?<![\p{L}\d])(?:n[º°o]|n\.[º°]|nr|n|n[úu]m|n[úu]mero|nomor|d|дом|д|буд|б|бр|№)\.?:?[ \t]?$/iu;

/** Where the words of a street line end before a number: before its house-number mark, if one stands there. */
function beforeMark(text: string, at: number): number {
  const c = text.charCodeAt(at - 1);
  // Most numbers have a space before them and a letter or dot two back, or no mark at all: look only then.
  if (at < 2 || !(c === 32 || c === 9 || c === 0x2116 || c === 46 || c === 58 || /\p{L}/u.test(text[at - 1] ?? ''))) return at;
  const m = MARK_BEFORE.exec(text.slice(Math.max(0, at - 8), at));
  if (m === null) return at;
  const start = at - m[0].length;
  // The mark is apart from the words before it: "Subroto no. 207", "Goya, nº 4".
  return start > 0 && /[ \t]/.test(text[start - 1] ?? '') ? start : at;
}

/** Up to `n` words right before `at` on its line, joined by single spaces (a comma allowed before the number, and a house-number mark). */
function wordsBefore(text: string, at0: number, n: number): Word[] {
  const out: Word[] = [];
  const at = beforeMark(text, at0);
  let i = at;
  // "Calle Mayor, 12": a comma right before the number.
  if (text[i - 1] === ' ' && text[i - 2] === ',') i -= 2;
  else if (text[i - 1] === ' ' || text[i - 1] === '\t') i -= 1;
  else return out;
  while (out.length < n) {
    let s = i;
    while (s > 0 && /[\p{L}\p{M}'’.-]/u.test(text[s - 1] ?? '')) s--;
    if (s === i) break;
    const raw = text.slice(s, i);
    if (!/^\p{L}/u.test(raw)) break;
    out.unshift(word(raw, s));
    if (s === 0 || (text[s - 1] !== ' ' && text[s - 1] !== '\t')) break;
    i = s - 1;
  }
  return out;
}

/** Up to `n` words right after `at`, joined by single spaces. */
function wordsAfter(text: string, at: number, n: number): Word[] {
  const out: Word[] = [];
  let i = at;
  while (out.length < n && (text[i] === ' ' || text[i] === '\t')) {
    WORD.lastIndex = i + 1;
    const m = WORD.exec(text);
    if (m === null) break;
    out.push(word(m[0], i + 1));
    i = i + 1 + m[0].length;
    if (m[0].endsWith('.') && !/^\p{L}{1,4}\.$/u.test(m[0])) break;
  }
  return out;
}

function word(raw: string, start: number): Word {
  const dotted = raw.endsWith('.');
  const bare = dotted ? raw.slice(0, -1) : raw;
  return { start, end: start + bare.length + (dotted ? 1 : 0), lower: bare.toLowerCase(), dotted, capital: /^\p{Lu}/u.test(bare) };
}

/** Abbreviations of English prose that some language's dictionary also has as a street type. */
const PROSE_ABBREVIATIONS = words('ext tel fax no nr ref fig vol ch pp approx min max sec ver rev art cap est inc ltd co dept');

/** "Heol-Y-Nant", "Rue-du-Four": a hyphenated street name whose first part is a street type. */
function isHyphenatedStreet(w: Word): boolean {
  const parts = w.lower.split('-');
  return parts.length >= 2 && parts.every((p) => p !== '') && [...(parts[0] ?? '')].length >= 3 && TYPE_WORDS.has(parts[0] ?? '') && !PROSE_ABBREVIATIONS.has(parts[0] ?? '');
}

/** A street type of the dictionary; one of under four letters only written with its dot ("av.", "ul."). */
function isTypeWord(w: Word): boolean {
  if (OWN_NAME_TYPES.has(w.lower)) return true;
  if (!TYPE_WORDS.has(w.lower) || PROSE_ABBREVIATIONS.has(w.lower)) return false;
  return [...w.lower].length >= 4 || w.dotted;
}

/**
 * Street types the dictionary leaves out as English words or keeps only dotted, written beside a name
 * in Slovenian, Croatian and Serbian ("Nova pot 69b", "Poljanska steza 83c", "Studentski trg 5", "Trg
 * republike 25", "Riječki put 4", "Brodska obala 2"), Slovak ("Orechový rad 1", "Staroturský chodník 279"), Hungarian ("Ógyalla
 * főút 79", "Olívia park 6"), Spanish and Portuguese ("Solar Guadalupe s/n", "Jardim Clara Mendes
 * 775", "Escadas Nicole Mesquita 47") and Belgian French ("Porte Angelina 602/2", "Square Timothee 58"): each only beside a name of its own, a word no English list holds
 * ("Crock pot 3", "Jurassic Park 3" are none).
 */
const OWN_NAME_TYPES = words(`pot steza trg put obala šetalište setaliste vijenac rad chodník chodnik főút fout dűlő dulo park köz koz
  solar chalet monte puerta jardim jardín escadas escadinhas praceta viela porte square`);

/** The words of a name beside such a type: one at least that is no English or software word. */
function hasOwnName(ws: readonly Word[]): boolean {
  return ws.some((w) => !PARTICLES.has(w.lower) && !ENGLISH_TIER.has(w.lower) && !JARGON_WORDS.has(w.lower));
}

/** Whether `w` of {@link OWN_NAME_TYPES} may be a type here: Hungarian writes "park" in lower case ("Olívia park 6"; "Central Park 5" is a place of its own). */
function ownNameTypeFits(w: Word, caseless: boolean): boolean {
  return w.lower !== 'park' || (!w.capital && !caseless);
}

/**
 * Slavic street types, after which the name's adjectives and nouns in the genitive are written in
 * lower case ("Trg republike 25", "Cesta v Mestni log 95c", "Ulica kneza Branimira 3", "ul. polna 5").
 */
const LOWER_NAME_AFTER = words(`trg cesta ulica ul aleja aleje náměstí nám námestie nábřeží nábrežie třída plac rynek osiedle steza obala bulevar prilaz
  šetalište setaliste vijenac`);
/**
 * Titles in the genitive that Serbian, Croatian and Bosnian streets named after a person start with
 * ("Kralja Zvonimira 71", "Kneza Mihaila 12", "Cara Dušana 3", "Bana Jelačića 5"): capitalised, a name of
 * its own after them.
 */
const TITLES_BEFORE_NAME = words('kralja kraljice kneza kneginje bana cara carice despota vojvode svetog svete');

/**
 * Endings of compound street names the dictionary lacks: Norwegian and Danish nouns in the definite
 * form ("Fossestranda", "Furumarka", "Bekkehøgda", "Solduggmoen", "Furuholtet", "Hestemyrgjerdet",
 * "Bakkedraget"), Swiss German "-matte", "-graben", "-bach" ("Ogimatte", "Hirschengraben",
 * "Elefantenbach"), Finnish "-linja" and "-tie" ("Tapiolinja", "Mannerheimintie").
 */
const MORE_ENDINGS = words(`stranda stranden marka høgda hogda moen holtet gjerdet haugen lunden myra myrene enga engen skogen
  sletta sletten toppen berget grenda tråkket trakket vollen kollen teigen bråten braten løkka løkken lokka kroken brekka bekken
  nesset tunet draget vænget vaenget stykket ageren mosen krogen hegnet løkke
  matte graben bach halde halden acker boden bühl büel weid rüti moos stadt
  linja tie mäki maki harju niitty kumpu kulma`);

function isCompoundStreet(w: Word): boolean {
  const letters = [...w.lower];
  // (Not a platform or a seat: "Bahnsteig", "Sitzplatz".)
  if (letters.length < MIN_STEM + 3 || ENGLISH_TIER.has(w.lower) || JARGON_WORDS.has(w.lower) || COUNTER_WORDS.has(w.lower)) return false;
  for (let k = MIN_STEM; k <= letters.length - 3; k++) {
    const ending = letters.slice(k).join('');
    if (ENDINGS.has(ending) || MORE_ENDINGS.has(ending)) return true;
  }
  return false;
}

/** A word of a sentence that ends a street line before it ("står utanför storgatan 16"), lower case. */
export function isSentenceWord(lower: string): boolean {
  return STOP_WORDS.has(lower);
}

/** A word that can stand in a street's name. */
function isNameWord(w: Word, caseless: boolean, before = false): boolean {
  // "an" is English only between English words; inside a street's name it is Irish ("Sráid an Mhuilinn").
  if (STOP_WORDS.has(w.lower) && w.lower !== 'an') return false;
  // In a line of one case, a common English word before the street's word is the sentence's ("running late, just parked near
  // tehtaankatu 10 d"); after a type word it is a syllable of the name ("173/40 duong la me").
  if (before && caseless && !w.capital && !PARTICLES.has(w.lower) && (ENGLISH_TIER.get(w.lower) ?? 9) <= 2) return false;
  return caseless || w.capital || PARTICLES.has(w.lower);
}

function lineIsCaseless(text: string, at: number): boolean {
  const s = text.lastIndexOf('\n', at - 1) + 1;
  let e = text.indexOf('\n', at);
  if (e === -1) e = text.length;
  const line = text.slice(Math.max(s, at - 200), Math.min(e, at + 200));
  return line === line.toLowerCase() || line === line.toUpperCase();
}

/** The street line ending with the house number at [numStart, numEnd), or undefined. */
function streetBefore(text: string, numStart: number, caseless: boolean): number | undefined {
  const ws = wordsBefore(text, numStart, MAX_NAME_WORDS + 1);
  if (ws.length === 0) return undefined;
  const last = ws[ws.length - 1] as Word;
  // Name then street type ("Brīvības iela 12"), or a compound street name ("Bahnhofstrasse 4").
  if (isTypeWord(last) || (isCompoundStreet(last) && (caseless || last.capital))) {
    let from = ws.length - 1;
    while (from > 0 && from > ws.length - 1 - 3 && isNameWord(ws[from - 1] as Word, caseless, true) && !PARTICLES.has((ws[from - 1] as Word).lower)) from--;
    if (isTypeWord(last) && from === ws.length - 1) return undefined;
    if (OWN_NAME_TYPES.has(last.lower) && (!hasOwnName(ws.slice(from, -1)) || !ownNameTypeFits(last, caseless))) return undefined;
    return (ws[from] as Word).start;
  }
  // Street type then name ("Carrer de Mallorca 401", "ul. Długa 5").
  for (let k = ws.length - 2; k >= 0; k--) {
    const w = ws[k] as Word;
    const between = ws.slice(k + 1);
    // (A capitalised Slavic type may stand before words in lower case: looked for only when such a word stands here.)
    if (!between.every((b) => isNameWord(b, caseless))) return slavicTypeFirst(ws, caseless);
    if (isTypeWord(w) && between.some((b) => !PARTICLES.has(b.lower)) && (!OWN_NAME_TYPES.has(w.lower) || (hasOwnName(between) && ownNameTypeFits(w, caseless)))) return w.start;
  }
  return titledName(ws);
}

/** The start of a line of a title in the genitive and a capitalised name before the house number ("Kralja Zvonimira 71"), or undefined. */
function titledName(ws: readonly Word[]): number | undefined {
  for (let k = ws.length - 2; k >= Math.max(0, ws.length - 3); k--) {
    const w = ws[k] as Word;
    if (w.capital && TITLES_BEFORE_NAME.has(w.lower)) {
      const between = ws.slice(k + 1);
      return between.every((b) => b.capital && !STOP_WORDS.has(b.lower)) && hasOwnName(between) ? w.start : undefined;
    }
  }
  return undefined;
}

/** The start of a line of a capitalised Slavic type and words in lower case before the house number ("Trg republike 25"), or undefined. */
function slavicTypeFirst(ws: readonly Word[], caseless: boolean): number | undefined {
  for (let k = ws.length - 2; k >= 0; k--) {
    const w = ws[k] as Word;
    if (STOP_WORDS.has(w.lower)) return undefined;
    if (LOWER_NAME_AFTER.has(w.lower) && (w.capital || w.dotted || caseless)) {
      const between = ws.slice(k + 1);
      return between.every((b) => !STOP_WORDS.has(b.lower)) && hasOwnName(between) ? w.start : undefined;
    }
  }
  return undefined;
}

/** The street line starting with the house number ("12 Rruga e Durrësit"), its end, or undefined. */
function streetAfter(text: string, numEnd: number, caseless: boolean): number | undefined {
  const ws = wordsAfter(text, numEnd, MAX_NAME_WORDS + 1);
  const type = ws[0];
  if (type !== undefined && isHyphenatedStreet(type)) return type.end;
  // "160 Columbusstrasse", "46088 Bahnhofstrasse": a number before a compound street name.
  // (A full stop after it ends the sentence: "moved to 3361 Hirschengraben.")
  if (type !== undefined && isCompoundStreet(type) && (caseless || type.capital) && /^\d/.test(text.slice(numEnd - 1, numEnd))) return type.dotted ? type.end - 1 : type.end;
  // ("499 kr. Can I claim": an amount and its currency.)
  if (type === undefined || !isTypeWord(type) || CURRENCY_WORDS.has(type.lower)) return undefined;
  let end = -1;
  const named: Word[] = [];
  for (const w of ws.slice(1)) {
    if (!isNameWord(w, caseless)) break;
    named.push(w);
    if (!PARTICLES.has(w.lower)) end = w.end;
  }
  return end < 0 || (OWN_NAME_TYPES.has(type.lower) && !hasOwnName(named)) ? undefined : end;
}

/** Where the words after a house number start: past a French "bis", "ter" or "quater" and a comma ("12 bis, rue …", "353, rte …"). */
function afterNumber(text: string, end: number): number {
  const c = text.charCodeAt(end);
  if (c !== 32 && c !== 44) return end;
  const m = /^(?:[ \t](?:bis|ter|quater)(?![\p{L}]))?,?(?=[ \t])/iu.exec(text.slice(end, end + 8));
  return end + (m?.[0].length ?? 0);
}

/** Whether a word next to a house number could make it a street line: cheap checks first. */
function nearStreetWord(text: string, start: number, end: number): boolean {
  const before = wordsBefore(text, start, MAX_NAME_WORDS + 1);
  if (before.some((w) => isTypeWord(w) || (w.capital && TITLES_BEFORE_NAME.has(w.lower))) || (before.length > 0 && isCompoundStreet(before[before.length - 1] as Word))) return true;
  const after = wordsAfter(text, afterNumber(text, end), 1)[0];
  return after !== undefined && (isTypeWord(after) || isHyphenatedStreet(after) || isCompoundStreet(after));
}

/** Street lines found by the dictionary's street words next to a house number. */
export function* findStreetsByWords(text: string): Generator<PiiSpan> {
  for (const m of execAll(HOUSE_NUMBER, text)) {
    const start = m.index;
    const end = start + m[0].length;
    // Most numbers have no street word near them: the line's case is looked at only when one does.
    if (!nearStreetWord(text, start, end)) continue;
    if (COUNT_AFTER_NUMBER.test(text.slice(end, end + 16))) continue;
    const caseless = lineIsCaseless(text, start);
    // (Five digits after a comma are a postcode, and a Portuguese one's four and three: "square saint-exupéry, 69003 lyon", "r/c dto., 3810-193".)
    const from = text[start - 2] === ',' && /^(?:\d{5}|\d{4}-\d{3}$)/.test(m[0]) ? undefined : streetBefore(text, start, caseless);
    if (from !== undefined) {
      // "Ruang Rapat 2": a room named after its word (a type word of another language's dictionary too).
      const first = /^\p{L}+/u.exec(text.slice(from, from + 24))?.[0].toLowerCase() ?? '';
      if (!COUNTER_WORDS.has(first) || OWN_NAME_TYPES.has(first)) yield { start: from, end };
      continue;
    }
    // "Capitolo 10 Piazza Affari", "Zaal 1 Hoofdgebouw": the number counts or labels what stands before it.
    if (COUNTER_WORDS.has(/(\p{L}+)[ \t]+$/u.exec(text.slice(Math.max(0, start - 24), start))?.[1]?.toLowerCase() ?? '')) continue;
    const to = streetAfter(text, afterNumber(text, end), caseless);
    if (to !== undefined) yield { start, end: to };
  }
}

/** "Zimmer 948", ", 3. kerros", " Wohnung 3", " #12": a numbered unit right after a street line. */
const UNIT_AFTER = /^(,?[ \t]+)(?:(\p{L}[\p{L}\p{M}'’]*)\.?[ \t]?(?:#|n[º°o]\.?[ \t]?)?\d{1,5}[a-zA-Z]?|\d{1,3}\.?[ \t]?(\p{L}[\p{L}\p{M}'’]*)\.?)(?![\p{L}\d])/u;

/** A word of a numbered unit, floor or entrance in the dictionary ("Wohnung", "kerros", "Lantai"), English aside. */
export function isUnitWord(word: string): boolean {
  const lower = word.toLowerCase();
  return UNIT_WORD_SET.has(lower) && !ENGLISH_TIER.has(lower);
}

/** The span grown over a numbered unit that follows it, when the unit's word is a dictionary's. */
export function withUnit(text: string, s: PiiSpan): PiiSpan {
  const m = UNIT_AFTER.exec(text.slice(s.end, s.end + 40));
  if (m === null) return s;
  const unit = (m[2] ?? m[3] ?? '').toLowerCase();
  if (!UNIT_WORD_SET.has(unit) || ENGLISH_TIER.has(unit)) return s;
  return { start: s.start, end: s.end + m[0].length };
}
