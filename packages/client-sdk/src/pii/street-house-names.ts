import { execAround, stemPositions } from './anchor-windows.ts';
import { ENGLISH_TIER } from './english-lexicon.ts';
import { NOT_IN_CUED_LINE } from './street-patterns.ts';
import type { PiiSpan } from './types.ts';

// Street lines of conventions an employer's records hold that the general shapes miss, each found
// around a word of its own (execAround) by a small pattern:
//   a British or Irish house's name before its road   "Orchard Cottage, Church Road", "The Old Rectory, Mill Road"
//   Indian cross and main roads after a house number  "58, 15th Cross, 12th Main Road"
//   a road's kilometre mark                           "Ctra. N-340, km 27,2", "Rodovia SC-401, km 110"
//   an Argentine street and number before a floor     "Corrientes 5323, 2° piso, of. 16", "Moreno 5841, PB"

/** Words that end a house's name in Britain and Ireland ("Yew Tree Farm", "Fuchsia Lodge", "The Old Rectory"). */
const HOUSE_NAME_ENDS = ['cottage', 'cottages', 'farm', 'farmhouse', 'barn', 'lodge', 'house', 'rectory', 'vicarage', 'manor', 'grange', 'croft', 'bungalow', 'villa', 'hall', 'stables', 'mill'];
/** Road words a house's name stands before (the road has no number there). */
const HOUSE_ROADS = 'road|rd|lane|ln|street|st|row|way|drive|close|avenue|hill|green|terrace|crescent|walk|quay|mews|place';
const CAP = "\\p{Lu}[\\p{Ll}'’-]+";
const HOUSE_THEN_ROAD = new RegExp(
  `(?<![\\p{L}\\d])((?:The[ \\t]+)?(?:${CAP}[ \\t]+){0,2}(?:${HOUSE_NAME_ENDS.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('|')})),[ \\t]+((?:${CAP}[ \\t]+){1,2}(?:${HOUSE_ROADS.replace(/(^|\|)(\w)/g, (_, b: string, c: string) => `${b}[${c.toUpperCase()}${c}]`)}))(?=,|[ \\t]*$)`,
  'gmu',
);
/** Capitalised words of a sentence, not of a house's or road's name ("Thanks", "Please"). */
function isSentenceCap(word: string): boolean {
  const lower = word.toLowerCase();
  return NOT_IN_CUED_LINE.has(lower) || (ENGLISH_TIER.get(lower) ?? 9) <= 1;
}
function* findHouseNamesBeforeRoads(text: string): Generator<PiiSpan> {
  if (!text.includes(',')) return;
  const at = stemPositions(text, HOUSE_NAME_ENDS, true);
  if (at.length === 0) return;
  for (const m of execAround(HOUSE_THEN_ROAD, text, at, 48, 64)) {
    const house = m[1] ?? '';
    let start = m.index;
    // "Mei thinks Orchard Cottage, …": the words before the house's own are the sentence's.
    const words = house.split(/[ \t]+/);
    let k = 0;
    while (k < words.length - 1 && words[k] !== 'The' && isSentenceCap(words[k] ?? '')) start += (words[k++] ?? '').length + 1;
    // ("House, Street": a house and a road named by their words alone are no line; nor is a sentence's "Town Hall, Main Street" split.)
    if (k === words.length - 1 && words[k] !== 'The') continue;
    yield { start, end: m.index + m[0].length };
  }
}

