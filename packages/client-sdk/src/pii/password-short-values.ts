import { hasPasswordHint, passwordCues } from './password-cues.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A value of three to five characters right where a cue gives it: "Password: 026", "密码：bKm",
// "**Password:** xhT", "PASSWORD\n699", "Heslo je DNn díky". The other rules want six characters or
// a shape of a longer password; here the cue's link or its line of its own decides, and the value
// needs what no short word of prose has: a digit, a mark between characters, or letters in an
// irregular case ("xhT", "DNn"; not "TBD", "Yes", "none").
// ---------------------------------------------------------------------------------------------

/**
 * After the cue, on its line: what it is for ("für HR portal", "for router"), bold's stars, then a
 * colon, "=", or a copula of the cue's language; the value after it.
 */
const SAME_LINE =
  /^s?(?:[*_]{1,2})?(?:[ \t]+(?:for|für|pour|del?|do|da|от|voor|till)[ \t]+(?:(?![ \t](?:is|ist|est|es|är|je|è|é|er|to)[ \t])[^\n:：=]){1,30}?)?[ \t]*(?:[*_]{1,2})?(?:[:：=]|[ \t]+(?:is(?:[ \t]+now)?|ist|est|es|är|je|è|é|er|to)(?=[ \t])|[ \t]*は)[ \t]*(?:[*_]{1,2}[ \t]*)?([^\s"'`“”‘’«»„]{3,5})(?=$|\s|[,;.!)](?:\s|$))/u;
/** The cue's line ends soon after it ("PASSWORD", "the printer password:", "Nowe hasło poniżej"), the value alone on a line below. */
const NEXT_LINE = /^s?[^\n]{0,40}?[ \t]*[:：]?[ \t]*(?:=+|\*+)?[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*([^\s"'`“”‘’«»„]{3,5})[ \t]*(?=\r?\n|$)/u;
/** What a short value after a cue says of the password, not what it is: a count's unit after it. */
const UNIT_AFTER = /^[ \t]*(?:days?|weeks?|months?|years?|hours?|min(?:utes?|s)?|chars?|characters?|digits?|letters?|symbols?|attempts?|tries|times|[a-z]*bits?)(?![\p{L}])/iu;
/** Short words of mixed case that are names: an operating system, a degree, a protocol. */
const MIXED_CASE_NAMES: ReadonlySet<string> = new Set(['ios', 'macos', 'iot', 'phd', 'gmbh', 'ebay', 'ipad', 'oauth', 'saas', 'paas', 'iaas', 'nan', 'latex', 'ipv4', 'ipv6', 'mssql', 'mysql', 'wifi', 'https']);
/** Stand-ins a short value may be: "n/a", "TBD", a mask, a range of a policy's characters. */
const STAND_IN = /^(?:n\/a|tbd|tba|tbc|none|null|nil|todo|same|see|ask|yes|no|\*+|x+|\.+|-+|_+|\?+|•+|a-z|0-9|[<>≤≥]=?\d+|\d+[+%]|v\d+|\d+(?:st|nd|rd|th)|\d+[kmg]b?|2fa|mfa|otp|\d+x|\d+[-–~]\d+)$/i;

/** Whether `value`, three to five characters a cue gives, has what no short word of prose has. */
export function isShortPasswordValue(value: string): boolean {
  if (value.length < 3 || value.length > 5 || STAND_IN.test(value)) return false;
  // (Nor a word with an apostrophe: "don't", "it's".)
  if (/^\p{L}+['’]\p{L}+$/u.test(value)) return false;
  // (A bracket opened and not closed starts prose or a placeholder, "(see attachment)", "<your password>"; one around it all is a note, "(SSO)".)
  if ((/[(<\[{]/.test(value) && !/[)>\]}]/.test(value)) || /^[(<\[{].*[)>\]}]$/.test(value)) return false;
  if (/^\d+$/.test(value)) return true;
  // (Only the scripts of Latin letters: another script's short words are read by password-scripts.ts.)
  if (/[^\u0000-\u024f]/.test(value)) return false;
  const letters = value.replace(/[^\p{L}]/gu, '');
  // A mark between characters ("x$k", "T-r", "9=d"), not one closing a word ("ok!", "yes.").
  if (/[^\p{L}\p{N}]/u.test(value.slice(1, -1)) || /^[^\p{L}\p{N}]/u.test(value)) return /[\p{L}\p{N}]/u.test(value) && !/^\p{L}+[.!?,;:]$/u.test(value);
  if (/\d/.test(value)) return /\p{L}/u.test(value) || /[^\p{L}\p{N}]/u.test(value);
  // Letters only, in a case no word is written in ("xhT", "DNn", "bKm"; not "TBD", "Yes", "none").
  return letters === value && /[a-z][A-Z]|^[A-Z]{2,}[a-z]/.test(value) && !MIXED_CASE_NAMES.has(value.toLowerCase());
}

export function* findShortPasswords(text: string): Generator<PiiSpan> {
  if (!hasPasswordHint(text)) return;
  for (const c of passwordCues(text)) {
    const at = c.index + c.cue.length;
    const tail = text.slice(at, at + 90);
    const m = SAME_LINE.exec(tail) ?? NEXT_LINE.exec(tail);
    const raw = m?.[1];
    if (m === null || raw === undefined) continue;
    // (The sentence's punctuation after the value is not part of it: "Password: 026.")
    const value = raw.replace(/[.,;:?]+$/, '').replace(/(?<=^[^(]*)\)$/, '');
    const start = m.index + m[0].length - raw.length;
    const end = start + value.length;
    if (!isShortPasswordValue(value) || UNIT_AFTER.test(tail.slice(end))) continue;
    yield { start: at + start, end: at + end };
  }
}
