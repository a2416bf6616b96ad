import type { PiiSpan, Scrubber } from './types.ts';
import { afterNonLetter, execAll, execAllNear } from './text.ts';

// A date is a date of birth only next to a birth cue: "DOB", "date of birth", "born on",
// "birthday". Other dates (deadlines, releases, timestamps) are kept on purpose.

/** Month names and their abbreviations in English, Spanish, German, French, Portuguese, Italian and Dutch. */
const MONTH =
  '(?:jan(?:uary|uar|vier|eiro|uari|v)?|ene(?:ro)?|gen(?:naio)?|feb(?:ruary|ruar|rero|braio|ruari)?|f[ée]v(?:rier|ereiro|r)?|' +
  'mar(?:ch|zo|ço|s)?|mrt|m[äa]r(?:z)?|maa(?:rt)?|apr(?:il|ile)?|abr(?:il)?|avr(?:il)?|may(?:o)?|mai(?:o)?|mag(?:gio)?|mei|' +
  'june?|juni|junio?|junho|juin|giu(?:gno)?|july?|juli|julio|julho|juil(?:let)?|lug(?:lio)?|aug(?:ust|ustus)?|ago(?:sto)?|ao[uû]t?|' +
  'sep(?:t(?:ember|iembre|embre)?)?|set(?:iembre|embro|tembre)?|oct(?:ober|ubre|obre)?|okt(?:ober)?|out(?:ubro)?|ott(?:obre)?|' +
  'nov(?:ember|iembre|embre|embro)?|dec(?:ember)?|dez(?:ember|embro)?|dic(?:iembre|embre)?|d[ée]c(?:embre)?)\\.?';
const YEAR = '(?:19|20)\\d{2}';
/** A year written with the month's name may have two digits ("25 Aug '90", "05 JUL 54"). */
const NAMED_YEAR = `(?:${YEAR}|['’]?\\d{2})`;
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th|er|º|°)?\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
/** Between a day, a month and a year: a space, a dash, a slash, a dot, "of", "de", nothing ("03DEC1990"). */
const PART = '(?:\\s*[-/.,]?\\s*(?:(?:of|de)\\s+)?)';
/** The date forms people write: ISO, numeric with / . -, and with the month's name either side. */
const DATE = [
  // ISO, perhaps with the time a form or an export adds ("1979-06-28T00:00:00"), or compact ("19790628").
  `${YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\\d|3[01])(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?`,
  `${YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])`,
  // Compact day, month and year in either order ("05031985"), or year, month's name and day ("1985 Mar 05").
  `(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|[12]\\d|3[01])${YEAR}`,
  `${YEAR}${PART}${MONTH}${PART}${DAY}(?![\\p{L}\\d])`,
  `(?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|[12]\\d|3[01])[-/.](?:${YEAR}|\\d{2})`,
  `${WEEKDAY}(?:the\\s+|le\\s+)?${DAY}${PART}${MONTH}${PART}${NAMED_YEAR}`,
  `${WEEKDAY}${MONTH}${PART}(?:the\\s+)?${DAY}${PART}${NAMED_YEAR}`,
  // A month and a year ("born: November 1976"), or a day and a month ("birthday: 3 May").
  `${MONTH},?\\s+${YEAR}`,
  `(?:the\\s+)?${DAY}(?:\\s+of\\s+|\\s+de\\s+|[ -])${MONTH}(?![\\p{L}])`,
  `${MONTH}\\s+(?:the\\s+)?${DAY}(?![\\p{L}\\d])`,
].join('|');
const CUE =
  "(?:d\\.?o\\.?b\\.?|date[\\s_-]*of[\\s_-]*birth|birth[\\s_-]*date|birthdate|birth(?=\\s*:)|born(?:\\s+on|\\s+in)?|birthday(?:\\s+is)?|b-?day(?:\\s+is)?|" +
  // "b. 12 May 1960": the genealogist's "born", only right before a full date.
  "b\\.(?=\\s*(?:\\d|the\\b|[a-z]{3}))|" +
  // Spanish, German, French, Portuguese, Italian, Dutch: the form's label, "born", "birthday".
  "fecha\\s+de\\s+nacimiento|f(?:echa|\\.)\\s*(?:de\\s+)?nac(?:imiento|\\.)|nac(?:id[oa]|i[óo])(?:\\s+el)?|cumpleaños|" +
  "geburtsdatum|geburtstag|geb\\.?[\\s-]*datum|geb\\.(?:\\s*am)?|geboren(?:\\s+(?:am|op))?|geb\\.\\s*datum|geboortedatum|verjaardag|" +
  "date\\s+de\\s+naiss(?:ance|\\.)|n[ée]e?\\s+le|anniversaire|" +
  "data\\s+(?:de\\s+)?nasc(?:imento|\\.)|nascid[oa](?:\\s+em)?|nasceu(?:\\s+em)?|aniversário|" +
  "data\\s+di\\s+nascita|nat[oa]\\s+il|compleanno|" +
  // Other languages of the dev locales: Swedish, Danish and Norwegian, Finnish, Polish, Czech and
  // Slovak, Croatian and Serbian, Hungarian, Turkish, Romanian.
  "födelsedatum|fødselsdato|syntymäaika|data\\s+urodzenia|datum\\s+narozen[íi]|d[áa]tum\\s+narodenia|datum\\s+ro[đd]enja|születési\\s+(?:dátum|idő)|doğum\\s+tarihi|data\\s+na[șs]terii)";
