import { ENGLISH_TIER } from './english-lexicon.ts';
import type { PiiSpan, Scrubber } from './types.ts';
import { execAll } from './text.ts';

// Street lines of postal addresses in three shapes:
//   number, street name, suffix   "742 Evergreen Terrace", "221B Baker Street", "12 Rue de Provence"
//   type word, name, number       "Via Roma 10", "Calle Mayor, 12", "ul. Marszałkowska 10"
//   compound street word, number  "Hauptstraße 5", "Kalverstraat 92a", "Björkgatan 11"
// each with an optional unit after it ("Apt. 4B", "Suite 300", "Lgh. 1102"). The span is the
// street line: city, postcode and country are left, so the place stays readable.

/** USPS Publication 28, appendix C1: the common street suffixes and their abbreviations. */
const SUFFIXES =
  'street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|square|sq|terrace|ter|way|parkway|pkwy|highway|hwy|' +
  'freeway|fwy|expressway|expy|circle|cir|crescent|cres|close|row|walk|trail|trl|path|pike|alley|aly|crossing|xing|loop|run|' +
  'grove|grv|green|gardens?|gdns|hill|hills|heights|hts|park|parks|point|pt|ridge|rdg|valley|vly|view|vw|village|vlg|ville|' +
  'mews|wharf|quay|parade|pde|esplanade|promenade|plaza|plz|center|ctr|centre|commons?|junction|jct|landing|lndg|meadows?|mdws?|' +
  'mill|mills|orchard|pass|passage|port|ports|ranch|rise|route|rte|shore|shores|spring|springs|spur|station|sta|stream|' +
  'summit|smt|trace|track|turnpike|tpke|underpass|via|vista|well|wells|bypass|byp|causeway|cswy|cove|cv|creek|crk|' +
  'estates?|est|extension|ext|falls|ferry|fry|field|fields|flat|flats|ford|fords|forest|frst|forge|forks?|fort|ft|' +
  'glen|harbor|hbr|haven|hvn|hollow|holw|inlet|island|is|isle|key|knolls?|lake|lakes|manor|mnr|mount|mt|mountain|mtn|' +
  'oval|overpass|pines|plains?|prairie|roads|shoal|skyway|stravenue|tunnel|union|un|wall|ways|motorway|curve|bridge|brg|' +
  'dale|divide|dam|burg|bluffs?|bottom|branch|brook|brooks|camp|canyon|cape|cliffs?|club|corners?|course|courts|' +
  'crest|drives|gateway|gtwy|gate|light|lights|lock|locks|loaf|neck|radial|rapids?|rest|river|throughway|trafficway|manors|yard|grange|paddock|woodlands?|chase|fold|garth|croft|mead|copse|dene|' +
  // Royal Mail thoroughfare words not in the USPS list.
  'approach|vale|glade|dell|wynd';
/** Words that open a street name in Romance, Slavic and other languages. */
const TYPE_WORDS =
  'rue|avenue|av\\.|boulevard|bd|chemin|allée|allee|impasse|quai|place|passage|voie|cours|route|' +
  'via|viale|piazza|piazzale|corso|largo|vicolo|contrada|borgo|strada|rotonda|incrocio|' +
  'calle|c\\/|avenida|avda\\.?|av\\.|paseo|plaza|camino|carrera|carretera|ronda|travesía|' +
  'rua|travessa|rodovia|estrada|alameda|praça|largo|marginal|' +
  'ul\\.|ulica|al\\.|aleja|pl\\.|plac|os\\.|osiedle|' +
  'str\\.|strada|bulevardul|calea|' +
  'ulitsa|prospekt';
/** Endings of compound street names in German, Dutch and Scandinavian languages. */
const COMPOUND_ENDINGS =
  'straße|strasse|str\\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|berg|hof|' +
  'straat|laan|plein|gracht|kade|dreef|singel|dijk|' +
  'gatan|gata|vägen|väg|gränden|gränd|gärdet|gården|torget|torg|allén|allé|backe|stig|gade|vej|veien|vegen|gate|plass|katu|tie|kuja|utca|ulice|plantsoen|hof|park';

