import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import type { PiiSpan, Scrubber } from './types.ts';
import { execAll } from './text.ts';
import { findStreetsByWords, isUnitWord, withUnit } from './street-words.ts';
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
  'mall|crossroad|circuit|lodge|mission|ramp|pine|fall|bank|end|drove|brae|wood|brow|lea|side|' +
  // Australia Post and Royal Mail abbreviations ("14 Holloway Gr", "117 Bourke Esp", "16 Albert Terr.").
  'gr|esp|terr|tce|cct|crt|cl';
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
  // Abbreviations of Portuguese, Spanish, Colombian and Belgian addresses ("R. de Cedofeita, 3", "Av Paulista, n° 175",
  // "Pso. de la Castellana", "Cll. Morelos #1389", "L.go Argentina 1", "15, bld Anspach").
  'r\\.|c\\.|av|ave\\.|pso\\.|cl\\.|cll\\.|tv\\.|transv\\.|transversal|diagonal|l\\.go|trav\\.|bld|' +
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
  'strato|vojo|placo|avenuo|' +
  // Norwegian definite "-alléen", and German "-str" without its dot ("Fjordalléen 12", "Praterstr 2/1/2").
  'alléen|alleen|str';
/**
 * Street words written after the name, apart from it: Latvian, Croatian and Slovenian, Turkish,
 * Azerbaijani, Uzbek, Hungarian, Czech and Slovak ("Torņakalna iela 86", "Vegova ulica 778",
 * "Kocatepe Caddesi 86", "Fuad Yusifov prospekti, 320", "Simon fasor 349").
 */
const STREET_WORDS_AFTER =
  "iela|gatve|bulvāris|bulvaris|laukums|prospekts|šoseja|ulica|cesta|nasip|sokak|sokağı|caddesi|cad\\.|bulvarı|yolu|" +
  // Turkish abbreviations ("İstiklal Cad No: 87", "Papatya Sk. No: 113/8", "Kıbrıs Şehitleri Cd. No: 10").
  "cad|cd\\.|sk\\.|sok\\.|bulvari|bulv\\.|" +
  "küçəsi|küç\\.|prospekti|pr\\.|sh\\.|şossesi|sahəsi|ko['ʻ’]chasi|daxasi|xiyoboni|bulvari|qirg['ʻ’]oqi|qishlog['ʻ’]i|tor['ʻ’]kochasi|" +
  'utca|út|útja|tér|körtér|főtér|sor|sétány|rakpart|fasor|liget|országút|körút|sugárút|határút|köz|náměstí|nám\\.|nábřeží|údolie|námestie|dambis|gāte|vei|' +
  // Esperanto ("Zamenhof strato 12").
  'strato|avenuo|bulvardo|placo|vojo|aleo|kajo';

