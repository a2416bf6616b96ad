import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import type { PiiSpan, Scrubber } from './types.ts';
import { execAll } from './text.ts';
import { findStreetsByWords, withUnit } from './street-words.ts';
import { BUILD_GIVEN_SET, FIRST_NAME_SET, foldName } from './name-lexicon.ts';
import { nameGuessesOf } from './person.ts';

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
  'glen|harbor|hbr|haven|hvn|hollow|holw|inlet|island|isle|key|knolls?|lake|lakes|manor|mnr|mount|mt|mountain|mtn|' +
  'oval|overpass|pines|plains?|prairie|roads|shoal|skyway|stravenue|tunnel|union|un|wall|ways|motorway|curve|bridge|brg|' +
  'dale|divide|dam|burg|bluffs?|bottom|branch|brook|brooks|camp|canyon|cape|cliffs?|club|corners?|course|courts|' +
  'crest|drives|gateway|gtwy|gate|light|lights|lock|locks|loaf|neck|radial|rapids?|rest|river|throughway|trafficway|manors|yard|grange|paddock|woodlands?|chase|fold|garth|croft|mead|copse|dene|' +
  // Royal Mail thoroughfare words not in the USPS list.
  'approach|vale|glade|dell|wynd|' +
  // faker's English-language locales of Africa and Asia.
  'viaduct|link|links|lk|land|lawn|lawns|strand|rue|' +
  // faker's English locales' suffixes the lists above lack (en, en_GB, en_AU).
  'mall|crossroad|circuit|lodge|mission|ramp|pine|fall|bank|end|drove|brae|wood|brow|lea|side';
/** Words that open a street name in Romance, Slavic and other languages. */
const TYPE_WORDS =
  'rue|avenue|av\\.|boulevard|bd|chemin|allée|allee|impasse|quai|place|passage|voie|cours|route|' +
  'via|viale|piazza|piazzale|corso|largo|vicolo|contrada|borgo|strada|rotonda|incrocio|' +
  'calle|c\\/|avenida|avda\\.?|av\\.|paseo|plaza|camino|carrera|carretera|ronda|travesía|' +
  'rua|travessa|rodovia|estrada|alameda|praça|largo|marginal|' +
  'ul\\.|ulica|al\\.|aleja|pl\\.|plac|os\\.|osiedle|' +
  'str\\.|strada|bulevardul|calea|' +
  'ulitsa|prospekt|' +
  // Romanian, Belgian and Senegalese French, Welsh, Indonesian, Croatian, Polish, Czech and Slovak.
  'aleea|bulevardul|intrarea|splaiul|șoseaua|soseaua|piața|piata|parvis|galerie|immeuble|échangeur|echangeur|' +
  'ffordd|heol|hoel|stryd|rhodfa|cilgant|jr\\.|jl\\.|jln\\.|jalan|gg\\.|kpg\\.|kampung|ds\\.|dusun|dk\\.|dukuh|psr\\.|ki\\.|lr\\.|lorong|' +
  'trg|prolaz|šetalište|setaliste|bulevar|bulw\\.|wyb\\.|szosa|skwer|rynek|wyspa|náměstí|nábřeží|třída|námestie|nábrežie|drève|résidence|' +
  // Mexican and Iberian Spanish, Portuguese, Romanian and Moldovan, Esperanto street types.
  'privada|priv\\.|cerrada|cda\\.|callejón|callejon|andador|circuito|prolongación|prolongacion|retorno|calzada|calz\\.|periférico|periferico|eje|peatonal|pasaje|rambla|cuesta|glorieta|urbanización|urbanizacion|urbanização|urbanizacao|quinta|caserío|caserio|aldea|barrio|colonia|vereda|senda|' +
  'conjunto|grupo|entrada|municipio|torrente|subida|bajada|polígono|poligono|sector|partida|lugar|paraje|masía|masia|vía|' +
  'beco|bairro|vila|calçada|calcada|azinhaga|escadinhas|fundătura|fundatura|drumul|stradela|strato|avenuo|bulvardo|placo|vojo|aleo|kajo|' +
  // Vietnamese ("Số 12 Phố Huế", "45 Đường Lê Lợi").
  'phố|đường|ngõ|ngách|hẻm|đại lộ|quốc lộ';
