import { ibanMod97Valid } from './checksums.ts';
import { codeAt, isWordCode, execAll } from './text.ts';
import type { PiiSpan, Scrubber } from './types.ts';

/** IBAN length per country, from the SWIFT IBAN Registry (ISO 13616), release 99 (2024). */
const IBAN_LENGTH: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18,
  SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24,
  XK: 20, YE: 30,
};

// The country code in either case: IBANs are printed upper-case but typed in lower case too
// ("de89 3704 0044 0532 0130 00"); the checksum is computed on the upper-cased form.
const IBAN_START = /(?<![A-Za-z0-9])(?:[A-Z]{2}|[a-z]{2})\d{2}(?=[ ]?[A-Za-z0-9])/g;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function* findIbans(text: string): Generator<PiiSpan> {
  for (const m of execAll(IBAN_START, text)) {
    const length = IBAN_LENGTH[m[0].slice(0, 2).toUpperCase()];
    if (length === undefined) continue;
    // Walk the characters, allowing one space between groups as printed on statements.
    let compact = '';
    let i = m.index;
    while (compact.length < length && i < text.length) {
      const c = text.charCodeAt(i);
      if (isAlnum(c)) {
        compact += text[i];
        i++;
      } else if (c === 32 && compact.length >= 4 && isAlnum(codeAt(text, i + 1))) {
        i++;
      } else {
        break;
      }
    }
    if (compact.length !== length || isWordCode(codeAt(text, i))) continue;
    // One case throughout: "DE89…" or "de89…", not a mixed-case token that happens to fit.
    if (compact !== compact.toUpperCase() && compact !== compact.toLowerCase()) continue;
    if (ibanMod97Valid(compact.toUpperCase())) yield { start: m.index, end: i };
  }
}

export const ibanScrubber: Scrubber = { type: 'IBAN', priority: 10, find: findIbans };
