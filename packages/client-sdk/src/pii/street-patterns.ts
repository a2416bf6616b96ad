import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import { lazySet } from './lexicon.ts';
import { POSSESSIVES_AFTER } from './street-look-alikes.ts';

// The pieces street lines are written from, shared by the street scrubber's shapes
// (street-address.ts) and those of other conventions (street-conventions.ts): street suffixes,
// type words and endings, house numbers, units, and the words that never name a street.

/** USPS Publication 28, appendix C1: the common street suffixes and their abbreviations. */
export const SUFFIXES =
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
  'gr|esp|terr|tce|cct|crt|cl|bvd|' +
  // "Str." after the name in English, as in Egypt, South Africa and Nigeria ("23 Qasr El Nil Str.", "43 kloof str.").
  'str\\.|' +
  // Nepal, India and Sri Lanka ("Durbar Marg", "Anna Salai", "Bhimsen Tole", "241/5, Patel Nagar", "12 Civil Lines Colony", "No. 244, Galle Mawatha").
  'marg|salai|mawatha|chowk|tole|galli|gali|sadak|nagar|colony|vihar|layout';
/** The words of {@link SUFFIXES}, lower case: "gardens?" both ways, "str." with its point. */
const SUFFIX_WORDS: ReadonlySet<string> = new Set(SUFFIXES.split('|').flatMap((a) => (a.endsWith('s?') ? [a.slice(0, -2), a.slice(0, -1)] : [a.replace('\\.', '.')])));
/** Whether `word` is, whole and in any case, one of {@link SUFFIXES}: a set in place of the pattern of its 250 alternatives. */
export function isSuffixWord(word: string): boolean {
  return SUFFIX_WORDS.has(word.toLowerCase());
}
/** Words that open a street name in Romance, Slavic and other languages. */
export const TYPE_WORDS =
  'rue|avenue|av\\.|boulevard|bd|chemin|allée|allee|impasse|quai|place|passage|voie|cours|route|' +
  'via|viale|piazza|piazzale|corso|largo|vicolo|contrada|borgo|strada|rotonda|incrocio|' +
  'calle|c\\/|avenida|avda\\.?|av\\.|paseo|plaza|camino|carrera|carretera|ronda|travesía|' +
  'rua|travessa|rodovia|estrada|alameda|praça|largo|marginal|' +
  // Greek typed in Latin letters ("Leof. Kifisias 12"; "odos" is in street-scripts.ts, which asks for a name in the genitive).
  'leoforos|leof\\.|plateia|' +
  'ul\\.?|ulica|al\\.|aleja|aleje|pl\\.|plac|os\\.|osiedle|nám\\.|nam\\.|' +
  'str\\.|strada|bulevardul|calea|bd\\.|bdul\\.|b-dul|[șşs]os\\.|p-[țţt]a|' +
  'ulitsa|prospekt|' +
  // Romanian, Belgian and Senegalese French, Welsh, Indonesian, Croatian, Polish, Czech and Slovak.
  'aleea|bulevardul|intrarea|splaiul|șoseaua|şoseaua|soseaua|piața|piaţa|piata|parvis|galerie|immeuble|échangeur|echangeur|' +
  'ffordd|heol|hoel|stryd|rhodfa|cilgant|jr\\.|jl\\.?|jln\\.?|jalan|gg\\.|kpg\\.|kampung|ds\\.|dusun|dk\\.|dukuh|psr\\.|ki\\.|lr\\.|lorong|' +
  'trg|prolaz|šetalište|setaliste|bulevar|bulw\\.|wyb\\.|szosa|skwer|rynek|wyspa|náměstí|nábřeží|třída|námestie|nábrežie|drève|résidence|' +
  // Mexican and Iberian Spanish, Portuguese, Romanian and Moldovan, Esperanto street types.
  'privada|priv\\.|cerrada|cda\\.|callejón|callejon|andador|circuito|prolongación|prolongacion|retorno|calzada|calz\\.|periférico|periferico|eje|peatonal|pasaje|rambla|cuesta|glorieta|urbanización|urbanizacion|urbanização|urbanizacao|quinta|caserío|caserio|aldea|barrio|colonia|vereda|senda|' +
  'conjunto|grupo|entrada|arrabal|colegio|riera|ramal|sección|seccion|lado|edificio|apartamento|barranco|calleja|escalinata|explanada|extramuros|extrarradio|ferrocarril|huerta|jardines|mercado|muelle|parcela|parque|poblado|puente|rampa|rincón|rincon|terrenos|arroyo|bloque|municipio|torrente|subida|bajada|polígono|poligono|sector|partida|lugar|paraje|masía|masia|vía|' +
  'beco|bairro|vila|calçada|calcada|azinhaga|escadinhas|fundătura|fundatura|drumul|stradela|strato|avenuo|bulvardo|placo|vojo|aleo|kajo|' +
  // Abbreviations of Portuguese, Spanish, Colombian and Belgian addresses ("R. de Cedofeita, 3", "Av Paulista, n° 175",
  // "Pso. de la Castellana", "Cll. Morelos #1389", "L.go Argentina 1", "15, bld Anspach").
  'blvd\\.?|r\\.|c\\.|av|ave\\.|pso\\.|cl\\.|cll\\.|tv\\.|transv\\.|transversal|diagonal|l\\.go|trav\\.|bld|' +
  // Vietnamese ("Số 12 Phố Huế", "45 Đường Lê Lợi").
  'phố|đường|ngõ|ngách|hẻm|đại lộ|quốc lộ|' +
  // Argentine "Bv." (bulevar), Spanish "Pº" (paseo), Peruvian "Jirón", Portuguese "Ladeira", Malay "Lebuh" and "Persiaran", Filipino "Kalye".
  'bv\\.|p[º°]|jirón|jiron|ladeira|lebuh|lebuhraya|persiaran|kalye|' +
  // French "parc", "rte" (route) and "imp." (impasse); Argentine and Chilean "Pje."/"Psje." (pasaje), Portuguese "Avª" and "Rotunda",
  // Galician "Rúa", Italian "traversa", Venetian "Campo", "Fondamenta" and "Salizada", Italian abbreviations with an inner dot
  // ("P.zza", "V.le", "C.so"), Romanian "Prelungirea", Albanian "Rruga" and "Bulevardi", Esperanto "Strateto", Filipino "Daang".
  'parc|rte\\.?|imp\\.|pje\\.|psje\\.|avª|rotunda|rúa|traversa|campo|fondamenta|salizada|p\\.zza|p\\.za|p\\.le|p\\.tta|v\\.le|c\\.so|v\\.lo|' +
  'prelungirea|rruga|rr\\.|bulevardi|strateto|daang';