/** Endings of compound street names in German, Dutch and Scandinavian languages. */
const COMPOUND_ENDINGS =
  'straße|strasse|str\\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|berg|hof|' +
  'straat|laan|plein|gracht|kade|dreef|singel|dijk|' +
  'gatan|gata|vägen|väg|gränden|gränd|gärdet|gården|torget|torg|allén|allé|backe|stig|gade|vej|veien|vegen|gate|plass|katu|tie|kuja|utca|ulice|plantsoen|hof|park|' +
  // Finnish, Norwegian and Danish street words written as the end of one word.
  'polku|rinne|kaari|ranta|väylä|raitti|penger|bakken|stien|faret|jordet|hagen|åsen|løkka|tunet|svingen|kroken|vænget|toften|stræde|plads|' +
  // Esperanto compounds ("Zamenhofstrato", "Ĉefvojo").
  'strato|vojo|placo|avenuo';
/**
 * Street words written after the name, apart from it: Latvian, Croatian and Slovenian, Turkish,
 * Azerbaijani, Uzbek, Hungarian, Czech and Slovak ("Torņakalna iela 86", "Vegova ulica 778",
 * "Kocatepe Caddesi 86", "Fuad Yusifov prospekti, 320", "Simon fasor 349").
 */
const STREET_WORDS_AFTER =
  "iela|gatve|bulvāris|bulvaris|laukums|prospekts|šoseja|ulica|cesta|nasip|sokak|sokağı|caddesi|cad\\.|bulvarı|yolu|" +
  "küçəsi|küç\\.|prospekti|pr\\.|sh\\.|şossesi|sahəsi|ko['ʻ’]chasi|daxasi|xiyoboni|bulvari|qirg['ʻ’]oqi|qishlog['ʻ’]i|tor['ʻ’]kochasi|" +
  'utca|út|útja|tér|körtér|főtér|sor|sétány|rakpart|fasor|liget|országút|körút|sugárút|határút|köz|náměstí|nám\\.|nábřeží|údolie|námestie|dambis|gāte|vei|' +
  // Esperanto ("Zamenhof strato 12").
  'strato|avenuo|bulvardo|placo|vojo|aleo|kajo';

const NUMBER = '\\d{1,6}(?:[a-zA-Z](?![\\p{L}]))?(?:\\s?[-–/]\\s?\\d{1,5}[a-zA-Z]?)?';
const NAME_WORD = "[\\p{L}][\\p{L}\\p{M}'’.-]*";
const UNIT =
  `(?:,?\\s(?:apt\\.?|apartment|suite|ste\\.?|unit|flat|floor|fl\\.?|#|no\\.?|lgh\\.?|hus|m\\.|bte|bus|piso|planta|piano|appartamento|interno|scala|étage|hoog|og|` +
  // Croatian and Serbian, Slovenian, Norwegian, Latvian, Romanian, Uzbek units ("Kat 5", "stanovanje št. 731", "Leil. 806", "dz. 806", "Bloc 32, Ap. 54").
  `kat|sprat|stan|apartma|stanovanje(?:\\sšt\\.)?|pisarna|leil\\.|dz\\.|ap\\.|bloc|` +
  // Mexican and Spanish, Romanian and Moldovan units ("Depto. 4", "Int. 2", "bl. 3", "et. 2").
  `depto\\.?|dpto\\.?|departamento|int\\.|interior|edif\\.?|edificio|local|lote|mz\\.?|manzana|bl\\.|sc\\.|et\\.|etaj)\\s?#?\\s?[0-9]{1,5}[a-zA-Z]?|\\soppgang\\s[A-H]` +
  // "9.em 80 ajtó" (Hungarian floor and door), "- 417", "4 C 2" (Finnish stair and flat), "2 bis", ", 947-xonadon".
  `|\\s\\d{1,2}\\.\\s?em(?:\\s\\d{1,4}\\sajtó)?|\\s[-–]\\s\\d{1,5}|\\s[A-H]\\s\\d{1,3}(?![\\p{L}\\d])|\\s(?:bis|ter)(?![\\p{L}])|,\\s\\d{1,5}-xonadon` +
  `|\\s(?:I{1,3}|IV|\\d{1,2}\\s?hoog|\\d{1,2}\\s?(?:OG|étage)))`;

