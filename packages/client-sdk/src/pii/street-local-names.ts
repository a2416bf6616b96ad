import { ENGLISH_TIER, JARGON_WORDS, PLACE_WORDS } from './english-lexicon.ts';
import { FIRST_NAME_SET, isListedGiven } from './name-lexicon.ts';
import { COUNTER_WORDS, COUNT_AFTER_NUMBER, NOT_IN_CUED_LINE, PLACE_ENDS, TYPE_OR_SUFFIX, isCounter } from './street-patterns.ts';
import { execAll, execAllNear } from './text.ts';
import type { PiiSpan } from './types.ts';

// Street lines whose name has no street word of the lists, written as a country writes them: an
// Austrian street with its locality in brackets ("Schulgasse (Langeck) 4"), a Czech, Slovak or
// Slovenian street named with a preposition ("K Rybníku 22", "Nad ostrovom 5", "Ob železnici 94"),
// a Slovenian, Croatian or Serbian street named after a date or an ordinal ("Cesta 1. maja 80a",
// "20. oktobra 370", "1. sokače 7"), and a Welsh street named by the words of Welsh places ("4
// Haulfryn", "605 Y Rhos", "170 Clas Ty Wern", "87 trem eryri").

/** A word no English or software list holds: a name of its own. */
function isOwnWord(word: string): boolean {
  const lower = word.toLowerCase();
  return !ENGLISH_TIER.has(lower) && !JARGON_WORDS.has(lower);
}

/** The line holding `at` (at most 200 characters each side) has no capital, or no small letter. */
function caselessAt(text: string, at: number): boolean {
  const s = Math.max(text.lastIndexOf('\n', at - 1) + 1, at - 200);
  let e = text.indexOf('\n', at);
  if (e === -1 || e > at + 200) e = Math.min(text.length, at + 200);
  const line = text.slice(s, e);
  return line === line.toLowerCase() || line === line.toUpperCase();
}

/**
 * A house number of these lines: "4", "41c", "284/60a", "73/3/19". (Not the general NUMBER, nor the
 * units after it: each pattern that holds those adds to the regular-expression code V8 compiles, past
 * which it stops optimising any; the units are taken after the line as after any other, withUnitsAfter.)
 */
const HOUSE = '\\d{1,5}(?:[a-zA-Z](?![\\p{L}]))?(?:[-/]\\d{1,4}[a-zA-Z]?){0,3}';
/** A year where a house number stands ("1. maja 2024" is a date). */
const YEAR = /^(?:1[89]|20)\d\d$/;
/** What ends a line of these shapes: no letter, digit, time or decimal right after it. */
const LINE_END = '(?![\\p{L}\\d]|[.,:]\\d)';

/**
 * Austrian street lines name the locality of the municipality in brackets between the street and
 * its number ("Schulgasse (Langeck) 4", "Am Kronawett (Hagenbrunn) 8 5 OG", "Uferstraße (Schwarzau am
 * Steinfeld) 306"): the bracket is only looked at where a number follows a closing bracket.
 */
const BRACKETED_LOCALITY = new RegExp(
  `(?<![\\p{L}\\d])((?:\\p{L}[\\p{L}\\p{M}'’.-]*[ \\t]+){0,3}\\p{L}[\\p{L}\\p{M}'’.-]*)[ \\t]+\\(([\\p{L}][\\p{L}\\p{M}.'’ -]{0,40})\\)[ \\t]+${HOUSE}${LINE_END}`,
  'gu',
);
/** Where such a line ends: a closing bracket, then a number. */
const BRACKET_THEN_NUMBER = /\)[ \t]+\d/g;
/** How far before the bracket such a line may start. */
const BRACKET_REACH = 120;
/** German particles a street's name starts with ("Am Kronawett", "An der Au", "Zum Bach"): not the sentence's words. */
const GERMAN_PARTICLES = new Set(['am', 'an', 'im', 'in', 'der', 'die', 'dem', 'den', 'zum', 'zur', 'auf', 'unter', 'ob', 'bei', 'st.']);