/**
 * French street types that are English words too or name a place in a sentence: after a house number
 * only, and then only before "de", "du", "des", "l'" or "la" ("21 ter lotissement de la Tournelle", "92
 * bis, traverse du Moulin", "7 sentier des Vignes", "3 square de l'Opéra").
 */
export const FRENCH_TYPES_BEFORE_PARTICLE =
  // (And "ave", "av" typed for "avenue": "9 ave du Vélé", "8296 ave des Vergers".)
  '(?:sentier|sente|traverse|lotissement|ruelle|venelle|montée|montee|hameau|cité|cite|faubourg|chaussée|chaussee|rond-point|carrefour|square|villa|mail|promenade|esplanade|clos|résidence|residence|parc|domaine|côte|cote|ave|av)' +
  "(?=[ \\t]+(?:d[eu]s?|d['’]|l['’]|la|les|aux)(?![\\p{L}]))";
/** Endings of compound street names in German, Dutch and Scandinavian languages. */
export const COMPOUND_ENDINGS =
  'straße|strasse|str\\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|berg|hof|zeile|lände|gürtel|' +
  'straat|laan|plein|gracht|kade|dreef|singel|dijk|' +
  'gatan|gata|\\p{L}{2}g\\.|vägen|väg|gränden|gränd|gärdet|gården|torget|torg|allén|allé|backen|backe|slingan|stigen|stig|gade|vej|veien|vegen|gate|plass|katu|tie|kuja|utca|ulice|plantsoen|hof|park|' +
  // Finnish, Norwegian and Danish street words written as the end of one word.
  'polku|rinne|kaari|ranta|väylä|raitti|penger|bulevardi|esplanadi|aukio|tori|puistikko|wall|bakken|stien|faret|jordet|hagen|åsen|løkka|tunet|svingen|kroken|vænget|toften|stræde|plads|' +
  // Esperanto compounds ("Zamenhofstrato", "Ĉefvojo").
  'strato|vojo|placo|avenuo|' +
  // Norwegian definite "-alléen", and German "-str" without its dot ("Fjordalléen 12", "Praterstr 2/1/2").
  'alléen|alleen|str|' +
  // Norwegian "-vn." (veien) and German "-pl." (Platz) abbreviated: "Sandakervn. 2 A", "Schlosspl. 54a".
  '\\p{L}{2}vn\\.|\\p{L}{3}pl\\.|' +
  // Dutch "-steeg" (alley), Swedish "-leden" (the route), Icelandic "-stígur" (path): "Kerksteeg 3", "Skolleden 11", "Skólavörðustígur 12".
  'steeg|leden|stígur|stigur|' +
  // German "-kamp" and "-winkel", Swiss "-quai", Belgian "-lei", Swedish "-kajen" and "-gången", Finnish "-porras", Icelandic "-sund", "-tún" and "-hæð".
  'kamp|winkel|quai|lei|kajen|gången|porras|sund|tún|hæð';