/** "58, 15th Cross, 12th Main Road", "No. 12, 4th Main, 2nd Cross": Bengaluru's and Chennai's numbered cross and main roads after the house's number. */
const CROSS_AND_MAIN = /(?<![\w.,/-])(?:no\.?[ \t]?)?\d{1,4}[a-z]?(?:\/\d{1,3})?,[ \t]+\d{1,3}(?:st|nd|rd|th)[ \t]+(?:cross|main)(?:[ \t]+(?:road|rd\.?))?(?:,[ \t]+\d{1,3}(?:st|nd|rd|th)[ \t]+(?:cross|main|block|stage|phase)(?:[ \t]+(?:road|rd\.?))?)?(?![\w-])/gi;
function* findCrossAndMainRoads(text: string): Generator<PiiSpan> {
  const at = stemPositions(text, ['cross', 'main'], true);
  if (at.length === 0) return;
  for (const m of execAround(CROSS_AND_MAIN, text, at, 24, 48)) {
    // (One cross or main alone is a road's only as "… Main Road": "Item 4, 2nd main goal" is none.)
    if ((m[0].match(/\d(?:st|nd|rd|th)[ \t]/gi) ?? []).length < 2 && !/r(?:oa)?d\.?$/i.test(m[0])) continue;
    yield { start: m.index, end: m.index + m[0].length };
  }
}

/** "Ctra. N-340, km 27,2", "Rodovia SC-401, km 110", "Carretera de Valencia km 7": a road's class, its code or name, then the kilometre. */
const KM_MARK = /(?<![\p{L}\d])(?:ctra\.?|carretera|rodovia|rod\.|estrada|autov[íi]a|autopista|ruta|route|rn)[ \t]+(?:[a-z]{1,3}-?\d{1,4}[a-z]?|(?:d[eo][ \t]+)?\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+)?),?[ \t]+km\.?[ \t]?\d{1,4}(?:[.,]\d{1,3})?(?![\d])/giu;
function* findKilometreMarks(text: string): Generator<PiiSpan> {
  const at = stemPositions(text, ['km'], true);
  if (at.length === 0) return;
  for (const m of execAround(KM_MARK, text, at, 48, 16)) yield { start: m.index, end: m.index + m[0].length };
}

/**
 * An Argentine or Uruguayan street line: the street's name and number, then its floor ("2° piso",
 * "11° piso", "2° A", "PB", "PB E") and office or flat ("of. 16", "dto. 4"). The floor makes the
 * name and number a street's; without it a name and a number are many things.
 */
const FLOOR_AFTER_NUMBER = /(?<![\p{L}\d.])((?:\d{1,2}[ \t]+de[ \t]+)?\p{Lu}\p{Ll}+(?:[ \t]+(?:de|del|la|las|los|\p{Lu}\p{Ll}+)){0,2})[ \t]+(\d{1,5}),?[ \t]+(?:\d{1,2}[°º][ \t]?(?:piso|[A-H](?![\p{L}\d]))|piso[ \t]\d{1,2}|PB(?:[ \t][A-H])?(?![\p{L}\d]))(?:,?[ \t]+(?:of|dto|depto|dpto|ofic?ina)\.?[ \t]?\d{1,4}[A-H]?)?/gu;
function* findLatinFloorLines(text: string): Generator<PiiSpan> {
  const at = stemPositions(text, ['°', 'º', 'piso', 'pb'], false);
  if (at.length === 0) return;
  for (const m of execAround(FLOOR_AFTER_NUMBER, text, at, 48, 32)) {
    let start = m.index;
    const words = (m[1] ?? '').split(/[ \t]+/);
    // "Nos vemos en Corrientes 5323, 2° piso": "Nos" starts no street; neither does a sentence's word.
    let k = 0;
    while (k < words.length - 1 && !/^\d/.test(words[k] ?? '') && isSentenceCap(words[k] ?? '')) start += (words[k++] ?? '').length + 1;
    if (isSentenceCap(words[k] ?? '') && !/^\d/.test(words[k] ?? '')) continue;
    yield { start, end: m.index + m[0].length };
  }
}

