import type { PiiSpan } from './types.ts';
import { execAll } from './text.ts';
import { UNITS } from './street-patterns.ts';

// Homes numbered without a street.
//
// Door numbers of Telangana and Andhra Pradesh, three numbers or more joined by hyphens after a
// house's, door's, flat's or plot's mark: "H.No. 1-2-345/A, Domalguda", "Flat 6-7-135, Nallakunta,
// Hyderabad", "D.No 12-5-149". Ward, block and house in one number name a home without a street,
// so the mark and the number are the street line, with the locality after them when a place
// follows it.

/** Cheaply: a digit, a hyphen, digits, a hyphen, a digit. */
const DOOR_NUMBER_HINT = /\d-\d{1,3}-\d/;
const DOOR_NUMBER = new RegExp(
  '(?<![\\p{L}\\d])(?:h\\.?[ \\t]?no|house[ \\t]?no|d\\.?[ \\t]?no|door[ \\t]?no|flat(?:[ \\t]?no)?|plot[ \\t]?no)\\.?[ \\t]?:?[ \\t]?' +
    '\\d{1,2}-\\d{1,3}-\\d{1,4}[a-z]?(?:-\\d{1,4}[a-z]?)?(?:\\/[\\da-z]{1,4})*(?![\\p{L}\\d-])' +
    // (The locality, one or two words, when a place follows it after a comma.)
    "(,[ \\t]*([\\p{L}][\\p{L}\\p{M}'’-]+(?:[ \\t][\\p{L}][\\p{L}\\p{M}'’-]+)?)(?=,[ \\t]*[\\p{L}]))?",
  'giu',
);

/** Door numbers with their mark, and the locality after them when it is written in capitals or Title Case. */
export function* findDoorNumbers(text: string): Generator<PiiSpan> {
  if (!DOOR_NUMBER_HINT.test(text)) return;
  for (const m of execAll(DOOR_NUMBER, text)) {
    const after = m[1] ?? '';
    // (A locality in lower case may be the sentence's words: "flat 6-7-135, then left, …".)
    const keepsLocality = (m[2] ?? '').split(/[ \t]/).every((w) => /^\p{Lu}/u.test(w));
    yield { start: m.index, end: m.index + m[0].length - (keepsLocality ? 0 : after.length) };
  }
}

// Peru's block and lot, where a settlement's homes have no street: "Mz. F Lt. 9, Urb. Los Jardines",
// "Mz B Lt 14 AAHH Los Olivos", "Mza. C Lote 5, Asoc. Santa Rosa", or on a street: "Jr. Los Geranios
// Rojos Mz. C Lt. 14". The settlement's name after its kind is part of the line (it is what a street
// is elsewhere); the district after a comma is not.

const BLOCK_AND_LOT_HINT = /(?<![\p{L}])(?:mz|mza|manzana)\.?[ \t]/iu;
const SETTLEMENT_KINDS = "urb\\.?|urbanizaci[oó]n|aa\\.?hh\\.?|a\\.h\\.|asent(?:amiento)?\\.?[ \\t]h(?:umano|\\.)|asoc\\.?|asociaci[oó]n|p\\.j\\.|pueblo[ \\t]joven|coop\\.?|cooperativa|conj\\.?[ \\t]hab\\.?|conjunto[ \\t]habitacional|res\\.?|residencial|sector";
/** Peru's street words, before the street whose block and lot follow ("Jr. Los Geranios Rojos Mz. C Lt. 14", "calle monte claro mz. 7 lt. 27"). */
const PERUVIAN_TYPES = 'av|avda|avenida|jr|jir[oó]n|calle|ca|cl|psje|pje|pasaje|prol|prolongaci[oó]n|carretera|ctra';
const BLOCK_AND_LOT = new RegExp(
  `(?<![\\p{L}])(?:(?:${PERUVIAN_TYPES})\\.?[ \\t]+(?:[\\p{L}][\\p{L}\\p{M}'’.-]*[ \\t]+){1,4})?` +
    '(?:mz|mza|manzana)\\.?[ \\t]?(?:[a-z]\\d?|\\d{1,3})(?![\\p{L}\\d])[ \\t]*,?[ \\t]*(?:lt|lte|lote)\\.?[ \\t]?\\d{1,3}[a-z]?(?![\\p{L}\\d])' +
    `${UNITS}(?:,?[ \\t]+(?:${SETTLEMENT_KINDS})[ \\t]+(?:\\p{L}[\\p{L}\\p{M}'’.-]*[ \\t]+){0,4}\\p{L}[\\p{L}\\p{M}'’.-]*)?`,
  'giu',
);

/** Blocks and lots, with the settlement after them when its kind is named. */
export function* findBlocksAndLots(text: string): Generator<PiiSpan> {
  if (!BLOCK_AND_LOT_HINT.test(text)) return;
  for (const m of execAll(BLOCK_AND_LOT, text)) yield { start: m.index, end: m.index + m[0].length };
}
