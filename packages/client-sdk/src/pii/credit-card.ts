import { luhnValid } from './checksums.ts';
import type { PiiSpan, Scrubber } from './types.ts';
import { execAll } from './text.ts';

// A run of 13–19 digits, either unbroken or in groups split by one space, dash or dot, or a
// dash with a space on either side; separators may be mixed ("4111 1111-1111.1111"). Not glued
// to letters, dots, slashes or more digits, so order ids like `ORD-4111111111111111` and
// decimals stay whole.
const CONTIGUOUS = /(?<![\w.,+\/-])\d{13,19}(?![\w]|[.,\/-]\d)/g;
const GROUPED = /(?<![\w.,+\/-])\d{4,6}(?: ?- ?|[ .])\d{2,6}(?:(?: ?- ?|[ .])\d{1,6}){1,4}(?![\w]|[.,\/-]\d)/g;
const SEPARATORS = /[ .-]/g;

/**
 * Issuer prefixes and lengths (ISO/IEC 7812 IINs as published by the networks): Visa,
 * Mastercard (51–55 and 2221–2720), American Express, Discover, Diners Club, JCB, UnionPay,
 * Maestro. A Luhn-valid number outside these is more likely an id than a card.
 */
function issuerAccepts(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  const p6 = Number(d.slice(0, 6));
  if (d[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if (p2 >= 51 && p2 <= 55) return n === 16; // Mastercard
  if (p4 >= 2221 && p4 <= 2720) return n === 16; // Mastercard 2-series
  if (p2 === 34 || p2 === 37) return n === 15; // Amex
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) {
    return n >= 16 && n <= 19; // Discover
  }
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39 || p3 === 309) {
    return n >= 14 && n <= 19; // Diners Club
  }
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if (p2 === 62) return n >= 16 && n <= 19; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 12 && n <= 19; // Maestro
  return false;
}

function isCard(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && issuerAccepts(digits) && luhnValid(digits);
}

function* findCards(text: string): Generator<PiiSpan> {
  for (const m of execAll(CONTIGUOUS, text)) {
    if (isCard(m[0])) yield { start: m.index, end: m.index + m[0].length };
  }
  for (const m of execAll(GROUPED, text)) {
    // The whole run must be the card: a shorter prefix of a 19-digit layout passes Luhn
    // one time in ten.
    if (isCard(m[0].replace(SEPARATORS, ''))) yield { start: m.index, end: m.index + m[0].length };
  }
}

export const creditCardScrubber: Scrubber = { type: 'CREDIT_CARD', priority: 12, find: findCards };