const NUMBER_FIRST = new RegExp(
  `(?<![\\w.,/:-])(${NUMBER})\\s+(?:(?:north|south|east|west|[NSEW])\\.?\\s+)?((?:${NAME_WORD}[ \\t]+){1,3})(?:${SUFFIXES})s?\\.?(?:\\s+(?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?${UNIT}?(?![\\p{L}\\d])`,
  'giu',
);
const NUMBER_FIRST_TYPE = new RegExp(
  `(?<![\\w.,/:-])(${NUMBER}),?\\s+(?:${TYPE_WORDS})[ \\t]+(?:${NAME_WORD}[ \\t]+){0,4}${NAME_WORD}${UNIT}?(?![\\p{L}\\d])`,
  'giu',
);
// Not glued to code before it ("::0:bd please 0" is an IPv6 address and words).
const TYPE_FIRST = new RegExp(
  `(?<![\\p{L}\\d:./@_-])(?:${TYPE_WORDS})[ \\t]+(?:${NAME_WORD}[ \\t]+){0,4}${NAME_WORD},?\\s+(?:n[º°o]\\.?\\s?|n\\.\\s?|n[úu]m\\.?\\s?|nr\\.?\\s?|#\\s?|bloc\\s)?${NUMBER}${UNIT}?(?![\\p{L}\\d]|[.,]\\d)`,
  'giu',
);
/** "Mülheimer Str. 51a", "Rasmuss Väg 775": the street word written apart. */
const NAME_THEN_STREET_WORD = new RegExp(
  `(?<![\\p{L}])(?:${NAME_WORD}[ \\t]+){1,3}(?:str\\.|straße|strasse|weg|platz|allee|gasse|ring|damm|ufer|straat|laan|plein|gracht|väg|vägen|gata|gatan|vej|gate|${STREET_WORDS_AFTER}),?\\s+${NUMBER}${UNIT}?(?![\\p{L}\\d]|[.,]\\d)`,
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
    'hour hours hrs sec secs seconds page pages item items ticket tickets issue issues bug bugs user users server ' +
    'servers team teams pull requests request commits files lines tests percent x both all each every some any will would').split(' '),
);

/** A street word or compound ending right before a house number: where the last two shapes can match. */
// Found from the letter, space and digit (rare) backwards: one pattern of all the street words
// tried at every position of the text costs more than the rest of the street scan.
const LETTER_SPACE_DIGIT = /[\p{L}.],?\s+\d/gu;
const ENDS_WITH_STREET_WORD = new RegExp(`(?:${COMPOUND_ENDINGS}|väg|gata|${STREET_WORDS_AFTER}),?$`, 'iu');
/** How far back from the space a street word may start. */
const STREET_WORD_REACH = 24;

function streetWordAnchors(text: string): number[][] {
  const out: number[][] = [];
  for (const m of execAll(LETTER_SPACE_DIGIT, text)) {
    const wordEnd = m.index + m[0].search(/\s/);
    if (ENDS_WITH_STREET_WORD.test(text.slice(Math.max(0, wordEnd - STREET_WORD_REACH), wordEnd))) out.push([Math.max(0, wordEnd - STREET_WORD_REACH), m.index + m[0].length]);
  }
  return out;
}
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

/**
 * Words that say a street line follows: "address:", "lives at", "moved … to", "send … to",
 * "pickup at", "Home:" (one look-behind for all of them: it runs at every position). After one of them, a line with a house number is taken even when its
 * street word is one no list here holds ("Slavonska 50", "K Drsnici 885", "7 Tir Celyn").
 */