/**
 * Cue, then at most a few linking words and marks before the date: "is", "was", "on", ":", "—",
 * a line break, a format hint in brackets ("(DD/MM/YYYY)"), a second label ("DOB/age:"), or up
 * to four words of the same sentence ("born in Porto on", "date of birth (as on the passport)").
 */
const LINK = `(?:[:=#\\-–—→>"'“”|]|\\.{2,}|\\bis\\b|\\bwas\\b|\\bon\\b|\\b(?:el|le|il|am|op|em|es|est|ist|è|é)\\b|\\(|\\s|\\([a-z/.\\- ]{2,16}\\)|/[a-z]{2,8}\\b)`;
const GAP = `(?:[\\p{L}'’]+[ \\t,]+){0,4}?`;
// Not after a letter: the look-behind holds the ASCII ones, afterNonLetter the others. Each of the
// cues starts with one of the letters of the look-ahead: where V8 no longer optimises the patterns
// it compiles (see dateThenCueStart), that one test in place of the forty-one cues tried one by one
// at every position took 27 → 6 ms over the corpus as one text.
const CUE_THEN_DATE = afterNonLetter(new RegExp(`(?<![a-zA-Z])(?=[abcdfgnsv])${CUE}(?![\\p{L}])\\s*${LINK}{0,6}\\s*${GAP}(?:\\(\\s*)?(${DATE})(?![\\p{L}\\d]|[/.-]\\d)`, 'dgiu'));
/** Date, then the cue: "1990-04-12 (DOB)", "15 March 1985 is my date of birth". */
const DATE_THEN_CUE = new RegExp(
  `(?<![\\w/.-])(${DATE})(?!\\d)\\s*(?:\\(|-|,|\\s(?:is|was)\\s+(?:my|his|her|their|the)\\s)?\\s*(?:d\\.?o\\.?b\\.?|date of birth|birth ?date|birthday)(?![\\p{L}])`,
  'dgiu',
);

/**
 * Where a match of {@link DATE_THEN_CUE} may start in `text`, if its cue's "d…o…b" or "birth"
 * starts at `at`: the pattern runs only from there to 16 characters after `at`. Over a long text it
 * tries its ten shapes of a date at every position, and V8 stops optimising the regular
 * expressions it compiles once a process has made much code (past about 1 MB of it and 16 MB of
 * executable memory, as after a few thousand scrubs): over the corpus as one text that took 41 ms
 * (8 ms optimised), now 3 ms (1 ms). A match ends at most 10 characters after `at` ("birth date")
 * and holds at most 13 runs of white space before it (a weekday, "the", a day, "of", a month,
 * "of", a year, "is my", "date of"): going back 20 runs is enough, with the characters its
 * look-behind reads, and what follows the cue up to 16 characters after `at` is all its
 * look-ahead reads.
 */
function dateThenCueStart(text: string, at: number): number {
  let from = at;
  // (A run is counted at its first character, read backwards; `\s` is what the pattern's white space is.)
  for (let runs = 0; from > 0 && runs < 20; from--) if (/\s/.test(text.charAt(from - 1)) && !/\s/.test(text.charAt(from - 2))) runs++;
  return from;
}
/** Every place a cue's "d…o…b" or "birth" starts (empty matches, so that none is stepped over). */
const DATE_CUE_AT = /(?=d\.?o\.?b|birth)/gi;

/** Supersets of the cues: each pattern runs only on texts that hold one (most hold no date of birth; "b." only after no letter, as the cue, not "web." or "db."). */
const CUE_HINT =
  /d\.?o\.?b|birth|born|b-?day|(?<![a-z])b\.|nac|geb|naiss|n[ée]e?\s+le|nasc|nat[oa]\s|cumplea|verjaardag|compleanno|anivers|annivers|födelse|fødsel|syntym|urodzenia|narozen|narodenia|ro[đd]enja|születési|doğum|na[șs]terii/i;
const DATE_CUE_HINT = /d\.?o\.?b|birth/i;

function* findDatesOfBirth(text: string): Generator<PiiSpan> {
  if (!CUE_HINT.test(text)) return;
  for (const re of DATE_CUE_HINT.test(text) ? [CUE_THEN_DATE, DATE_THEN_CUE] : [CUE_THEN_DATE]) {
    for (const m of re === DATE_THEN_CUE ? execAllNear(re, text, DATE_CUE_AT, (at) => dateThenCueStart(text, at), (at) => at + 16) : execAll(re, text)) {
      const span = m.indices?.[1];
      if (span !== undefined) yield { start: span[0], end: span[1] };
    }
  }
}

export const dateOfBirthScrubber: Scrubber = { type: 'DATE_OF_BIRTH', priority: 35, find: findDatesOfBirth };
