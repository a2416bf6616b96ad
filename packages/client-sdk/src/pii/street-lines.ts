import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import { CURRENCY_WORDS } from './street-look-alikes.ts';
import { COUNTER_WORDS, NAME_WORD, NOT_IN_CUED_LINE, NOT_STREET_WORDS, NUMBER, PLACE_ENDS, PLACE_END_WORDS, SENTENCE_WORDS_AFTER_STREET, TYPE_OR_SUFFIX, UNITS, cuedWordsLookLikeStreet, isCounter, isEnglishVerb } from './street-patterns.ts';
import { CAP_WORD, UNIT_BEFORE_NUMBER, WORD_BEFORE_NUMBER, lastCodeIn, lineAround, matchNearAnchors } from './street-text.ts';
import { isSentenceWord } from './street-words.ts';
import { afterNonLetter, execAll } from './text.ts';
import type { PiiSpan } from './types.ts';

// Street lines found by where they stand rather than by a street word: after a cue ("address:",
// "lives at", "send … to"), alone on a line, before a postcode's comma, or before a unit and its
// number ("Sputniková 198 Apt. 287"); their words are checked one by one (cuedWordsLookLikeStreet).

/** ISO 4217 codes written before an amount ("AED 150", "CHF 40"): a price, whatever cue came before. */
const CURRENCY_CODES = new Set(
  'USD EUR GBP AED SAR QAR KWD BHD OMR CHF JPY CNY INR AUD CAD NZD SEK NOK DKK ISK PLN CZK HUF RON BGN TRY ZAR NGN KES GHS EGP MAD BRL MXN ARS CLP COP PEN IDR MYR SGD HKD KRW THB VND PHP PKR BDT LKR ILS RUB UAH'.split(' '),
);

/**
 * Words that say a street line follows: "address:", "lives at", "moved … to", "send … to",
 * "pickup at", "Home:" (one look-behind for all of them: it runs at every position). After one of them, a line with a house number is taken even when its
 * street word is one no list here holds ("Slavonska 50", "K Drsnici 885", "7 Tir Celyn").
 */
const ADDRESS_CUE = new RegExp(
  '(?:(?<![\\p{L}])(?:(?:address(?:es)?|addr\\.?|adresse|adress|adres|anschrift|indirizzo|dirección|direccion|endereço|endereco|morada|domicile|domicilio|adresă|adresa)(?![\\p{L}])(?:\\s+(?:is|was|now|will be|är|er|ist|est|es|è|é|je|jest|este)(?![\\p{L}])|(?:\\s+\\p{L}{2,12}){1,2}?\\s+(?:is|är|er|ist|est|es|è|é|je|jest|este)(?![\\p{L}]))*\\s*[:=-]?\\s*' +
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

/**
 * Where a street line may start without a cue word: after a cue, at the start of a line that
 * holds nothing else ("Kind regards,\nJo\nFastrova 3"), or before a house number with a unit
 * ("Sputniková 198 Apt. 287", "Komovska 29 Stan 79").
 */
const LINE_START = /(?:^|\n)[ \t]*(?=\S)/g;
/** What may follow a street line alone on its line: an aside in brackets, punctuation. */
const LINE_REST = /^[ \t]*(?:\([^\n)]{0,60}\))?[ \t.,;]*(?:\r?\n|$)/;
const UNIT_WORDS = 'apt\\.?|apartment|suite|ste\\.|unit|flat|floor|fl\\.|lgh\\.|m\\.|kat|sprat|stan|apartma|stanovanje|nadstropje|pisarna|leil\\.|dz\\.|ap\\.|piso|planta|étage|hoog|zimmer|wohnung|' +
  'dpto\\.|depto\\.|dto\\.|int\\.|of\\.|apto\\.|byt|lok\\.';
