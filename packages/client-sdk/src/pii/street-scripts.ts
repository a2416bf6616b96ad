import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import { FIRST_NAME_SET } from './name-lexicon.ts';
import { COMPOUND_ENDINGS, UNITS } from './street-patterns.ts';
import { execAll } from './text.ts';
import type { PiiSpan } from './types.ts';

// Street lines in Greek, Hebrew and Arabic script, and Hebrew street names written in Latin
// letters: "Λεωφόρος Πλατάνων 53, ισόγειο", "Κυπαρισσίων 122 & Πλατάνων", "רחוב הרימונים 88",
// "הדקל 4 דירה 34", "١١٥ شارع الورد", "مبنى 67، طريق الجامعة", "HaBrosh 53/11".

/** A house number in ASCII, Arabic-Indic or Eastern Arabic-Indic digits. */
const D = '[0-9٠-٩۰-۹]{1,5}';

const GREEK_WORD = "\\p{Script=Greek}[\\p{Script=Greek}\\p{M}'’.-]*";
const GREEK_TYPE = 'οδός|οδος|οδό|οδο|οδ\\.|λεωφόρος|λεωφορος|λεωφόρο|λεωφορο|λεωφ\\.|πλατεία|πλατεια|πάροδος|παροδος|odos|leof\\.|leoforos|plateia|parodos';
/** After the number: the corner's street ("& Πλατάνων"), a flat ("διαμ. 8"), the ground or an ordinal floor. */
const GREEK_AFTER =
  `(?:[ \\t]*&[ \\t]*${GREEK_WORD}(?:[ \\t]+${GREEK_WORD})?)?` +
  `(?:,?[ \\t]*(?:διαμ\\.?|διαμέρισμα)[ \\t]*\\d{1,4}|,?[ \\t]*ισόγειο|,?[ \\t]*\\d{1,2}(?:ος|ου|ο)[ \\t]+(?:όροφος|οροφος))?`;