/**
 * Street words written after the name, apart from it: Latvian, Croatian and Slovenian, Turkish,
 * Azerbaijani, Uzbek, Hungarian, Czech and Slovak ("Torņakalna iela 86", "Vegova ulica 778",
 * "Kocatepe Caddesi 86", "Fuad Yusifov prospekti, 320", "Simon fasor 349").
 */
export const STREET_WORDS_AFTER =
  "iela|gatve|bulvāris|bulvaris|laukums|prospekts|šoseja|ulica|cesta|nasip|sokak|sokağı|sokagi|caddesi|cad\\.|bulvarı|blv\\.|yolu|" +
  // Turkish abbreviations ("İstiklal Cad No: 87", "Papatya Sk. No: 113/8", "Kıbrıs Şehitleri Cd. No: 10").
  "cad|cd\\.|sk\\.|sok\\.|bulvari|bulv\\.|" +
  // Turkish dead ends, squares, passages and slopes ("Gül Çıkmazı No: 4", "Taksim Meydanı 12"); Hungarian "krt." (körút).
  "çıkmazı|çıkmaz|çık\\.|meydanı|geçidi|yokuşu|krt\\.|" +
  "küçəsi|küç\\.|prospekti|pr\\.|sh\\.|şossesi|sahəsi|ko['ʻ’]chasi|daxasi|xiyoboni|bulvari|qirg['ʻ’]oqi|qishlog['ʻ’]i|tor['ʻ’]kochasi|" +
  'utca|út|útja|tér|körtér|főtér|sor|sétány|rakpart|fasor|liget|lakótelep|lakótelepi|országút|körút|sugárút|határút|köz|náměstí|nám\\.|nábřeží|údolie|námestie|dambis|gāte|vei|' +
  // Esperanto ("Zamenhof strato 12").
  'strato|avenuo|bulvardo|placo|vojo|aleo|kajo';

// "4890-C" (a letter after a dash), "48-50/10" (Austrian house and door; a third part only after a dash
// and a slash, so that "1962-06-11", "25/05/1967" and "14/10/91" stay dates).
// A Wisconsin grid number ("W296N6054") stands where a house number does; so does a Vietnamese alley's
// chain of numbers ("149/247/53", "57/269/4": a part of three digits, which a date's day or month has not).
// Glued "bis" or "ter" ("174bis"), an Italian letter after a slash ("282/a"); an Australian unit before the number ("U23/384").
// An Austrian number with its staircase, floor and door ("Weidenbachzeile 9/4/8/4"): four parts, which no date has.
// A Sri Lankan or Swedish letter after a space, before a comma ("156/6 C, Duplication Gardens").
export const NUMBER =
  '(?:\\d{1,4}/\\d{1,3}/\\d{1,3}/\\d{1,3}(?![\\d/])|[NSEW]\\d{1,4}[NSEW]\\d{1,5}|\\d{3}/\\d{1,4}/\\d{1,3}(?![\\d/])|\\d{1,3}/\\d{3}/\\d{1,3}(?![\\d/])' +
  '|(?:[Uu]\\d{1,4}[a-zA-Z]?/)?\\d{1,6}(?:-?[a-zA-Z](?![\\p{L}])|/[a-zA-Z](?![\\p{L}\\d])|(?:bis|ter)(?![\\p{L}]))?(?:\\s?[-–]\\s?\\d{1,5}[a-zA-Z]?(?:/\\d{1,3}[a-zA-Z]?)?|\\s?/\\s?\\d{1,5}[a-zA-Z]?)?(?:\\s[A-H](?=,))?)';