const ADDRESS_CUE = new RegExp(
  '(?:(?<![\\p{L}])(?:(?:address(?:es)?|addr\\.?|adresse|adres|anschrift|indirizzo|dirección|direccion|endereço|endereco|morada|domicile|domicilio|adresă|adresa)(?:\\s+(?:is|was|now|will be))*\\s*[:=-]?\\s*' +
    '|(?:live[sd]?|living|located|based|resides?|residing)\\s+(?:now\\s+)?(?:at|on)\\s+' +
    '|(?:moved?|moving|relocat(?:ed|ing))\\s+(?:[\\p{L}\\d.-]+\\s+){0,3}?to\\s+' +
    '|(?:ship(?:ped|ping)?|send|sent|deliver(?:ed|y)?|mail(?:ed)?|post(?:ed)?|return(?:ed)?|forward(?:ed)?|courier(?:ed)?)\\s+(?:[\\p{L}\\d.-]+\\s+){0,4}?to\\s+' +
    '|(?:pick[- ]?up|drop[- ]?off)\\s+(?:is\\s+)?at\\s+' +
    '|(?:find|visit|reach)\\s+(?:us|me|them)\\s+at\\s+' +
    '|(?:home|office|hq|shipping|billing|delivery|mailing)\\s*:\\s*' +
    // Chat: "im at …", "we're at …", "meet me at …", "the new office is at …", "i moved! …".
    "|(?:i'?m|we'?re|is|are|meet(?:\\s+(?:me|us))?|see\\s+you|come\\s+(?:by|over))\\s+at\\s+" +
    '|moved[!:]\\s+' +
    // A company's legal form and a comma: its address follows ("Acme Ltd, Orahova 479").
    '|(?:ltd|inc|llc|plc|corp|gmbh|bv|b\\.v|oy|a/s|s\\.a|srl|s\\.r\\.l|spa|s\\.p\\.a|s\\.r\\.o|d\\.o\\.o|sp\\. z o\\.o|kft|zrt)\\.?,[ \\t]+)' +
    // A compound ending in the word ("Lieferadresse:", "Rechnungsanschrift:").
    '|\\p{Ll}(?:adresse|anschrift)\\s*:\\s*)',
  'giu',
);
/** What a cue makes a street line: words then a house number, or a house number then words. */
const CUED_NUMBER_LAST = new RegExp(
  `(?:\\d{1,2}\\.[ \\t])?((?:${NAME_WORD}[ \\t]+){0,4}${NAME_WORD}),?[ \\t]+(?:n[º°o]\\.?[ \\t]?|n\\.[ \\t]?|n[úu]m\\.?[ \\t]?|nr\\.?[ \\t]?|#[ \\t]?|bloc[ \\t])?${NUMBER}${UNIT}?(?![\\p{L}\\d]|[.,]\\d)`,
  'yiu',
);
const CUED_NUMBER_FIRST = new RegExp(`${NUMBER},?[ \\t]+((?:${NAME_WORD}[ \\t]+){0,3}${NAME_WORD})${UNIT}?(?![\\p{L}\\d])`, 'yiu');
/** Words that never stand in a street name in these lines: English function words, months, days. */
const NOT_IN_CUED_LINE = new Set(
  ('the a an my your our their his her its this that these those and or but of for with by from to is are was were be been ' +
    'it in on at as if so than then after before until till next last this every each per about around over under into onto ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun today tomorrow tonight ' +
    'now please pls thanks asap am pm version room floor level page step order ticket item ' +
    // The cue's own words, when a line starts with them ("Invoice address Gorička 20").
    'address addresses adresse adres invoice home office billing shipping delivery mailing new old send ship deliver contact tel phone fax ' +
    // Chat words before a street line ("its Overgaden 12, 9. tv", "i moved! Ivana Mičurina 2").
    "it's its im i'm moved meet me us we live lives changed").split(' '),
);

/**
 * A cued street line's words: no English function word, and at least one word that is neither
 * English nor a software name ("Slavonska 50", not "Sprint 42", "Postgres 16" or "Huddle 3").
 */
function cuedWordsLookLikeStreet(words: readonly string[], caseless = false): boolean {
  // In mixed case a street name is capitalised; typed in lower case ("shipping to vrtna 25") it is not.
  if (words.length === 0 || (!caseless && !words.some((w) => /^\p{Lu}/u.test(w)))) return false;
  let own = false;
  for (const w of words) {
    const lower = w.toLowerCase().replace(/[.,]+$/, '');
    if (NOT_IN_CUED_LINE.has(lower)) return false;
    if (!ENGLISH_TIER.has(lower) && !JARGON_WORDS.has(lower)) own = true;
  }
  return own;
}

