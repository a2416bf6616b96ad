import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import { lazyValue } from './lexicon.ts';
import { FIRST_NAME_SET } from './name-lexicon.ts';
import { COMPOUND_ENDINGS, COUNT_AFTER_NUMBER, UNITS } from './street-patterns.ts';
import { execAll, regexSpans } from './text.ts';
import type { PiiSpan } from './types.ts';

// Street lines in Greek, Hebrew, Arabic, Persian, Thai and Ukrainian or Russian script, whose words
// the lexicon holds (script-street-data.ts): "Λεωφόρος Πλατάνων 53, ισόγειο", "רחוב הרימונים 88",
// "١١٥ شارع الورد", "خ سرو - ک یاس - پ ۶۰", "899 ม.10 ซ.ดาวเรือง ถ.ศรีสุข", "вул. Лісова, буд. 137, кв. 17";
// and Greek, Hebrew and Ukrainian names typed in Latin letters ("odos Antheon 75", "HaBrosh 53/11",
// "vul. lisova 94 kv 32"), found with the general shapes.

/** A house number in ASCII, Arabic-Indic or Eastern Arabic-Indic digits. */
const D = '[0-9٠-٩۰-۹]{1,5}';
const GREEK_WORD = "\\p{Script=Greek}[\\p{Script=Greek}\\p{M}'’.-]*";
const HEBREW_WORD = '[\\u05D0-\\u05EA][\\u05D0-\\u05EA\'׳"״-]*';
const ARABIC_WORD = '[\\u0620-\\u064A\\u066E-\\u06D3\\u06FA-\\u06FF][\\u0620-\\u065F\\u066E-\\u06D3\\u06FA-\\u06FF]*';
const PERSIAN_WORD = '[\\u0620-\\u064A\\u066E-\\u06D3\\u06FA-\\u06FF][\\u0620-\\u065F\\u066E-\\u06D3\\u06FA-\\u06FF\\u200C]*';
const THAI_WORD = '[\\u0E01-\\u0E4E]+';
const THAI_D = '[0-9\\u0E50-\\u0E59]{1,5}';
const CYRILLIC_WORD = "\\p{Script=Cyrillic}[\\p{Script=Cyrillic}'’ʼ-]*";

