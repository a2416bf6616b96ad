import { passwordCues } from './password-cues.ts';
import { isStrongPasswordValue } from './password-shapes.ts';
import { FINDING_TAG, PLACEHOLDER, USER_KEYS } from './password-values.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A password written under a login's label: "Kiosk login: Fenerbahce1907. Don't share outside the
// team.", "guest login - falconcorrect&". A login's label names a user as often as a password, so
// only a value no user's name looks like is taken: a symbol a user's name never holds, a word and a
// year or more in digits after a capital, or letters whose case changes as no name's does. A
// password's own cue later on the line makes the value the user ("login: jdoe pw: X").
// ---------------------------------------------------------------------------------------------

/** "login:", "Login -", "log-in =": the label, then one token. */
const LOGIN_LABEL = /(?<![\p{L}\d_-])log[ -]?in[ \t]*(?::|=|[-–—](?=[ \t]))[ \t]*([^\s"'`“”‘’«»()[\]{}<>]{6,64})/giu;
/** A mark no user's name holds. */
const NOT_IN_USER_NAMES = /[!#$%&*+=?^~]/;
/** A capitalised word and a year or more in digits, a mark after them allowed ("Fenerbahce1907", "Summer2024!"). */
const WORD_AND_YEAR = /^\p{Lu}\p{Ll}{3,}\d{3,4}[!#$%&*?]*$/u;
/** Letters whose case changes three times or more ("GPtlNRknSvoKKXngPiP"). */
const IRREGULAR_CASE = /^(?=(?:\p{L}*?\p{Ll}\p{Lu}){2})(?=(?:\p{L}*?\p{Lu}\p{Ll}){2})\p{L}{8,}$/u;

/** Whether `value` is no user's name: what only a password looks like. */
function isNoUserName(value: string): boolean {
  if (/@[\w-]+\.|:\/\/|^www\./i.test(value) || PLACEHOLDER.test(value) || FINDING_TAG.test(value)) return false;
  const symbol = NOT_IN_USER_NAMES.test(value) && /[\p{L}\d]/u.test(value) && !/^[!#$%&*+=?^~]/.test(value);
  return symbol || WORD_AND_YEAR.test(value) || IRREGULAR_CASE.test(value);
}

export function* findLoginLabelPasswords(text: string): Generator<PiiSpan> {
  if (!/log[ -]?in/i.test(text)) return;
  let cues: ReturnType<typeof passwordCues> | undefined;
  for (const m of text.matchAll(LOGIN_LABEL)) {
    const raw = m[1] ?? '';
    // (The sentence's punctuation after the value is not part of it: "Fenerbahce1907.")
    const value = raw.replace(/[.,;:]+$/, '');
    if (value.length < 6 || !isNoUserName(value)) continue;
    const start = m.index + m[0].length - raw.length;
    const lineEnd = text.indexOf('\n', start);
    cues ??= passwordCues(text);
    if (cues.some((c) => c.index > start && (lineEnd === -1 || c.index < lineEnd))) continue;
    yield { start, end: start + value.length };
  }
}

/** A user's line ("user jdoe", "Username: m.silva", "login ops-admin"), then a line that holds one token alone. */
const USER_LINE_THEN_TOKEN = new RegExp(
  String.raw`(?:^|\n)[ \t]*(?:${USER_KEYS}|gebruiker)[ \t]*[:=]?[ \t]+[\w.@-]{2,40}[ \t]*\r?\n[ \t]*([^\s"'${'`'}]{6,64})[ \t]*(?=\r?\n|$)`,
  'giu',
);

/**
 * A note of a login written as lines ("NAS\nuser jdoe\nSaddle6453!", a sticky note): the token alone
 * under the user's line is the password when it has a password's shape and is no address, host, date
 * or number of something else.
 */
export function* findValueUnderUserLine(text: string): Generator<PiiSpan> {
  if (!text.includes('\n')) return;
  for (const m of text.matchAll(USER_LINE_THEN_TOKEN)) {
    const value = m[1] ?? '';
    // (No address, host, path or date: "user jdoe\nhost.example.org", "user jdoe\n2024-05-01".)
    if (/[@\/\\:]|^[\w-]+(?:\.[\w-]+)+$|^\d[\d.\/-]*$/.test(value) || PLACEHOLDER.test(value) || FINDING_TAG.test(value)) continue;
    if (!isStrongPasswordValue(value)) continue;
    const start = m.index + m[0].length - value.length - (m[0].length - m[0].trimEnd().length);
    yield { start, end: start + value.length };
  }
}
