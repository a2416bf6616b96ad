import { isSuffixWord } from './street-patterns.ts';

// Numbers before words that look like a street line and count or date something instead, as real
// mail has them: "10 million square feet", "a 12 second run", "4 usb ports", "Copyright 2002 The
// New York Times", "Moylan, 49, is one of …", "See You at Gnomedex 2002!".

/** Words of measure and magnitude: after a number, what it counts ("10 million square feet", "600 sq ft", "a 10 GB hard disk drive"). */
const MEASURE_WORDS = new Set(
  ('million millions billion billions thousand thousands hundred hundreds dozen mile miles second seconds minute minutes ' +
    'hour hours day days week weeks month months year years sq gb mb tb kb ghz mhz km kms ft feet foot inch inches percent pct mph kph').split(' '),
);

/**
 * Whether a number-first line (`value`, starting with its house number `number`) counts things: its
 * first word after the number is a measure written in lower case, or its last word a street word in the
 * plural written in lower case with every word before it ("4 usb ports", "2 brick walls", "10 checkout
 * lanes"); or it is a year before "The".
 */
export function countsThings(value: string, number: string): boolean {
  const rest = value.slice(number.length);
  // (A year before "The" is a date's or a copyright's: "Copyright 2002 The New York Times Company", "(c) 1995-2002 The Motley Fool".)
  if (/^(?:19|20)\d\d(?:[-–](?:19|20)\d\d)?$/.test(number) && /^\s+The\s/.test(rest)) return true;
  const words = rest.trim().split(/\s+/);
  // (Not Bengaluru's roads named by their width: "80 Feet Road", "100 ft rd". A unit in capitals too: "a 120 GB hard drive".)
  const first = words[0] ?? '';
  if ((MEASURE_WORDS.has(first) || (/^[A-Z][A-Za-z]{1,2}$/.test(first) && MEASURE_WORDS.has(first.toLowerCase()))) && !(/^(?:feet|ft)$/.test(first) && words.length === 2)) return true;
  const last = (words[words.length - 1] ?? '').replace(/[.,]+$/, '');
  if (!/^\p{Ll}+s$/u.test(last) || !isSuffixWord(last.slice(0, -1))) return false;
  // A street's own word in lower case after a capitalised name is a sentence's plural ("3 Ethernet ports", "1000 US radio stations").
  // (Not a chat word read as a suffix in the plural: "4 High Close pls".)
  const countedAfterName = last.length >= 5 && words.slice(0, -1).some((w) => /^\p{Lu}/u.test(w));
  return (words.every((w) => !/\p{Lu}/u.test(w)) || countedAfterName) && (!isSuffixWord(last) || COUNTED_PLURALS.has(last));
}

/** Street words in the plural that a sentence counts more often than a street is named by ("4 ethernet ports", "2 hard drives"). */
const COUNTED_PLURALS = new Set(['ports', 'drives', 'locks', 'lights', 'fields']);

/** Words that, written in lower case among a number-first line's name, make it a sentence's words. */
const SENTENCE_WORDS_IN_NAME = new Set(['as', 'when', 'if', 'than', 'then', 'so', 'last', 'next', 'per', 'because', 'while', 'since', 'using']);

/** Whether a number-first line's name (its words as written) holds one of {@link SENTENCE_WORDS_IN_NAME} in lower case: "the Forbes 400 as well", "4 test sets when run", "Office 365 last spring". */
export function holdsSentenceWord(written: readonly string[]): boolean {
  return written.some((w) => SENTENCE_WORDS_IN_NAME.has(w));
}

/** Words before a surname that make it a person's: "Mr. Zeidan, 42". */
const HONORIFIC_BEFORE = /(?:^|[^\p{L}])(?:mr|mrs|ms|dr|prof|sir|dame)\.?[ \t]+$/iu;

/**
 * Whether the number after a name guess (`after`, the text from the guess's end) is a year ("See you
 * at Gnomedex 2002!", "Summerfield 1950s") or a person's age as the news write it ("Moylan, 49, is one of …",
 * "Mr. Zeidan, 42"): no street line. `before` is the text before the guess.
 */
export function isYearOrAge(before: string, after: string): boolean {
  // (A year followed by what ends a title, or a clause in lower case or a quote (a reference's: Grody, 1990, "Journal of Climate"); "Los Álamos 1994 hasta Aeroparque" is a house in Buenos Aires.)
  if (/^,?[ \t]+(?:19|20)\d\d(?:s|['’]s(?![\p{L}\d])|[:!?]|,[ \t]+[\p{Ll}"“(])/u.test(after)) return true;
  const age = /^,[ \t]*(\d{1,3})(?![\d\p{L}])/u.exec(after);
  if (age === null || Number(age[1]) > 120) return false;
  return /^,[ \t]+\p{Ll}/u.test(after.slice(age[0].length)) || HONORIFIC_BEFORE.test(before);
}

/** Days of the week in the languages of the street-address locales, lower case: before a number, a date ("Mittwoch, 03. Juli", "El Viernes, 30 agosto"). */
const WEEKDAYS = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ' +
    'montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'lunes martes miércoles miercoles jueves viernes sábado sabado domingo segunda terça terca quarta quinta sexta ' +
    'lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica ' +
    'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag måndag tisdag onsdag torsdag fredag lördag söndag mandag tirsdag lørdag søndag ' +
    'poniedziałek wtorek środa czwartek piątek sobota niedziela').split(' '),
);

/**
 * Whether a name guess (`guess`, with the text `before` it and `after` it) and the number after it are
 * a date or an entry of a tally: a day of the week last ("Mittwoch, 03. Juli 2002", "El Viernes, 30 agosto"), or a word and a number
 * between other words and numbers ("Guatemala 1 Hong Kong 7 Hungary 1").
 */
export function isDateOrTally(guess: string, before: string, after: string): boolean {
  if (WEEKDAYS.has((/\p{L}+$/u.exec(guess)?.[0] ?? '').toLowerCase())) return true;
  return /(?:^|[ \t])\d{1,4}[ \t]+$/.test(before) && /^[ \t]+\d{1,4}[ \t]+\p{Lu}\p{L}*(?:[ \t]+\p{Lu}\p{L}*)*[ \t]+\d{1,4}(?![\p{L}\d])/u.test(after);
}