/** A Greek street: with its type word, or words and a number (with a letter: "51Γ") then the corner, flat or floor. */
const GREEK_STREET = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:${GREEK_TYPE})[ \\t]+)?((?:${GREEK_WORD}[ \\t]+){0,3}${GREEK_WORD})[ \\t]+\\d{1,4}(?:[-–]\\d{1,4})?\\p{Script=Greek}?(?![\\p{L}\\d])${GREEK_AFTER}`,
  'giu',
);
/** "odos Antheon 75": the Greek type word typed in Latin letters, then a name in the genitive ("Attiki Odos near exit 18" is a motorway). */
const GREEK_LATIN_STREET = new RegExp(`(?<![\\p{L}\\d])odos[ \\t]+(?:\\p{L}+[ \\t]+){0,2}\\p{L}+(?:on|ou|as|is|ys|es)[ \\t]+\\d{1,4}[a-z]?${UNITS}(?![\\p{L}\\d])`, 'giu');
const GREEK_TYPE_AT = new RegExp(`^(?:${GREEK_TYPE})`, 'iu');
const GREEK_TYPE_WORD = new RegExp(`^(?:${GREEK_TYPE})$`, 'iu');
/**
 * A street named without its type word is named in the genitive ("Ερμού", "Κυπαρισσίων", "Ελιάς"):
 * a room, a gate or a chapter ("Αίθουσα 11", "Πύλη 8", "Κεφάλαιο 3") is named in the nominative.
 */
const GREEK_GENITIVE = /(?:ου|ού|ων|ών|ας|άς|ης|ής|εως|έως|ους|ούς)$/iu;

const HEBREW_WORD = '[\\u05D0-\\u05EA][\\u05D0-\\u05EA\'׳"״-]*';
const HEBREW_TYPE = "רחוב|רח['׳]|שדרות|שד['׳]|דרך|סמטת|כיכר";
const HEBREW_TYPE_WORD = new RegExp(`^(?:${HEBREW_TYPE})$`, 'u');
/** A Hebrew street: its type word or a name with the article "ה", the number, then a flat or an entrance ("דירה 36", "כניסה ב"). */
const HEBREW_STREET = new RegExp(
  `(?<![\\u05D0-\\u05EA\\d])(?:(${HEBREW_TYPE})[ \\t]+)?(${HEBREW_WORD}(?:[ \\t]+${HEBREW_WORD}){0,2})[ \\t]+\\d{1,4}(?:\\/\\d{1,3})?(?![\\p{L}\\d])` +
    `(?:[ \\t]+(?:דירה|דיר['׳]|כניסה|קומה)[ \\t]*(?:\\d{1,3}|[\\u05D0-\\u05EA](?![\\u05D0-\\u05EA])))*`,
  'gu',
);
/** Words that count or place things, written with a number and never a street ("חדר 5", "רציף 4", "כביש 22", "הזמנה 9"). */
const HEBREW_NOT_STREET = new Set(['חדר', 'קומה', 'שער', 'רציף', 'כביש', 'גרסה', 'גירסה', 'קו', 'פרק', 'טיסה', 'מושב', 'הזמנה', 'חשבונית', 'סעיף', 'אולם', 'בניין', 'משרד', 'עמוד', 'קרון', 'ספרינט', 'מספר', 'כיתה', 'הערה']);

/**
 * A Hebrew street's name in Latin letters, with its article: capitalised after it ("HaBrosh 53/11"),
 * with a type word before or a street word after it ("sderot hakalanit 96", "haalon st. 46"), or
 * before a place's end. Not a word that merely starts so ("the hadoop 3 upgrade").
 */
const HEBREW_LATIN_STREET =
  new RegExp(`(?<![\\p{L}\\d])(?:((?:sderot|sd\\.|rehov|rechov|derech|shderot)[ \\t]+)?(ha-?\\p{L}{3,})((?:[ \\t]+(?:st\\.?|street|blvd\\.?|ave\\.?))?))[ \\t]+\\d{1,4}(?:\\/\\d{1,3})?${UNITS}(?![\\p{L}\\d]|[.,:]\\d)`, 'giu');

const ARABIC_WORD = '[\\u0620-\\u064A\\u066E-\\u06D3\\u06FA-\\u06FF][\\u0620-\\u065F\\u066E-\\u06D3\\u06FA-\\u06FF]*';
const ARABIC_TYPE = 'شارع|طريق|سكة|سكه|جادة|حارة|زقاق|ممر|ش\\.';
const ARABIC_BUILDING = 'عمارة|عماره|مبنى|مبني|منزل|فيلا|بناية|برج';
/**
 * An Arabic street: a flat, a building and their numbers, a house number, the street's type and its name or
 * number ("عمارة ١٧٣ شارع النصر", "منزل ١٦، سكة ٤٦٣٦", "32 شارع الحرية"), then a floor or a flat.
 */
const ARABIC_STREET = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:${ARABIC_BUILDING}|شقة)[ \\t]*${D}[ \\t]*[،,]?[ \\t]*){0,2}(?:${D}[ \\t]+)?(?:${ARABIC_TYPE})[ \\t]+(?:${D}|${ARABIC_WORD}(?:[ \\t]+${ARABIC_WORD})?)` +
    `(?:[ \\t]*[،,][ \\t]*(?:الدور|الطابق)[ \\t]+${ARABIC_WORD}|[ \\t]*[،,]?[ \\t]*شقة[ \\t]*${D})?(?![\\p{L}\\d])`,
  'gu',
);
const ANY_DIGIT = /[0-9٠-٩۰-۹]/u;
const EUROPEAN_ENDING = new RegExp(`(?:${COMPOUND_ENDINGS})$`, 'iu');

const GREEK_LETTER = /\p{Script=Greek}/u;
const HEBREW_LETTER = /[\u05D0-\u05EA]/u;
const ARABIC_LETTER = /[\u0620-\u064A]/u;
const HEBREW_LATIN_HINT = /(?<![\p{L}])[Hh]a-?\p{L}{3,}[^\n\d]{0,12}\d/u;

export function* findStreetsInOtherScripts(text: string): Generator<PiiSpan> {
  if (GREEK_LETTER.test(text)) {
    for (const m of execAll(GREEK_STREET, text)) {
      const words = (m[1] ?? '').split(/[ \t]+/);
      let k = words.length - 1;
      if (!GREEK_TYPE_AT.test(m[0])) {
        // The name is the genitive words before the number, or starts at a type word among them;
        // the words before are the sentence's ("στείλτε τα έγγραφα στη διεύθυνση πλατεία ανθέων 117").
        const type = words.findLastIndex((w) => GREEK_TYPE_WORD.test(w));
        if (type !== -1) k = type;
        else {
          if (!GREEK_GENITIVE.test(words[k] ?? '')) continue;
          while (k > 0 && GREEK_GENITIVE.test(words[k - 1] ?? '')) k--;
        }
      } else k = 0;
      const start = k === 0 ? m.index : m.index + m[0].indexOf(words.slice(k).join(' '), m[0].length - m[0].trimStart().length);
      yield { start, end: m.index + m[0].length };
    }
  }
  if (HEBREW_LETTER.test(text)) {
    for (const m of execAll(HEBREW_STREET, text)) {
      const words = (m[2] ?? '').split(/[ \t]+/);
      let start = m.index;
      // A type word among the words starts the line ("… לכתובת סמטת הגפן 12").
      const type = m[1] === undefined ? words.findLastIndex((w) => HEBREW_TYPE_WORD.test(w)) : -1;
      if (type !== -1) {
        start += m[0].indexOf(words.slice(type).join(' '));
        words.splice(0, type + 1);
      } else if (m[1] === undefined) {
        // Without its type word a street's name is one or two words, the first with the article ("הדקל",
        // "האלון"); the words before it are the sentence's ("הרכבת יוצאת מרציף 4" is a train leaving platform 4).
        let k = Math.max(0, words.length - 2);
        while (k < words.length && !(words[k] ?? '').startsWith('ה')) k++;
        if (k === words.length) continue;
        start += m[0].indexOf(words.slice(k).join(' '));
        words.splice(0, k);
      }
      // With or without the article: "ההזמנה 4411" is the order 4411.
      const head = words[0] ?? '';
      if (HEBREW_NOT_STREET.has(head) || (head.startsWith('ה') && HEBREW_NOT_STREET.has(head.slice(1)))) continue;
      yield { start, end: m.index + m[0].length };
    }
  }
  if (ARABIC_LETTER.test(text)) {
    for (const m of execAll(ARABIC_STREET, text)) if (ANY_DIGIT.test(m[0])) yield { start: m.index, end: m.index + m[0].length };
  }
}

/** Greek and Hebrew street names typed in Latin letters ("odos Antheon 75", "HaBrosh 53/11"): found with the general shapes. */
export function* findTransliteratedStreets(text: string): Generator<PiiSpan> {
  if (/odos/i.test(text)) for (const m of execAll(GREEK_LATIN_STREET, text)) yield { start: m.index, end: m.index + m[0].length };
  if (HEBREW_LATIN_HINT.test(text)) {
    for (const m of execAll(HEBREW_LATIN_STREET, text)) {
      const word = m[2] ?? '';
      // In lower case with neither word, only where a place ends ("taxi to hayasmin 61, jerusalem"), and
      // not a word of a European street ("hauptstraße 5,", "hamngatan 12,").
      const placeEnds = /^ha\p{Ll}+$/u.test(word) && !EUROPEAN_ENDING.test(word) && /^[ \t]*(?:[,;]|\r?\n|$)/.test(text.slice(m.index + m[0].length));
      if (!m[1] && !m[3] && !/^Ha-?\p{Lu}/u.test(word) && !placeEnds) continue;
      const name = word.toLowerCase();
      // "Happy 2", "Hannah 2": a word or a given name of the lists, not a street.
      if (ENGLISH_TIER.has(name) || JARGON_WORDS.has(name) || FIRST_NAME_SET.has(word) || FIRST_NAME_SET.has(name)) continue;
      yield { start: m.index, end: m.index + m[0].length };
    }
  }
}