/** Of {@link UNIT_WORDS}, those of a dwelling: a count of things may stand before a floor ("2 Meeting Rooms Floor 4"), not before a flat. */
const DWELLING_WORDS = 'apt\\.?|apartment|suite|ste\\.|unit|flat|lgh\\.|stan|apartma|stanovanje|zimmer|wohnung|dpto\\.|depto\\.|dto\\.|apto\\.|int\\.|byt|lok\\.';
/** `words` matching either case of each letter, in a pattern whose other parts are case-sensitive. */
const caseless = (words: string): string => words.replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
/** A floor written number first after a house number: German and Austrian "4 OG" (Obergeschoss), Dutch and Flemish "2e verdieping". */
const FLOOR_AFTER_NUMBER = `\\d{1,2}\\.?\\s?OG|\\d{1,2}(?:e|de|ste)\\s${caseless('verdieping')}`;
const WORDS_NUMBER_UNIT = new RegExp(
  `(?<![\\p{L}\\d.-])((?:${CAP_WORD}[ \\t]+){0,3}${CAP_WORD}),?[ \\t]+${NUMBER},?\\s(?:(?:${caseless(UNIT_WORDS)})\\s?#?\\s?\\d{1,5}[a-zA-Z]?|${FLOOR_AFTER_NUMBER})(?![\\p{L}\\d])`,
  'gu',
);
/**
 * A street typed in lower case before its house number and a flat ("merced 2390 dpto. 901", "táborská 11 byt 12", "ogrodowa 40
 * lok. 56"): the words back from the number that no English list holds.
 */
const LOWER_WORDS_NUMBER_UNIT = new RegExp(
  `(?<![\\p{L}\\d.-])((?:\\p{Ll}[\\p{L}\\p{M}'’.-]*[ \\t]+){0,2}\\p{Ll}[\\p{L}\\p{M}'’.-]*),?[ \\t]+${NUMBER},?\\s(?:${caseless(DWELLING_WORDS)})\\s?#?\\s?\\d{1,5}[a-zA-Z]?(?![\\p{L}\\d])`,
  'gu',
);
/** The same with the house number first: "4 Hillside Apt. 175", "964 Hirschengraben Apt. 122", "670 Tir Celyn Suite 258". */
const NUMBER_WORDS_UNIT = new RegExp(
  `(?<![\\w.,/:@$%&*!?+=^~#-])${NUMBER},?[ \\t]+((?:${CAP_WORD}[ \\t]+){0,3}${CAP_WORD}),?\\s(?:${caseless(DWELLING_WORDS)})\\s?#?\\s?\\d{1,5}[a-zA-Z]?(?![\\p{L}\\d])`,
  'gu',
);
/** A word of a street's name typed in lower case: no English, software or sentence word. */
function isOwnStreetWord(w: string): boolean {
  const lower = w.toLowerCase();
  return !ENGLISH_TIER.has(lower) && !JARGON_WORDS.has(lower) && !NOT_IN_CUED_LINE.has(lower) && !isSentenceWord(lower) && !SENTENCE_WORDS_AFTER_STREET.has(lower);
}

/** A house number and a unit: where {@link WORDS_NUMBER_UNIT} and {@link LOWER_WORDS_NUMBER_UNIT} can match (found from the digit: few positions start so). */
const NUMBER_THEN_UNIT = new RegExp(`\\d[a-zA-Z]?,?\\s(?:(?:${caseless(UNIT_WORDS)})\\s?#?\\s?\\d|${FLOOR_AFTER_NUMBER})`, 'gu');
/** A dwelling's unit and its number: where {@link NUMBER_WORDS_UNIT} can match, its name's last letter before it. */
const DWELLING_NUMBER = new RegExp(`(?:${caseless(DWELLING_WORDS)})\\s?#?\\s?\\d`, 'gu');
/** How a cue or line start is followed: a street line of either order, checked word by word. */
/**
 * A street named by one word, alone on its line, must look like one: a letter outside ASCII, or
 * a Slavic or Nordic street-name ending ("Fastrova 3", "Lillefaret 26"). "Grafana 11" and
 * "Sprint 42" alone on a line are a product's version and a count.
 */
const ONE_WORD_STREET = /(?:[^\x00-\x7f]|(?:ska|cka|ova|eva|ina|ica|ski|linja|rinne|polku|kaari|katu|tie|vej|vei|veien|gata|gate|stien|bakken|faret|jordet|lia|åsen|hagen|roa|vika|moen)$)/u;