/** The patterns of these scripts, built from the lexicon's words (script-street-data.ts) the first time they are asked for. */
const scripts = lazyValue(({ SCRIPT_STREET_WORDS: w }) => ({
  /**
   * A Greek street: with its type word, or words and a number (with a letter: "51Γ", or a range:
   * "38-40") then the corner's street ("& Πλατάνων"), a flat ("διαμ. 8"), the ground or an ordinal floor.
   */
  greekStreet: new RegExp(
    `(?<![\\p{L}\\d])(?:(?:${w.greekTypes})[ \\t]+)?((?:${GREEK_WORD}[ \\t]+){0,3}${GREEK_WORD})[ \\t]+\\d{1,4}(?:[-–]\\d{1,4})?\\p{Script=Greek}?(?![\\p{L}\\d])` +
      `(?:[ \\t]*&[ \\t]*${GREEK_WORD}(?:[ \\t]+${GREEK_WORD})?)?` +
      `(?:,?[ \\t]*(?:${w.greekFlat})[ \\t]*\\d{1,4}|,?[ \\t]*${w.greekGround}|,?[ \\t]*\\d{1,2}${w.greekFloor})?`,
    'giu',
  ),
  greekTypeAt: new RegExp(`^(?:${w.greekTypes})`, 'iu'),
  greekTypeWord: new RegExp(`^(?:${w.greekTypes})$`, 'iu'),
  /**
   * A street named without its type word is named in the genitive ("Ερμού", "Κυπαρισσίων", "Ελιάς"):
   * a room, a gate or a chapter ("Αίθουσα 11", "Πύλη 8", "Κεφάλαιο 3") is named in the nominative.
   */
  greekGenitive: new RegExp(`(?:${w.greekGenitive})$`, 'iu'),
  /** A Hebrew street: its type word or a name with the article "ה", the number, then a flat or an entrance ("דירה 36", "כניסה ב"). */
  hebrewStreet: new RegExp(
    `(?<![\\u05D0-\\u05EA\\d])(?:(${w.hebrewTypes})[ \\t]+)?(${HEBREW_WORD}(?:[ \\t]+${HEBREW_WORD}){0,2})[ \\t]+\\d{1,4}(?:[a-z](?=\\/))?(?:\\/\\d{1,3})?(?![\\p{L}\\d])` +
      `(?:[ \\t]+(?:${w.hebrewUnits})[ \\t]*(?:\\d{1,3}|[\\u05D0-\\u05EA](?![\\u05D0-\\u05EA])))*`,
    'gu',
  ),
  hebrewTypeWord: new RegExp(`^(?:${w.hebrewTypes})$`, 'u'),
  /** Words that count or place things, written with a number and never a street ("חדר 5", "רציף 4", "כביש 22", "הזמנה 9"). */
  hebrewNotStreet: new Set(w.hebrewNotStreet.split(' ')),
  /**
   * An Arabic street: a flat, a building and their numbers, a house number, the street's type and its
   * name or number ("عمارة ١٧٣ شارع النصر", "منزل ١٦، سكة ٤٦٣٦", "32 شارع الحرية"), then a floor or a flat.
   */
  arabicStreet: new RegExp(
    `(?<![\\p{L}\\d])(?:(?:${w.arabicBuildings})[ \\t]*${D}[ \\t]*[،,]?[ \\t]*){0,2}(?:${D}[ \\t]+)?(?:${w.arabicTypes})[ \\t]+(?:${D}|${ARABIC_WORD}(?:[ \\t]+${ARABIC_WORD})?)` +
      `(?:[ \\t]*[،,][ \\t]*(?:${w.arabicFloor})[ \\t]+${ARABIC_WORD}|[ \\t]*[،,]?[ \\t]*(?:${w.arabicFlat})[ \\t]*${D})?(?![\\p{L}\\d])`,
    'gu',
  ),
  /**
   * Persian lines: named parts then numbered ones, parted by commas or dashes: "خیابان نسترن، کوچه شقایق،
   * پلاک ۷۶، واحد 5", "خ نسترن - ک بهار - پ ۱۲", "خیابان بهار، نبش کوچه سرو، ساختمان نگین، طبقه 1".
   */
  persianLine: (() => {
    const named = `(?:${w.persianNamed})[ \\t]+${PERSIAN_WORD}(?:[ \\t]+${PERSIAN_WORD})?`;
    const sep = '[ \\t]*[،,\\-–][ \\t]*';
    return new RegExp(`(?<![\\p{L}\\u200C])${named}(?:${sep}${named}){0,4}(?:${sep}(?:${w.persianNumbered})[ \\t]*${D})+(?![\\p{L}\\d۰-۹])`, 'gu');
  })(),
  /**
   * Thai lines: a building's room and floor, the house number ("เลขที่ 972/81"), then moo, village, soi and
   * road ("899 ม.10 ซ.ดาวเรือง ถ.ศรีสุข"), in Thai or Arabic digits; not the subdistrict, district or province after them.
   */
  thaiLine: new RegExp(
    `(?<![\\u0E01-\\u0E4E0-9\\u0E50-\\u0E59])(?:(?:${THAI_WORD}[ \\t]+)?${w.thaiRoom}[ \\t]*${THAI_D}[ \\t]+${w.thaiFloor}[ \\t]*${THAI_D}[ \\t]+)?(?:${w.thaiHouse}[ \\t]*)?${THAI_D}(?:\\/${THAI_D})?` +
      `(?:[ \\t]+(?:(?:${w.thaiMoo})[ \\t]*${THAI_D}|${w.thaiVillage}[\\u0E01-\\u0E4E]*|(?:${w.thaiSoi})[ \\t]*(?:${THAI_WORD})?(?:[ \\t]*${THAI_D})?|(?:${w.thaiRoad})[ \\t]*${THAI_WORD}))+`,
    'gu',
  ),
  /** What makes such a match a street line: a moo, soi, road or village after the number, not only a building's floor. */
  thaiStreetPart: new RegExp(`${w.thaiMoo}|${w.thaiSoi}|${w.thaiRoad}|${w.thaiVillage}`, 'u'),
  thaiBuildingFloor: new RegExp(`^.*?${w.thaiFloor}[ \\t]*${THAI_D}`, 'u'),
  /**
   * Ukrainian and Russian lines: the type word, the name, the house ("буд. 137", "д. 5") and flat or
   * office ("вул. Лісова, буд. 137, кв. 17", "пров. Кленовий, 20Б", "вул. Садова, 113А, офіс 467").
   */
  cyrillicLine: new RegExp(
    // (A Bulgarian name may stand in quotes: "бул. „Витоша“ № 19".)
    `(?<![\\p{L}\\d])(?:${w.cyrillicTypes})\\.?[ \\t]+[„“"«]?${CYRILLIC_WORD}(?:[ \\t]+${CYRILLIC_WORD}){0,2}[“”"»]?,?[ \\t]+(?:(?:${w.cyrillicHouse})\\.?[ \\t]*)?` +
      `\\d{1,4}(?:[-/]\\d{1,3})?[\\p{Script=Cyrillic}A-Za-z]?(?![\\p{L}\\d])(?:,?[ \\t]*(?:${w.cyrillicUnits})\\.?[ \\t]*\\d{1,4})*`,
    'giu',
  ),
}));

