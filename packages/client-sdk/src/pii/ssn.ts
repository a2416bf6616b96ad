import type { PiiSpan, Scrubber } from './types.ts';
import { execAll } from './text.ts';

// AAA-GG-SSSS with dashes, or with single spaces (the 3-2-4 grouping is the SSN's own: phone
// numbers and other ids are grouped otherwise), anywhere; dotted or unbroken only after an SSN
// keyword, since nine bare digits are as likely an order number.
const DASHED = /(?<![\w.\/-])(\d{3})-(\d{2})-(\d{4})(?![\w]|[.\/-]\d)/g;
// Not inside a longer run of space-separated digit groups ("+1 212 55 1234 5", "1 234 56 7890").
const SPACED = /(?<![\w.\/+-]|\d[ ])(\d{3}) (\d{2}) (\d{4})(?![\w]|[.\/-]\d|[ ]\d)/g;
const KEYED =
  /\b(?:ssn|ss#|social security(?: (?:number|no\.?|#))?|soc\. ?sec\.?)\s{0,3}(?:[:#=]|is|was)?\s{0,3}((\d{3})([ .]?)(\d{2})\3(\d{4}))(?![\w]|[.\/-]\d)/dgi;

/**
 * SSA rules for numbers ever issued (including after the 2011 randomisation): area 001–899
 * except 666, group 01–99, serial 0001–9999.
 */
function validSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

function* findSsns(text: string): Generator<PiiSpan> {
  for (const m of [...execAll(DASHED, text), ...execAll(SPACED, text)]) {
    const [, area = '', group = '', serial = ''] = m;
    if (validSsn(area, group, serial)) yield { start: m.index, end: m.index + m[0].length };
  }
  for (const m of execAll(KEYED, text)) {
    const [, , area = '', , group = '', serial = ''] = m;
    const span = m.indices?.[1];
    if (span !== undefined && validSsn(area, group, serial)) yield { start: span[0], end: span[1] };
  }
}

export const ssnScrubber: Scrubber = { type: 'SSN', priority: 30, find: findSsns };