/**
 * Where a street line may start without a cue word: after a cue, at the start of a line that
 * holds nothing else ("Kind regards,\nJo\nFastrova 3"), or before a house number with a unit
 * ("Sputniková 198 Apt. 287", "Komovska 29 Stan 79").
 */
const LINE_START = /(?:^|\n)[ \t]*(?=\S)/g;
/** What may follow a street line alone on its line: an aside in brackets, punctuation. */
const LINE_REST = /^[ \t]*(?:\([^\n)]{0,60}\))?[ \t.,;]*(?:\r?\n|$)/;
const UNIT_WORDS = 'apt\\.?|apartment|suite|ste\\.|unit|flat|floor|fl\\.|lgh\\.|m\\.|kat|sprat|stan|apartma|stanovanje|nadstropje|pisarna|leil\\.|dz\\.|ap\\.|piso|planta|étage|hoog';
/** `words` matching either case of each letter, in a pattern whose other parts are case-sensitive. */
const caseless = (words: string): string => words.replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
const WORDS_NUMBER_UNIT = new RegExp(
  `(?<![\\p{L}\\d.-])((?:${CAP_WORD}[ \\t]+){0,3}${CAP_WORD}),?[ \\t]+${NUMBER},?\\s(?:${caseless(UNIT_WORDS)})\\s?#?\\s?\\d{1,5}[a-zA-Z]?(?![\\p{L}\\d])`,
  'gu',
);
/** A house number and a unit: where {@link WORDS_NUMBER_UNIT} can match. */
const NUMBER_THEN_UNIT = new RegExp(`\\d,?\\s(?:${caseless(UNIT_WORDS)})\\s?#?\\s?\\d`, 'gu');
/** How a cue or line start is followed: a street line of either order, checked word by word. */
/**
 * A street named by one word, alone on its line, must look like one: a letter outside ASCII, or
 * a Slavic or Nordic street-name ending ("Fastrova 3", "Lillefaret 26"). "Grafana 11" and
 * "Sprint 42" alone on a line are a product's version and a count.
 */
const ONE_WORD_STREET = /(?:[^\x00-\x7f]|(?:ska|cka|ova|eva|ina|ica|ski|linja|rinne|polku|kaari|katu|tie|vej|vei|veien|gata|gate|stien|bakken|faret|jordet|lia|åsen|hagen|roa|vika|moen)$)/u;

/** The line holding `at`, at most 200 characters each side. */
function lineAround(text: string, at: number): string {
  const s = Math.max(text.lastIndexOf('\n', at - 1) + 1, at - 200);
  let e = text.indexOf('\n', at);
  if (e === -1 || e > at + 200) e = Math.min(text.length, at + 200);
  return text.slice(s, e);
}

/**
 * A year after a season, quarter or month ("Spring 2026", "Q3 2026", "fall 2026 roadmap review")
 * is a date, not a house number, whatever street word follows.
 */
const SEASON_YEAR = /(?<![\p{L}\d])(?:spring|summer|fall|autumn|winter|q[1-4]|h[12]|fy|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)[ \t,]+(?:19|20)\d\d(?!\d)/giu;

function inSeasonYear(spans: readonly number[][], s: PiiSpan): boolean {
  return spans.some(([a = 0, b = 0]) => a < s.end && s.start < b);
}