/** "odos Antheon 75": the Greek type word typed in Latin letters, then a name in the genitive ("Attiki Odos near exit 18" is a motorway). */
const GREEK_LATIN_STREET = new RegExp(`(?<![\\p{L}\\d])odos[ \\t]+(?:\\p{L}+[ \\t]+){0,2}\\p{L}+(?:on|ou|as|is|ys|es)[ \\t]+\\d{1,4}[a-z]?${UNITS}(?![\\p{L}\\d])`, 'giu');

/**
 * A Hebrew street's name in Latin letters, with its article: capitalised after it ("HaBrosh 53/11"),
 * with a type word before or a street word after it ("sderot hakalanit 96", "haalon st. 46"), or
 * before a place's end. Not a word that merely starts so ("the hadoop 3 upgrade"). The look-ahead
 * of the letters a match starts with comes first: where V8 no longer optimises the patterns it
 * compiles (after much code, as after bench/pii.ts's evaluation), it spares the look-behind for a
 * letter of any script at every position: 18 → 4 ms over the corpus as one text (2.5 → 2.3 ms
 * optimised).
 */
const HEBREW_LATIN_STREET =
  new RegExp(`(?=[sdrh])(?<![\\p{L}\\d])(?:((?:sderot|sd\\.|rehov|rechov|derech|shderot)[ \\t]+)?(ha-?\\p{L}{3,})((?:[ \\t]+(?:st\\.?|street|blvd\\.?|ave\\.?))?))[ \\t]+\\d{1,4}(?:\\/\\d{1,3})?${UNITS}(?![\\p{L}\\d]|[.,:]\\d)`, 'giu');

/** The same typed in Latin letters: "vul. lisova 94 kv 32", "ul. Sadovaya, d. 5, kv. 12". */
// (Short abbreviations with their dot only: "ul. Lenina, d. 12", "pr. Mira 5", "per. Arbatsky 3".)
const CYRILLIC_LATIN_LINE =
  /(?=[vupnsb])(?<![\p{L}\d])(?:(?:vul|vulytsia|vulytsya|vulitsa|ulitsa|ulica|prov|provulok|prosp|prospekt|pr-t|pereulok|naberezhnaya|naberezhna|shosse|bulvar|bulvard|ploshchad|ploshcha)\.?|(?:ul|pr|per|nab|bul|pl|sh)\.)[ \t]+\p{L}+(?:[ \t]+\p{L}+)?,?[ \t]+(?:(?:bud|d|dom)\.?[ \t]*)?\d{1,4}[a-z]?(?:,?[ \t]*(?:kv|of|korp|str)\.?[ \t]*\d{1,4})?(?![\p{L}\d])/giu;
/** What {@link CYRILLIC_LATIN_LINE} cannot match without. (Both start with a look-ahead of the letters their words start with: the look-behind is then tried only there.) */
const CYRILLIC_LATIN_HINT = /(?=[vupnsb])(?:vul|ulitsa|ulica|prov|prosp|pr-t|pereulok|naberezhn|shosse|bulvar|ploshcha|(?<![\p{L}])(?:ul|pr|per|nab|bul|pl|sh)\.)\p{L}*\.?[ \t]/iu;

const ANY_DIGIT = /[0-9٠-٩۰-۹]/u;
const EUROPEAN_ENDING = new RegExp(`(?:${COMPOUND_ENDINGS})$`, 'iu');

const GREEK_LETTER = /\p{Script=Greek}/u;
const HEBREW_LETTER = /[\u05D0-\u05EA]/u;
/** Whether the line before `start` has Latin letters and no Hebrew, and no Hebrew word follows `end` after a space. */
function inLatinLine(text: string, start: number, end: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  return /[A-Za-z]/.test(before) && !HEBREW_LETTER.test(before) && !/^[ \t]+[\u05D0-\u05EA]/u.test(text.slice(end, end + 4));
}
const ARABIC_LETTER = /[\u0620-\u064A]/u;
const PERSIAN_LETTER = /[\u067E\u0686\u0698\u06A9\u06AF\u06CC]/u;
const THAI_LETTER = /[\u0E01-\u0E4E]/u;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const OTHER_SCRIPT_LETTER = /[\p{Script=Greek}\u05D0-\u05EA\u0620-\u064A\u0E01-\u0E4E\p{Script=Cyrillic}]/u;
const HEBREW_LATIN_HINT = /(?<![\p{L}])[Hh]a-?\p{L}{3,}[^\n\d]{0,12}\d/u;