/** What stands between a street's name and its house number: "No: 175", "n.º 24", "N° 3330", "Nr. 5", "núm. 1414", "#12", "№ 16", Indonesian "Kav. 46". */
export const HOUSE_MARK = '(?:№[ \\t]?|kav\\.?[ \\t]?|n-ro\\.?[ \\t]?|n[úu]mero[ \\t]?|no\\.?[ \\t]?:?[ \\t]?|n[º°]\\.?[ \\t]?|n\\.[º°][ \\t]?|nr\\.?[ \\t]?|n[úu]m\\.?[ \\t]?|#[ \\t]?)';
/** An ordinal standing for a street's name: "2nd Street", "50th St", "17th Main Road". */
export const ORDINAL = '\\d{1,3}(?:st|nd|rd|th)';
// (Uzbek writes its ʻokina as a turned comma too: "Ulug‘bek".)
export const NAME_WORD = "[\\p{L}][\\p{L}\\p{M}'’‘.-]*";
export const UNIT =
  `(?:,?\\s(?:apt\\.?|apartment|suite|ste\\.?|unit|flat|floor|fl\\.?|#|no\\.?|lgh\\.?|hus|m\\.|bte|bus|piso|planta|piano|appartamento|interno|scala|étage|hoog|og|` +
  // Croatian and Serbian, Slovenian, Norwegian, Latvian, Romanian, Uzbek units ("Kat 5", "stanovanje št. 731", "Leil. 806", "dz. 806", "Bloc 32, Ap. 54").
  `kat|sprat|stan|apartma|stanovanje(?:\\sšt\\.)?|pisarna|leil\\.|dz\\.|ap\\.|bloc|` +
  // Mexican and Spanish, Romanian and Moldovan units ("Depto. 4", "Int. 2", "bl. 3", "et. 2").
  `depto\\.?|dpto\\.?|departamento|int\\.?|interior|edif\\.?|edificio|local|lote|mz\\.?|manzana|bl\\.|sc\\.|et\\.|etaj|` +
  // Latin American, Portuguese and Turkish units, and a room after a Japanese block ("Casa 19", "of. 608", "Apto. 1701", Singapore's "#09-283",
  // "loja 1", "sala 1902", "K:6 D:23", "Daire: 9", "Room 301"), and German ones ("Zimmer 854", "Wohnung 3").
  // Czech "byt" (flat) and Polish "lok." (lokal).
  `casa|of\\.|oficina|apto\\.?|torre|loja|sala|k:|d:|daire:?|room|zimmer|wohnung|whg\\.|as\\.|byt|lok\\.|[iİ][çc][ \\t]kap[ıi][ \\t]no:?)\\s?#?\\s?[0-9]{1,5}[a-zA-Z]?(?:-[0-9]{1,4}(?![\\p{L}\\d]))?|\\soppgang\\s[A-H]|\\s(?:PB|P\\.B\\.)(?![\\p{L}])` +
  // A Norwegian flat's number ("H0604": floor and flat), a Czech or Slovak floor ("1. patro"), a Greek one typed in Latin letters ("1os orofos").
  `|,?\\s[Hh]\\d{4}(?![\\p{L}\\d])|,?\\s\\d{1,2}\\.\\s?(?:patro|poschodie)|,?\\s\\d{1,2}os?\\s(?:orofos|orofo)` +
  // "9.em 80 ajtó" (Hungarian floor and door), "- 417", "4 C 2" (Finnish stair and flat), "2 bis", ", 947-xonadon", "3 tr" (Swedish floor, trappor).
  // A Swedish or Danish letter after the number, then a comma or the line's end ("Solplan 11 B, lgh 1104").
  `|\\s\\d{1,2}\\.\\s?em(?:\\s\\d{1,4}\\sajtó)?|\\s[-–]\\s\\d{1,5}|\\s[A-H]\\s\\d{1,3}(?![\\p{L}\\d])|\\s[A-H](?=,|[ \\t]*\\r?$|[ \\t]*\\r?\\n)|\\s(?:bis|ter)(?![\\p{L}])|,\\s\\d{1,5}-(?:xonadon|uy)|\\s\\d{1,2}\\s?tr\\.?(?![\\p{L}\\d])` +
  // Spanish floors and doors: "1º A", "3º Izda.", "Bajo B".
  // Portuguese ones: "1º andar", "2.º Esq.", "3º Dto", "r/c"; Austrian staircase and door ("/Stiege 2/Top 7", " Top 5"); Danish floor and side (", 2. th", " st.").
  `|,?\\s\\d{1,2}\\.?[º°ª](?:\\s?(?:[A-Ha-h](?![\\p{L}\\d])|izda\\.?|izq\\.?|dcha\\.?|dcho\\.?|ctro\\.?|piso|p\\.|andar|esq\\.?|esquerdo|dto\\.?|dt\\.?|dir\\.?|drt\\.?|direito|frente|frt\\.?))?|\\sbajo(?:\\s[A-Ha-h](?![\\p{L}\\d]))?|\\sr/c(?![\\p{L}])` +
  `|(?:/|,?\\s)(?:stiege|stg\\.|top|tür)\\s?\\d{1,3}(?![\\p{L}\\d])|,?\\s\\d{1,2}\\.\\s?(?:th|tv|mf|sal)(?![\\p{L}])|\\sst\\.(?![\\p{L}])` +
  // Romanian and Moldovan block, stair, floor and flat ("bl. G18, sc. A, et. 2, ap. 17"), Esperanto floors and flats,
  // a floor after an American line (", 8th Floor", ", ground floor"), an entrance ("Entrance B"), a unit named by a letter ("unit c", "Edif. C").
  `|,?\\s(?:bl\\.|bloc|sc\\.|scara|et\\.|etaj|ap\\.|apart\\.)\\s?(?=[A-Za-z\\d])[A-Za-z]{0,2}\\d{0,4}[A-Za-z]?(?![\\p{L}\\d])` +
  `|,?\\sground\\sfloor|,?\\sentrance\\s(?:[A-Za-z]|\\d{1,2})(?![\\p{L}\\d])|,?\\s(?:eta[ĝg]x?o|lo[ĝg]x?ejo)\\s\\d{1,4}|,?\\s\\d{1,2}(?:st|nd|rd|th)\\s(?:floor|fl\\.?)|,?\\s(?:unit|apt\\.?|suite|ste\\.?|flat|edif\\.?|depto\\.?|dpto\\.?)\\s?#?\\s?[A-Za-z](?![\\p{L}\\d])` +
  // Nigerian and Ghanaian directions from a known road ("12 Ogunleye Close, off Station Road").
  `|,?\\soff\\s(?:${NAME_WORD}\\s){1,3}(?:road|street|avenue|close|crescent|way|drive|lane|expressway)(?![\\p{L}])` +
  // Dutch and Flemish floors ("2e verdieping", "1ste verdieping").
  `|\\s(?:I{1,3}|IV|\\d{1,2}\\s?hoog|\\d{1,2}(?:e|de|ste)\\s(?:verdieping|verd\\.))|,?\\s\\d{1,2}\\.?\\s?(?:OG|étage)(?:\\s(?:rechts|links|mitte))?)`;
