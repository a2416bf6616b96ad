import { isAnyShapeValue } from './password-any-shape.ts';
import { isChosenPlainWord } from './password-plain-words.ts';
import { isNumberedThing, isStrongPasswordValue } from './password-shapes.ts';
import { isShortPasswordValue } from './password-short-values.ts';
import { FINDING_TAG, PLACEHOLDER, isPassphraseRun } from './password-values.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A login noted as a block of three short lines, the system, its user, then the password, nothing
// after it: "NAS\nuser jdoe\n7585", "VPN\nuser root\nbramble goblet quiver". The layout says what
// the last line is, so it may be of any shape a password takes, where the rule of a token under any
// user's line (password-login-labels.ts) wants a password's own shape. The user is a login's name
// (lower case, or with a digit, a dot, a dash or "_"), not a word of a title ("User Research").
// ---------------------------------------------------------------------------------------------

/** A short title line, a user's line (its name in the case a login's is written, hence no 'i' flag), and the block's last line before a blank line or the text's end. */
const STICKY_NOTE =
  /(?:^|\n)[ \t]*[^\s.!?:][^\n.!?:]{0,38}\r?\n[ \t]*(?:[Uu]ser(?:[Nn]ame)?|USER(?:NAME)?|[Ll]ogin|LOGIN|[Uu]sr|[Bb]enutzer(?:name)?|[Uu]tilisateur|[Uu]suario|[Uu]su[aá]rio|[Gg]ebruiker)[ \t]*[:=]?[ \t]+([a-z0-9._@-]{2,40}|[\w.@-]*[\d._@-][\w.@-]*)[ \t]*\r?\n[ \t]*([^\s][^\n]{0,63}?)[ \t]*\r?(?=\n[ \t]*\r?\n|\n?$)/gu;
/** Shapes the layout leaves no doubt about: a path, a date, a number of four digits or more, a user's handle on no domain. */
const NOTED_SHAPE = /^(?:~|\.{0,2})\/|^[A-Za-z]:\\|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}!?$|^\d{4,16}$|^[\w.-]+@[\w-]+$/;

function isNotedValue(value: string): boolean {
  // (A line of its own label is read by that label's rules: "Passphrase: X", "password = X", "${{ secrets.X }}".)
  if (/^[\p{L}\d_ .-]{1,30}?[ \t]*(?::|=)|\$\{|\{\{|\{%/u.test(value)) return false;
  const words = value.split(/[ \t]+/);
  if (words.length > 1) return words.length <= 6 && isPassphraseRun(words);
  // (No address nor host: "user jdoe\nhost.example.org", "user jdoe\nj.doe@example.org", "https://…".)
  if (/:\/\/|^www\.|@[\w-]+\.|^[\w-]+(?:\.[\w-]+)+$/i.test(value) || PLACEHOLDER.test(value) || FINDING_TAG.test(value)) return false;
  // (Nor a numbered thing: "Windows10", "Room101".)
  if (isNumberedThing(value)) return false;
  if (/^\p{L}+$/u.test(value)) return /[^\u0000-\u024f]/.test(value) ? value.length >= 2 : isChosenPlainWord(value);
  return isStrongPasswordValue(value) || isAnyShapeValue(value, true) || isShortPasswordValue(value) || NOTED_SHAPE.test(value);
}

export function* findStickyNotePasswords(text: string): Generator<PiiSpan> {
  if (!text.includes('\n') || !/user|login|usr|benutzer|utilisateur|usu[aá]rio|gebruiker/i.test(text)) return;
  for (const m of text.matchAll(STICKY_NOTE)) {
    const value = m[2] ?? '';
    if (!isNotedValue(value)) continue;
    const start = m.index + m[0].length - value.length - (m[0].length - m[0].trimEnd().length);
    yield { start, end: start + value.length };
  }
}