const NUMBER = '\\d{1,6}(?:[a-zA-Z](?![\\p{L}]))?(?:\\s?[-–/]\\s?\\d{1,5}[a-zA-Z]?)?';
const NAME_WORD = "[\\p{L}][\\p{L}\\p{M}'’.-]*";
const UNIT =
  `(?:,?\\s(?:apt\\.?|apartment|suite|ste\\.?|unit|flat|floor|fl\\.?|#|no\\.?|lgh\\.?|hus|m\\.|bte|bus|piso|planta|piano|étage|hoog|og)\\s?#?\\s?[0-9]{1,5}[a-zA-Z]?|\\s(?:I{1,3}|IV|\\d{1,2}\\s?hoog|\\d{1,2}\\s?(?:OG|étage)))`;

const NUMBER_FIRST = new RegExp(
  `(?<![\\w.,/:-])(${NUMBER})\\s+(?:(?:north|south|east|west|[NSEW])\\.?\\s+)?((?:${NAME_WORD}\\s+){1,3})(?:${SUFFIXES})s?\\.?(?:\\s+(?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?${UNIT}?(?![\\p{L}\\d])`,
  'giu',
);
const NUMBER_FIRST_TYPE = new RegExp(
  `(?<![\\w.,/:-])(${NUMBER}),?\\s+(?:${TYPE_WORDS})\\s+(?:${NAME_WORD}\\s+){0,4}${NAME_WORD}${UNIT}?(?![\\p{L}\\d])`,
  'giu',
);
const TYPE_FIRST = new RegExp(
  `(?<![\\p{L}])(?:${TYPE_WORDS})\\s+(?:${NAME_WORD}\\s+){0,4}${NAME_WORD},?\\s+(?:n[º°o.]\\s?)?${NUMBER}${UNIT}?(?![\\p{L}\\d]|[.,]\\d)`,
  'giu',
);
/** "Mülheimer Str. 51a", "Rasmuss Väg 775": the street word written apart. */
const NAME_THEN_STREET_WORD = new RegExp(
  `(?<![\\p{L}])(?:${NAME_WORD}\\s+){1,3}(?:str\\.|straße|strasse|weg|platz|allee|gasse|ring|damm|ufer|straat|laan|plein|gracht|väg|vägen|gata|gatan|vej|gate)\\s+${NUMBER}${UNIT}?(?![\\p{L}\\d]|[.,]\\d)`,
  'giu',
);
const COMPOUND = new RegExp(
  `(?<![\\p{L}])(?:${NAME_WORD}[ -])?[\\p{L}][\\p{L}\\p{M}-]*(?:${COMPOUND_ENDINGS})\\s+${NUMBER}${UNIT}?(?![\\p{L}\\d]|[.,]\\d)`,
  'giu',
);

/**
 * Street names without a street word, recognised by their first word (case-sensitive):
 * "7875 The Paddock", "Im Frohental 268", "Zum Claashäuschen 12c", "Norra Skogsgärdet 96".
 */
const CAP_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.-]*";
const NUMBER_THE = new RegExp(`(?<![\\w.,/:-])(${NUMBER})\\s+The\\s+${CAP_WORD}(?:\\s+${CAP_WORD})?${UNIT}?(?![\\p{L}\\d])`, 'gu');
const LEADING_WORD_THEN_NUMBER = new RegExp(
  `(?<![\\p{L}])(?:Im|Am|Zum|Zur|An der|Auf der|Auf dem|In der|Unter den|Norra|Södra|Östra|Västra|Undre|Övre|Lilla|Stora)\\s+${CAP_WORD}(?:\\s+${CAP_WORD})?\\s+${NUMBER}${UNIT}?(?![\\p{L}\\d]|[.,]\\d)`,
  'gu',
);

/**
 * Words that never name a street: "5 min to drive", "3 more ways", "2 pull requests in the pipeline"
 * are counts followed by a suffix-like word.
 */
