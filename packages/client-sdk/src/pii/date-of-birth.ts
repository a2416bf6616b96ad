import type { PiiSpan, Scrubber } from './types.ts';
import { execAll } from './text.ts';

// A date is a date of birth only next to a birth cue: "DOB", "date of birth", "born on",
// "birthday". Other dates (deadlines, releases, timestamps) are kept on purpose.

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR = '(?:19|20)\\d{2}';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
/** The date forms people write: ISO, numeric with / . -, and with the month's name either side. */
const DATE = [
  // ISO, perhaps with the time a form or an export adds ("1979-06-28T00:00:00").
  `${YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\\d|3[01])(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?`,
  `(?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|[12]\\d|3[01])[-/.](?:${YEAR}|\\d{2})`,
  `(?:the\\s+)?${DAY}(?:[ -]|\\s+of\\s+)${MONTH}[ ,-]{0,2}\\s?${YEAR}`,
  `${MONTH}\\s+${DAY},?\\s+${YEAR}`,
].join('|');
const CUE =
  "(?:d\\.?o\\.?b\\.?|date\\s+of\\s+birth|birth\\s*date|birthdate|born(?:\\s+on|\\s+in)?|birthday(?:\\s+is)?|b-?day(?:\\s+is)?|geburtsdatum|geb\\.|fecha\\s+de\\s+nacimiento|date\\s+de\\s+naissance|n[ée]e?\\s+le|" +
  // Other languages of the dev locales: Italian, Portuguese, Dutch, Swedish, Danish and Norwegian,
  // Finnish, Polish, Czech and Slovak, Croatian and Serbian, Hungarian, Turkish, Romanian.
  // "b. 12 May 1960": the genealogist's "born", only right before a full date.
  "b\\.(?=\\s*(?:\\d|the\\b|[a-z]{3}))|" +
  "data\\s+di\\s+nascita|data\\s+de\\s+nascimento|geboortedatum|födelsedatum|fødselsdato|syntymäaika|data\\s+urodzenia|datum\\s+narozen[íi]|d[áa]tum\\s+narodenia|datum\\s+ro[đd]enja|születési\\s+(?:dátum|idő)|doğum\\s+tarihi|data\\s+na[șs]terii)";
/**
 * Cue, then at most a few linking words and marks before the date: "is", "was", "on", ":", "—",
 * a line break, a format hint in brackets ("(DD/MM/YYYY)"), a second label ("DOB/age:").
 */
const LINK = `(?:[:=#\\-–—→>]|\\bis\\b|\\bwas\\b|\\bon\\b|\\(|\\s|\\([a-z/.\\- ]{2,16}\\)|/[a-z]{2,8}\\b)`;
const CUE_THEN_DATE = new RegExp(`(?<![\\p{L}])${CUE}(?![\\p{L}])\\s*${LINK}{0,6}\\s*(${DATE})(?!\\d|[\\w/.-]\\d)`, 'dgiu');
/** Date, then the cue in parentheses or after a dash: "1990-04-12 (DOB)". */
const DATE_THEN_CUE = new RegExp(`(?<![\\w/.-])(${DATE})(?!\\d)\\s*(?:\\(|-|,)?\\s*(?:d\\.?o\\.?b\\.?|date of birth|birthday)\\b`, 'dgi');

function* findDatesOfBirth(text: string): Generator<PiiSpan> {
  for (const re of [CUE_THEN_DATE, DATE_THEN_CUE]) {
    for (const m of execAll(re, text)) {
      const span = m.indices?.[1];
      if (span !== undefined) yield { start: span[0], end: span[1] };
    }
  }
}

export const dateOfBirthScrubber: Scrubber = { type: 'DATE_OF_BIRTH', priority: 35, find: findDatesOfBirth };
