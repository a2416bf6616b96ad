import { isAnyShapeValue } from './password-any-shape.ts';
import { isChosenPlainWord } from './password-plain-words.ts';
import { hasPasswordHint, passwordCues } from './password-cues.ts';
import { isStrongPasswordValue } from './password-shapes.ts';
import { isShortPasswordValue } from './password-short-values.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A value that opens its line, then points at the cue after it: "use X, that's the admin password",
// "X <- pw for Jenkins", "X — that's the wifi key", "X is the new VPN password". The pointer and the
// cue closing the clause say what the value is, so it may be of any shape a password takes: digits,
// a web address, a path, a date, a word of another script, or a plain word that is no common one.
// A cue that goes on to name another thing ("X is the password manager") points at nothing.
// ---------------------------------------------------------------------------------------------

/**
 * The head of the cue's line: the value (after "use" or "try"), a pointer, and words that qualify the cue: any
 * three after a determiner ("the new HR portal"), else the few that name a password's kind ("new", "admin").
 * (Not a verb after a dash: "#17513 — reset the password for app_rw.")
 */
const POINTED =
  /^[ \t]*(?:[>*•-][ \t]+)?(?:(?:use|try)[ \t]+)?(\S+?)(?:,?[ \t]+(?:<-+|←|=|-|–|—)[ \t]+(?:(?:that['’]s|that[ \t]+is|this[ \t]+is|it['’]s)[ \t]+)?|,[ \t]+(?:that['’]s|that[ \t]+is|this[ \t]+is|it['’]s)[ \t]+|[ \t]+(?:is|was)[ \t]+)(?:(?:the|my|our|your)[ \t]+(?:[\p{L}-]{2,12}[ \t]+){0,3}|(?:(?:new|old|current|temp|temporary|admin|root|master|shared|guest|default|wifi|wi-fi|vpn)[ \t]+){0,2})$/u;
/** What closes the clause after the cue: its end, or what the password is for ("… pw for Jenkins"). */
const CUE_CLOSES = /^(?:[ \t]+(?:for|to|on)[ \t]+[^\n.!?,;]{1,40})?[ \t]*(?:[.!,;)]|\r?\n|$)/u;
/** Shapes a pointer leaves no doubt about: a web address, a path, a date, a number of four digits or more. */
const POINTED_SHAPE = /:\/\/|^www\.|^[\w-]+\.[a-z]{2,4}\/|^(?:~|\.{0,2})\/|^[A-Za-z]:\\|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$|^\d{4,16}$/;

function isPointedValue(value: string): boolean {
  if (/^[\p{L}]+$/u.test(value)) return /[^\u0000-\u024f]/.test(value) ? value.length >= 2 : isChosenPlainWord(value);
  return isStrongPasswordValue(value) || isAnyShapeValue(value, true) || isShortPasswordValue(value) || POINTED_SHAPE.test(value);
}

export function* findPointedPasswords(text: string): Generator<PiiSpan> {
  if (!hasPasswordHint(text)) return;
  for (const c of passwordCues(text)) {
    const end = c.index + c.cue.length;
    if (!CUE_CLOSES.test(text.slice(end, end + 60))) continue;
    const lineStart = text.lastIndexOf('\n', c.index - 1) + 1;
    if (c.index - lineStart > 120) continue;
    const m = POINTED.exec(text.slice(lineStart, c.index));
    const raw = m?.[1];
    // (A value in quotes or brackets is read inside them by the rules of quoted values.)
    if (m === null || raw === undefined || /^["'`“‘«„(\[]/.test(raw)) continue;
    // (Nor a bracket it does not open: "monkey] is the new admin password".)
    const value = raw.replace(/[,.;:]+$/, '').replace(/(?<=^[^(\[{]*)[)\]}]$/, '');
    if (value.length < 2 || !isPointedValue(value)) continue;
    const start = lineStart + m[0].indexOf(raw, m[0].length - m[0].trimStart().length);
    yield { start, end: start + value.length };
  }
}