/** "No. 28, 3rd Lane, Duplication Mawatha": Sri Lanka's (and India's) numbered lane off a named road, the road after it. */
const LANE_OFF_ROAD = new RegExp(
  `(?<![\\w.,/-])(?:No\\.?[ \\t]?)?\\d{1,4}[A-Za-z]?(?:/\\d{1,3})?,[ \\t]+\\d{1,2}(?:st|nd|rd|th)[ \\t]+(?:Lane|Cross|Cross[ \\t]Street),[ \\t]+(?:${CAP}[ \\t]+){1,3}(?:Mawatha|Avenue|Road|Drive|Gardens|Place|Street|Terrace|Salai|Marg)(?![\\p{L}\\d])`,
  'gu',
);
function* findLanesOffRoads(text: string): Generator<PiiSpan> {
  const at = stemPositions(text, ['lane', 'cross'], true);
  if (at.length === 0) return;
  for (const m of execAround(LANE_OFF_ROAD, text, at, 24, 64)) yield { start: m.index, end: m.index + m[0].length };
}

/** "Jl. H.R. Rasuna Said Blok F5 No. 30", "Jl. Merdeka Blok B2 No. 5": an Indonesian street, its block and its number. */
const JALAN_BLOCK = new RegExp(`(?<![\\p{L}\\d])(?:Jl\\.|Jln\\.|Jalan)[ \\t]+(?:(?:\\p{Lu}\\.){1,3}[ \\t]+)?(?:${CAP}[ \\t]+){1,4}Blok[ \\t]+[A-Z]{1,2}-?\\d{0,3}(?:,?[ \\t]+No\\.?[ \\t]?\\d{1,4}[A-Z]?)?(?![\\p{L}\\d])`, 'gu');
/** "SQS 209, Bloco D, apto 504": a Brasília superblock, its building and flat. */
const SUPERBLOCK = /(?<![\p{L}\d])(?:SQS|SQN|SQSW|SQNW|SHIS|SHIN|SCLN|SCLS|CLN|CLS|SHCGN|QI|QL)[ \t]\d{1,3}(?:,?[ \t]+(?:Bloco|Bl\.|Conjunto|Conj\.|Casa|Lote)[ \t]+[A-Z0-9]{1,3}){1,2}(?:,?[ \t]+(?:apto?\.?|apartamento|sala)[ \t]?\d{1,4})?(?![\p{L}\d])/gu;
function* findBlocks(text: string): Generator<PiiSpan> {
  const blok = stemPositions(text, ['blok'], true);
  if (blok.length > 0) for (const m of execAround(JALAN_BLOCK, text, blok, 64, 24)) yield { start: m.index, end: m.index + m[0].length };
  const bloco = stemPositions(text, ['bloco', 'bl.', 'conjunto', 'conj.', 'casa', 'lote'], true);
  if (bloco.length > 0) for (const m of execAround(SUPERBLOCK, text, bloco, 16, 40)) yield { start: m.index, end: m.index + m[0].length };
}

/**
 * Bangladeshi street lines in Bengali: a flat, house or holding and a numbered road ("বাড়ি ৯১, রোড ৫", "ফ্ল্যাট ৮এ, বাড়ি ৯৬,
 * রোড ৩০", "বাসা ৮৯, সড়ক ১৬"), or a house number before a named road ("৪০/৪ এলিফ্যান্ট রোড", "৩১/৯ কাজী নজরুল ইসলাম এভিনিউ").
 * (Bengali's block, digits and marks alike, in ranges: no Unicode property, whose code is large.)
 */