/** `lone`: a line alone, with no cue; `weak`: after no cue or a weak one (see {@link WEAK_ADDRESS_CUE}). */
/** `named`: after a word for "address" ("Address change: 5302 Hillside"), where a house number's capitalised English words name a street too. */
function streetLineAt(text: string, at: number, lone = false, weak = lone, named = false): PiiSpan | undefined {
  for (const re of [CUED_NUMBER_FIRST, CUED_NUMBER_LAST]) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) continue;
    let value = m[0];
    const words = (m[1] ?? '').split(/\s+/);
    if (re === CUED_NUMBER_FIRST) {
      // "7 Tir Celyn now", "183 Ödhus from next month": the words run on into the sentence; the name ends before its first word
      // ("of" and "the" aside: "1211 Avenue of the Americas").
      // (Where the sentence goes on after a place: "from", "next", "now"; not at "the" — "At 4 A.M. the next morning" is a time —
      // nor at a French "à" inside a name: "648 Route tendant à Bioley".) Its words at the end go too.
      const drops = (w: string): boolean => NOT_IN_CUED_LINE.has(w.toLowerCase()) || SENTENCE_WORDS_AFTER_STREET.has(w.toLowerCase());
      // (The word's letters up to any mark after them: "now.", "to-do", as PLACE_ENDS reads them.)
      let keep = words.findIndex((w, k) => k > 0 && PLACE_END_WORDS.has((/^\p{L}+/u.exec(w)?.[0] ?? '').toLowerCase()));
      if (keep === -1) keep = words.length;
      while (keep > 1 && drops(words[keep - 1] ?? '')) keep--;
      if (keep < words.length && value.endsWith(m[1] ?? '')) {
        words.length = keep;
        value = value.slice(0, value.length - (m[1] ?? '').length) + words.join(' ');
      }
    }
    // (British streets are named by English words alone: "8 Woodlands", "45 Mount Pleasant", "2 Brookside".)
    const titled = named && re === CUED_NUMBER_FIRST && words.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !NOT_IN_CUED_LINE.has(w.toLowerCase()) && !JARGON_WORDS.has(w.toLowerCase()));
    if (!titled && !cuedWordsLookLikeStreet(words, !/\p{Lu}/u.test(lineAround(text, at)))) continue;
    // "use Gate 2 today", "pasa al aula 36": a gate, a room or a platform and its number, no street line.
    if (re === CUED_NUMBER_LAST && isCounter(words)) continue;
    if (words.length === 1 && CURRENCY_CODES.has(words[0] ?? '')) continue;
    // "Send it to PR #881": a pull request's, an order's or a ticket's number after its acronym.
    if (re === CUED_NUMBER_LAST && words.length === 1 && /^\p{Lu}{2,3}$/u.test(words[0] ?? '') && /^[^\d]*#/.test(value.slice((m[1] ?? '').length))) continue;
    // "came to Rs. 900", "came to 120 zł": an amount and its currency.
    if (CURRENCY_WORDS.has((re === CUED_NUMBER_FIRST ? words[0] ?? '' : words.length === 1 ? words[0] ?? '' : '').toLowerCase().replace(/\.$/, ''))) continue;
    // Without an address's cue, "33 GB", "12 USD", "4 PRs" are a quantity and its unit.
    if (weak && words.every((w) => /^\p{Lu}{1,4}s?$/u.test(w)) && /\p{Ll}/u.test(lineAround(text, at))) continue;
    // Without an address's cue, five or more digits after the words are a code, a PIN or an id,
    // not a house number ("lösenordet är 043050", "Heslo Je 443409").
    if (weak && re === CUED_NUMBER_LAST && /(?<![\d])\d{5,}(?![\d])/.test(value.slice((m[1] ?? '').length))) continue;
    if (lone && words.length === 1 && !ONE_WORD_STREET.test(words[0] ?? '')) continue;
    // Alone on its line, words with an English verb are a sentence ("See Q 263", "Playing ThinkPad X 3", "Anyone tried Pixel 2"),
    // not a street named without its street word ("King George 22").
    if (lone && words.length > 1 && words.some(isEnglishVerb)) continue;
    if (/\.$/.test(value) && !/(?:st|ave|rd|dr|blvd|ln|ct|pl|str|apt|ste|fl|lgh|no|nám|pr|sh|küç|lk)\.$/i.test(value)) value = value.slice(0, -1);
    return { start: at, end: at + value.length };
  }
  return undefined;
}