// "4890-C" (a letter after a dash), "48-50/10" (Austrian house and door; a third part only after a dash
// and a slash, so that "1962-06-11", "25/05/1967" and "14/10/91" stay dates).
const NUMBER = '\\d{1,6}(?:-?[a-zA-Z](?![\\p{L}]))?(?:\\s?[-–]\\s?\\d{1,5}[a-zA-Z]?(?:/\\d{1,3}[a-zA-Z]?)?|\\s?/\\s?\\d{1,5}[a-zA-Z]?)?';
/** What stands between a street's name and its house number: "No: 175", "n.º 24", "N° 3330", "Nr. 5", "núm. 1414", "#12". */
const HOUSE_MARK = '(?:no\\.?[ \\t]?:?[ \\t]?|n[º°]\\.?[ \\t]?|n\\.[º°][ \\t]?|nr\\.?[ \\t]?|n[úu]m\\.?[ \\t]?|#[ \\t]?)';
/** An ordinal standing for a street's name: "2nd Street", "50th St", "17th Main Road". */
const ORDINAL = '\\d{1,3}(?:st|nd|rd|th)';
const NAME_WORD = "[\\p{L}][\\p{L}\\p{M}'’.-]*";
const UNIT =
  `(?:,?\\s(?:apt\\.?|apartment|suite|ste\\.?|unit|flat|floor|fl\\.?|#|no\\.?|lgh\\.?|hus|m\\.|bte|bus|piso|planta|piano|appartamento|interno|scala|étage|hoog|og|` +
  // Croatian and Serbian, Slovenian, Norwegian, Latvian, Romanian, Uzbek units ("Kat 5", "stanovanje št. 731", "Leil. 806", "dz. 806", "Bloc 32, Ap. 54").
  `kat|sprat|stan|apartma|stanovanje(?:\\sšt\\.)?|pisarna|leil\\.|dz\\.|ap\\.|bloc|` +
  // Mexican and Spanish, Romanian and Moldovan units ("Depto. 4", "Int. 2", "bl. 3", "et. 2").
  `depto\\.?|dpto\\.?|departamento|int\\.|interior|edif\\.?|edificio|local|lote|mz\\.?|manzana|bl\\.|sc\\.|et\\.|etaj|` +
  // Latin American, Portuguese and Turkish units, and a room after a Japanese block ("Casa 19", "of. 608", "Apto. 1701",
  // "loja 1", "sala 1902", "K:6 D:23", "Daire: 9", "Room 301"), and German ones ("Zimmer 854", "Wohnung 3").
  `casa|of\\.|oficina|apto\\.?|loja|sala|k:|d:|daire:?|room|zimmer|wohnung|whg\\.)\\s?#?\\s?[0-9]{1,5}[a-zA-Z]?|\\soppgang\\s[A-H]` +
  // "9.em 80 ajtó" (Hungarian floor and door), "- 417", "4 C 2" (Finnish stair and flat), "2 bis", ", 947-xonadon".
  `|\\s\\d{1,2}\\.\\s?em(?:\\s\\d{1,4}\\sajtó)?|\\s[-–]\\s\\d{1,5}|\\s[A-H]\\s\\d{1,3}(?![\\p{L}\\d])|\\s(?:bis|ter)(?![\\p{L}])|,\\s\\d{1,5}-xonadon` +
  `|\\s(?:I{1,3}|IV|\\d{1,2}\\s?hoog|\\d{1,2}\\s?(?:OG|étage)))`;
/** A floor and a flat or door written together: "K:9 D:4", "piso 6 depto. c". */
const UNITS = `(?:${UNIT}){0,2}`;

const NUMBER_FIRST = new RegExp(
  `(?<![\\w.,/:-])(${NUMBER}),?\\s+(?:(?:north|south|east|west|[NSEW])\\.?\\s+)?((?:(?:${NAME_WORD}|${ORDINAL})[ \\t]+){1,3})(?:${SUFFIXES})s?\\.?(?:\\s+(?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?${UNITS}(?![\\p{L}\\d])`,
  'giu',
);
const NUMBER_FIRST_TYPE = new RegExp(
  `(?<![\\w.,/:-])(${NUMBER}),?\\s+(?:${TYPE_WORDS})[ \\t]+(?:${NAME_WORD}[ \\t]+){0,4}${NAME_WORD}${UNITS}(?![\\p{L}\\d])`,
  'giu',
);
// Not glued to code before it ("::0:bd please 0" is an IPv6 address and words).
const TYPE_FIRST = new RegExp(
  `(?<![\\p{L}\\d:./@_-])(?:${TYPE_WORDS})[ \\t]+(?:${NAME_WORD}[ \\t]+){0,4}${NAME_WORD},?\\s+(?:${HOUSE_MARK}|n\\.\\s?|bloc\\s)?${NUMBER}${UNITS}(?![\\p{L}\\d]|[.,]\\d)`,
  'giu',
);
/** "Mülheimer Str. 51a", "Rasmuss Väg 775": the street word written apart. */
const NAME_THEN_STREET_WORD = new RegExp(
  `(?<![\\p{L}])(?:${NAME_WORD}[ \\t]+){1,3}(?:str\\.|straße|strasse|weg|platz|allee|gasse|ring|damm|ufer|straat|laan|plein|gracht|väg|vägen|gata|gatan|vej|gate|${STREET_WORDS_AFTER}),?\\s+${HOUSE_MARK}?${NUMBER}${UNITS}(?![\\p{L}\\d]|[.,]\\d)`,
  'giu',
);
const COMPOUND = new RegExp(
  `(?<![\\p{L}])(?:${NAME_WORD}[ -])?[\\p{L}][\\p{L}\\p{M}-]*(?:${COMPOUND_ENDINGS})\\s+${NUMBER}${UNITS}(?![\\p{L}\\d]|[.,]\\d)`,
  'giu',
);

