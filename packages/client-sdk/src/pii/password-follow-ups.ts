import { isAnyShapeValue, valueAt } from './password-any-shape.ts';
import { hasPasswordHint, passwordCues } from './password-cues.ts';
import { isStrongPasswordValue } from './password-shapes.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A password given in a follow-up, with no cue beside it, right after a line that names one:
// "> password doesn't work\nmy bad, try 504180", "the pw changed last night\nnew one: 12/11/1982",
// "Correct one → Tu3+x". The line before names the password; the follow-up says "one" or "try" it,
// and the value is of any shape the cue's own rules take (a digit, a mark or a letter of another
// script in it; not a plain word, a path, a web address or a version).
// ---------------------------------------------------------------------------------------------

/** "new one:", "the right one is", "correct one →": "one" standing for the password named before. */
const ONE_LINK = /(?<![\p{L}])(?:new|right|correct|actual|valid|updated|current|final|proper|real)[ \t]+one[ \t]*(?:[:=→]|->|is)[ \t]*/giu;
/** "try X" ending its clause: the value to type. */
const TRY_LINK = /(?<![\p{L}])try[ \t]+/giu;
/** How far back, in lines, the cue may stand. */
const CUE_LINES = 2;
/** How far back, in characters, the cue may stand. */
const CUE_REACH = 160;
/** What may follow a tried value: the clause's end or "instead". */
const TRY_END = /^(?:[ \t]*(?:[.,;!]|\r?\n|$)|[ \t]+instead(?![\p{L}]))/u;

/** Whether a password's cue stands before `at`, within {@link CUE_LINES} lines and {@link CUE_REACH} characters. */
function cueBefore(text: string, at: number, cues: ReadonlyArray<{ index: number }>): boolean {
  return cues.some((c) => c.index < at && at - c.index <= CUE_REACH && (text.slice(c.index, at).match(/\n/g) ?? []).length <= CUE_LINES);
}

/** A value a follow-up gives: any shape the cue's rules take, but no path, no web address and no count. */
function isFollowUpValue(value: string): boolean {
  if (/^(?:~|\.{0,2})\/|^[A-Za-z]:\\|:\/\/|^www\./i.test(value)) return false;
  return isStrongPasswordValue(value) || isAnyShapeValue(value, false);
}

export function* findFollowUpPasswords(text: string): Generator<PiiSpan> {
  if (!hasPasswordHint(text) || !/one|try/i.test(text)) return;
  const cues = passwordCues(text);
  if (cues.length === 0) return;
  for (const [re, tried] of [[ONE_LINK, false], [TRY_LINK, true]] as const) {
    for (const m of text.matchAll(re)) {
      const at = m.index + m[0].length;
      if (!cueBefore(text, m.index, cues)) continue;
      const v = valueAt(text, at);
      if (v === undefined || v.quoted || v.label) continue;
      const value = text.slice(v.start, v.end);
      if (tried && !TRY_END.test(text.slice(v.end))) continue;
      if (isFollowUpValue(value)) yield { start: v.start, end: v.end };
    }
  }
}