/**
 * What may stand between units and the street line: a floor ("4/F", "6F", "11th Floor", "Floor 28"), and
 * a building's name ("Jade Tower", "Santos Bldg.", "sunrise residences", "Menara Kencana"), as in the
 * Philippines, India, Thailand, Kenya and Indonesia.
 */
export const FLOOR = '(?:\\d{1,2}(?:st|nd|rd|th)[ \\t]floor|(?:ground|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|upper|lower|basement|garden)[ \\t](?:floor(?:[ \\t]flat)?|flat)|(?:floor|fl\\.?)[ \\t]?\\d{1,2}|\\d{1,2}/?f(?![\\p{L}\\d]))';
/** Words of a sentence that name no building: "at Apartment 1B" is a unit after "at", not the building "At Apartment". */
const NOT_A_BUILDING_WORD = '(?!(?:at|in|on|is|are|was|to|from|of|for|with|by|and|or|a|an|my|our|your|their|its|his|her|address|new|place)[ \\t])';
export const BUILDING_BEFORE =
  `${FLOOR}|(?:${NOT_A_BUILDING_WORD}${NAME_WORD}[ \\t]+){1,3}(?:towers?|residences?|residency|bldg\\.?|building|apartments?|condominiums?|condo|mansions?|heights|court|plaza|complex|enclave|house|centre|center|chambers|residencies|officetel|chs|niwas|nivas|sadan|bhavan|bhawan)` +
  // A house's or building's name with "the", before a comma ("Unit 1, The Mill House, 55 Church Lane", "unit 10, the cedars, …").
  `|the[ \\t]+(?:${NAME_WORD}[ \\t]+)?${NAME_WORD}(?=,)` +
  // Indonesian and Malay buildings named after their word ("Menara Kencana", "Wisma Atria", "Gedung Sate").
  // French and Moroccan residences, Vietnamese buildings ("Résidence Les Jardins du Lac", "Tòa nhà Bến Thành").
  `|(?:menara|wisma|gedung|graha|pangsapuri|residensi|kondominium|apartmen|blok|r[ée]sidence|tòa[ \\t]nhà)[ \\t]+(?:${NAME_WORD}[ \\t]+){0,3}${NAME_WORD}`;
