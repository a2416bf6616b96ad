import { execAll } from './text.ts';

// Small pieces the street scrubber's files share: a capitalised word, the word or unit right before
// a number, the line around a position, and matching a pattern only in windows around anchors.

/** A capitalised word of a name. */
export const CAP_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.-]*";

/** The word right before a number, one space or tab between. */
export const WORD_BEFORE_NUMBER = /(?<![\p{L}\p{M}])([\p{L}\p{M}]+)[ \t]$/u;

/** A unit's word right before a number ("apt. 736", "Suite 914", "#"). */
export const UNIT_BEFORE_NUMBER = /(?:apt|apartment|suite|ste|unit|flat|fl|floor|room|no|lgh|bldg|building|zimmer|#)\.?[ \t]?$/i;

/** How far before and after such an anchor a match of those shapes can reach. */
const ANCHOR_BEFORE = 160;
const ANCHOR_AFTER = 48;

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/**
 * Matches of `re` (a pattern that ends with the anchor and its number, and starts after a
 * non-letter) found only in windows around the anchors: the same matches as `text.matchAll(re)`
 * for streets of ordinary length, without trying the pattern at every position of the text.
 */
export function* matchNearAnchors(text: string, re: RegExp, anchors: readonly number[][]): Generator<[number, RegExpMatchArray]> {
  let lastEnd = 0;
  let w = 0;
  while (w < anchors.length) {
    const [a0 = 0] = anchors[w] ?? [];
    let from = Math.max(lastEnd, a0 - ANCHOR_BEFORE);
    // Start after a space, so that the pattern's look-behind sees what it would in the text.
    while (from > lastEnd && from < a0 && !isSpace(text.charCodeAt(from - 1))) from++;
    let to = (anchors[w]?.[1] ?? a0) + ANCHOR_AFTER;
    w++;
    while (w < anchors.length && (anchors[w]?.[0] ?? 0) - ANCHOR_BEFORE <= to) to = (anchors[w++]?.[1] ?? 0) + ANCHOR_AFTER;
    while (to < text.length && !isSpace(text.charCodeAt(to))) to++;
    to = Math.min(to, text.length);
    const window = text.slice(from, to);
    for (const m of execAll(re, window)) yield [from + m.index, m];
    lastEnd = to;
  }
}

/** The last index of `code` in text[from, to), or from - 1: a bounded search back, with no slice. */
export function lastCodeIn(text: string, code: number, from: number, to: number): number {
  let i = to - 1;
  while (i >= from && text.charCodeAt(i) !== code) i--;
  return i;
}

/** The line holding `at`, at most 200 characters each side. */
export function lineAround(text: string, at: number): string {
  // (Searched for within the 200 characters only: a long line is not scanned back to its start.)
  const s = lastCodeIn(text, 10, Math.max(0, at - 200), at) + 1;
  let e = text.indexOf('\n', at);
  if (e === -1 || e > at + 200) e = Math.min(text.length, at + 200);
  return text.slice(s, e);
}