export function* findLoneStreetLines(text: string): Generator<PiiSpan> {
  for (const m of execAll(LINE_START, text)) {
    const at = m.index + m[0].length;
    const span = streetLineAt(text, at, true);
    if (span !== undefined && LINE_REST.test(text.slice(span.end, span.end + 80))) yield span;
  }
  const units = execAll(NUMBER_THEN_UNIT, text).map((m) => [m.index, m.index + m[0].length]);
  for (const [at, m] of matchNearAnchors(text, WORDS_NUMBER_UNIT, units)) {
    const words = (m[1] ?? '').split(/\s+/);
    // A type word first names a street of English words too ("Square Stark 571b Apt. 800", Belgian).
    const typed = words.length > 1 && TYPE_OR_SUFFIX.test(words[0] ?? '') && !words.some((w) => NOT_IN_CUED_LINE.has(w.toLowerCase()));
    if (typed || cuedWordsLookLikeStreet(words)) yield { start: at, end: at + m[0].length };
  }
  for (const [at, m] of matchNearAnchors(text, LOWER_WORDS_NUMBER_UNIT, units)) {
    const words = (m[1] ?? '').split(/[ \t]+/);
    let k = words.length;
    while (k > 0 && isOwnStreetWord(words[k - 1] ?? '')) k--;
    const own = words.slice(k);
    if (own.length === 0) continue;
    const start = at + (m[1] ?? '').length - own.join(' ').length;
    yield { start, end: at + m[0].length };
  }
  const dwellings = execAll(DWELLING_NUMBER, text).filter((m) => /\p{L},?\s$/u.test(text.slice(Math.max(0, m.index - 3), m.index))).map((m) => [m.index, m.index + m[0].length]);
  for (const [at, m] of matchNearAnchors(text, NUMBER_WORDS_UNIT, dwellings)) {
    // A house number's words may be English ("4 Hillside Apt. 175"): a unit and its number follow them. Not a sentence's words, nor
    // a count of rooms or a unit's own number ("Flat 4 Rowan Court Apt 2" is no house).
    const words = (m[1] ?? '').split(/\s+/);
    if (words.some((w) => NOT_IN_CUED_LINE.has(w.toLowerCase()) || NOT_STREET_WORDS.has(w.toLowerCase())) || isCounter(words)) continue;
    if (UNIT_BEFORE_NUMBER.test(text.slice(Math.max(0, at - 16), at)) || COUNTER_WORDS.has(WORD_BEFORE_NUMBER.exec(text.slice(Math.max(0, at - 24), at))?.[1]?.toLowerCase() ?? '')) continue;
    yield { start: at, end: at + m[0].length };
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

/** Particles a street's name may start with in lower case ("de Ruijterkade", "van Baerlestraat", "la Rambla"). */
const LOWER_PARTICLES = new Set(['de', 'del', 'la', 'le', 'les', 'van', 'von', 'der', 'den', 'di', 'da', 'du', 'des', 'el', 'al', 'am', 'an', 'im', 'in', 'op', 'ter', 'te', 'het', "'t"]);
/** Whether `named` starts with a plain word in lower case (no type word, particle or abbreviation) and a later word is capitalised. */
function isLowerLead(named: string): boolean {
  const words = named.trim().split(/[ \t]+/);
  const first = words[0] ?? '';
  return words.length > 1 && /^\p{Ll}+$/u.test(first) && !TYPE_OR_SUFFIX.test(first) && !LOWER_PARTICLES.has(first) && words.slice(1).some((w) => /^\p{Lu}/u.test(w));
}

export function* findStreetLinesBeforePostcodes(text: string): Generator<PiiSpan> {
  for (const m of execAll(POSTCODE_AFTER, text)) {
    const comma = m.index;
    if (!/[\p{L}\d]/u.test(text[comma - 1] ?? '')) continue;
    // Word starts before the comma, nearest last; the farthest start that makes a street line wins.
    const starts: number[] = [];
    let i = comma;
    // A tab parts a record's fields as a line's end does ("People Ops\tApt 365, 8901 …"); the words
    // are looked for in the 300 characters before the comma only.
    const from = Math.max(0, comma - 300);
    const lineStart = Math.max(lastCodeIn(text, 10, from, comma), lastCodeIn(text, 9, from, comma)) + 1;
    while (starts.length < POSTCODE_REACH_WORDS && i > lineStart) {
      let s = i;
      while (s > lineStart && !/[\s,;:!?()]/u.test(text[s - 1] ?? '')) s--;
      if (s === i) break;
      starts.unshift(s);
      if (s === lineStart || !/[ \t]/.test(text[s - 1] ?? '')) break;
      i = s - 1;
    }
    const caselessLine = !/\p{Lu}/u.test(lineAround(text, comma));
    for (const at of starts) {
      // "Nadia thinks K Rybníku 22, 779 00 Olomouc": in mixed case, a common English word in lower case is the sentence's.
      // (The words before the house number only: "Meir 85 bus 17" has its unit after it.)
      const named = text.slice(at, comma).split(/\d/, 1)[0] ?? '';
      if (!caselessLine && named.split(/[ \t]+/).some((w) => /^\p{Ll}+$/u.test(w) && (ENGLISH_TIER.get(w) ?? 9) <= 2)) continue;
      // "η νέα μου διεύθυνση είναι Solonos 22, …", "nova adresa je Ilica 5, …": words in lower case before the capitalised name are
      // the sentence's in any language, a type word or a particle aside ("ul. Marszałkowska 10", "via Roma 10", "de Ruijterkade 7").
      if (!caselessLine && isLowerLead(named)) continue;
      const span = streetLineAt(text, at);
      if (span !== undefined && span.end === comma) {
        yield span;
        break;
      }
    }
  }
}

/** A cue's word for "address" (not a preposition: "meet at 5 Guys" names a restaurant). */
const ADDRESS_WORD = /addr|adres|anschrift|indirizzo|direcci|endere|morada|domicil/i;

export function* findCuedStreetLines(text: string): Generator<PiiSpan> {
  for (const cue of execAll(ADDRESS_CUE, text)) {
    const at = cue.index + cue[0].length;
    const span = streetLineAt(text, at, false, false, ADDRESS_WORD.test(cue[0]));
    if (span !== undefined) yield span;
  }
  for (const cue of execAll(WEAK_ADDRESS_CUE, text)) {
    const at = cue.index + cue[0].length;
    const span = streetLineAt(text, at, false, true, ADDRESS_WORD.test(cue[0]));
    if (span !== undefined && PLACE_ENDS.test(text.slice(span.end, span.end + 24))) yield span;
  }
}

/**
 * Weaker cues than {@link ADDRESS_CUE}: a preposition or verb that takes a place ("taxi from …",
 * "working from …", "left at …", "could not find …", "Ship to:"), or "address" and a few words
 * before its colon, dash or "to" ("Home address (for payroll): …", "update my address to …").
 * Not "to", "in" or "is": a version follows them as often ("updated to Monterey 16", "lands in
 * Firefox 80"). After one of them a street line must also end where a place does: see
 * {@link PLACE_ENDS}. Not after a letter (afterNonLetter).
 */
const WEAK_ADDRESS_CUE = afterNonLetter(new RegExp(
  '(?<![a-zA-Z])(?:(?:at|from|find|near|opposite)[ \\t]+' +
    '|to:[ \\t]*\\r?\\n[ \\t]*' +
    '|(?:address|adresse|adres|dirección|direccion|endereço|endereco|indirizzo)(?:[ \\t]+[^\\n:=]{0,30}?)?(?:[ \\t]*[:=][ \\t]*|[ \\t]+[-–—][ \\t]+|[ \\t]+to[ \\t]+|,[ \\t]+it[\'’]?s[ \\t]+))',
  'giu',
));
