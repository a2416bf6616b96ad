import type { PiiSpan } from './types.ts';

/** ASCII letter, digit or underscore: the characters that glue an identifier together. */
export function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** A letter of the Latin script (with Vietnamese's), or a combining mark. */
export function isLatinLetter(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Character code at `i`, or -1 outside the string (so callers can test boundaries uniformly). */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** Counts ASCII digits in `s`. */
export function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isDigitCode(s.charCodeAt(i))) n++;
  return n;
}

/** A letter at the end of a string of one or two code units (a code point outside the BMP is two). */
const LETTER_AT_END = /\p{L}$/u;

/** Whether the character before `end` in `text` is a letter, of any script. */
export function letterBefore(text: string, end: number): boolean {
  if (end <= 0) return false;
  const c = text.charCodeAt(end - 1);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_AT_END.test(text.slice(Math.max(0, end - 2), end));
}

/** Patterns marked by {@link afterNonLetter}. */
const AFTER_NON_LETTER = new WeakSet<RegExp>();

/**
 * Marks `re`, a pattern that must not start right after a letter and is written with only the
 * ASCII part of that look-behind (`(?<![a-zA-Z\d])` for `(?<![\p{L}\d])`): {@link execAll} drops
 * its matches right after a letter outside ASCII and searches on from the next position, as the
 * pattern with the whole look-behind would. The same matches, at a third of the time on a long
 * text: V8 tries the look-behind at every position before a long alternation of words, and a
 * Unicode letter class costs there far more than the ASCII one.
 */
export function afterNonLetter(re: RegExp): RegExp {
  AFTER_NON_LETTER.add(re);
  return re;
}

/**
 * Every match of `re` (which must have the `g` flag) in `text`, as `text.matchAll(re)` gives
 * them, without the copy of the pattern `matchAll` makes on every call (a fifth of the time of a
 * scrub of a short text went there). `re.lastIndex` is 0 before and after. For a pattern marked by
 * {@link afterNonLetter}, not the matches right after a letter.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`execAll needs a global pattern, got ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // (Only after a character outside ASCII is the mark looked up: most matches have none before them.)
    if (m.index > 0 && text.charCodeAt(m.index - 1) > 0x7f && droppedAfterLetter(re, text, m.index)) continue;
    out.push(m);
    // An empty match advances by one code point, as matchAll does.
    if (m[0].length === 0) re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  re.lastIndex = 0;
  return out;
}

/** For a pattern marked by {@link afterNonLetter}, whether its match at `at` follows a letter: then the search goes on from the next position. */
function droppedAfterLetter(re: RegExp, text: string, at: number): boolean {
  if (!AFTER_NON_LETTER.has(re) || !letterBefore(text, at)) return false;
  re.lastIndex = at + ((text.codePointAt(at) ?? 0) > 0xffff && re.unicode ? 2 : 1);
  return true;
}

/**
 * The matches of `re` (which must have the `g` flag) in windows of `text`, from `from(at)` to
 * `to(at)` around each match of `anchor` at `at` (both growing with `at`; windows that meet are
 * joined), with `index` and `indices` counted from the start of `text`. The caller chooses
 * windows that hold every match `execAll(re, text)` would find and the characters it looks at
 * either side, so that the matches are the same, found without trying the pattern at every
 * position of a long text.
 */
export function execAllNear(re: RegExp, text: string, anchor: RegExp, from: (at: number) => number, to: (at: number) => number): RegExpExecArray[] {
  const windows: number[][] = [];
  for (const { index } of execAll(anchor, text)) {
    const last = windows[windows.length - 1];
    if (last !== undefined && from(index) <= (last[1] ?? 0)) last[1] = to(index);
    else windows.push([from(index), to(index)]);
  }
  return execInWindows(re, text, windows);
}

/** The matches of `re` (global) in each window [start, end) of `text`, with `index` and `indices` counted from the start of `text`. */
export function execInWindows(re: RegExp, text: string, windows: ReadonlyArray<readonly number[]>): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const [start = 0, end] of windows) {
    for (const m of execAll(re, text.slice(start, end))) {
      m.index += start;
      for (const span of m.indices ?? []) if (span !== undefined) (span[0] += start), (span[1] += start);
      out.push(m);
    }
  }
  return out;
}

/** Spans of every match of `re` (which must have the `g` flag), or of its group `group`. */
export function* regexSpans(re: RegExp, text: string, group = 0): Generator<PiiSpan> {
  for (const m of execAll(re, text)) {
    if (group === 0) {
      if (m[0].length > 0) yield { start: m.index, end: m.index + m[0].length };
      continue;
    }
    const span = m.indices?.[group];
    if (span !== undefined && span[1] > span[0]) yield { start: span[0], end: span[1] };
  }
}

/**
 * A value worked out once per line of a text (its letter case, its languages), asked for by offset.
 * The line last asked about is kept with its ends, so that a long line is not searched again for them
 * at every word.
 */
export class PerLine<T> {
  private readonly known = new Map<number, T>();
  private from = 0;
  private to = -1;
  private last: T | undefined;

  constructor(
    private readonly text: string,
    private readonly compute: (line: string) => T,
  ) {}

  /** The value of the line that holds `offset` (or ends at it). */
  at(offset: number): T {
    if (offset >= this.from && offset <= this.to) return this.last as T;
    const text = this.text;
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let value = this.known.get(lineStart);
    if (value === undefined) {
      value = this.compute(text.slice(lineStart, lineEnd));
      this.known.set(lineStart, value);
    }
    this.from = lineStart;
    this.to = lineEnd;
    this.last = value;
    return value;
  }
}