/**
 * Street names without a street word, recognised by their first word (case-sensitive):
 * "7875 The Paddock", "Im Frohental 268", "Zum Claashäuschen 12c", "Norra Skogsgärdet 96".
 */
const CAP_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.-]*";
const NUMBER_THE = new RegExp(`(?<![\\w.,/:-])(${NUMBER})\\s+The\\s+${CAP_WORD}(?:\\s+${CAP_WORD})?${UNITS}(?![\\p{L}\\d])`, 'gu');
const LEADING_WORD_THEN_NUMBER = new RegExp(
  `(?<![\\p{L}])(?:Im|Am|Zum|Zur|An der|Auf der|Auf dem|In der|Unter den|Norra|Södra|Östra|Västra|Undre|Övre|Lilla|Stora)\\s+${CAP_WORD}(?:\\s+${CAP_WORD})?\\s+${NUMBER}${UNITS}(?![\\p{L}\\d]|[.,]\\d)`,
  'gu',
);

/**
 * A numbered unit, plot or building written before the street line, as in India, the Gulf and
 * West and East Africa ("Apt 3708, Building 116, Muroor Road", "Plot No. 386, Road No. 3", "Block E,
 * Flat 7, Ozumba Mbadiwe Avenue", "house no. 11, moi avenue", "No. 64, Ahmadu Bello Way", "#217, 8th
 * Cross"): the street after it then needs no house number of its own.
 */
const UNIT_LEAD =
  '(?:(?:apt|apartment|flat|villa|plot|house|hse|door|office|suite|unit|level|shop|building|bldg|blk|block|lot)\\.?(?:[ \\t]?no\\.?)?[ \\t]?#?[ \\t]?\\d{1,5}[a-z]?(?:[-/]\\d{1,5}[a-z]?)*' +
  '|(?:block|blk|building|bldg|tower)[ \\t][a-z](?![\\p{L}])|(?:no\\.?|#)[ \\t]?\\d{1,5}[a-z]?(?:[-/]\\d{1,5}[a-z]?)*)';
/** A street's name after such a unit: words and a suffix, a numbered street ("Street 36", "Road No. 3", "39A Street"), "8th Cross". */
const STREET_AFTER_LEAD =
  `(?:(?:${NUMBER},?[ \\t]+)?(?:(?:${NAME_WORD}|${ORDINAL})[ \\t]+){1,4}(?:${SUFFIXES})s?\\.?` +
  `|(?:street|road|st|rd)\\.?[ \\t](?:no\\.?[ \\t]?)?\\d{1,3}[a-z]?|\\d{1,3}[a-z]?[ \\t](?:street|road)|${ORDINAL}[ \\t](?:cross|main))`;