export function* findStreetsInOtherScripts(text: string): Generator<PiiSpan> {
  // Most texts hold none of these scripts: one scan tells.
  if (!OTHER_SCRIPT_LETTER.test(text)) return;
  if (GREEK_LETTER.test(text)) {
    const p = scripts();
    for (const m of execAll(p.greekStreet, text)) {
      const words = (m[1] ?? '').split(/[ \t]+/);
      let k = words.length - 1;
      if (!p.greekTypeAt.test(m[0])) {
        // The name is the genitive words before the number, or starts at a type word among them;
        // the words before are the sentence's ("στείλτε τα έγγραφα στη διεύθυνση πλατεία ανθέων 117").
        const type = words.findLastIndex((w) => p.greekTypeWord.test(w));
        if (type !== -1) k = type;
        else {
          if (!p.greekGenitive.test(words[k] ?? '')) continue;
          while (k > 0 && p.greekGenitive.test(words[k - 1] ?? '')) k--;
        }
      } else k = 0;
      const start = k === 0 ? m.index : m.index + m[0].indexOf(words.slice(k).join(' '), m[0].length - m[0].trimStart().length);
      yield { start, end: m.index + m[0].length };
    }
  }
  if (HEBREW_LETTER.test(text)) {
    const p = scripts();
    for (const m of execAll(p.hebrewStreet, text)) {
      const words = (m[2] ?? '').split(/[ \t]+/);
      let start = m.index;
      // A type word among the words starts the line ("… לכתובת סמטת הגפן 12").
      const type = m[1] === undefined ? words.findLastIndex((w) => p.hebrewTypeWord.test(w)) : -1;
      if (type !== -1) {
        start += m[0].indexOf(words.slice(type).join(' '));
        words.splice(0, type + 1);
      } else if (m[1] === undefined) {
        // Without its type word a street's name is one or two words, the first with the article ("הדקל",
        // "האלון"); the words before it are the sentence's ("הרכבת יוצאת מרציף 4" is a train leaving platform 4).
        let k = Math.max(0, words.length - 2);
        while (k < words.length && !(words[k] ?? '').startsWith('ה')) k++;
        // In a line of Latin letters a Hebrew name and its number are a street's, without the article too ("send it to
        // ויצמן 97c/21 instead", "Offsite venue: דיזנגוף 9, תל אביב-יפו"), unless a Hebrew sentence goes on after the number.
        if (k === words.length && words.length <= 2 && inLatinLine(text, m.index, m.index + m[0].length)) k = 0;
        if (k === words.length) continue;
        start += m[0].indexOf(words.slice(k).join(' '));
        words.splice(0, k);
      }
      // With or without the article: "ההזמנה 4411" is the order 4411.
      const head = words[0] ?? '';
      if (p.hebrewNotStreet.has(head) || (head.startsWith('ה') && p.hebrewNotStreet.has(head.slice(1)))) continue;
      yield { start, end: m.index + m[0].length };
    }
  }
  if (ARABIC_LETTER.test(text)) {
    const p = scripts();
    for (const m of execAll(p.arabicStreet, text)) if (ANY_DIGIT.test(m[0])) yield { start: m.index, end: m.index + m[0].length };
    // Persian's own letters ("پ", "ک", "ی") mark its lines.
    if (PERSIAN_LETTER.test(text)) yield* regexSpans(p.persianLine, text);
  }
  if (THAI_LETTER.test(text)) {
    const p = scripts();
    for (const m of execAll(p.thaiLine, text)) {
      // A number alone, or with the floor of a building only, is no street line.
      if (p.thaiStreetPart.test(m[0].replace(p.thaiBuildingFloor, ''))) yield { start: m.index, end: m.index + m[0].length };
    }
  }
  if (CYRILLIC_LETTER.test(text)) {
    for (const m of execAll(scripts().cyrillicLine, text)) {
      // "улица была закрыта 9 часа": a count of hours, days or times after the number, not a house.
      if (COUNT_AFTER_NUMBER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
      yield { start: m.index, end: m.index + m[0].length };
    }
  }
}

/** Greek and Hebrew street names typed in Latin letters ("odos Antheon 75", "HaBrosh 53/11"): found with the general shapes. */
export function* findTransliteratedStreets(text: string): Generator<PiiSpan> {
  if (CYRILLIC_LATIN_HINT.test(text)) yield* regexSpans(CYRILLIC_LATIN_LINE, text);
  if (/odos/i.test(text)) yield* regexSpans(GREEK_LATIN_STREET, text);
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