function* findBracketedLocalities(text: string): Generator<PiiSpan> {
  if (!text.includes(')')) return;
  const from = (at: number): number => {
    // (The window starts after a space or at the line's start, where the pattern's look-behind sees what it would in the text.)
    let i = Math.max(text.lastIndexOf('\n', at) + 1, at - BRACKET_REACH);
    while (i > 0 && i < at && text[i - 1] !== ' ' && text[i - 1] !== '\n') i++;
    return i;
  };
  for (const m of execAllNear(BRACKETED_LOCALITY, text, BRACKET_THEN_NUMBER, from, (at) => Math.min(text.length, at + 24))) {
    const caseless = caselessAt(text, m.index);
    const written = (m[1] ?? '').split(/[ \t]+/);
    // The street's words, back from the bracket: capitalised (or in a line of one case), not the sentence's ("Send it to …").
    let k = written.length;
    while (k > 0) {
      const w = written[k - 1] ?? '';
      const lower = w.toLowerCase();
      if (!(caseless || /^\p{Lu}/u.test(w) || GERMAN_PARTICLES.has(lower)) || (NOT_IN_CUED_LINE.has(lower) && !GERMAN_PARTICLES.has(lower))) break;
      k--;
    }
    const own = written.slice(k);
    while (!caseless && own.length > 0 && GERMAN_PARTICLES.has((own[0] ?? '').toLowerCase()) && !/^\p{Lu}/u.test(own[0] ?? '')) own.shift();
    const place = (m[2] ?? '').split(/[ \t]+/).filter((w) => w !== '');
    // A locality is a name of its own, capitalised and not an acronym ("Python (CPython) 3", "Apollo (NASA) 13" are none).
    const placeOwn = place.every((w) => caseless || /^\p{Lu}\p{Ll}/u.test(w) || GERMAN_PARTICLES.has(w.toLowerCase())) && place.some(isOwnWord);
    if (own.length === 0 || !own.some(isOwnWord) || !placeOwn) continue;
    const start = m.index + (m[1] ?? '').length - own.join(' ').length;
    yield { start, end: m.index + m[0].length };
  }
}

/**
 * Czech, Slovak and Slovenian streets named with a preposition and a noun ("K Rybníku 22", "Na
 * Příkopě 12", "Nad ostrovom 5", "Pri dvore 4", "Ob železnici 94", "U Potoka 7", "Do Chuchle 533"): the preposition
 * capitalised, the words after it no English ones.
 */
const PREPOSITION_STREET = new RegExp(
  // (The first letter is looked at before the look-behind: most positions fail there at once.)
  `(?=[DKMNOPUVZ])(?<![\\p{L}\\d])(?:Na|Nad|Pod|Pred|Před|Pri|Při|K|Ku|U|V|Ve|Za|Ob|Od|Do|Mezi|Medzi)[ \\t]+(\\p{L}[\\p{L}\\p{M}'’.-]*(?:[ \\t]+\\p{L}[\\p{L}\\p{M}'’.-]*){0,2}),?[ \\t]+(${HOUSE})${LINE_END}`,
  'gu',
);
const PREPOSITION_HINT = /(?=[DKMNOPUVZ])(?<![\p{L}])(?:Na|Nad|Pod|Pred|Před|Pri|Při|K|Ku|U|V|Ve|Za|Ob|Od|Do|Mezi|Medzi)[ \t]+\p{L}/u;