/**
 * Words that count or place things inside a site or a trip, written with a number and no street
 * however the line reads ("Gate 2", "aula 36", "andén 5", "Lantai 9", "Kapitel 3"): gates, platforms,
 * rooms, halls, floors, exits, lines, seats, carriages, flights, chapters, pages, sections, versions,
 * orders and invoices, in the languages of the dev sets (multilingual-data.ts, loaded with the lexicon).
 */
// (With the few more of script-street-data.ts: "ĉambro", "colectivo", "Bahnsteig", "Traktandum", "Γραφείο", "Odası".)
export const COUNTER_WORDS: ReadonlySet<string> = lazySet((d) => new Set(`${d.COUNTER_WORDS} ${d.SCRIPT_STREET_WORDS.counters}`.split(/\s+/).filter((w) => w !== '')));

/** A floor and a flat or door written together: "K:9 D:4", "piso 6 depto. c". */
export const UNITS = `(?:${UNIT}){0,4}`;

/**
 * A numbered unit, plot or building written before the street line, as in India, the Gulf and
 * West and East Africa ("Apt 3708, Building 116, Muroor Road", "Plot No. 386, Road No. 3", "Block E,
 * Flat 7, Ozumba Mbadiwe Avenue", "house no. 11, moi avenue", "No. 64, Ahmadu Bello Way", "#217, 8th
 * Cross"): the street after it then needs no house number of its own.
 */
export const UNIT_LEAD =
  '(?:(?:apt|appt|apartment|flat|imm|phòng|villa|plot|house|hse|ghar|h(?=\\.[ \\t]?no)|qtr|door|office|suite|unit|level|shop|building|bldg|blk|block|lot|rm|room)\\.?(?:[ \\t]?no\\.?)?[ \\t]?#?[ \\t]?(?:[a-z]-?)?\\d{1,5}[a-z]?(?:[-/](?:\\d{1,5}[a-z]?|[a-z](?![\\p{L}])))*' +
  '|(?:block|blk|building|bldg|tower|bât\\.?)[ \\t][a-z](?![\\p{L}])|(?:no\\.?|#)[ \\t]?\\d{1,5}[a-z]?(?:[-/]\\d{1,5}[a-z]?)*' +
  // A Malaysian block, floor and unit ("A-10-6"); a Vietnamese flat and building ("Căn hộ 519", "tòa B1").
  '|[a-z]-\\d{1,2}-\\d{1,2}(?![\\d-])|căn[ \\t]hộ[ \\t]?(?:số[ \\t]?)?\\d{1,5}[a-z]?|tòa[ \\t](?:nhà[ \\t])?[a-z]{0,2}\\d{0,3}(?![\\p{L}\\d]))';

/**
 * Words that never name a street: "5 min to drive", "3 more ways", "2 pull requests in the pipeline"
 * are counts followed by a suffix-like word.
 */