/** `lone`: a line alone, with no cue; `weak`: after no cue or a weak one (see {@link WEAK_ADDRESS_CUE}). */
function streetLineAt(text: string, at: number, lone = false, weak = lone): PiiSpan | undefined {
  for (const re of [CUED_NUMBER_FIRST, CUED_NUMBER_LAST]) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) continue;
    let value = m[0];
    const words = (m[1] ?? '').split(/\s+/);
    if (re === CUED_NUMBER_FIRST) {
      // "7 Tir Celyn now": the words run on into the sentence; drop its words from the end.
      let drop = 0;
      while (words.length > 1 && NOT_IN_CUED_LINE.has((words[words.length - 1] ?? '').toLowerCase())) {
        drop += (words.pop() ?? '').length;
      }
      if (drop > 0 && value.endsWith(m[1] ?? '')) value = value.slice(0, value.length - (m[1] ?? '').length) + words.join(' ');
    }
    if (!cuedWordsLookLikeStreet(words, !/\p{Lu}/u.test(lineAround(text, at)))) continue;
    // Without an address's cue, "33 GB", "12 USD", "4 PRs" are a quantity and its unit.
    if (weak && words.every((w) => /^\p{Lu}{1,4}s?$/u.test(w)) && /\p{Ll}/u.test(lineAround(text, at))) continue;
    // Without an address's cue, five or more digits after the words are a code, a PIN or an id,
    // not a house number ("lösenordet är 043050", "Heslo Je 443409").
    if (weak && re === CUED_NUMBER_LAST && /(?<![\d])\d{5,}(?![\d])/.test(value.slice((m[1] ?? '').length))) continue;
    if (lone && words.length === 1 && !ONE_WORD_STREET.test(words[0] ?? '')) continue;
    if (/\.$/.test(value) && !/(?:st|ave|rd|dr|blvd|ln|ct|pl|str|apt|ste|fl|lgh|no|nám|pr|sh|küç|lk)\.$/i.test(value)) value = value.slice(0, -1);
    return { start: at, end: at + value.length };
  }
  return undefined;
}

function* findLoneStreetLines(text: string): Generator<PiiSpan> {
  for (const m of execAll(LINE_START, text)) {
    const at = m.index + m[0].length;
    const span = streetLineAt(text, at, true);
    if (span !== undefined && LINE_REST.test(text.slice(span.end, span.end + 80))) yield span;
  }
  const units = execAll(NUMBER_THEN_UNIT, text).map((m) => [m.index, m.index + m[0].length]);
  for (const [at, m] of matchNearAnchors(text, WORDS_NUMBER_UNIT, units)) {
    if (cuedWordsLookLikeStreet((m[1] ?? '').split(/\s+/))) yield { start: at, end: at + m[0].length };
  }
}

/**
 * A postcode after a street line: ", 30849 Vrgorac", ", 37203 Leskovac", ", Litovel 91549",
 * ", 586 34 Neratovice". The words and house number before the comma are then a street line when
 * they look like one (no English function word, one word neither English nor software).
 */
// The comma first, so that the scan looks for it alone; what precedes it is checked after.
const POSTCODE_AFTER = /,[ \t]+(?:(?:\d{2,3}[ -]\d{2,3}|\d{4,5}(?:-\d{3,4})?)[ \t]+\p{L}|\p{L}[^\s,\d]*(?:[ \t]+\p{L}[^\s,\d]*){0,3}[ \t]+\d{4,5}(?![\p{L}\d]))/gu;
/** How many words before a postcode's comma may belong to the street line. */
const POSTCODE_REACH_WORDS = 5;

function* findStreetLinesBeforePostcodes(text: string): Generator<PiiSpan> {
  for (const m of execAll(POSTCODE_AFTER, text)) {
    const comma = m.index;
    if (!/[\p{L}\d]/u.test(text[comma - 1] ?? '')) continue;
    // Word starts before the comma, nearest last; the farthest start that makes a street line wins.
    const starts: number[] = [];
    let i = comma;
    const lineStart = text.lastIndexOf('\n', comma - 1) + 1;
    while (starts.length < POSTCODE_REACH_WORDS && i > lineStart) {
      let s = i;
      while (s > lineStart && !/[\s,;:!?()]/u.test(text[s - 1] ?? '')) s--;
      if (s === i) break;
      starts.unshift(s);
      if (s === lineStart || !/[ \t]/.test(text[s - 1] ?? '')) break;
      i = s - 1;
    }
    for (const at of starts) {
      const span = streetLineAt(text, at);
      if (span !== undefined && span.end === comma) {
        yield span;
        break;
      }
    }
  }
}

function* findCuedStreetLines(text: string): Generator<PiiSpan> {
  for (const cue of execAll(ADDRESS_CUE, text)) {
    const at = cue.index + cue[0].length;
    const span = streetLineAt(text, at);
    if (span !== undefined) yield span;
  }
  for (const cue of execAll(WEAK_ADDRESS_CUE, text)) {
    const at = cue.index + cue[0].length;
    const span = streetLineAt(text, at, false, true);
    if (span !== undefined && PLACE_ENDS.test(text.slice(span.end, span.end + 24))) yield span;
  }
}