const UNITS_THEN_STREET = new RegExp(
  `(?<![\\p{L}\\d])(${UNIT_LEAD}(?:,?[ \\t]+${UNIT_LEAD}){0,2}),?[ \\t]+(${STREET_AFTER_LEAD})(?![\\p{L}\\d])`,
  'giu',
);
/** The same written street first: "Corniche Rd., Villa 52", "lower kabete road, hse no. 21". */
const STREET_THEN_UNIT = new RegExp(
  `(?<![\\p{L}\\d])((?:(?:${NAME_WORD}|${ORDINAL})[ \\t]+){1,4})(?:${SUFFIXES})\\.?,?[ \\t]+${UNIT_LEAD}(?![\\p{L}\\d])`,
  'giu',
);
const SUFFIX_WORD = new RegExp(`(?<![\\p{L}])(?:${SUFFIXES}|street|road|st|rd|cross|main)(?![\\p{L}])`, 'iu');
/** What {@link UNIT_LEAD} starts with, cheaply: a unit's word, "No." or "#" and a digit. */
const UNIT_LEAD_HINT = /(?:apt|apartment|flat|villa|plot|house|hse|door|office|suite|unit|level|shop|building|bldg|blk|block|lot|no|#)\.?[ \t]?(?:no\.?[ \t]?)?#?[ \t]?\d|(?:block|blk|building|bldg|tower)[ \t][a-z](?![\p{L}])/iu;
/** Units before any street line found ("Flat 32, 38 Sráid an Mhuilinn", "Level 2, 117 Bourke Esp"), read backwards from its start. */
const UNITS_BEFORE = new RegExp(`(?<![\\p{L}\\d])${UNIT_LEAD}(?:,?[ \\t]+${UNIT_LEAD}){0,2},?[ \\t]+$`, 'iu');

/**
 * Japanese blocks, numbered "chōme-ban-gō" before or after the district's name ("6-4-3 Shibuya",
 * "1-21-25 Kita-Aoyama", "Jingumae 4-13-10", "Akasaka 1-chome 19-20", "1-chōme-3-10 kitazawa"):
 * three numbers joined by dashes are no date, phone number or version a street would be mistaken for.
 */
const JP_BLOCK = '\\d{1,2}(?:-ch[oō]me)?-\\d{1,3}-\\d{1,3}|\\d{1,2}-ch[oō]me[ \\t]\\d{1,3}-\\d{1,3}';
const JP_PLACE = "\\p{L}[\\p{L}'-]*(?:[ \\t]\\p{Lu}[\\p{L}'-]*)?";
const JAPANESE_BLOCK = new RegExp(
  `(?<![\\w.,/:-])(?:(${JP_BLOCK})[ \\t]+(${JP_PLACE})|(\\p{Lu}[\\p{L}'-]*)[ \\t]+(?:${JP_BLOCK}))(?:,?[ \\t]+(?:#\\d{1,5}|[rR]oom[ \\t]\\d{1,5}))?(?![\\p{L}\\d-])`,
  // Case-sensitive: a second word of the place, and a place before the block, is capitalised ("Kichijoji
  // Honcho", "Jingumae 4-13-10"; not "Tenjin this", "at 6-20-11").
  'gu',
);
/**
 * Korean road names, romanised or in Hangul: "Seolleung-ro 285", "Dosan-daero 65-gil 50", "301
 * Apgujeong-ro", "을지로 414", "강남대로 317".
 */
const KOREAN_ROAD = new RegExp(
  `(?<![\\p{L}\\d])(?:\\p{L}+-(?:ro|daero|gil)|\\p{Script=Hangul}{1,8}(?:로|길))(?:[ \\t]+\\d{1,3}(?:beon)?-?gil)?[ \\t]+${NUMBER}(?![\\p{L}\\d])` +
    `|(?<![\\w.,/:-])${NUMBER}[ \\t]+\\p{L}+-(?:ro|daero|gil)(?![\\p{L}])`,
  'giu',
);
/** What a Japanese block cannot do without: "6-4-3", "1-chome" (not a date's "2026-05-06" nor a phone number). */
const JAPANESE_HINT = /(?<![\d-])\d{1,2}-(?:ch[oō]me|\d{1,3}-\d{1,3}(?![\d-]))/iu;
const KOREAN_HINT = /-(?:ro|daero|gil)(?![\p{L}])|\p{Script=Hangul}(?:로|길)/iu;
/**
 * Vietnamese streets, a house number then the name's syllables ("120 Nguyễn Huệ", "Số 45 Nam Kỳ Khởi
 * Nghĩa", "88/11 Hàng Bài"): capitalised, or in lower case after "số" (number) or "ở", "tại" (at).
 */
const VIETNAMESE_STREET = new RegExp(
  `(?<![\\w.,/:-])(?:(?:[sS]ố[ \\t]+)?\\d{1,4}[a-zA-Z]?(?:/\\d{1,4}[a-zA-Z]?)?(?:[ \\t]+\\p{Lu}\\p{Ll}{0,6}){1,5}` +
    `|(?<=(?<![\\p{L}])(?:số|ở|tại)[ \\t])\\d{1,4}[a-zA-Z]?(?:/\\d{1,4}[a-zA-Z]?)?(?:[ \\t]+\\p{Ll}{1,7}){1,5})(?![\\p{L}\\d])`,
  'gu',
);
/** Letters only Vietnamese writes ("Huệ", "Đồng Khởi"): only in a text with them are such streets looked for. */
const VIETNAMESE_LETTER = /[đĐơƠưƯ\u1EA0-\u1EF9]/u;
/** Particles that end a Vietnamese chat line ("em đang ở 21 lê duẩn nhé"). */
const VIETNAMESE_PARTICLES = new Set(['nhé', 'nha', 'nhá', 'ạ', 'à', 'nhe', 'rồi', 'đi', 'ha']);

/** A house on a numbered road, as in Egypt and the Gulf: "9 Road 22", "20 road 81", "11, Street 36". */
const NUMBERED_ROAD = /(?<![\w.,/:-])\d{1,4}[a-z]?,?[ \t]+(?:road|street|st\.|rd\.)[ \t]+\d{1,3}[a-z]?(?![\p{L}\d]|[.,]\d)/giu;
const NUMBERED_ROAD_HINT = /(?:road|street|st\.|rd\.)[ \t]+\d/i;

/**
 * Colombian and Mexican grid addresses: a numbered street, then "#" or "No" and the crossing and
 * distance ("Transversal 166 #117-67", "Cl. 4A Bis Nº 105-92", "diagonal 134b no. 23a-08", "Calle 31
 * #508 x 69 y 71").
 */
const GRID_ADDRESS = new RegExp(
  `(?<![\\p{L}\\d])(?:calle|cl\\.?|cll\\.?|carrera|cra\\.?|kr\\.?|cr\\.?|transversal|transv\\.?|tv\\.?|diagonal|dg\\.?|avenida|av\\.?|ak|ac)[ \\t]+\\d{1,3}[a-z]?(?:[ \\t]bis)?(?:[ \\t][a-z](?![\\p{L}]))?` +
    `[ \\t]*(?:#|no\\.?|n[º°])[ \\t]?\\d{1,4}[a-z]?(?:[ \\t]?-[ \\t]?\\d{1,3}[a-z]?)?(?:[ \\t]x[ \\t]\\d{1,3}(?:[ \\t]y[ \\t]\\d{1,3})?)?${UNITS}(?![\\p{L}\\d])`,
  'giu',
);

const GRID_HINT = /\d[a-z]?(?:[ \t]bis)?(?:[ \t][a-z])?[ \t]*(?:#|no\.?|n[º°])[ \t]?\d/iu;

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

/** Rooms, buildings and internal mail stops, numbered inside a site: "Zimmer 12", "Bldg 40", "Mailstop 4-1". */
const ROOM_WORDS = new Set(['room', 'zimmer', 'raum', 'bldg', 'building', 'mailstop', 'booth', 'gate', 'hall', 'salle', 'ruang', 'desk', 'locker', 'dock', 'bay']);
/** ISO 4217 codes written before an amount ("AED 150", "CHF 40"): a price, whatever cue came before. */
const CURRENCY_CODES = new Set(
  'USD EUR GBP AED SAR QAR KWD BHD OMR CHF JPY CNY INR AUD CAD NZD SEK NOK DKK ISK PLN CZK HUF RON BGN TRY ZAR NGN KES GHS EGP MAD BRL MXN ARS CLP COP PEN IDR MYR SGD HKD KRW THB VND PHP PKR BDT LKR ILS RUB UAH'.split(' '),
);

/** A unit's word right before a number ("apt. 736", "Suite 914", "#"). */
const UNIT_BEFORE_NUMBER = /(?:apt|apartment|suite|ste|unit|flat|fl|floor|room|no|lgh|bldg|building|zimmer|#)\.?[ \t]?$/i;

/** Chat words that read as a street suffix: "pls" is "pl" in the plural. */
const CHAT_WORDS = new Set(['pls', 'plz', 'thx']);

/** A street word or compound ending right before a house number: where the last two shapes can match. */
// Found from the letter, space and digit (rare) backwards: one pattern of all the street words
// tried at every position of the text costs more than the rest of the street scan.
const LETTER_SPACE_DIGIT = /[\p{L}.],?\s+\d/gu;
/** A house-number mark before a digit ("Cad No:175", "Sokağı No: 1"): the street word is before the mark. */
const MARK_DIGIT = /(?<![\p{L}])no[.:]?[ \t]?:?[ \t]?(?=\d)/giu;
const ENDS_WITH_STREET_WORD = new RegExp(`(?:${COMPOUND_ENDINGS}|väg|gata|${STREET_WORDS_AFTER}),?$`, 'iu');
/** How far back from the space a street word may start. */
const STREET_WORD_REACH = 24;

function streetWordAnchors(text: string): number[][] {
  const out: number[][] = [];
  for (const m of execAll(LETTER_SPACE_DIGIT, text)) {
    const wordEnd = m.index + m[0].search(/\s/);
    if (ENDS_WITH_STREET_WORD.test(text.slice(Math.max(0, wordEnd - STREET_WORD_REACH), wordEnd))) out.push([Math.max(0, wordEnd - STREET_WORD_REACH), m.index + m[0].length]);
  }
  if (!/no[.:]?\s?\d/i.test(text)) return out;
  for (const m of execAll(MARK_DIGIT, text)) {
    let wordEnd = m.index;
    while (wordEnd > 0 && isSpace(text.charCodeAt(wordEnd - 1))) wordEnd--;
    if (ENDS_WITH_STREET_WORD.test(text.slice(Math.max(0, wordEnd - STREET_WORD_REACH), wordEnd))) out.push([Math.max(0, wordEnd - STREET_WORD_REACH), m.index + m[0].length + 1]);
  }
  // The two scans each go left to right; the windows are merged in order.
  return out.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
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
  `(?:\\d{1,2}\\.[ \\t])?((?:${NAME_WORD}[ \\t]+){0,4}${NAME_WORD}),?[ \\t]+(?:n[º°o]\\.?[ \\t]?|n\\.[ \\t]?|n[úu]m\\.?[ \\t]?|nr\\.?[ \\t]?|#[ \\t]?|bloc[ \\t])?${NUMBER}${UNITS}(?![\\p{L}\\d]|[.,]\\d)`,
  'yiu',
);
const CUED_NUMBER_FIRST = new RegExp(`${NUMBER},?[ \\t]+((?:${NAME_WORD}[ \\t]+){0,3}${NAME_WORD})${UNITS}(?![\\p{L}\\d])`, 'yiu');
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
    if (words.length === 1 && CURRENCY_CODES.has(words[0] ?? '')) continue;
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
  const lines = candidates.filter((s) => seasons.length === 0 || !inSeasonYear(seasons, s)).map((s) => withUnitsBefore(text, withUnit(text, s)));
  // A unit that ends one street line does not start another ("613 Prince Shoals suite 718,
  // Pietermaritzburg 10341" is not "suite 718, Pietermaritzburg 10341"): the engine would keep
  // the longer of the two. (Inside a longer line it is that line's anyway.)
  lines.sort((x, y) => x.start - y.start);
  let reach = -1; // the farthest end of the lines that start before the current one
  let groupReach = -1;
  let groupStart = -1;
  for (const s of lines) {
    if (s.start !== groupStart) {
      reach = Math.max(reach, groupReach);
      groupStart = s.start;
      groupReach = -1;
    }
    groupReach = Math.max(groupReach, s.end);
    if (!(reach > s.start && UNIT_LEAD_AT.test(text.slice(s.start, s.end)))) yield s;
  }
}

/** A street line that starts with a unit ("suite 718, …", "no 10, …", "#220, …"). */
const UNIT_LEAD_AT = new RegExp(`^${UNIT_LEAD}`, 'iu');

/** The span grown back over the units written before it ("Flat 32, " before "38 Sráid an Mhuilinn"). */
function withUnitsBefore(text: string, s: PiiSpan): PiiSpan {
  if (s.start === 0 || !isSpace(text.charCodeAt(s.start - 1))) return s;
  const m = UNITS_BEFORE.exec(text.slice(Math.max(0, s.start - 60), s.start));
  return m === null ? s : { start: s.start - m[0].length, end: s.end };
}

/** A house number, with its unit, or "s/n", right after a name guess ("Lilleringen 67", "Edificio Leticia s/n."). */
const NUMBER_AFTER_GUESS = new RegExp(`^,?[ \\t]+(?:${NUMBER}${UNITS}|s\\/n\\.?)(?![\\d:.,]\\d)`, 'u');
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
    // "Zimmer 12", "Bldg 40", "Mailstop 4-1": a room or building inside a site, not a street.
    if (words.length === 1 && (ROOM_WORDS.has((words[0] ?? '').toLowerCase()) || isUnitWord(words[0] ?? ''))) continue;
    // "macOS Sonoma 14": a product's release after its name; "Lakers 112 Celtics 104": a score.
    const before = text.slice(Math.max(0, s.start - 24), s.start);
    const prev = /(\p{L}+)[ \t]+$/u.exec(before)?.[1];
    if (prev !== undefined && JARGON_WORDS.has(prev.toLowerCase())) continue;
    // A score names a team before the number too; "at 79 Cwit Yr Eos Suite 438" is a house number.
    const team = /(\p{Lu}\p{L}+)[ \t]+\d{1,3}[ \t]+$/u.exec(before)?.[1]?.toLowerCase();
    if (team !== undefined && !ENGLISH_TIER.has(team) && !NOT_IN_CUED_LINE.has(team)) continue;
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
  yield* findStreetsOfOtherConventions(text);
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
      // "In 2024, Main Street …": a year and a comma start a sentence, not a street line.
      if (re === NUMBER_FIRST && /^(?:19|20)\d\d,/.test(value)) continue;
      // "apt. 736, west haven park": after a unit's number, a comma and words are the place, not a street.
      if (re === NUMBER_FIRST && /^\d[^,\s]*,/.test(value) && UNIT_BEFORE_NUMBER.test(text.slice(Math.max(0, index - 16), index))) continue;
      if (words.some((w) => NOT_STREET_WORDS.has(w))) continue;
      // "Jyväskylä pls": a chat word, not the suffix "pl" in the plural.
      if (re === NUMBER_FIRST && CHAT_WORDS.has(value.slice(value.search(/[\p{L}.]+$/u)).toLowerCase())) continue;
      // "29 GB retries. Chase the vendor": a sentence ends inside; abbreviations ("Mt.", "St.") are short.
      if (words.some((w) => w.length > 4 && w.endsWith('.'))) continue;
      // Sentence punctuation after the line is not part of it ("… Baker St.").
      if (/\.$/.test(value) && !/(?:st|ave|rd|dr|blvd|ln|ct|pl|str|apt|ste|fl|lgh|no)\.$/i.test(value)) value = value.slice(0, -1);
      yield { start: index, end: index + value.length };
    }
  }
}