export const NOT_STREET_WORDS = new Set(
  ('to in on at the a an my your our their his her its and or of for with by from is are was be it this that these those ' +
    'more other new old open different separate ways times points steps days weeks years people min mins minute minutes ' +
    'hour hours hrs sec secs seconds page pages item items ticket tickets issue issues bug bugs user users server ' +
    'servers team teams pull requests request commits files lines tests percent x both all each every some any will would').split(' '),
);

/** Words that never stand in a street name in these lines: English function words, months, days. */
export const NOT_IN_CUED_LINE = new Set(
  ('the a an my your our their his her its this that these those and or but of for with by from to is are was were be been ' +
    'it in on at as if so than then after before until till next last this every each per about around over under into onto ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun today tomorrow tonight ' +
    'now please pls thanks asap am pm a.m p.m version room floor level page step order ticket item ' +
    // The cue's own words, when a line starts with them ("Invoice address Gorička 20").
    'address addresses adresse adres invoice home office billing shipping delivery mailing new old send ship deliver contact tel phone fax ' +
    // Other languages' words for "address" and their "is" ("Min nya adress är Linnégatan 8 B", "moje nová adresa je Husova 29").
    'adress adressen adresa indirizzo dirección direccion endereço endereco är je jest ist è é ' +
    // Chat words before a street line ("its Overgaden 12, 9. tv", "i moved! Ivana Mičurina 2").
    "it's its im i'm moved meet me us we live lives changed " +
    // A post box is no street line ("PO Box 9200", "Postfach 1234", "Apartado 45", "Casilla 12").
    'box pobox postfach postbus postboks postbox apartado casilla ' +
    // A number said to be one is a code or a count ("till number 106067", "139 numaralı hat": line number 139).
    'number numaralı nolu').split(' '),
);

export const TYPE_OR_SUFFIX = new RegExp(`^(?:${TYPE_WORDS}|${SUFFIXES})$`, 'iu');

/**
 * A cued street line's words: no English function word, and at least one word that is neither
 * English nor a software name ("Slavonska 50", not "Sprint 42", "Postgres 16" or "Huddle 3").
 */
