import { memoized } from './call-memo.ts';
import { execInWindows } from './text.ts';

// ---------------------------------------------------------------------------------------------
// Patterns tried only around the words they cannot match without, found with indexOf.
//
// V8 stops compiling regular expressions to machine code once a process has generated about 1 MB
// of their code (and interprets them after that); a pattern tried at every position of a long text
// then costs several times as much (bench/pii.ts measures after its quality evaluation, as a
// long-lived page or app would run). Finding a pattern's words with indexOf costs the same either
// way, and the pattern then runs in windows around them only.
// ---------------------------------------------------------------------------------------------

/** The text in lower case, once per scrub (asked for by several rules of one scrub). */
let lastText = '';
let lastLower = '';
export function lowerOf(text: string): string {
  // (One text is asked for many times in a row, inside a scrub and out of it.)
  if (text !== lastText) {
    lastLower = memoized('lower-case', text, (t) => t.toLowerCase());
    lastText = text;
  }
  return lastLower;
}

const LETTER_OR_DIGIT = /[\p{L}\d]/u;

/** Whether the character at `i` of `lower` is a letter or a digit (ASCII answered without a pattern). */
function letterOrDigitAt(lower: string, i: number): boolean {
  const c = lower.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return LETTER_OR_DIGIT.test(lower[i] ?? '');
}

/** Where any of `stems` (lower case) stands in `text`, in order; with `wordStart`, only where a word starts. */
export function stemPositions(text: string, stems: readonly string[], wordStart = false): number[] {
  const lower = lowerOf(text);
  // (toLowerCase keeps the length for every text these patterns read but "İ" (two code units in lower case):
  // positions are then only approximate, which the windows' margins absorb.)
  // (Where asked, only at a word's start: "one" in "phone", "his" in "this" start no phrase; a stem of
  // another script, or of marks, anywhere.)
  const at: number[] = [];
  for (const stem of stems) {
    // (A Latin letter, a-z or U+00E0–U+024F, starts the stem.)
    const first = stem.charCodeAt(0);
    const atWordStart = wordStart && ((first >= 97 && first <= 122) || (first >= 0xe0 && first <= 0x24f));
    for (let i = lower.indexOf(stem); i !== -1; i = lower.indexOf(stem, i + stem.length)) {
      if (!atWordStart || i === 0 || !letterOrDigitAt(lower, i - 1)) at.push(i);
    }
  }
  return at.length > 1 ? at.sort((a, b) => a - b) : at;
}

/**
 * The matches of `re` (global) in windows of `text` from at most `before` characters before each
 * position (from its line's start or a white space) to `after` characters after it, within its line
 * (windows that meet are joined), with `index` and `indices` counted from the start of `text`. The
 * margins must hold every match the pattern would find around the position and what its
 * look-arounds read; no match may cross a line's end, unless `inLine` is false (then the windows are
 * the margins only).
 */
export function execAround(re: RegExp, text: string, positions: readonly number[], before: number, after: number, inLine = true): RegExpExecArray[] {
  const windows: Array<[number, number]> = [];
  // The line around the current position, found once per line (the positions come in order): looked up
  // for each position, a long line with many of them would be read again and again.
  let lineStart = 0;
  let lineEnd = -1;
  for (const p of positions) {
    if (!inLine) {
      lineEnd = text.length;
    } else if (p > lineEnd || p < lineStart) {
      lineStart = text.lastIndexOf('\n', p - 1) + 1;
      const end = text.indexOf('\n', p);
      lineEnd = end === -1 ? text.length : end;
    }
    // A window starts at its line's start or at a white space, never inside a word.
    let from = Math.max(lineStart, p - before);
    if (from > lineStart) {
      // (Back to the white space before the word it falls in: a cue inside a longer word, "barcode", is then seen whole.)
      while (from > lineStart && !/\s/.test(text[from - 1] ?? '')) from--;
      if (from > lineStart) from--;
    }
    // (Nor past its line's end: none of these patterns crosses one.)
    const to = Math.min(lineEnd, p + after);
    const last = windows[windows.length - 1];
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return execInWindows(re, text, windows);
}
