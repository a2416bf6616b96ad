import { codeAt, isDigitCode, isWordCode, execAll } from './text.ts';
import type { PiiSpan, Scrubber } from './types.ts';

/** E.164 caps a number at 15 digits; below 8 digits a run is more likely a count or an id. */
const MIN_INTERNATIONAL_DIGITS = 8;
const MAX_DIGITS = 15;
/** National numbers written with a trunk `0` (UK, DE, FR, AU, …): 9–12 digits with it. */
const MIN_TRUNK_DIGITS = 9;
const MAX_TRUNK_DIGITS = 12;
/** Any 7+ digit run counts as a phone right after a word like "mobile:" or "call me at". */
const MIN_KEYED_DIGITS = 7;
const KEYWORD_WINDOW = 40;

const PHONE_KEYWORD =
  /(?:\b(?:phone|tel|telephone|mobile|cell(?:phone)?|fax|whatsapp|sms|landline|hotline)\b|\b(?:call|text|ring|reach|contact) (?:me|us|him|her|them)(?: back)?(?: at| on)?|\bcall (?:at|on))[\s:#.]*(?:(?:no\.?|number|nr\.?|is|at|on|:)[\s:#.]*){0,2}$/i;
const EXTENSION = /^ ?(?:x|ext\.?|extension) ?\d{1,5}(?![\w])/i;
// Digits inside a word or number are skipped by the pattern itself.
const START = /(?<![0-9A-Za-z_])[+(\d]/g;

interface Group {
  digits: string;
  end: number;
  paren: boolean;
  /** The separator before this group ('' for the first or after a parenthesis). */
  sep: string;
}

function isSeparator(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 0xa0; // space, '-', '.', no-break space
}

const isHexCode = (c: number): boolean => isDigitCode(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** Whether the colon at `colon` closes an IPv6 group: one to four hex digits right after another colon. */
function afterHexGroup(text: string, colon: number): boolean {
  let i = colon - 1;
  while (i >= 0 && colon - i <= 4 && isHexCode(codeAt(text, i))) i--;
  return i < colon - 1 && codeAt(text, i) === 58;
}

/** Characters that, right before a digit run, make it part of something else. */
function gluedBefore(text: string, start: number): boolean {
  const c = codeAt(text, start - 1);
  if (c === -1) return false;
  if (isWordCode(c)) return true;
  // '+', '/', '.', '$', '€', '£', '#', ',', '-', '@', '%'
  if ('+/.$€£#,-@%'.includes(String.fromCharCode(c))) {
    return true;
  }
  // "2026-11-24 555-…": a separator right after a digit continues an earlier number;
  // "09:31 …" or "+01:00 …": so does a colon.
  // "::01", "0::01": a double colon is an IPv6 address's; so is a colon after a group of one to
  // four hex digits that itself follows a colon ("::0:a:01"), not one after a word ("phone:0171").
  if (c === 58 && (codeAt(text, start - 2) === 58 || afterHexGroup(text, start - 1))) return true;
  return (isSeparator(c) || c === 58) && isDigitCode(codeAt(text, start - 2));
}

/** Reads digit groups joined by single separators (or parentheses) from `start`. */
function readGroups(text: string, start: number): { plus: boolean; groups: Group[] } {
  let i = start;
  const plus = text[i] === '+';
  if (plus) i++;
  const groups: Group[] = [];
  let sep = '';
  while (i < text.length && groups.length < 8) {
    let paren = false;
    let j = i;
    if (text[j] === '(') {
      paren = true;
      j++;
    }
    const digitStart = j;
    while (j < text.length && isDigitCode(text.charCodeAt(j)) && j - digitStart <= MAX_DIGITS) j++;
    if (j === digitStart) break;
    const digits = text.slice(digitStart, j);
    if (paren) {
      if (text[j] !== ')' || digits.length > 5) break;
      j++;
    }
    groups.push({ digits, end: j, paren, sep });
    i = j;
    // One separator (or none after a closing parenthesis) before the next group.
    let k = i;
    sep = '';
    if (isSeparator(text.charCodeAt(k))) {
      sep = text[k] ?? '';
      k++;
    } else if (!paren && text[k] !== '(') {
      break;
    }
    if (k < text.length && (isDigitCode(text.charCodeAt(k)) || text[k] === '(')) i = k;
    else break;
  }
  return { plus, groups };
}

function isNanp(groups: readonly Group[]): boolean {
  const g = groups[0]?.digits === '1' && groups.length === 4 ? groups.slice(1) : groups;
  if (g.length !== 3) return false;
  const [area, exchange, line] = g as [Group, Group, Group];
  return (
    area.digits.length === 3 &&
    exchange.digits.length === 3 &&
    line.digits.length === 4 &&
    !exchange.paren &&
    !line.paren &&
    area.digits[0] !== '0' &&
    area.digits[0] !== '1'
  );
}

function classify(plus: boolean, groups: readonly Group[], keyed: boolean): boolean {
  if (groups.length === 0) return false;
  // Dots separate a phone number's groups only when they separate all of them
  // ("06.12.34.56.78"); "05.11.2026 13" is a date and an hour.
  const seps = new Set(groups.slice(1).map((g) => g.sep).filter((s) => s !== ''));
  if (seps.has('.') && seps.size > 1) return false;
  const all = groups.map((g) => g.digits).join('');
  const first = groups[0]?.digits ?? '';
  if (plus) {
    // "+44 (0)20 …": the bracketed trunk zero is not dialled from abroad.
    const dialled = groups.filter((g) => !(g.paren && g.digits === '0')).map((g) => g.digits).join('');
    return dialled[0] !== '0' && dialled.length >= MIN_INTERNATIONAL_DIGITS && dialled.length <= MAX_DIGITS;
  }
  if (all.length > MAX_DIGITS) return false;
  // "0049 30 …": the international prefix 00 and a one- to three-digit country code.
  if (first.startsWith('00') && first.length >= 3 && first.length <= 5 && first[2] !== '0' && groups.length >= 2) {
    const n = all.length - 2;
    return n >= MIN_INTERNATIONAL_DIGITS && n <= MAX_DIGITS;
  }
  if (isNanp(groups)) return true;
  if (
    first[0] === '0' &&
    first[1] !== '0' &&
    first.length >= 2 &&
    first.length <= 5 &&
    groups.length >= 2 &&
    groups.every((g) => g.digits.length >= 2) &&
    all.length >= MIN_TRUNK_DIGITS &&
    all.length <= MAX_TRUNK_DIGITS
  ) {
    return true;
  }
  return keyed && all.length >= MIN_KEYED_DIGITS;
}

function* findPhones(text: string): Generator<PiiSpan> {
  let resumeAt = 0;
  for (const m of execAll(START, text)) {
    const start = m.index;
    if (start < resumeAt || gluedBefore(text, start)) continue;
    const { plus, groups } = readGroups(text, start);
    const last = groups[groups.length - 1];
    if (last === undefined) continue;
    resumeAt = last.end;
    // Not glued to what follows: a letter, or `.5`/`-3`/`/7` continuing a number.
    const after = codeAt(text, last.end);
    if (isWordCode(after) || after === 37 /* % */) continue;
    // "… 13:45" — the last group is an hour.
    if (after === 58 /* : */ && isDigitCode(codeAt(text, last.end + 1))) continue;
    if ((after === 46 || after === 45 || after === 47 || after === 44) && isDigitCode(codeAt(text, last.end + 1))) {
      continue;
    }
    const keyed = PHONE_KEYWORD.test(text.slice(Math.max(0, start - KEYWORD_WINDOW), start));
    if (!classify(plus, groups, keyed)) continue;
    const ext = EXTENSION.exec(text.slice(last.end, last.end + 16));
    yield { start, end: last.end + (ext?.[0].length ?? 0) };
  }
}

export const phoneScrubber: Scrubber = { type: 'PHONE', priority: 60, find: findPhones };