export function cuedWordsLookLikeStreet(words: readonly string[], caseless = false): boolean {
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
 * English street words written after the name and before the number, as in Israel, Cyprus, Nepal and
 * Denmark in English ("Herzl St 101", "Makarios III Ave 67", "Kanti Road 97", "Amager Boulevard 94b"),
 * and Chinese pinyin ones ("Zhongshan Lu No. 440"): taken after a name that is no English word only
 * (not "Wall Street 2", "Fury Road 2").
 */
export const ENGLISH_WORD_THEN_NUMBER = 'street|st\\.?|road|rd\\.?|avenue|ave|boulevard|blvd\\.?|marg|lu|dajie|dadao';
/** Hours, days, weeks, years and times counted after a number: a count, not a house ("улица была закрыта 9 часа", "Calle cerrada 3 horas"). */
export const COUNT_AFTER_NUMBER =
  /^[ \t]+(?:hours?|hrs|minutes?|mins|days|weeks|months|years|times|horas|minutos|días|dias|semanas|meses|años|anos|heures|jours|semaines|fois|ore|minuti|giorni|settimane|mesi|anni|volte|stunden|minuten|tage|wochen|monate|jahre|uur|dagen|weken|maanden|jaar|keer|godzin|dni|tygodni|razy|час|часа|часов|годин|години|минут|минуты|хвилин|хвилини|дней|дня|днів|дні|лет|года|років|роки|раз|раза|разів|недель|тижнів|месяцев|місяців)(?![\p{L}])/iu;
/** Words of French, Spanish, Italian and Portuguese sentences that go on after a street line ("au 5 rue du Moulin à 14h", "en Calle Mayor 3 hasta …"). */
export const SENTENCE_WORDS_AFTER_STREET = new Set(['à', 'avant', 'après', 'pour', 'demain', 'dès', 'pendant', 'depuis', 'para', 'por', 'durante', 'hasta', 'desde', 'mañana', 'hoy', 'domani', 'oggi', 'dopo', 'até', 'amanhã', 'hoje', 'für', 'seit', 'während']);
/** Lines, rows and columns of a file or a sheet, beside the lexicon's counting words ("Typo at Zeile 465"). */
// (Alone only: "Innsbrucker Zeile 117" is a Viennese street.)
const LINE_COUNTERS = new Set(['zeile', 'zeilen', 'spalte', 'column', 'col', 'row', 'riga', 'colonna', 'regel', 'kolom', 'rij', 'rad', 'kolumn', 'wiersz', 'kolumna', 'řádek', 'sloupec', 'rivi', 'sarake', 'строка', 'рядок', 'столбец']);
/** Verbs a line of chat starts with: a common English word ending in "-ing" or "-ed", or one of a few imperatives. */
const LEADING_VERBS = new Set(['see', 'check', 'use', 'try', 'get', 'buy', 'play', 'review', 'watch', 'install', 'update', 'upgrade', 'open', 'call', 'ping', 'fix', 'test', 'run', 'read', 'order', 'book', 'grab', 'need', 'want', 'got', 'bought', 'ordered']);

/** Whether the last of a cued line's words counts or places something ("Gate 2", "aula 36"; "Zeile 465" alone; "Kursi saya 5C", my seat). */
export function isCounter(words: readonly string[]): boolean {
  let k = words.length - 1;
  if (k > 0 && POSSESSIVES_AFTER.has((words[k] ?? '').toLowerCase())) k--;
  const last = (words[k] ?? '').toLowerCase();
  return COUNTER_WORDS.has(last) || (words.length === 1 && LINE_COUNTERS.has(last));
}
/** A common English word ending in "-ing" or "-ed" ("Playing", "tried"; not "King"), or one of {@link LEADING_VERBS}. */
export function isEnglishVerb(word: string): boolean {
  const lower = word.toLowerCase();
  return LEADING_VERBS.has(lower) || (/^\p{L}{3,}(?:ing|ed)$/u.test(lower) && (ENGLISH_TIER.get(lower) ?? 9) <= 2);
}
/** A house-number mark written as a word: "nr", "no", "n-ro", "núm", "nomor", "kav". */
export const HOUSE_MARK_WORD = /^(?:n|no|nr|n-ro|num|núm|numero|número|nomor|kav|bis|ter)$/iu;
/** Particles that may end a street's name before its number in lower case ("Via dei 5" is rare; "Calle de la 3" rarer). */
export const TYPE_FIRST_PARTICLES = new Set(['de', 'del', 'della', 'dei', 'di', 'da', 'do', 'dos', 'das', 'la', 'le', 'les', 'du', 'des', 'bis', 'ter']);
/** Words of {@link NOT_STREET_WORDS} that a street named after its type word holds ("Avenida 9 de Julio", "Avenue of the Americas", "Calle a"). */
export const TYPE_FIRST_WORDS = new Set(['of', 'the', 'a', 'and']);
/**
 * A line of a house number, a type word and a name, ended before the first word of a sentence after the type word
 * ("48 rue de Rivoli this morning", "5 rue du Moulin à 14h"); "1211 Avenue of the Americas" keeps its own words.
 */
export function endBeforeSentenceWord(value: string): string {
  // (The first word after the number is the type word, or "bis" before it.)
  for (const w of [...value.matchAll(/[ \t]+(\p{L}+)(?![\p{L}\p{M}'’.-])/gu)].slice(1)) {
    const lower = (w[1] ?? '').toLowerCase();
    if ((NOT_IN_CUED_LINE.has(lower) && !TYPE_FIRST_WORDS.has(lower)) || SENTENCE_WORDS_AFTER_STREET.has(lower)) return value.slice(0, w.index);
  }
  return value;
}

/**
 * What follows a place and not a version, a count or a name: punctuation, a bracket, the line's
 * end, or a word that goes on after a place ("… 201 to the airport", "… 2 this week", "… 8 with
 * the neighbour"). "Python 3 is out", "Sprint 42 starts" and "Ana 2 days ago" do not end so.
 */
export const PLACE_ENDS = /^(?:[ \t]*(?:[,.!?;:()\]]|\r?\n|$)|[ \t]+(?:to|with|this|next|now|on|at|for|from|and|until|since|thx|thanks|pls|please|today|tomorrow)(?![\p{L}]))/iu;
/** The words of {@link PLACE_ENDS} that go on after a place, in lower case. */
export const PLACE_END_WORDS: ReadonlySet<string> = new Set('to with this next now on at for from and until since thx thanks pls please today tomorrow'.split(' '));