/** What one of the shapes of {@link findStreetsOfOtherConventions} cannot do without, in one pattern. */
const OTHER_CONVENTIONS_HINT = new RegExp(
  [UNIT_LEAD_HINT, JAPANESE_HINT, KOREAN_HINT, VIETNAMESE_LETTER, NUMBERED_ROAD_HINT, GRID_HINT].map((re) => `(?:${re.source})`).join('|'),
  'iu',
);

/** Street lines of the conventions after {@link UNIT_LEAD}: units first, Japanese, Korean, Vietnamese and grid addresses. */
function* findStreetsOfOtherConventions(text: string): Generator<PiiSpan> {
  // One scan for what every shape below needs: most texts have none of it.
  if (!OTHER_CONVENTIONS_HINT.test(text)) return;
  const lower = (w: string): string => w.toLowerCase();
  // Both unit shapes try many words at every position: only in a text with a unit's number.
  // Both need a street's suffix too ("Road", "Ave", "Cross").
  const units = UNIT_LEAD_HINT.test(text) && SUFFIX_WORD.test(text);
  for (const m of units ? execAll(UNITS_THEN_STREET, text) : []) {
    const words = (m[2] ?? '').split(/[ \t,]+/).map(lower);
    if (words.some((w) => NOT_STREET_WORDS.has(w) || CHAT_WORDS.has(w))) continue;
    // "832 feil hill apt. 736, farrellwell": a unit right after a street's suffix is that street's, and a place follows.
    // So is a unit after a house number in the same clause ("78a zimmer 948, bad danielburg").
    const clause = text.slice(Math.max(0, m.index - 60), m.index);
    const before = /([\p{L}.]+)[ \t]+$/u.exec(clause)?.[1];
    if ((before !== undefined && TYPE_OR_SUFFIX.test(before)) || /\d[^\d.,;:!?()\n]*$/.test(clause)) continue;
    yield { start: m.index, end: m.index + m[0].length };
  }
  for (const m of units ? execAll(STREET_THEN_UNIT, text) : []) {
    // "Grabbing coffee at lower kabete road, hse no. 21": the street's name starts after the sentence's last function word.
    const words = (m[1] ?? '').trim().split(/[ \t]+/);
    let k = words.length;
    while (k > 0 && !NOT_IN_CUED_LINE.has(lower(words[k - 1] ?? ''))) k--;
    const own = words.slice(k);
    // The unit after it stands for the capital letter a street's name may lack ("lower kabete road, hse no. 21").
    if (own.length === 0 || !cuedWordsLookLikeStreet(own, true)) continue;
    const start = m.index + m[0].indexOf(own.join(' '));
    yield { start, end: m.index + m[0].length };
  }
  if (JAPANESE_HINT.test(text)) {
    for (const m of execAll(JAPANESE_BLOCK, text)) {
      const place = (m[2] ?? m[3] ?? '').split(/[ \t]+/);
      if (cuedWordsLookLikeStreet(place, true)) yield { start: m.index, end: m.index + m[0].length };
    }
  }
  // The other shapes run only where the text has what they cannot match without.
  if (KOREAN_HINT.test(text)) for (const m of execAll(KOREAN_ROAD, text)) yield { start: m.index, end: m.index + m[0].length };
  if (VIETNAMESE_LETTER.test(text)) {
    for (const m of execAll(VIETNAMESE_STREET, text)) {
      const words = m[0].split(/[ \t]+/);
      while (words.length > 2 && VIETNAMESE_PARTICLES.has(lower(words[words.length - 1] ?? ''))) words.pop();
      // In a text with Vietnamese letters, a name with marks ("Hàng Bài") or after "số" is a street's.
      if (words.length < 2 || !(/^s/i.test(m[0]) || /[^\x00-\x7f]/.test(words.slice(1).join(' ')))) continue;
      // "Số 64 Phố Hàng Bạc": the line starts at its number, as the street-word shapes take it.
      const lead = /^số[ \t]+/iu.exec(m[0])?.[0].length ?? 0;
      yield { start: m.index + lead, end: m.index + words.join(' ').length };
    }
  }
  if (NUMBERED_ROAD_HINT.test(text)) for (const m of execAll(NUMBERED_ROAD, text)) yield { start: m.index, end: m.index + m[0].length };
  if (GRID_HINT.test(text)) for (const m of execAll(GRID_ADDRESS, text)) yield { start: m.index, end: m.index + m[0].length };
}

export const streetAddressScrubber: Scrubber = { type: 'STREET_ADDRESS', priority: 55, find: findStreetAddresses };