const BN_UNIT = '(?:ফ্ল্যাট|বা(?:\\u09DC|\\u09A1\\u09BC)ি|বাসা|হোল্ডিং|প্লট)[ \\t]?[০-৯]{1,4}[\\u0985-\\u0994]?';
const BENGALI_LINE = new RegExp(
  `(?<![\\u0980-\\u09FF])(?:${BN_UNIT}(?:,[ \\t]*${BN_UNIT}){0,2},[ \\t]*(?:রোড|স(?:\\u09DC|\\u09A1\\u09BC)ক|লেন)[ \\t]?(?:নং[ \\t]?)?[০-৯]{1,3}` +
    `|[০-৯]{1,4}(?:/[০-৯]{1,3})?[ \\t]+(?:[\\u0980-\\u09FF]+[ \\t]+){1,3}(?:রোড|স(?:\\u09DC|\\u09A1\\u09BC)ক|এভিনিউ|লেন|সরণি|স্ট্রিট))(?![\\u0980-\\u09FF])`,
  'g',
);
const BN_UNIT_AT = new RegExp(`^${BN_UNIT}`);
const BENGALI_ROADS = ['রোড', 'সড়ক', 'সড়ক', 'এভিনিউ', 'লেন', 'সরণি', 'স্ট্রিট'];
function* findBengaliLines(text: string): Generator<PiiSpan> {
  const at = stemPositions(text, BENGALI_ROADS);
  if (at.length === 0) return;
  for (const m of execAround(BENGALI_LINE, text, at, 80, 16)) {
    const end = m.index + m[0].length;
    // A named road ends its clause ("৪০/৪ এলিফ্যান্ট রোড, গুলশান"), or has a house number with a slash: "আমরা ৫ জন রোড ট্রিপে" is a road trip.
    if (!BN_UNIT_AT.test(m[0]) && !m[0].includes('/') && !/^[ \t]*(?:[,.;:)।]|\r?\n|$)/.test(text.slice(end, end + 4))) continue;
    yield { start: m.index, end };
  }
}

/**
 * Egyptian and Moroccan street lines in Arabic the script rule misses: "ش" (shāriʿ) without its dot and "زنقة" after the
 * number ("٨٨ ش صلاح سالم، …", "185، زنقة الزرقطوني، …"), names of up to four words, a floor and a flat in digits
 * ("٤٧ شارع عمر بن الخطاب، الدور ١٠، شقة ٢٥"), and "رقم" before the number after the name ("شارع المسيرة، رقم 194").
 * The name ends its clause: a comma, a full stop or the line's end. (Arabic's letters in a range, no Unicode property.)
 */
const AR_WORD = '[\\u0621-\\u064A]+';
const AR_D = '[0-9\\u0660-\\u0669]{1,4}';
const ARABIC_LINE = new RegExp(
  `(?<![\\u0621-\\u064A0-9\\u0660-\\u0669])(?:${AR_D}[ \\t]*[،,]?[ \\t]+(?:ش|زنقة|شارع|درب)[ \\t]+${AR_WORD}(?:[ \\t]+${AR_WORD}){0,3}` +
    `(?:[ \\t]*[،,][ \\t]*(?:الدور|الطابق)[ \\t]*${AR_D})?(?:[ \\t]*[،,][ \\t]*شقة[ \\t]*${AR_D})?` +
    `|(?:شارع|زنقة)[ \\t]+${AR_WORD}(?:[ \\t]+${AR_WORD}){0,3}[ \\t]*[،,][ \\t]*رقم[ \\t]*${AR_D})(?![\\u0621-\\u064A0-9\\u0660-\\u0669])`,
  'g',
);
function* findArabicLines(text: string): Generator<PiiSpan> {
  const at = stemPositions(text, ['ش', 'زنقة']);
  if (at.length === 0) return;
  for (const m of execAround(ARABIC_LINE, text, at, 48, 80)) {
    const end = m.index + m[0].length;
    if (!/^[ \t]*(?:[،,.;:)]|\r?\n|$)/.test(text.slice(end, end + 4))) continue;
    // ("شارع" alone is the script rule's, unless a floor or a flat follows the name.)
    if (/^\S+[ \t]*[،,]?[ \t]+شارع/.test(m[0]) && !/(?:الدور|الطابق|شقة)/.test(m[0])) continue;
    yield { start: m.index, end };
  }
}

export function* findHouseNamesAndMarks(text: string): Generator<PiiSpan> {
  yield* findHouseNamesBeforeRoads(text);
  yield* findCrossAndMainRoads(text);
  yield* findKilometreMarks(text);
  yield* findLatinFloorLines(text);
  yield* findLanesOffRoads(text);
  yield* findBlocks(text);
  yield* findBengaliLines(text);
  yield* findArabicLines(text);
}