/**
 * Weaker cues than {@link ADDRESS_CUE}: a preposition or verb that takes a place ("taxi from …",
 * "working from …", "left at …", "could not find …", "Ship to:"), or "address" and a few words
 * before its colon, dash or "to" ("Home address (for payroll): …", "update my address to …").
 * Not "to", "in" or "is": a version follows them as often ("updated to Monterey 16", "lands in
 * Firefox 80"). After one of them a street line must also end where a place does: see
 * {@link PLACE_ENDS}.
 */
const WEAK_ADDRESS_CUE = new RegExp(
  '(?<![\\p{L}])(?:(?:at|from|find|near|opposite)[ \\t]+' +
    '|to:[ \\t]*\\r?\\n[ \\t]*' +
    '|(?:address|adresse|adres|dirección|direccion|endereço|endereco|indirizzo)(?:[ \\t]+[^\\n:=]{0,30}?)?(?:[ \\t]*[:=][ \\t]*|[ \\t]+[-–—][ \\t]+|[ \\t]+to[ \\t]+|,[ \\t]+it[\'’]?s[ \\t]+))',
  'giu',
);
/**
 * What follows a place and not a version, a count or a name: punctuation, a bracket, the line's
 * end, or a word that goes on after a place ("… 201 to the airport", "… 2 this week", "… 8 with
 * the neighbour"). "Python 3 is out", "Sprint 42 starts" and "Ana 2 days ago" do not end so.
 */
const PLACE_ENDS = /^(?:[ \t]*(?:[,.!?;:()\]]|\r?\n|$)|[ \t]+(?:to|with|this|next|now|on|at|for|from|and|until|since|thx|thanks|pls|please|today|tomorrow)(?![\p{L}]))/iu;

function* findStreetAddresses(text: string): Generator<PiiSpan> {
  // A house number, or "s/n" (Spanish and Portuguese: no number).
  if (!/\d|s\/n/i.test(text)) return;
  const candidates = [...findStreetCandidates(text)];
  if (candidates.length === 0) return;
  const seasons = execAll(SEASON_YEAR, text).map((m) => [m.index, m.index + m[0].length]);
  for (const s of candidates) if (seasons.length === 0 || !inSeasonYear(seasons, s)) yield withUnit(text, s);
}