const NOT_STREET_WORDS = new Set(
  ('to in on at the a an my your our their his her its and or of for with by from is are was be it this that these those ' +
    'more other new old open different separate ways times points steps days weeks years people min mins minute minutes ' +
    'hour hours hrs sec secs second seconds page pages item items ticket tickets issue issues bug bugs user users server ' +
    'servers team teams pull requests request commits files lines tests percent x').split(' '),
);

/** A street word or compound ending right before a house number: where the last two shapes can match. */
const STREET_WORD_THEN_NUMBER = new RegExp(`(?:${COMPOUND_ENDINGS}|väg|gata)\\s+\\d`, 'giu');
/** How far before and after such an anchor a match of those shapes can reach. */
const ANCHOR_BEFORE = 160;
const ANCHOR_AFTER = 48;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/**
 * Matches of `re` (a pattern that ends with the anchor and its number, and starts after a
 * non-letter) found only in windows around the anchors: the same matches as `text.matchAll(re)`
 * for streets of ordinary length, without trying the pattern at every position of the text.
 */
function* matchNearAnchors(text: string, re: RegExp, anchors: readonly number[][]): Generator<[number, RegExpMatchArray]> {
  let lastEnd = 0;
  let w = 0;
  while (w < anchors.length) {
    const [a0 = 0] = anchors[w] ?? [];
    let from = Math.max(lastEnd, a0 - ANCHOR_BEFORE);
    // Start after a space, so that the pattern's look-behind sees what it would in the text.
    while (from > lastEnd && from < a0 && !isSpace(text.charCodeAt(from - 1))) from++;
    let to = (anchors[w]?.[1] ?? a0) + ANCHOR_AFTER;
    w++;
    while (w < anchors.length && (anchors[w]?.[0] ?? 0) - ANCHOR_BEFORE <= to) to = (anchors[w++]?.[1] ?? 0) + ANCHOR_AFTER;
    while (to < text.length && !isSpace(text.charCodeAt(to))) to++;
    to = Math.min(to, text.length);
    const window = text.slice(from, to);
    for (const m of execAll(re, window)) yield [from + m.index, m];
    lastEnd = to;
  }
}

function* findStreetAddresses(text: string): Generator<PiiSpan> {
  if (!/\d/.test(text)) return;
  const anchors = execAll(STREET_WORD_THEN_NUMBER, text).map((m) => [m.index, m.index + m[0].length]);
  for (const re of [NUMBER_FIRST, NUMBER_FIRST_TYPE, TYPE_FIRST, NAME_THEN_STREET_WORD, COMPOUND, NUMBER_THE, LEADING_WORD_THEN_NUMBER]) {
    const matches =
      re === NAME_THEN_STREET_WORD || re === COMPOUND
        ? matchNearAnchors(text, re, anchors)
        : execAll(re, text).map((m): [number, RegExpMatchArray] => [m.index, m]);
    for (const [found, m] of matches) {
      let index = found;
      let value = m[0];
      // "to Hauptstraße 5": an English word before a compound street name is not part of it.
      const first = re === COMPOUND ? /^(\p{Ll}+) /u.exec(value)?.[1] : undefined;
      if (first !== undefined && ENGLISH_TIER.has(first)) {
        index += first.length + 1;
        value = value.slice(first.length + 1);
      }
      const words = re === NUMBER_FIRST ? (m[2] ?? '').trim().toLowerCase().split(/\s+/) : [];
      if (words.some((w) => NOT_STREET_WORDS.has(w))) continue;
      // Sentence punctuation after the line is not part of it ("… Baker St.").
      if (/\.$/.test(value) && !/(?:st|ave|rd|dr|blvd|ln|ct|pl|str|apt|ste|fl|lgh|no)\.$/i.test(value)) value = value.slice(0, -1);
      yield { start: index, end: index + value.length };
    }
  }
}

export const streetAddressScrubber: Scrubber = { type: 'STREET_ADDRESS', priority: 55, find: findStreetAddresses };