function* findPrepositionStreets(text: string): Generator<PiiSpan> {
  if (!PREPOSITION_HINT.test(text)) return;
  for (const m of execAll(PREPOSITION_STREET, text)) {
    const words = (m[1] ?? '').split(/[ \t]+/);
    if (words.some((w) => NOT_IN_CUED_LINE.has(w.toLowerCase())) || !isOwnWord(words[0] ?? '') || isCounter(words)) continue;
    if (YEAR.test(m[2] ?? '') || COUNT_AFTER_NUMBER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
    yield { start: m.index, end: m.index + m[0].length };
  }
}

/**
 * Streets named after a date or an ordinal in Slovenian, Croatian and Serbian, an ordinal then words
 * in lower case in the genitive ("Cesta 1. maja 80a", "Ulica 27. marca 5", "20. oktobra 370 Stan 43",
 * "21. divizije 53", "1. sokače 7"), with or without the street's type before it; not a date ("1.
 * maja 2024"), a time ("15. maja 14:00") or a count ("1. maja 2 dni").
 */
const ORDINAL_STREET = new RegExp(
  `(?=\\d)(?<![\\p{L}\\d.])\\d{1,2}\\.[ \\t]+(\\p{Ll}[\\p{L}\\p{M}]+(?:[ \\t]+\\p{Ll}[\\p{L}\\p{M}]+)?)[ \\t]+(${HOUSE})${LINE_END}`,
  'gu',
);
const ORDINAL_HINT = /(?=\d)(?<![\d.])\d{1,2}\.[ \t]+\p{Ll}[\p{L}\p{M}]+[ \t]+\d/u;

function* findOrdinalStreets(text: string): Generator<PiiSpan> {
  if (!ORDINAL_HINT.test(text)) return;
  for (const m of execAll(ORDINAL_STREET, text)) {
    const words = (m[1] ?? '').split(/[ \t]+/);
    // (Words of three letters at least: "5. th 9258" is a Danish floor and side, then a postcode.)
    if (!words.every((w) => w.length >= 3 && isOwnWord(w) && !NOT_IN_CUED_LINE.has(w))) continue;
    if (YEAR.test(m[2] ?? '') || COUNT_AFTER_NUMBER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
    // The street's type before the ordinal ("Cesta", "Ulica", "Trg") starts the line.
    const type = /(?<![\p{L}])(\p{Lu}\p{Ll}+)[ \t]+$/u.exec(text.slice(Math.max(0, m.index - 16), m.index))?.[1];
    const start = type !== undefined && (TYPE_OR_SUFFIX.test(type) || STREET_TYPES_BEFORE_ORDINAL.has(type.toLowerCase())) ? m.index - type.length - 1 : m.index;
    yield { start, end: m.index + m[0].length };
  }
}
/** Street types of these languages that a date or an ordinal follows (beside {@link TYPE_OR_SUFFIX}'s). */
const STREET_TYPES_BEFORE_ORDINAL = new Set(['cesta', 'ulica', 'ulice', 'trg', 'bulevar', 'put', 'obala', 'naselje', 'šetalište']);

/**
 * The words Welsh streets and places are named by, first in the name after the house number: "Lôn",
 * "Heol", "Ffordd" (road), "Maes" (field), "Bryn" (hill), "Rhos" (moor), "Cil" (nook), "Clas", "Eglwys"
 * (church), "Pen" (top), "Tir" (land), "Stad" (estate), "Cwrt", "Plas", "Llwyn" (grove).
 */
const WELSH_ELEMENTS =
  'lôn|lon|maes|coed|bryn|trem|esgair|cae|llys|clos|rhes|parc|gerddi|nant|pant|bro|cwrt|ffordd|heol|hoel|stryd|rhodfa|cilgant|dol|dôl|tan|ger|pen|glan|bron|tyn|min|' +
  'derwen|penrhyn|tir|eglwys|stad|cwit|clas|cil|rhos|ponc|llwyn|hafod|cefn|waun|gwaun|pentre|plas|pont|rhyd|ffos|fron|allt|erw|gelli|blaen|caer|cwm|llan|maen|melin|morfa|mynydd|porth|sarn|ystrad|tyddyn|buarth';
/** Of those, the ones that name a street alone ("15 Penrhyn", "605 Y Rhos"): the short ones need a name after them ("Cae Du"). */
const WELSH_ALONE = new Set(['penrhyn', 'rhos', 'derwen', 'eglwys', 'llwyn', 'hafod', 'mynydd', 'ystrad', 'tyddyn', 'gelli', 'morfa', 'pentre', 'gerddi', 'esgair', 'cilgant', 'rhodfa']);
const WELSH_WORD = "\\p{L}[\\p{L}\\p{M}'’]*";
const WELSH_PARTICLE = '(?:y|yr|ty|tŷ)[ \\t-]+';
const WELSH_STREET = new RegExp(
  `(?=\\d)(?<![\\w.,/:@$%&*!?+=^~-])(${HOUSE}),?[ \\t]+((?:yr?[ \\t]+)?(?:${WELSH_ELEMENTS})(?:[ \\t-]+(?:${WELSH_PARTICLE})?${WELSH_WORD}){0,2}|${WELSH_WORD}(?:fryn|bryn|wern|ddu|goch|fawr|fach|teg|dre))(?![\\p{L}\\d])`,
  'giu',
);
const WELSH_HINT = new RegExp(`\\d,?[ \\t]+(?:yr?[ \\t]+)?(?:${WELSH_ELEMENTS})(?![\\p{L}])|\\d,?[ \\t]+\\p{L}+(?:fryn|bryn|wern|ddu|goch|fawr|fach|teg|dre)(?![\\p{L}])`, 'iu');
const WELSH_ELEMENT = new RegExp(`^(?:${WELSH_ELEMENTS})$`, 'iu');
/** Welsh particles inside a name: "Y", "Yr" (the), "Ty" (house), written in either case ("Cil Y Graig", "Stad Ty Croes"). */
const WELSH_PARTICLES = new Set(['y', 'yr', 'ty', 'tŷ']);

function* findWelshStreets(text: string): Generator<PiiSpan> {
  if (!WELSH_HINT.test(text)) return;
  for (const m of execAll(WELSH_STREET, text)) {
    const caseless = caselessAt(text, m.index);
    const written = (m[2] ?? '').split(/[ \t-]+/);
    // The name's words end before a sentence's ("605 Y Rhos next month"): in mixed case a Welsh name is capitalised.
    let n = written.findIndex((w, k) => k > 0 && (NOT_IN_CUED_LINE.has(w.toLowerCase()) || (!caseless && !/^\p{Lu}/u.test(w) && !WELSH_PARTICLES.has(w.toLowerCase()))));
    if (n === -1) n = written.length;
    while (n > 1 && WELSH_PARTICLES.has((written[n - 1] ?? '').toLowerCase())) n--;
    const words = written.slice(0, n);
    const named = words.filter((w) => !WELSH_PARTICLES.has(w.toLowerCase()));
    // In mixed case a Welsh name is capitalised; an element alone names a street only when it is a long one.
    if (!caseless && !named.every((w) => /^\p{Lu}/u.test(w))) continue;
    if (named.length === 1 && WELSH_ELEMENT.test(named[0] ?? '') && !WELSH_ALONE.has((named[0] ?? '').toLowerCase())) continue;
    // A short element ("Pen", "Min", "Cae") is an English word or an abbreviation too: a word after it names the street ("2 Min Read" is none).
    const own = named.length > 1 && (named[0] ?? '').length <= 3 ? named.slice(1) : named;
    if (named.length === 0 || !own.some(isOwnWord) || named.some((w) => NOT_IN_CUED_LINE.has(w.toLowerCase()))) continue;
    // "4–0 Pen Rhos" is a score; "Chapter 3 Pen Rhos", "bus 12 Maes Glas" count or label something.
    if (/–/.test(m[1] ?? '') || COUNTER_WORDS.has(/([\p{L}]+)[ \t]+$/u.exec(text.slice(Math.max(0, m.index - 24), m.index))?.[1]?.toLowerCase() ?? '')) continue;
    let end = m.index + m[0].length;
    if (n < written.length) {
      const kept = new RegExp(`^[^ \\t,]+,?(?:[ \\t-]+[^ \\t,-]+){${n}}`, 'u').exec(m[0]);
      if (kept === null) continue;
      end = m.index + kept[0].length;
    }
    yield { start: m.index, end };
  }
}

/**
 * Czech, Slovak, Croatian, Serbian and Polish streets named by one adjective or a name in the genitive,
 * with no type word ("Palackého 284/60a", "Vinohradská 825", "Husova 5", "Frankopanska 347",
 * "Kwiatowa 14"): where an orientation number follows after a slash, or a place ends after the number.
 * Not a surname after a given name ("Anna Kowalska 3"), nor a female surname's "-ová".
 */
const SLAVIC_ENDING = 'ská|ský|ské|ska|cká|cka|čka|ička|ova|owa|ého|eho';
const SLAVIC_ADJECTIVE = new RegExp(`(?<![\\p{L}\\d.'’-])(\\p{L}[\\p{L}\\p{M}]*(?:${SLAVIC_ENDING}))[ \\t]+(${HOUSE})${LINE_END}`, 'giu');
const SLAVIC_THEN_NUMBER = new RegExp(`(?:${SLAVIC_ENDING})[ \\t]+\\d`, 'giu');

function* findSlavicAdjectiveStreets(text: string): Generator<PiiSpan> {
  const from = (at: number): number => {
    let i = Math.max(0, at - 32);
    while (i > 0 && i < at && !/\s/.test(text[i - 1] ?? '')) i++;
    return i;
  };
  for (const m of execAllNear(SLAVIC_ADJECTIVE, text, SLAVIC_THEN_NUMBER, from, (at) => Math.min(text.length, at + 32))) {
    const word = m[1] ?? '';
    const lower = word.toLowerCase();
    const end = m.index + m[0].length;
    // (An orientation number, or a Czech, Slovak or Polish postcode after the line: "masarykova 32, 120 00 Praha".)
    const slashed = (m[2] ?? '').includes('/') || /^,?[ \t]+\d{3}[ \t]?\d{2}(?![\d-])|^,?[ \t]+\d{2}-\d{3}(?!\d)/.test(text.slice(end, end + 12));
    if (!isOwnWord(word) || PLACE_WORDS.has(lower) || FIRST_NAME_SET.has(word) || COUNTER_WORDS.has(lower)) continue;
    // In mixed case, a name in lower case has a letter no English word has ("vinohradská 825"), or its orientation number ("palackeho 1327/21").
    if (/^\p{Ll}/u.test(word) && !caselessAt(text, m.index) && !/[^\x00-\x7f]/.test(word) && !slashed) continue;
    if (!slashed && (YEAR.test(m[2] ?? '') || !PLACE_ENDS.test(text.slice(end, end + 24)))) continue;
    const given = /(\p{Lu}\p{Ll}+)[ \t]+$/u.exec(text.slice(Math.max(0, m.index - 24), m.index))?.[1];
    if (given !== undefined && isListedGiven(given)) continue;
    if (COUNT_AFTER_NUMBER.test(text.slice(end, end + 16))) continue;
    yield { start: m.index, end };
  }
}

/** Street lines of the local conventions above. */
export function* findLocalStreetNames(text: string): Generator<PiiSpan> {
  yield* findSlavicAdjectiveStreets(text);
  yield* findBracketedLocalities(text);
  yield* findPrepositionStreets(text);
  yield* findOrdinalStreets(text);
  yield* findWelshStreets(text);
}