/** A house number, with its unit, or "s/n", right after a name guess ("Lilleringen 67", "Edificio Leticia s/n."). */
const NUMBER_AFTER_GUESS = new RegExp(`^,?[ \\t]+(?:${NUMBER}${UNIT}?|s\\/n\\.?)(?![\\d:.,]\\d)`, 'u');
/** A short word or street type right before such a line: "K Železnej studienke 57", "Plaza …", "park Wnuk 89a". */
const WORD_BEFORE_GUESS = /(?<![\p{L}\p{M}'’.-])([\p{L}][\p{L}\p{M}.]{0,11})[ \t]+$/u;

/**
 * Words the name scrubber took for a name, then a house number, then where a place ends ("the
 * courier is outside Lilleringen 67 now", "Apartment: Zemunska 7", "Our rental is Trekanten 657,
 * second floor"): a street named without a street word. Not when a word of them is a given name a
 * list holds ("Ana 2"), nor when the words look like no street (a function word, English only).
 */
function* findStreetsAfterNameGuesses(text: string): Generator<PiiSpan> {
  const caselessLine = (at: number): boolean => !/\p{Lu}/u.test(lineAround(text, at));
  for (const s of nameGuessesOf(text)) {
    const m = NUMBER_AFTER_GUESS.exec(text.slice(s.end, s.end + 80));
    if (m === null) continue;
    const end = s.end + m[0].length;
    // The words are a name guess already, removed either way: a looser end costs no word here.
    if (!PLACE_ENDS.test(text.slice(end, end + 24)) && !GUESS_PLACE_ENDS.test(text.slice(end, end + 24))) continue;
    const words = text.slice(s.start, s.end).split(/\s+/);
    if (words.some((w) => FIRST_NAME_SET.has(w) || BUILD_GIVEN_SET.has(foldName(w))) || !cuedWordsLookLikeStreet(words, caselessLine(s.start))) continue;
    let start = s.start;
    const lead = WORD_BEFORE_GUESS.exec(text.slice(Math.max(0, s.start - 16), s.start))?.[1];
    if (lead !== undefined && !NOT_IN_CUED_LINE.has(lead.toLowerCase()) && (TYPE_OR_SUFFIX.test(lead) || (/^\p{Lu}/u.test(lead) && !ENGLISH_TIER.has(lead.toLowerCase())))) {
      start -= lead.length + 1;
    }
    yield { start, end };
  }
}
const GUESS_PLACE_ENDS = /^[ \t]+(?:around|if|is|was|near|by|before|after|in|or|then)(?![\p{L}])/iu;
const TYPE_OR_SUFFIX = new RegExp(`^(?:${TYPE_WORDS}|${SUFFIXES})$`, 'iu');

function* findStreetCandidates(text: string): Generator<PiiSpan> {
  yield* findStreetsByWords(text);
  yield* findStreetsAfterNameGuesses(text);
  if (text.includes(',')) yield* findStreetLinesBeforePostcodes(text);
  yield* findCuedStreetLines(text);
  yield* findLoneStreetLines(text);
  const anchors = streetWordAnchors(text);
  for (const re of [NUMBER_FIRST, NUMBER_FIRST_TYPE, TYPE_FIRST, NAME_THEN_STREET_WORD, COMPOUND, NUMBER_THE, LEADING_WORD_THEN_NUMBER]) {
    const matches =
      re === NAME_THEN_STREET_WORD || re === COMPOUND
        ? matchNearAnchors(text, re, anchors)
        : execAll(re, text).map((m): [number, RegExpMatchArray] => [m.index, m]);
    for (const [found, m] of matches) {
      let index = found;
      let value = m[0];
      // "to Hauptstraße 5": an English word before a compound street name is not part of it.
      // "Spring 2026", "offering 3": an English word that ends like a compound street name.
      if (re === COMPOUND) {
        const compound = /([\p{L}\p{M}-]+)\s+\d/u.exec(value)?.[1]?.toLowerCase();
        if (compound !== undefined && (ENGLISH_TIER.has(compound) || JARGON_WORDS.has(compound))) continue;
      }
      const first = re === COMPOUND ? /^(\p{Ll}+) /u.exec(value)?.[1] : undefined;
      if (first !== undefined && ENGLISH_TIER.has(first)) {
        index += first.length + 1;
        value = value.slice(first.length + 1);
      }
      // "Invoice address Fatih Sokak 161": the words before the street's own name are the sentence's.
      while (re === NAME_THEN_STREET_WORD) {
        const lead = /^([\p{L}.'’-]+)[ \t]+(?=\S+[ \t]+\S)/u.exec(value);
        const word = lead?.[1];
        if (lead === null || word === undefined) break;
        const lower = word.toLowerCase();
        if (!NOT_IN_CUED_LINE.has(lower) && !(word === lower && (ENGLISH_TIER.get(lower) ?? 9) <= 2)) break;
        index += lead[0].length;
        value = value.slice(lead[0].length);
      }
      const words = re === NUMBER_FIRST ? (m[2] ?? '').trim().toLowerCase().split(/\s+/) : [];
      if (words.some((w) => NOT_STREET_WORDS.has(w))) continue;
      // "29 GB retries. Chase the vendor": a sentence ends inside; abbreviations ("Mt.", "St.") are short.
      if (words.some((w) => w.length > 4 && w.endsWith('.'))) continue;
      // Sentence punctuation after the line is not part of it ("… Baker St.").
      if (/\.$/.test(value) && !/(?:st|ave|rd|dr|blvd|ln|ct|pl|str|apt|ste|fl|lgh|no)\.$/i.test(value)) value = value.slice(0, -1);
      yield { start: index, end: index + value.length };
    }
  }
}

export const streetAddressScrubber: Scrubber = { type: 'STREET_ADDRESS', priority: 55, find: findStreetAddresses };
