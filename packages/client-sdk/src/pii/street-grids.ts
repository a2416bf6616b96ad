import type { PiiSpan } from './types.ts';
import { execAll } from './text.ts';
import { UNITS } from './street-patterns.ts';

// Street lines of the grids of Utah and its neighbours, where an address is two coordinates from
// the city's centre, one on each axis: "400 E 500 S", "1350 S 700 W, Salt Lake City", "2150 North
// 1200 East, Provo", "35 W 100 N Street, Suite 4". The number on the other axis is the street.

/** Cheaply: a number, a compass point in capitals or Title Case, a number. */
const GRID_HINT = /\d[ \t]+(?:[NSEW]|North|South|East|West|NORTH|SOUTH|EAST|WEST)\.?[ \t]+\d/;
const NORTH_SOUTH = 'n|s|north|south';
const EAST_WEST = 'e|w|east|west';
const GRID_LINE = new RegExp(
  `(?=\\d)(?<![\\w.,/:@$%&*!?+=^~°'’-])(\\d{1,5})[ \\t]+(?:(${NORTH_SOUTH})\\.?[ \\t]+(\\d{1,5})[ \\t]+(${EAST_WEST})|(${EAST_WEST})\\.?[ \\t]+(\\d{1,5})[ \\t]+(${NORTH_SOUTH}))` +
    `(?![\\p{L}\\d°'’]|\\.\\d)(?:[ \\t]+(?:st|street|rd|road|ave|avenue|blvd)\\.?(?![\\p{L}]))?${UNITS}(?![\\p{L}\\d])`,
  'giu',
);
/** A compass point as an address writes it: one capital letter, or a word in Title Case or capitals. */
const POINT_AS_WRITTEN = /^(?:[NSEW]|North|South|East|West|NORTH|SOUTH|EAST|WEST)$/;

/** A grid's street: a coordinate of hundreds or thousands, a multiple of 50 ("500", "3300", "1250"). */
function isGridStreet(number: string): boolean {
  return number.length >= 3 && Number(number) % 50 === 0;
}

/**
 * Grid addresses. Both points as addresses write them (not "400 e 500 s" in a sentence's lower
 * case), and one of the numbers a grid's street: "10 N 20 E" is a force or a reading, "40 N 111 W"
 * a position.
 */
export function* findGridStreets(text: string): Generator<PiiSpan> {
  if (!GRID_HINT.test(text)) return;
  for (const m of execAll(GRID_LINE, text)) {
    const first = m[2] ?? m[5] ?? '';
    const second = m[4] ?? m[7] ?? '';
    if (!POINT_AS_WRITTEN.test(first) || !POINT_AS_WRITTEN.test(second) || !(isGridStreet(m[1] ?? '') || isGridStreet(m[3] ?? m[6] ?? ''))) continue;
    yield { start: m.index, end: m.index + m[0].length };
  }
}
